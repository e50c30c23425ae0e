/**
 * Inline sites in the bytecode: line entries of inlined code name a site (inlined
 * procedure, call span, parent site). Round trip through encode/decode, the verifier's
 * messages for corrupt sites (bad indices, parent cycles), the disassembler's notes, and
 * the call stack the VM rebuilds from them (inlined frames first, then the real ones).
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModuleBuilder } from "../../vm/builder.js";
import { decode, encode, FORMAT_VERSION, type InlineSite, type LineEntry, type Module } from "../../vm/bytecode.js";
import { disasm } from "../../vm/disasm.js";
import { BytecodeError, VmError } from "../../vm/errors.js";
import { MemoryHost } from "../../vm/host.js";
import { runModule } from "../../vm/interpreter.js";
import { loadModule, verifyModule } from "../../vm/verify.js";

/**
 * main() { outer(); } where outer() { 1 + inner(); } and inner() { 7 / 0 } were both
 * inlined into main (7 / divisor + 1 is passed on), and helper(x) (a real procedure,
 * called at span 4) in which check(), asserting x != 8, was inlined. Spans: 0 main's call of outer, 1 outer's call of inner, 2 the
 * division in inner, 3 the addition in outer, 4 main's call of helper, 5 helper's call
 * of check, 6 the error in check.
 */
function sample(divisor: number): Module {
  const b = new ModuleBuilder();
  const f = b.file("prog.sc");
  const spans = [
    b.span(f, 10, 3, 10, 11),
    b.span(f, 6, 10, 6, 17),
    b.span(f, 2, 10, 2, 15),
    b.span(f, 6, 10, 6, 21),
    b.span(f, 11, 3, 11, 12),
    b.span(f, 14, 3, 14, 10),
    b.span(f, 18, 3, 18, 20),
  ];
  const check = b.procedure("check");
  check.at(spans[6]!);
  check.ins("ret", null);
  const helper = b.procedure("helper", 1);
  const main = b.procedure("main");
  // main: pc 0 nop (call of outer), pc 1-3 inner's division, pc 4-5 outer's addition, pc 6 call helper, pc 7 ret
  main.at(spans[0]!);
  main.ins("nop");
  main.at(spans[2]!);
  const seven = main.value("int64", 7);
  const d = main.value("int64", divisor);
  const q = main.reg();
  main.ins("binop", "div", "int64", q, seven, d);
  main.at(spans[3]!);
  const one = main.value("int64", 1);
  main.ins("binop", "add", "int64", q, q, one);
  main.at(spans[4]!);
  main.ins("call", helper.index, -1, [q]);
  main.ins("ret", null);
  // helper: pc 0 nop (call of check), pc 1-3 check's assert, failing when the argument is 8
  helper.at(spans[5]!);
  helper.ins("nop");
  helper.at(spans[6]!);
  const eight = helper.value("int64", 8);
  const ok = helper.reg();
  helper.ins("binop", "ne", "int64", ok, helper.param(0), eight);
  helper.ins("assert", ok);
  helper.ins("ret", null);
  b.setMain(main);
  const built = b.build();
  const sites: InlineSite[] = [
    { procedure: "outer", call: 0, parent: -1 },
    { procedure: "inner", call: 1, parent: 0 },
    { procedure: "check", call: 5, parent: -1 },
  ];
  const lines: Record<string, LineEntry[]> = {
    main: [
      { start: 0, span: 0 },
      { start: 1, span: 2, inline: 1 },
      { start: 4, span: 3, inline: 0 },
      { start: 6, span: 4 },
    ],
    helper: [
      { start: 0, span: 5 },
      { start: 1, span: 6, inline: 2 },
    ],
    check: [{ start: 0, span: 6 }],
  };
  return { ...built, inlineSites: sites, procedures: built.procedures.map((p) => ({ ...p, lines: lines[p.name]! })) };
}

/** Re-hashes bytes after tampering, so the decoder looks past the hash. */
function rehash(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  out.set(createHash("sha256").update(out.subarray(40)).digest(), 8);
  return out;
}

async function stackOf(m: Module): Promise<{ message: string; frames: string[] }> {
  try {
    await runModule(loadModule(encode(m)), { host: new MemoryHost() });
  } catch (e) {
    if (!(e instanceof VmError)) throw e;
    const frames = e.callStack.map((f) => `${f.procedure} at ${f.position === undefined ? "?" : `${f.position.line}:${f.position.column}`}`);
    return { message: e.message, frames };
  }
  throw new Error("expected a runtime error");
}

function withSites(m: Module, sites: InlineSite[]): Module {
  return { ...m, inlineSites: sites };
}

function withMainLines(m: Module, lines: LineEntry[]): Module {
  return { ...m, procedures: m.procedures.map((p) => (p.name === "main" ? { ...p, lines } : p)) };
}

describe("inline sites in the bytecode", () => {
  it("survive an encode/decode round trip, sites and line entries alike", () => {
    expect(FORMAT_VERSION).toBe(2);
    const m = sample(0);
    const back = decode(encode(m));
    expect(back.inlineSites).toEqual([
      { procedure: "outer", call: 0, parent: -1 },
      { procedure: "inner", call: 1, parent: 0 },
      { procedure: "check", call: 5, parent: -1 },
    ]);
    expect(back.procedures.find((p) => p.name === "main")!.lines).toEqual([
      { start: 0, span: 0 },
      { start: 1, span: 2, inline: 1 },
      { start: 4, span: 3, inline: 0 },
      { start: 6, span: 4 },
    ]);
    expect(back).toEqual(m);
    expect(encode(back)).toEqual(encode(m));
  });

  it("a module without inlining decodes without the site list", () => {
    const m = sample(0);
    const plain: Module = {
      ...m,
      inlineSites: undefined,
      procedures: m.procedures.map((p) => ({ ...p, lines: p.lines.map((l) => ({ start: l.start, span: l.span })) })),
    };
    const back = decode(encode(plain));
    expect("inlineSites" in back).toBe(false);
    expect(back.procedures[2]!.lines[1]).toEqual({ start: 1, span: 2 });
  });
});

describe("the verifier and inline sites", () => {
  it("accepts the sample", () => {
    expect(() => loadModule(encode(sample(0)))).not.toThrow();
  });

  it("rejects a parent index out of range", () => {
    const m = withSites(sample(0), [
      { procedure: "outer", call: 0, parent: -1 },
      { procedure: "inner", call: 1, parent: 7 },
      { procedure: "check", call: 5, parent: -1 },
    ]);
    expect(() => loadModule(encode(m))).toThrow(new BytecodeError("inline site 1 (inner) names parent site 7, but there are 3"));
  });

  it("rejects a call span out of range", () => {
    const m = withSites(sample(0), [
      { procedure: "outer", call: 40, parent: -1 },
      { procedure: "inner", call: 1, parent: 0 },
      { procedure: "check", call: 5, parent: -1 },
    ]);
    expect(() => loadModule(encode(m))).toThrow(new BytecodeError("inline site 0 (outer) names call span 40, but there are 7 spans"));
  });

  it("rejects parents that form a cycle, naming it", () => {
    const cycle = withSites(sample(0), [
      { procedure: "outer", call: 0, parent: 2 },
      { procedure: "inner", call: 1, parent: 0 },
      { procedure: "check", call: 5, parent: 1 },
    ]);
    expect(() => loadModule(encode(cycle))).toThrow(new BytecodeError("inline sites form a cycle: 0 -> 2 -> 1 -> 0"));
    const self = withSites(sample(0), [
      { procedure: "outer", call: 0, parent: -1 },
      { procedure: "inner", call: 1, parent: 1 },
      { procedure: "check", call: 5, parent: -1 },
    ]);
    expect(() => verifyModule(self)).toThrow(new BytecodeError("inline sites form a cycle: 1 -> 1"));
  });

  it("rejects a line entry naming a site that does not exist", () => {
    const m = withMainLines(sample(0), [
      { start: 0, span: 0 },
      { start: 1, span: 2, inline: 3 },
    ]);
    expect(() => loadModule(encode(m))).toThrow(new BytecodeError("procedure 2 (main): line table names inline site 3, but there are 3"));
    const none = withMainLines({ ...sample(0), inlineSites: undefined, procedures: sample(0).procedures.map((p) => ({ ...p, lines: [] })) }, [
      { start: 1, span: 2, inline: 0 },
    ]);
    expect(() => verifyModule(none)).toThrow(/procedure 2 \(main\): line table names inline site 0, but there are 0/);
  });

  it("the section stores each procedure name once; a name index out of range is a BytecodeError", () => {
    const twice = withSites(sample(0), [
      { procedure: "outer", call: 0, parent: -1 },
      { procedure: "inner", call: 1, parent: 0 },
      { procedure: "outer", call: 5, parent: -1 },
    ]);
    const bytes = encode(twice);
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.split("outer").length - 1).toBe(1);
    expect(decode(bytes).inlineSites).toEqual(twice.inlineSites);
    // the names "outer", "inner" (length-prefixed), then 3 sites: name 0, call 0 + 1, parent -1 + 1
    const afterNames = text.indexOf("inner") + "inner".length;
    expect([...bytes.subarray(afterNames, afterNames + 4)]).toEqual([3, 0, 1, 0]);
    const bad = bytes.slice();
    bad[afterNames + 1] = 9;
    expect(() => loadModule(rehash(bad))).toThrow(new BytecodeError("inline site names procedure name 9, but there are 2", afterNames + 1));
  });

  it("every truncation and random corruption of the site section is a BytecodeError or a valid module, never a crash", () => {
    const bytes = encode(sample(0));
    for (let n = 41; n < bytes.length; n++) {
      expect(() => loadModule(rehash(bytes.subarray(0, n)))).toThrow(BytecodeError);
    }
    // the sites section follows the spans: aim edits at the bytes around it
    const at = Buffer.from(bytes).indexOf("outer", 40);
    expect(at).toBeGreaterThan(40);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -12, max: 30 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 3 }), (edits) => {
        const bad = bytes.slice();
        for (const [i, v] of edits) bad[at + i] = v;
        try {
          const m = loadModule(rehash(bad));
          expect(typeof disasm(m)).toBe("string");
        } catch (e) {
          expect(e).toBeInstanceOf(BytecodeError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("the disassembler and inline sites", () => {
  it("lists the sites and notes, per instruction, which procedures the code was inlined from", () => {
    const text = disasm(sample(0));
    expect(text).toContain("inline 0 outer called at prog.sc:(10,3)(10,11)\n");
    expect(text).toContain("inline 1 inner called at prog.sc:(6,10)(6,17) in inline 0\n");
    expect(text).toContain("inline 2 check called at prog.sc:(14,3)(14,10)\n");
    expect(text).toMatch(/ 1 {2}const +int64, r0, #\d+\(7\) +; prog\.sc:\(2,10\)\(2,15\) inlined inner <- outer\n/);
    expect(text).toMatch(/ 4 {2}const +int64, r3, #\d+\(1\) +; prog\.sc:\(6,10\)\(6,21\) inlined outer\n/);
    expect(text).toMatch(/ 6 {2}call +helper#1, -, \[r2\] +; prog\.sc:\(11,3\)\(11,12\)\n/);
    expect(text).toMatch(/ 1 {2}const +int64, r1, #\d+\(8\) +; prog\.sc:\(18,3\)\(18,20\) inlined check\n/);
  });
});

describe("call stacks through inline sites", () => {
  it("a failure in code inlined twice shows both inlined procedures, then the real frame", async () => {
    const r = await stackOf(sample(0));
    expect(r.message).toBe("Division by zero at prog.sc:(2,10)(2,15)");
    expect(r.frames).toEqual(["inner at 2:10", "outer at 6:10", "main at 10:3"]);
  });

  it("a failure in code inlined into a called procedure expands that frame only", async () => {
    const r = await stackOf(sample(1));
    expect(r.message).toBe("assert failed at prog.sc:(18,3)(18,20)");
    expect(r.frames).toEqual(["check at 18:3", "helper at 14:3", "main at 11:3"]);
  });
});
