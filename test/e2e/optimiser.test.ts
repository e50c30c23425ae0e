/**
 * The optimiser on three local parties, as users run it: `secrun prog.sc --stats`
 * with and without `-O0` publishes the same results (equal to a BigInt model), and
 * each party runs the 100 independent multiplications of a scalar-style loop as
 * one mul<32> protocol run (1 round) instead of 100; `secc compile -O0` writes
 * bytecode that keeps the 100 runs, and an unknown level is a usage error.
 */
import { describe, expect, it } from "vitest";
import { runCli, workspace } from "../cli/helpers.js";

const PROGRAM = `import stdlib;
import shared3p;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] b = argument("b");
    pd_shared3p uint32[[1]] c(100);
    for (uint i = 0; i < 100; ++i) {
        c[i] = a[i] * b[i];
    }
    publish("c", c);
}
`;

interface RunJson {
  readonly results: { name: string; value: unknown }[];
  readonly stats: { party: number; protocols: Record<string, { calls: number; lanes: number; rounds: number }> }[];
}

describe("secrun with the optimiser on three local parties", () => {
  it("runs 100 independent multiplications in 1 round (100 with -O0), with the same results", async () => {
    const dir = workspace({ "muls.sc": PROGRAM });
    const a = Array.from({ length: 100 }, (_, i) => BigInt(i) * 40503n + 11n);
    const b = Array.from({ length: 100 }, (_, i) => 4294967295n - BigInt(i) * 65537n);
    const args = ["--arg", `a=${a.join(",")}`, "--arg", `b=${b.join(",")}`, "--stats", "--json"];
    const expected = a.map((x, i) => String((x * b[i]!) & 0xffffffffn));
    const runs: RunJson[] = [];
    for (const level of [[], ["-O0"]]) {
      const r = await runCli("secrun", ["muls.sc", ...level, ...args], dir);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      runs.push(JSON.parse(r.stdout) as RunJson);
    }
    const [opt, plain] = runs as [RunJson, RunJson];
    for (const run of runs) expect(run.results.map((x) => [x.name, (x.value as unknown[]).map(String)])).toEqual([["c", expected]]);
    for (const s of opt.stats) expect([s.party, s.protocols["mul<32>"]]).toEqual([s.party, { ...s.protocols["mul<32>"], calls: 1, lanes: 100, rounds: 1 }]);
    for (const s of plain.stats) expect([s.party, s.protocols["mul<32>"]]).toEqual([s.party, { ...s.protocols["mul<32>"], calls: 100, lanes: 100, rounds: 100 }]);
  }, 180_000);

  it("secc compile -O0 keeps one multiplication per iteration; -O2 is a usage error", async () => {
    const dir = workspace({ "muls.sc": PROGRAM });
    expect((await runCli("secc", ["compile", "muls.sc", "-O0", "-o", "plain.sb"], dir)).code).toBe(0);
    expect((await runCli("secc", ["compile", "muls.sc", "-o", "opt.sb"], dir)).code).toBe(0);
    const args = ["--emulate", "--stats", "--json", "--arg", `a=${Array(100).fill(3).join(",")}`, "--arg", `b=${Array(100).fill(5).join(",")}`];
    const calls: number[] = [];
    for (const file of ["plain.sb", "opt.sb"]) {
      const r = await runCli("secrun", [file, ...args], dir);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { results: { value: unknown[] }[]; stats: { operations: { operation: string; calls: number }[] } };
      expect(out.results[0]!.value.map(String)).toEqual(Array(100).fill("15"));
      calls.push(out.stats.operations.find((o) => o.operation === "mul_uint32_vec")!.calls);
    }
    expect(calls).toEqual([100, 1]);
    const bad = await runCli("secc", ["compile", "muls.sc", "-O2"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are 0, 1");
  }, 180_000);
});
