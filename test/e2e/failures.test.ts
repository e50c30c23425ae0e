/**
 * Failures of three-party runs end the whole run promptly with a message naming the
 * party and the reason: a party killed mid-run, a party that never starts, parties
 * holding different programs, a program error, bad input, an operation without a
 * protocol. Each test is bounded by the e2e project's timeout; none may hang.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientCommand } from "../../runtime/cli/client-command.js";
import { RunFailure, runThreeParty } from "../../runtime/cli/three-party.js";
import { encode, moduleHash } from "../../vm/bytecode.js";
import { argRecords, compileSource, freePorts, makeBundles, type Bundles } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
});
afterAll(() => bundles?.dispose());

const HEADER = "import shared3p;\nimport stdlib;\ndomain pd_shared3p shared3p;\n";

async function failureOf(p: Promise<unknown>): Promise<RunFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RunFailure) return e;
    throw e;
  }
  throw new Error("the run succeeded but should have failed");
}

function exited(c: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve({ code: c.exitCode, signal: c.signalCode });
  return new Promise((r) => c.once("exit", (code, signal) => r({ code, signal })));
}

describe("three-party failures", () => {
  it("a party killed mid-run ends the run, naming it", async () => {
    const module = compileSource(
      bundles.dir,
      "loop.sc",
      HEADER +
        `void main() {
    pd_shared3p uint32[[1]] a = argument("a");
    a = a * a;
    print("running");
    for (uint i = 0; i < 1000000; ++i) { a = a * a + a; }
    publish("a", a);
}`,
    );
    let children: readonly ChildProcess[] = [];
    const run = runThreeParty(module, argRecords(module, ["a=1,2,3"]), {
      child: bundles.child,
      onStarted: (cs) => (children = cs),
      // the parties are connected and multiplying once party 0 prints
      onOutput: () => setTimeout(() => children[1]!.kill("SIGKILL"), 300),
    });
    const f = await failureOf(run);
    expect(f.message).toBe("party 1: stopped without a result (killed by SIGKILL)");
    // the survivors report the lost connection (the kill may land in the middle of a frame)
    const others = f.failures.filter((x) => x.party !== 1);
    expect(others).toHaveLength(2);
    for (const x of others) expect(x.message).toMatch(/^(lost the connection to party 1 \((closed without notice|ECONNRESET|EPIPE)\)|connection to party 1 closed in the middle of a frame)$/);
    expect(await exited(children[0]!)).toEqual({ code: 1, signal: null });
    expect(await exited(children[2]!)).toEqual({ code: 1, signal: null });
  });

  it("a party that stops responding ends the run at the idle timeout", async () => {
    const module = compileSource(
      bundles.dir,
      "stall.sc",
      HEADER +
        `void main() {
    pd_shared3p uint32[[1]] a = argument("a");
    a = a * a;
    print("running");
    for (uint i = 0; i < 1000000; ++i) { a = a * a + a; }
    publish("a", a);
}`,
    );
    let children: readonly ChildProcess[] = [];
    const run = runThreeParty(module, argRecords(module, ["a=1,2,3"]), {
      child: bundles.child,
      idleTimeoutMs: 2000,
      onStarted: (cs) => (children = cs),
      onOutput: () => setTimeout(() => children[1]!.kill("SIGSTOP"), 300),
    });
    const f = await failureOf(run);
    // party 2 waits for party 1 and times out; party 0, waiting for party 2, hears its heartbeats and then its abort
    expect(f.message).toBe("party 2: party 1 sent nothing for 2.0 s while this party was waiting for it");
    expect(await exited(children[0]!)).toEqual({ code: 1, signal: null });
    expect(await exited(children[2]!)).toEqual({ code: 1, signal: null });
    expect((await exited(children[1]!)).signal).toBe("SIGKILL");
  });

  it("parties holding different programs stop at the handshake, naming both hashes", async () => {
    const main = compileSource(bundles.dir, "one.sc", HEADER + `void main() { pd_shared3p uint32 a = argument("a"); publish("a", a * a); }`);
    const other = compileSource(bundles.dir, "two.sc", HEADER + `void main() { pd_shared3p uint32 a = argument("a"); publish("a", a + a); }`);
    const [h1, h2] = [moduleHash(encode(main)), moduleHash(encode(other))];
    const f = await failureOf(runThreeParty(main, argRecords(main, ["a=5"]), { child: bundles.child, programFor: (p) => (p === 2 ? encode(other) : undefined) }));
    expect(f.message).toBe(`party 0: program mismatch: party 0 runs program ${h1}, party 2 runs program ${h2}`);
    // every party stops (none is left waiting for a timeout) and each report names both programs
    expect(f.failures).toHaveLength(3);
    for (const x of f.failures) {
      expect(x.message).toContain(h1);
      expect(x.message).toContain(h2);
    }
  });

  it("a program error stops all parties with the program's message", async () => {
    const module = compileSource(
      bundles.dir,
      "oob.sc",
      HEADER +
        `void main() {
    pd_shared3p uint32[[1]] a = argument("a");
    uint k = argument("k");
    publish("x", a[k]);
}`,
    );
    const f = await failureOf(runThreeParty(module, argRecords(module, ["a=1,2,3", "k=10"]), { child: bundles.child }));
    expect(f.message).toMatch(/^party [012]: Index out of bounds at .*oob\.sc:\(7,/);
    expect(f.failures.map((x) => [x.party, x.cause])).toEqual([
      [0, "program"],
      [1, "program"],
      [2, "program"],
    ]);
  });

  it("bad input and operations without protocols are refused before any party starts", async () => {
    const module = compileSource(bundles.dir, "in.sc", HEADER + `void main() { pd_shared3p uint32[[1]] a = argument("a"); publish("a", a); }`);
    const bad = [{ name: "a", domain: "pd_shared3p", type: "uint32", data: new Uint8Array(6) }];
    expect((await failureOf(runThreeParty(module, bad, { child: bundles.child }))).message).toBe('argument "a": 6 bytes is not a whole number of uint32 values');
    // the standard library's syscalls all run at three parties; a direct syscall without a protocol is refused
    const sign = compileSource(
      bundles.dir,
      "sign.sc",
      HEADER +
        `void main() {
    pd_shared3p float32[[1]] a = argument("a");
    pd_shared3p float32[[1]] r(size(a));
    __syscall("shared3p::sign_float32_vec", __domainid(pd_shared3p), a, r);
    publish("r", r);
}`,
    );
    expect((await failureOf(runThreeParty(sign, argRecords(sign, ["a=5,-1"]), { child: bundles.child }))).message).toBe(
      "not available in the three-party runtime yet: shared3p::sign_float32_vec (the operation sign has no protocol yet)",
    );
  });

  it("a deployment with only two parties started ends at the connection timeout", async () => {
    const module = compileSource(bundles.dir, "dep.sc", HEADER + `void main() { pd_shared3p uint32 a = argument("a"); publish("a", a * a); }`);
    const program = join(bundles.dir, "dep.sb");
    writeFileSync(program, encode(module));
    const ports = await freePorts(6);
    const config = join(bundles.dir, "two.json");
    writeFileSync(
      config,
      JSON.stringify({
        connectTimeoutMs: 2000,
        parties: [0, 1, 2].map((i) => ({ address: `127.0.0.1:${ports[i]}`, clientAddress: `127.0.0.1:${ports[3 + i]}` })),
      }),
    );
    const parties = [0, 1].map((id) => {
      const c = spawn(process.execPath, [bundles.party, String(id), config, program], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      const listening = new Promise<void>((r) =>
        c.stderr!.on("data", (d: Buffer) => {
          err += d.toString();
          if (err.includes("client on")) r();
        }),
      );
      return { c, err: () => err, listening };
    });
    await Promise.all(parties.map((p) => p.listening));
    const f = await failureOf(clientCommand({ config, program: module, records: argRecords(module, ["a=3"]) }));
    expect(f.message).toBe(`party 2: unreachable at 127.0.0.1:${ports[5]} (ECONNREFUSED)`);
    for (const { c, err } of parties) {
      expect(await exited(c)).toEqual({ code: 1, signal: null });
      expect(err()).toContain("party 2 did not connect within 2 s");
    }
  });
});
