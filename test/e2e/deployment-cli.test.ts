/**
 * A deployment as an operator runs it: three `secrun party --id N --config FILE`
 * processes and a `secrun client --config FILE --arg ...` process, all from the
 * secrun bundle. The client's options (arguments, --json) belong to the `client`
 * subcommand; the results must equal what --emulate prints for the same arguments.
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSecrun, freePorts, makeBundles, type Bundles } from "./support.js";

let bundles: Bundles;
let secrun: string;
beforeAll(async () => {
  bundles = await makeBundles();
  secrun = await bundleSecrun(bundles.dir);
});
afterAll(() => bundles?.dispose());

const source = `import stdlib;
import shared3p;
domain pd_shared3p shared3p;
void main() {
    uint32 bonus = argument("bonus");
    pd_shared3p uint32[[1]] pay = argument("pay");
    publish("raised", pay + bonus);
    print("sum = ", declassify(sum(pay)));
}
`;

describe("secrun party and client roles", () => {
  it("runs a program from a configuration, with the client's arguments and --json", async () => {
    const prog = join(bundles.dir, "deploy.sc");
    writeFileSync(prog, source);
    const ports = await freePorts(6);
    const config = join(bundles.dir, "deploy.json");
    writeFileSync(
      config,
      JSON.stringify({
        parties: [0, 1, 2].map((i) => ({
          name: `p${i}`,
          address: `127.0.0.1:${ports[i]}`,
          clientAddress: `127.0.0.1:${ports[i + 3]}`,
        })),
        connectTimeoutMs: 20_000,
      }),
    );
    const parties = [0, 1, 2].map((i) => {
      const child = spawn(process.execPath, [secrun, "party", "--id", String(i), "--config", config, prog], { stdio: ["ignore", "pipe", "pipe"] });
      const done = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      return { child, done };
    });
    try {
      const args = ["--arg", "bonus=100", "--arg", "pay=1000,2000,4294967295", "--json"];
      const client = spawnSync(process.execPath, [secrun, "client", "--config", config, prog, ...args], { encoding: "utf8", timeout: 60_000 });
      expect(client.stderr).toBe("");
      expect(client.status).toBe(0);
      expect(JSON.parse(client.stdout)).toEqual({
        results: [{ name: "raised", domain: "pd_shared3p", type: "uint32", value: [1100, 2100, 99] }],
        output: ["sum = 2999"],
      });
      const emulated = spawnSync(process.execPath, [secrun, prog, "--emulate", ...args], { encoding: "utf8", timeout: 60_000 });
      expect(JSON.parse(emulated.stdout)).toEqual(JSON.parse(client.stdout));
      expect(await Promise.all(parties.map((p) => p.done))).toEqual([0, 0, 0]);
    } finally {
      for (const p of parties) p.child.kill();
    }
  });
});
