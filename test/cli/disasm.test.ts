/**
 * `secc disasm`: readable assembly of compiled bytecode with the program interface
 * and source positions; corrupt bytecode is a clear error (exit 1), a missing file
 * a usage error (exit 2).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, workspace } from "./helpers.js";

const PROGRAM = `import stdlib;
void main() {
  uint8 k = argument("k");
  publish("double", k * 2);
}
`;

describe("secc disasm", () => {
  it("prints procedures, the interface and source positions", async () => {
    const dir = workspace({ "prog.sc": PROGRAM });
    expect((await runCli("secc", ["compile", "prog.sc"], dir)).code).toBe(0);
    const r = await runCli("secc", ["disasm", "prog.sb"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^; secc bytecode sha256 [0-9a-f]{64}\n/);
    expect(r.stdout).toContain('argument "k" : public uint8[[0]]');
    expect(r.stdout).toContain('result "double" : public uint8[[0]]');
    expect(r.stdout).toMatch(/proc \d+ main\(\) \(params 0, registers \d+\)  ; main/);
    expect(r.stdout).toContain("prog.sc:(4,3)");
    expect(r.stdout).toContain("<stdlib>/stdlib.sc:(");
  }, 120_000);

  it("rejects corrupt bytecode with exit 1 and a missing file with exit 2", async () => {
    const dir = workspace({ "prog.sc": PROGRAM });
    expect((await runCli("secc", ["compile", "prog.sc"], dir)).code).toBe(0);
    const bytes = readFileSync(join(dir, "prog.sb"));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(join(dir, "flipped.sb"), bytes);
    const flipped = await runCli("secc", ["disasm", "flipped.sb"], dir);
    expect(flipped.code).toBe(1);
    expect(flipped.stderr).toContain("'flipped.sb' is not valid secc bytecode: hash mismatch");
    const missing = await runCli("secc", ["disasm", "gone.sb"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read 'gone.sb': no such file");
  }, 120_000);
});
