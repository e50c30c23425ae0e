/**
 * `secc cost`: the report as text and JSON for a program multiplying two uint32
 * vectors of 10 elements and opening the product (hand-computed from protocols.md:
 * mul<32> and open<32> are 1 round and 2·32 bits = 8 bytes per party per lane, so
 * 80 bytes each, 2 rounds and 160 bytes per party in all); errors exit 1.
 */
import { describe, expect, it } from "vitest";
import { runCli, workspace } from "./helpers.js";

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

  it("exits 1 with the error's code and position on a wrong program", async () => {
    const dir = workspace({ "bad.sc": "void main() {\n  int x = \"a\";\n}\n" });
    const r = await runCli("secc", ["cost", "bad.sc", "--no-stdlib"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[SC3001]");
    expect(r.stderr).toContain("bad.sc:2:11");
  }, 60_000);
});
