/**
 * The verifier and loader against hostile input: random bytes, every truncation of
 * a valid module, corrupted operands (with a recomputed hash so they get past the
 * hash check): always a BytecodeError, never another exception or a hang.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ModuleBuilder, at, sys } from "../../vm/builder.js";
import { encode, type Module } from "../../vm/bytecode.js";
import { disasm } from "../../vm/disasm.js";
import { BytecodeError } from "../../vm/errors.js";
import { loadModule, verifyModule } from "../../vm/verify.js";
import { createHash } from "node:crypto";

/** A module using every operand kind. */
function sample(): Module {
  const b = new ModuleBuilder();
  const f = b.file("prog.sc");
  const dom = b.domain("pd_shared3p", b.kind("shared3p", [{ name: "uint32", publicType: "uint32" }]));
  b.struct("pair", ["fst", "snd"]);
  const g = b.global("counter");
  b.interfaceEntry({ role: "argument", name: "x", domain: "pd_shared3p", type: "uint32", dims: 1 });
  b.interfaceEntry({ role: "result", name: "y", domain: "", type: "uint64", dims: 0 });
  const helper = b.procedure("helper", 1);
  helper.at(b.span(f, 2, 1, 2, 10));
  helper.ins("ret", helper.param(0));
  const main = b.procedure("main");
  main.at(b.span(f, 5, 3, 5, 20));
  const x = main.value("int32", 41);
  const y = main.reg();
  main.ins("binop", "add", "int32", y, x, main.value("int32", 1));
  main.ins("call", helper.index, y, [y]);
  main.at(b.span(f, 6, 3, 6, 12));
  const arr = main.reg();
  main.ins("anew", "float64", arr, null, [main.value("uint64", 3)]);
  main.ins("vbinop", "mul", "float64", "as", arr, arr, main.value("float64", 2.5));
  const e = main.reg();
  main.ins("index", e, arr, [at.slice(main.value("uint64", 1), null)]);
  const p = main.reg();
  main.ins("pnew", dom, "uint32", p, null, [main.value("uint64", 2)]);
  const s = main.reg();
  main.ins("snew", 0, s);
  main.ins("fset", s, 0, y);
  main.ins("syscall", "Process_logString", [sys.cref(main.value("string", "hi"))]);
  const done = main.label();
  main.ins("jt", main.value("bool", true), done);
  main.ins("gset", g, y);
  main.bind(done);
  main.ins("ret", null);
  b.setMain(main);
  return b.build();
}

function expectBytecodeError(f: () => unknown): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(BytecodeError);
}

/** Re-hashes bytes after tampering, so the decoder looks past the hash. */
function rehash(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  out.set(createHash("sha256").update(out.subarray(40)).digest(), 8);
  return out;
}

describe("verifier", () => {
  it("accepts the sample module", () => {
    expect(loadModule(encode(sample()))).toEqual(sample());
  });

  it("every truncation of a valid module is a BytecodeError", () => {
    const bytes = encode(sample());
    for (let n = 0; n < bytes.length; n++) expectBytecodeError(() => loadModule(bytes.subarray(0, n)));
    // and with the hash recomputed, so truncation is found by the framing checks
    for (let n = 41; n < bytes.length; n++) expectBytecodeError(() => loadModule(rehash(bytes.subarray(0, n))));
  });

  it("random bytes are a BytecodeError", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => expectBytecodeError(() => loadModule(bytes))),
      { numRuns: 300 },
    );
  });

  it("random corruption past the hash check is a BytecodeError or a valid module, never a crash", () => {
    const bytes = encode(sample());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 }), (edits) => {
        const bad = bytes.slice();
        for (const [i, v] of edits) bad[40 + (i % (bad.length - 40))] = v;
        try {
          const m = loadModule(rehash(bad));
          expect(typeof disasm(m)).toBe("string");
        } catch (e) {
          expect(e).toBeInstanceOf(BytecodeError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("names the problem: bad magic, version, unknown opcode, register and target out of range, arity", () => {
    const bytes = encode(sample());
    const badMagic = bytes.slice();
    badMagic[0] = 0x58;
    expect(() => loadModule(badMagic)).toThrow(/bad magic "XECB"/);
    const badVersion = bytes.slice();
    badVersion[4] = 9;
    expect(() => loadModule(badVersion)).toThrow(/unsupported bytecode version 9/);
    const m = sample();
    const withCode = (code: Module["procedures"][number]["code"]): Module => ({
      ...m,
      procedures: m.procedures.map((p, i) => (i === m.main ? { ...p, code } : p)),
    });
    expect(() => verifyModule(withCode([{ op: "mov", args: [0, 999] }]))).toThrow(/instruction 0 \(mov\): register 999 is out of range/);
    expect(() => verifyModule(withCode([{ op: "jmp", args: [5] }]))).toThrow(/jump target 5 is out of range/);
    expect(() => verifyModule(withCode([{ op: "call", args: [0, -1, []] }]))).toThrow(/helper takes 1 arguments, not 0/);
    expect(() => verifyModule(withCode([{ op: "const", args: [0, 0, 999] }]))).toThrow(/constant 999 is out of range/);
    expect(() => verifyModule(withCode([{ op: "pnew", args: [0, 0, 0, -1, []] }]))).toThrow(/must be a string constant|has no type/);
    // an unknown opcode byte in an encoded module
    const enc = encode(withCode([{ op: "nop", args: [] }, { op: "ret", args: [-1] }]));
    const idx = findOpcodeRun(enc);
    const tampered = enc.slice();
    tampered[idx] = 200;
    expect(() => loadModule(rehash(tampered))).toThrow(/unknown opcode 200/);
  });

  it("disassembles with names, constants, targets and source positions", () => {
    const text = disasm(sample(), { hash: "ab".repeat(32) });
    expect(text).toContain("domain pd_shared3p : shared3p   ; id 0");
    expect(text).toContain('argument "x" : pd_shared3p uint32[[1]]');
    expect(text).toContain("proc 1 main (params 0, registers");
    expect(text).toMatch(/const +int32, r0, #\d+\(41\) +; prog\.sc:\(5,3\)\(5,20\)/);
    expect(text).toMatch(/call +helper#0, r1, \[r1\]/);
    expect(text).toMatch(/const +uint64, r\d+, #\d+\(3\) +; prog\.sc:\(6,3\)\(6,12\)/);
    expect(text).toMatch(/anew +float64, r\d+, -, \[r\d+\]/);
    expect(text).toMatch(/index +r\d+, r\d+, \[r\d+:\]/);
    expect(text).toMatch(/syscall +#\d+\("Process_logString"\), \(cref r\d+\)/);
    expect(text).toMatch(/jt +r\d+, @\d+/);
  });
});

/** Byte offset of the `nop` (opcode 0) followed by `ret` (opcode 5) in an encoded module. */
function findOpcodeRun(bytes: Uint8Array): number {
  for (let i = bytes.length - 2; i > 40; i--) if (bytes[i] === 0 && bytes[i + 1] === 5 && bytes[i + 2] === 0) return i;
  throw new Error("not found");
}

describe("the whole path: build, encode, load, run", () => {
  it("runs the decoded bytes with the same output and error positions", async () => {
    const { MemoryHost } = await import("../../vm/host.js");
    const { runModule } = await import("../../vm/interpreter.js");
    const b = new ModuleBuilder();
    const f = b.file("path.sc");
    const main = b.procedure("main");
    main.at(b.span(f, 1, 1, 1, 20));
    const s = main.reg();
    main.ins("tostring", "float64", s, main.value("float64", 0.1));
    main.ins("print", s);
    main.at(b.span(f, 2, 1, 2, 9));
    const arr = main.reg();
    main.ins("anew", "bool", arr, null, [main.value("uint64", 2)]);
    const x = main.reg();
    main.ins("index", x, arr, [at.index(main.value("uint64", 2))]);
    main.ins("ret", null);
    b.setMain(main);
    const bytes = encode(b.build());
    const host = new MemoryHost();
    await expect(runModule(loadModule(bytes), { host })).rejects.toThrow("Index out of bounds at path.sc:(2,1)(2,9)");
    expect(host.output).toEqual(["0.1"]);
  });
});
