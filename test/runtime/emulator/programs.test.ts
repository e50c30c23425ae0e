/**
 * Whole programs on the VM with the emulator backend: private values through the
 * built-in instructions (pnew, classify, declassify, gather/scatter indexing,
 * reshape, cat), shared3p syscalls, private argument/publish through
 * Process_argument/set_shares/get_shares/Process_setResult, user-defined kinds, and
 * the refusal to load a kind without a backend.
 */
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import { encodeValues } from "../../../runtime/io/record-stream.js";
import { ModuleBuilder, at, sys, type ProcBuilder } from "../../../vm/builder.js";
import { MemoryHost } from "../../../vm/host.js";
import { runModule } from "../../../vm/interpreter.js";
import { PubArray } from "../../../vm/values.js";

function shared3p(b: ModuleBuilder): number {
  const types = ["bool", "uint8", "uint32", "int64", "float64"].map((name) => ({ name, publicType: name as "bool" }));
  const k = b.kind("shared3p", [...types, { name: "xor_uint8", publicType: "uint8" }, { name: "fix32", publicType: "float32" }]);
  return b.domain("pd_shared3p", k);
}

async function run(build: (p: ProcBuilder, b: ModuleBuilder, dom: number) => void, host = new MemoryHost()) {
  const b = new ModuleBuilder();
  const dom = shared3p(b);
  const main = b.procedure("main");
  main.at(b.span(b.file("p.sc"), 1, 1, 1, 5));
  build(main, b, dom);
  main.ins("ret", null);
  b.setMain(main);
  const backend = new EmulatorBackend();
  await runModule(b.build(), { host, backends: [backend] });
  return { host, backend };
}

const u = (p: ProcBuilder, n: number) => p.value("uint64", n);

describe("private programs under the emulator", () => {
  it("classify, add via syscall, index, store, reshape, cat, declassify, print", async () => {
    const { host, backend } = await run((p, b, dom) => {
      const pub = p.reg();
      p.ins("alit", "uint32", pub, [1, 2, 3, 4].map((x) => p.value("uint32", x)));
      const a = p.reg();
      p.ins("classify", dom, "uint32", a, pub);
      const c = p.reg();
      p.ins("pnew", dom, "uint32", c, p.value("uint32", 10), [u(p, 4)]);
      const sum = p.reg();
      p.ins("pnew", dom, "uint32", sum, null, [u(p, 4)]);
      const id = p.reg();
      p.ins("domainid", id, dom);
      p.ins("syscall", "shared3p::add_uint32_vec", [sys.push(id, "uint64"), sys.push(a), sys.push(c), sys.push(sum)]);
      // sum = [11,12,13,14]; sum[1] = 100; m = reshape(sum, 2, 2); row = m[1, :]; cat(row, row)
      const el = p.reg();
      p.ins("classify", dom, "uint32", el, p.value("uint32", 100));
      p.ins("pstore", sum, [at.index(u(p, 1))], el);
      p.ins("pstore", sum, [at.slice(u(p, 2), u(p, 4))], p.value("uint32", 7));
      const m = p.reg();
      p.ins("preshape", m, sum, [u(p, 2), u(p, 2)]);
      const row = p.reg();
      p.ins("pindex", row, m, [at.index(u(p, 0)), at.slice()]);
      const cc = p.reg();
      p.ins("pcat", cc, row, row, 0);
      const mm = p.reg();
      p.ins("pcat", mm, m, m, 1);
      const out = p.reg();
      p.ins("declassify", out, cc);
      const out2 = p.reg();
      p.ins("declassify", out2, mm);
      for (const r of [out, out2]) {
        for (let i = 0; i < 4; i++) {
          const e = p.reg();
          const idx = (r === out2 ? [at.index(u(p, i >> 1)), at.index(u(p, (i & 1) * 2))] : [at.index(u(p, i))]);
          p.ins("index", e, r, idx);
          p.ins("tostring", "uint32", e, e);
          p.ins("print", e);
        }
      }
      void b;
    });
    expect(host.output).toEqual(["11", "100", "11", "100", "11", "11", "7", "7"]);
    expect(backend.costs.byOperation.get("add_uint32_vec")?.lanes).toBe(4);
  });

  it("private argument and publish through Process_argument, set_shares, get_shares, Process_setResult", async () => {
    const host = new MemoryHost([{ name: "x", domain: "pd_shared3p", type: "uint32", data: encodeValues("uint32", [5, 6, 7]) }]);
    await run((p, b, dom) => {
      const name = p.value("string", "x");
      const n = p.reg();
      p.ins("syscall", "Process_argument", [sys.cref(name), sys.ret(n, "uint64")]);
      const bytes = p.reg();
      p.ins("anew", "uint8", bytes, null, [n]);
      p.ins("syscall", "Process_argument", [sys.cref(name), sys.ref(bytes), sys.ret(n, "uint64")]);
      const id = p.reg();
      p.ins("domainid", id, dom);
      const count = p.reg();
      p.ins("syscall", "shared3p::set_shares_uint32_vec", [sys.push(id, "uint64"), sys.cref(bytes), sys.ret(count, "uint64")]);
      const v = p.reg();
      p.ins("pnew", dom, "uint32", v, null, [count]);
      p.ins("syscall", "shared3p::set_shares_uint32_vec", [sys.push(id, "uint64"), sys.push(v), sys.cref(bytes)]);
      // double it and publish privately
      p.ins("syscall", "shared3p::add_uint32_vec", [sys.push(id, "uint64"), sys.push(v), sys.push(v), sys.push(v)]);
      const size = p.reg();
      p.ins("syscall", "shared3p::get_shares_uint32_vec", [sys.push(id, "uint64"), sys.push(v), sys.ret(size, "uint64")]);
      const out = p.reg();
      p.ins("anew", "uint8", out, null, [size]);
      p.ins("syscall", "shared3p::get_shares_uint32_vec", [sys.push(id, "uint64"), sys.push(v), sys.ref(out), sys.ret(size, "uint64")]);
      p.ins("syscall", "Process_setResult", [
        sys.cref(p.value("string", "y")),
        sys.cref(p.value("string", "pd_shared3p")),
        sys.cref(p.value("string", "uint32")),
        sys.cref(out),
        sys.push(u(p, 0), "uint64"),
        sys.push(size, "uint64"),
      ]);
      // a public result too
      p.ins("syscall", "Process_setResult", [
        sys.cref(p.value("string", "n")),
        sys.cref(p.value("string", "")),
        sys.cref(p.value("string", "uint64")),
        sys.cref(count, "uint64"),
        sys.push(u(p, 0), "uint64"),
        sys.push(u(p, 8), "uint64"),
      ]);
      void b;
    }, host);
    expect(host.results).toEqual([
      { name: "y", domain: "pd_shared3p", type: "uint32", data: encodeValues("uint32", [10, 12, 14]) },
      { name: "n", domain: "", type: "uint64", data: encodeValues("uint64", [3n]) },
    ]);
  });

  it("a missing argument stops the program with its name", async () => {
    await expect(
      run((p) => {
        const n = p.reg();
        p.ins("syscall", "Process_argument", [sys.cref(p.value("string", "nope")), sys.ret(n, "uint64")]);
      }),
    ).rejects.toThrow('argument "nope" was not given at p.sc:(1,1)(1,5)');
  });

  it("fix32 values classify and declassify through the public float32 type", async () => {
    const { host } = await run((p, b, dom) => {
      const f = p.reg();
      p.ins("classify", dom, "fix32", f, p.value("float32", 2.75));
      const back = p.reg();
      p.ins("declassify", back, f);
      p.ins("tostring", "float32", back, back);
      p.ins("print", back);
    });
    expect(host.output).toEqual(["2.75"]);
  });

  it("a program declaring its own kind runs with declassify-based operators", async () => {
    const b = new ModuleBuilder();
    const k = b.kind("additive3pp", [{ name: "int32", publicType: "int32" }]);
    const dom = b.domain("pd_a", k);
    const plus = b.procedure("operator+", 2);
    const x = plus.reg();
    const y = plus.reg();
    plus.ins("declassify", x, plus.param(0));
    plus.ins("declassify", y, plus.param(1));
    plus.ins("vbinop", "add", "int32", "aa", x, x, y);
    const r = plus.reg();
    plus.ins("classify", dom, "int32", r, x);
    plus.ins("ret", r);
    const main = b.procedure("main");
    const v = main.reg();
    main.ins("alit", "int32", v, [main.value("int32", 2), main.value("int32", -5)]);
    const a = main.reg();
    main.ins("classify", dom, "int32", a, v);
    const s = main.reg();
    main.ins("call", plus.index, s, [a, a]);
    const pub = main.reg();
    main.ins("declassify", pub, s);
    main.ins("gset", b.global("out"), pub);
    main.ins("ret", null);
    b.setMain(main);
    const m = await runModule(b.build(), { host: new MemoryHost(), backends: [new EmulatorBackend()] });
    expect(Array.from((m.globals[0] as PubArray).data as Int32Array)).toEqual([4, -10]);
  });

  it("refuses to load a program whose kind has no backend", async () => {
    const b = new ModuleBuilder();
    b.domain("pd_shared3p", b.kind("shared3p", [{ name: "uint32", publicType: "uint32" }]));
    const main = b.procedure("main");
    main.ins("ret", null);
    b.setMain(main);
    await expect(runModule(b.build(), { host: new MemoryHost() })).rejects.toThrow(
      'cannot run this program: no backend implements kind "shared3p" (protection domain "pd_shared3p")',
    );
  });

  it("awaits backends that answer with Promises", async () => {
    const inner = new EmulatorBackend();
    const delayed = <T>(v: T) => new Promise<T>((resolve) => setTimeout(() => resolve(v), 1));
    const asyncBackend = {
      kind: "*",
      alloc: (...a: Parameters<EmulatorBackend["alloc"]>) => delayed(inner.alloc(...a)),
      classify: (...a: Parameters<EmulatorBackend["classify"]>) => delayed(inner.classify(...a)),
      declassify: (...a: Parameters<EmulatorBackend["declassify"]>) => delayed(inner.declassify(...a)),
      copy: (...a: Parameters<EmulatorBackend["copy"]>) => delayed(inner.copy(...a)),
      free: () => delayed(undefined),
      gather: (...a: Parameters<EmulatorBackend["gather"]>) => delayed(inner.gather(...a)),
      scatter: (...a: Parameters<EmulatorBackend["scatter"]>) => delayed(inner.scatter(...a)),
      concat: (...a: Parameters<EmulatorBackend["concat"]>) => delayed(inner.concat(...a)),
      syscall: (...a: Parameters<EmulatorBackend["syscall"]>) => delayed(inner.syscall(...a)),
    };
    const b = new ModuleBuilder();
    const dom = shared3p(b);
    const main = b.procedure("main");
    const a = main.reg();
    main.ins("pnew", dom, "int64", a, main.value("int64", -3), [main.value("uint64", 3)]);
    const c = main.reg();
    main.ins("pcat", c, a, a, 0);
    const id = main.reg();
    main.ins("domainid", id, dom);
    const s = main.reg();
    main.ins("pnew", dom, "int64", s, null, [main.value("uint64", 1)]);
    main.ins("syscall", "shared3p::sum_int64_vec", [sys.push(id, "uint64"), sys.push(c), sys.push(s)]);
    const d = main.reg();
    main.ins("declassify", d, s);
    main.ins("gset", b.global("g"), d);
    main.ins("ret", null);
    b.setMain(main);
    const m = await runModule(b.build(), { host: new MemoryHost(), backends: [asyncBackend] });
    expect((m.globals[0] as PubArray).data[0]).toBe(-18n);
  });
});

describe("syscall inventory", () => {
  it("lists the syscalls a module names and those nobody implements", async () => {
    const { syscallNames, unsupportedSyscalls } = await import("../../../vm/inspect.js");
    const b = new ModuleBuilder();
    const main = b.procedure("main");
    for (const n of ["shared3p::add_uint32_vec", "Process_logString", "shared3p::frob_uint32_vec", "nonsense", "shared3p::add_uint32_vec", "shared3p::conv_bool_to_fix32_vec"]) {
      main.ins("syscall", n, []);
    }
    main.ins("ret", null);
    b.setMain(main);
    const m = b.build();
    expect(syscallNames(m)).toEqual(["Process_logString", "nonsense", "shared3p::add_uint32_vec", "shared3p::conv_bool_to_fix32_vec", "shared3p::frob_uint32_vec"]);
    expect(unsupportedSyscalls(m, [new EmulatorBackend()])).toEqual(["nonsense", "shared3p::frob_uint32_vec"]);
    expect(unsupportedSyscalls(m, [])).toEqual(["nonsense", "shared3p::add_uint32_vec", "shared3p::conv_bool_to_fix32_vec", "shared3p::frob_uint32_vec"]);
  });
});
