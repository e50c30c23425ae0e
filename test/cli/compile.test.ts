/**
 * `secc compile`: writes deterministic bytecode, reports compile errors as text or
 * JSON with exit 1, treats a missing file as an error diagnostic and an unknown
 * option as a usage error (exit 2).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, workspace } from "./helpers.js";

const GOOD = `void main() { int x = 6 * 7; print("x = ", x); }\n`;
const BAD = `void main() {\n  int x = "a";\n}\n`;

describe("secc compile", () => {
  it("writes FILE.sb beside the source, and the same bytes with -o", async () => {
    const dir = workspace({ "prog.sc": GOOD });
    const first = await runCli("secc", ["compile", "prog.sc", "--no-stdlib"], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe("");
    const second = await runCli("secc", ["compile", "prog.sc", "--no-stdlib", "-o", "other.sb"], dir);
    expect(second.code).toBe(0);
    const a = readFileSync(join(dir, "prog.sb"));
    expect(a.subarray(0, 4).toString("latin1")).toBe("SECB");
    expect(a.equals(readFileSync(join(dir, "other.sb")))).toBe(true);
  }, 60_000);

  it("reports errors with code and position, writes nothing, exits 1", async () => {
    const dir = workspace({ "bad.sc": BAD });
    const text = await runCli("secc", ["compile", "bad.sc", "--no-stdlib"], dir);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain("error[SC3001]");
    expect(text.stderr).toContain("bad.sc:2:11");
    expect(existsSync(join(dir, "bad.sb"))).toBe(false);
    const json = await runCli("secc", ["compile", "bad.sc", "--no-stdlib", "--json"], dir);
    expect(json.code).toBe(1);
    const ds = JSON.parse(json.stdout) as { code: string; severity: string }[];
    expect(ds.map((d) => [d.code, d.severity])).toEqual([["SC3001", "error"]]);
  }, 60_000);

  it("reports a missing file (exit 1) and an unknown option (exit 2)", async () => {
    const dir = workspace({});
    const missing = await runCli("secc", ["compile", "nope.sc"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("SC9001");
    expect(missing.stderr).toContain("nope.sc");
    const unknown = await runCli("secc", ["compile", "x.sc", "--frobnicate"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--frobnicate");
  }, 60_000);
});
