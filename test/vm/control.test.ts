/**
 * Control flow, calls, globals, structs and runtime errors with positions.
 */
import { describe, expect, it } from "vitest";
import { ModuleBuilder, at } from "../../vm/builder.js";
import { MemoryHost } from "../../vm/host.js";
import { runModule } from "../../vm/interpreter.js";
import { PubArray, StructValue } from "../../vm/values.js";
import type { VmError } from "../../vm/errors.js";
import { runError, runMain } from "./helpers.js";

describe("control flow and calls", () => {
  it("a loop sums 1..100 (uint64)", async () => {
    const { globals } = await runMain((p) => {
      const i = p.value("uint64", 1);
      const sum = p.value("uint64", 0);
      const one = p.value("uint64", 1);
      const lim = p.value("uint64", 100);
      const c = p.reg();
      const top = p.label();
      const done = p.label();
      p.bind(top);
      p.ins("binop", "le", "uint64", c, i, lim);
      p.ins("jf", c, done);
      p.ins("binop", "add", "uint64", sum, sum, i);
      p.ins("binop", "add", "uint64", i, i, one);
      p.ins("jmp", top);
      p.bind(done);
      return [sum];
    });
    expect(globals[0]).toBe(5050n);
  });

  it("a compare fused with its branch still stores the bool; jumps landing on the branch use the register", async () => {
    const { globals } = await runMain((p) => {
      const c = p.reg();
      const hits = p.value("int32", 0);
      const one = p.value("int32", 1);
      const skip = p.label();
      const branch = p.label();
      const end = p.label();
      p.ins("jmp", skip);
      p.ins("binop", "lt", "int32", c, one, hits); // 1 < 0: false
      p.bind(branch);
      p.ins("jf", c, end);
      p.ins("binop", "add", "int32", hits, hits, one);
      p.ins("jmp", end);
      p.bind(skip);
      p.ins("const", "bool", c, true);
      p.ins("jmp", branch); // lands on the jf with c = true: falls through to the add
      p.bind(end);
      const d = p.reg();
      p.ins("binop", "ge", "int32", d, hits, one);
      const after = p.label();
      p.ins("jt", d, after);
      p.bind(after);
      return [hits, d];
    });
    expect(globals).toEqual([1, true]);
  });

  it("recursive factorial(20) through call/ret", async () => {
    const { globals } = await runMain((p, b) => {
      const fact = b.procedure("fact", 1);
      const n = fact.param(0);
      const c = fact.reg();
      const t = fact.reg();
      const one = fact.value("uint64", 1);
      const rec = fact.label();
      fact.ins("binop", "le", "uint64", c, n, one);
      fact.ins("jf", c, rec);
      fact.ins("ret", one);
      fact.bind(rec);
      fact.ins("binop", "sub", "uint64", t, n, one);
      fact.ins("call", fact.index, t, [t]);
      fact.ins("binop", "mul", "uint64", t, t, n);
      fact.ins("ret", t);
      const d = p.reg();
      p.ins("call", fact.index, d, [p.value("uint64", 20)]);
      return [d];
    });
    expect(globals[0]).toBe(2432902008176640000n);
  });

  it("call passes arrays by value: the callee's writes do not reach the caller", async () => {
    const { globals } = await runMain((p, b) => {
      const f = b.procedure("f", 1);
      f.ins("store", f.param(0), [at.index(f.value("uint64", 0))], f.value("int32", 99));
      f.ins("ret", f.param(0));
      const arr = p.reg();
      p.ins("alit", "int32", arr, [p.value("int32", 1), p.value("int32", 2)]);
      const r = p.reg();
      p.ins("call", f.index, r, [arr]);
      return [arr, r];
    });
    expect(Array.from((globals[0] as PubArray).data as Int32Array)).toEqual([1, 2]);
    expect(Array.from((globals[1] as PubArray).data as Int32Array)).toEqual([99, 2]);
  });

  it("globals are initialised by init before main, in order", async () => {
    const b = new ModuleBuilder();
    const g1 = b.global("a");
    const g2 = b.global("b");
    const init = b.procedure("$init");
    init.ins("gset", g1, init.value("int32", 20));
    const t = init.reg();
    init.ins("gget", t, g1);
    init.ins("binop", "add", "int32", t, t, init.value("int32", 1));
    init.ins("gset", g2, t);
    init.ins("ret", null);
    const main = b.procedure("main");
    const x = main.reg();
    main.ins("gget", x, g2);
    main.ins("tostring", "int32", x, x);
    main.ins("print", x);
    main.ins("ret", null);
    b.setMain(main);
    b.setInit(init);
    const host = new MemoryHost();
    await runModule(b.build(), { host });
    expect(host.output).toEqual(["21"]);
  });

  it("assert failure stops with 'assert failed at FILE:(l,c)(l,c)' of the assert's span", async () => {
    const msg = await runError((p, b) => {
      const f = b.file("prog.sc");
      p.at(b.span(f, 3, 5, 3, 17));
      p.ins("assert", p.value("bool", false));
      return [];
    });
    expect(msg).toBe("assert failed at prog.sc:(3,5)(3,17)");
  });

  it("the error instruction stops with its message; falling off a procedure is an error", async () => {
    const msg = await runError((p, b) => {
      p.at(b.span(b.file("x.sc"), 2, 1, 2, 9));
      p.ins("error", "operator + returned a value with incorrect size");
      return [];
    });
    expect(msg).toBe("operator + returned a value with incorrect size at x.sc:(2,1)(2,9)");
    const b = new ModuleBuilder();
    const main = b.procedure("main");
    main.ins("nop");
    b.setMain(main);
    await expect(runModule(b.build(), { host: new MemoryHost() })).rejects.toThrow("procedure main ended without a return");
  });

  it("a runtime error carries the call stack with the callers' call positions", async () => {
    const b = new ModuleBuilder();
    const f = b.file("s.sc");
    const inner = b.procedure("inner", 0);
    inner.at(b.span(f, 2, 5, 2, 15));
    inner.ins("error", "boom");
    const main = b.procedure("main");
    main.at(b.span(f, 7, 3, 7, 10));
    main.ins("call", inner.index, null, []);
    main.ins("ret", null);
    b.setMain(main);
    const err = await runModule(b.build(), { host: new MemoryHost() }).then(
      () => undefined,
      (e: unknown) => e as VmError,
    );
    expect(err?.message).toBe("boom at s.sc:(2,5)(2,15)");
    expect(err?.describe()).toBe("boom at s.sc:(2,5)(2,15)\n  in inner at s.sc:(2,5)(2,15)\n  in main at s.sc:(7,3)(7,10)");
  });

  it("deep recursion is a clean stack overflow error", async () => {
    const msg = await runError((p, b) => {
      const f = b.procedure("loop", 0);
      f.ins("call", f.index, null, []);
      f.ins("ret", null);
      p.ins("call", f.index, null, []);
      return [];
    });
    expect(msg).toMatch(/^Stack overflow/);
  });

  it("structs: fields hold scalars, arrays and structs; copy is deep", async () => {
    const { globals } = await runMain(
      (p) => {
        const s = p.reg();
        p.ins("snew", 0, s);
        p.ins("fset", s, 0, p.value("int64", 5));
        const arr = p.reg();
        p.ins("alit", "uint8", arr, [p.value("uint8", 1), p.value("uint8", 2)]);
        p.ins("fset", s, 1, arr);
        const c = p.reg();
        p.ins("copy", c, s);
        const f = p.reg();
        p.ins("fget", f, s, 1);
        p.ins("store", f, [at.index(p.value("uint64", 0))], p.value("uint8", 7));
        const x = p.reg();
        p.ins("fget", x, c, 0);
        return [s, c, x];
      },
      { setup: (b) => b.struct("pair", ["fst", "snd"]) },
    );
    const s = globals[0] as StructValue;
    const c = globals[1] as StructValue;
    expect(Array.from((s.fields[1] as PubArray).data as Uint8Array)).toEqual([7, 2]);
    expect(Array.from((c.fields[1] as PubArray).data as Uint8Array)).toEqual([1, 2]);
    expect(globals[2]).toBe(5n);
  });

  it("short-circuit style jumps on bools and bool operators", async () => {
    const { globals } = await runMain((p) => {
      const t = p.value("bool", true);
      const f = p.value("bool", false);
      const outs = (["band", "bor", "bxor", "land", "lor", "lt", "eq"] as const).map((op) => {
        const d = p.reg();
        p.ins("binop", op, "bool", d, t, f);
        return d;
      });
      const n = p.reg();
      p.ins("unop", "not", "bool", n, t);
      return [...outs, n];
    });
    expect(globals).toEqual([false, true, true, false, true, false, false, false]);
  });
});
