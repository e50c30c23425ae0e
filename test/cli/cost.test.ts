/**
 * `secc cost`: the report as text and JSON for a program multiplying two uint32
 * vectors of 10 elements and opening the product (hand-computed from protocols.md:
 * mul<32> and open<32> are 1 round and 2·32 bits = 8 bytes per party per lane, so
 * 80 bytes each, 2 rounds and 160 bytes per party in all); errors exit 1.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, runCli, workspace } from "./helpers.js";

const PROGRAM = `import stdlib;
import shared3p;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a(10);
    pd_shared3p uint32[[1]] b(10);
    uint32[[1]] p = declassify(a * b);
}
`;

describe("secc cost", () => {
  it("prints protocol runs, rounds and bytes per party as text and JSON", async () => {
    const dir = workspace({ "prog.sc": PROGRAM });
    const text = await runCli("secc", ["cost", "prog.sc"], dir);
    expect(text.code).toBe(0);
    const lines = text.stdout.split("\n").map((l) => l.trim().split(/\s{2,}/));
    expect(lines).toContainEqual(["mul<32>", "1", "1", "80", "80", "80"]);
    expect(lines).toContainEqual(["open<32>", "1", "1", "80", "80", "80"]);
    expect(lines).toContainEqual(["total", "2", "2", "160", "160", "160"]);
    const json = await runCli("secc", ["cost", "prog.sc", "--json"], dir);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout) as { program: { total: { rounds: { text: string }; bytes: { text: string }[] } } };
    expect(r.program.total.rounds.text).toBe("2");
    expect(r.program.total.bytes.map((b) => b.text)).toEqual(["160", "160", "160"]);
  }, 60_000);

  it("predicts the rounds and bytes the emulator's --stats measures for the priced operations", async () => {
    const program = `import stdlib;
import shared3p;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] b = argument("b");
    uint32[[1]] p = declassify(a * b);
    pd_shared3p bool[[1]] c = a < b;
    print("x ", declassify(sum((uint32) c)));
}
`;
    const dir = workspace({ "m.sc": program });
    const predicted = await runCli("secc", ["cost", "m.sc", "--json"], dir);
    expect(predicted.code).toBe(0);
    type P = { terms: Record<string, number> };
    type U = { invocations: P; rounds: P; bytes: P[] };
    const report = JSON.parse(predicted.stdout) as { program: { protocols: Record<string, U> } };
    // the length symbol is the argument's name: a = 10 lanes
    const at10 = (p: P): number => Object.entries(p.terms).reduce((acc, [m, c]) => acc + c * (m === "" ? 1 : m === "a" ? 10 : NaN), 0);
    const use = (k: string) => {
      const u = report.program.protocols[k]!;
      return { calls: at10(u.invocations), rounds: at10(u.rounds), bytes: u.bytes.reduce((acc, b) => acc + at10(b), 0) };
    };
    const measured = await runCli("secrun", ["m.sc", "--emulate", "--stats", "--json", "--arg", "a=1,2,3,4,5,6,7,8,9,10", "--arg", "b=1,2,3,4,5,6,7,8,9,11"], dir);
    expect(measured.code).toBe(0);
    const ops = (JSON.parse(measured.stdout) as { stats: { operations: { operation: string; calls: number; rounds: number | null; bytes: number | null }[] } }).stats.operations;
    const op = (name: string) => {
      const o = ops.find((x) => x.operation === name)!;
      return { calls: o.calls, rounds: o.rounds, bytes: o.bytes };
    };
    // the emulator's bytes are summed over the three parties
    expect(use("mul<32>")).toEqual(op("mul_uint32_vec"));
    expect(use("open<32>")).toEqual(op("declassify_uint32"));
    expect(use("ltu<32>").calls).toBe(op("lt_uint32_vec").calls);
    expect(use("b2a<32>").calls).toBe(op("conv_bool_to_uint32_vec").calls);
  }, 120_000);

  it("on examples/auction.sc, predicts the emulator's measured calls, rounds and bytes of mul and open at 5 bids", async () => {
    const dir = workspace({ "auction.sc": readFileSync(join(ROOT, "examples/auction.sc"), "utf8") });
    const predicted = await runCli("secc", ["cost", "auction.sc", "--json"], dir);
    expect(predicted.code).toBe(0);
    type P = { terms: Record<string, number> };
    type U = { invocations: P; rounds: P; bytes: P[] };
    const protocols = (JSON.parse(predicted.stdout) as { program: { protocols: Record<string, U> } }).program.protocols;
    const at5 = (p: P): number => Object.entries(p.terms).reduce((acc, [m, c]) => acc + c * (m === "" ? 1 : m === "bids" ? 5 : NaN), 0);
    const use = (k: string) => {
      const u = protocols[k]!;
      return { calls: at5(u.invocations), rounds: at5(u.rounds), bytes: u.bytes.reduce((acc, b) => acc + at5(b), 0) };
    };
    const measured = await runCli("secrun", ["auction.sc", "--emulate", "--stats", "--json", "--arg", "bids=120,340,95,340,210"], dir);
    expect(measured.code).toBe(0);
    const ops = (JSON.parse(measured.stdout) as { stats: { operations: { operation: string; calls: number; lanes: number; rounds: number | null; bytes: number | null }[] } }).stats.operations;
    const op = (name: string) => ops.find((x) => x.operation === name)!;
    const mulInt = op("mul_int32_vec");
    const mulUint = op("mul_uint32_vec");
    expect(use("mul<32>")).toEqual({ calls: mulInt.calls + mulUint.calls, rounds: (mulInt.rounds ?? 0) + (mulUint.rounds ?? 0), bytes: (mulInt.bytes ?? 0) + (mulUint.bytes ?? 0) });
    const open = op("declassify_uint32");
    expect(use("open<32>")).toEqual({ calls: open.calls, rounds: open.rounds, bytes: open.bytes });
    expect(use("lts<32>").calls).toBe(op("gt_int32_vec").calls);
    expect(use("xopen<1>").calls).toBe(op("declassify_bool").calls);
  }, 120_000);

  it("exits 1 with the error's code and position on a wrong program, and on a program without main", async () => {
    const dir = workspace({ "bad.sc": "void main() {\n  int x = \"a\";\n}\n" });
    const r = await runCli("secc", ["cost", "bad.sc", "--no-stdlib"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[SC3001]");
    expect(r.stderr).toContain("bad.sc:2:11");
    const noMain = workspace({ "lib.sc": "void helper() {}\n" });
    const m = await runCli("secc", ["cost", "lib.sc", "--no-stdlib", "--json"], noMain);
    expect(m.code).toBe(1);
    expect((JSON.parse(m.stdout) as { code: string }[]).map((d) => d.code)).toEqual(["SC2011"]);
  }, 60_000);
});
