/**
 * secrun as users run it, from a fresh bundle: the three-party mode (three child
 * processes started as `secrun --party-child`) prints exactly what --emulate prints,
 * in text and in JSON.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSecrun, makeBundles, type Bundles } from "./support.js";

let bundles: Bundles;
let secrun: string;
beforeAll(async () => {
  bundles = await makeBundles();
  secrun = await bundleSecrun(bundles.dir);
});
afterAll(() => bundles?.dispose());

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [secrun, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("secrun three-party mode", () => {
  it("prints what --emulate prints (text and JSON)", () => {
    const prog = join(bundles.dir, "cli.sc");
    writeFileSync(
      prog,
      `import shared3p;
import stdlib;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p int32[[1]] a = argument("a");
    pd_shared3p bool[[1]] f = argument("f");
    print("start");
    publish("sq", a * a);
    publish("lt", a < a * a);
    publish("both", f & (a == a));
    print("end");
    publish("n", declassify(sum(a)));
}
`,
    );
    const args = [prog, "--arg", "a=-3,0,7", "--arg", "f=true,false,true"];
    const emulated = run([...args, "--emulate", "--json"]);
    const three = run([...args, "--json"]);
    expect({ code: emulated.code, stderr: emulated.stderr }).toEqual({ code: 0, stderr: "" });
    expect({ code: three.code, stderr: three.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(three.stdout)).toEqual(JSON.parse(emulated.stdout));
    expect(JSON.parse(three.stdout).results.map((r: { name: string }) => r.name)).toEqual(["sq", "lt", "both", "n"]);
    const text = run(args);
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n").filter((l) => l !== "").sort()).toEqual(run([...args, "--emulate"]).stdout.split("\n").filter((l) => l !== "").sort());
  });
});
