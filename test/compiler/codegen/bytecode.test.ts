/**
 * Properties of the emitted bytecode: the same source gives the same bytes (in any
 * directory), the
 * bytes decode to what was built, every instruction has a source span, library
 * files are named independently of the installation, the program interface lists
 * every argument/publish with a constant name (with domain, type and dimension),
 * only procedures reachable from main and init are emitted, and code after a
 * return is dropped.
 */
import { describe, expect, it } from "vitest";
import { decode } from "../../../vm/bytecode.js";
import { compileOk, compileText } from "./helpers.js";

const PROGRAM = `import stdlib;
import shared3p;
domain pd_shared3p shared3p;
int counter = 3;
void main() {
  pd_shared3p uint32[[1]] xs = argument("xs");
  uint8 k = argument("k");
  string who = argument("who");
  publish("total", sum(xs));
  publish("k2", k * 2);
  publish("k2", k * 3);
  publish("who", who);
  print(counter);
}`;

describe("bytecode emission", () => {
  it("is deterministic, independent of the program's directory, and round-trips through the binary format", () => {
    const a = compileText(PROGRAM);
    const b = compileText(PROGRAM, "/elsewhere/deeper/prog.sc");
    expect(a.bytecode).toBeDefined();
    expect(Buffer.from(a.bytecode!).equals(Buffer.from(b.bytecode!))).toBe(true);
    expect(decode(a.bytecode!)).toEqual(a.module);
  });

  it("records the program interface with domains, types and dimensions", () => {
    const m = compileOk(PROGRAM);
    expect(m.interface).toEqual([
      { role: "argument", name: "xs", domain: "pd_shared3p", type: "uint32", dims: 1 },
      { role: "argument", name: "k", domain: "", type: "uint8", dims: 0 },
      { role: "argument", name: "who", domain: "", type: "string", dims: 0 },
      { role: "result", name: "total", domain: "pd_shared3p", type: "uint32", dims: 0 },
      { role: "result", name: "k2", domain: "", type: "uint8", dims: 0 },
      { role: "result", name: "who", domain: "", type: "string", dims: 0 },
    ]);
  });

  it("maps every instruction to a source span and names library files <stdlib>/...", () => {
    const m = compileOk(PROGRAM);
    for (const p of m.procedures) {
      expect(p.lines[0]?.start, p.name).toBe(0);
      for (const l of p.lines) {
        if (l.start < p.code.length) expect(l.span, `${p.name} @${l.start}`).toBeGreaterThanOrEqual(0);
      }
    }
    expect(m.files).toContain("prog.sc");
    expect(m.files.filter((f) => f.startsWith("/"))).toEqual([]);
    expect(m.files.some((f) => f === "<stdlib>/shared3p.sc")).toBe(true);
  });

  it("emits init and main and only reachable procedures", () => {
    const m = compileOk(`
      int unused(int x) { return x; }
      int used(int x) { return x + 1; }
      int g = used(1 :: int);
      void main() { print(g); }`);
    const names = m.procedures.map((p) => p.name);
    expect(names).toEqual(["init", "main()", "used(int64)"]);
    expect(m.init).toBe(0);
    expect(m.main).toBe(1);
    expect(m.globals).toEqual([{ name: "g" }]);
  });

  it("has no init procedure without globals and drops code after return", () => {
    const m = compileOk(`
      void main() {
        return;
        print("never");
      }`);
    expect(m.init).toBe(-1);
    expect(m.procedures[m.main]!.code.map((i) => i.op)).toEqual(["ret"]);
  });

  it("declares the kinds and domains of the program", () => {
    const m = compileOk(PROGRAM);
    const kind = m.kinds.find((k) => k.name === "shared3p")!;
    expect(kind.types).toContainEqual({ name: "xor_uint32", publicType: "uint32" });
    expect(kind.types).toContainEqual({ name: "fix64", publicType: "float64" });
    expect(kind.types).toContainEqual({ name: "bool", publicType: "bool" });
    expect(m.domains).toEqual([{ name: "pd_shared3p", kind: m.kinds.indexOf(kind) }]);
  });
});
