/**
 * `secrun` as users run it: bytecode or source, typed --arg values, the text and
 * --json outputs, the exit codes (0 success, 1 runtime error with a source position
 * or invalid bytecode, 2 usage error naming the argument, 3 compile error), and the
 * three-party mode printing what --emulate prints. Expected values are worked out
 * by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, workspace } from "./helpers.js";

const PROGRAM = `import stdlib;
void main() {
  uint32[[1]] v = argument("v");
  int64 k = argument("k");
  string who = argument("who");
  print("hello ", who);
  publish("sum", sum(v));
  publish("v2", v * 2);
  publish("big", k * 1000000000);
  uint i = 5;
  if (k < 0) print(v[i]);
}
`;

describe("secrun --emulate", () => {
  it("compiles source, takes typed arguments and prints lines and results", async () => {
    const dir = workspace({ "prog.sc": PROGRAM });
    const r = await runCli("secrun", ["prog.sc", "--emulate", "--arg", "v=1,2,3", "--arg", "k=9000000000", "--arg", "who=world"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("hello world\nsum = 6\nv2 = {2, 4, 6}\nbig = 9000000000000000000\n");
  }, 120_000);

  it("prints one JSON object with --json, 64-bit integers as strings", async () => {
    const dir = workspace({ "prog.sc": PROGRAM, "args.json": JSON.stringify({ v: [7], k: "-1", who: "x" }) });
    const r = await runCli("secrun", ["prog.sc", "--emulate", "--args", "args.json", "--arg", "k=2", "--json"], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      results: [
        { name: "sum", domain: "", type: "uint32", value: 7 },
        { name: "v2", domain: "", type: "uint32", value: [14] },
        { name: "big", domain: "", type: "int64", value: "2000000000" },
      ],
      output: ["hello x"],
    });
  }, 120_000);

  it("runs compiled bytecode and reports runtime errors with their position (exit 1)", async () => {
    const dir = workspace({ "prog.sc": PROGRAM });
    const c = await runCli("secc", ["compile", "prog.sc", "-o", "prog.sb"], dir);
    expect(c.code).toBe(0);
    const r = await runCli("secrun", ["prog.sb", "--emulate", "--arg", "v=1", "--arg", "k=-1", "--arg", "who=w"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("hello w\n");
    expect(r.stderr).toContain("Index out of bounds at prog.sc:(11,20)(11,24)");
  }, 120_000);

  it("rejects bad argument values naming the argument (exit 2) and corrupt bytecode (exit 1)", async () => {
    const good = readFileSync(join(ROOT, "examples", "public-arithmetic.sc"), "utf8");
    const dir = workspace({ "prog.sc": PROGRAM, "bad.sb": new Uint8Array([0x53, 0x45, 0x43, 0x42, 1, 0, 0, 0, 9]), "pa.sc": good });
    const bad = await runCli("secrun", ["prog.sc", "--emulate", "--arg", "v=1,x", "--arg", "k=1", "--arg", "who=w"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('argument "v"');
    expect(bad.stderr).toContain('"x" is not an integer');
    const corrupt = await runCli("secrun", ["bad.sb", "--emulate"], dir);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toContain("not valid bytecode");
  }, 120_000);

  it("exits 3 on compile errors and 2 on a missing file", async () => {
    const dir = workspace({ "bad.sc": "void main() { int x = true; }\n" });
    const compileError = await runCli("secrun", ["bad.sc", "--emulate", "--no-stdlib"], dir);
    expect(compileError.code).toBe(3);
    expect(compileError.stderr).toContain("error[SC3001]");
    const missing = await runCli("secrun", ["missing.sc", "--emulate"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read 'missing.sc': no such file");
  }, 120_000);
});
