/**
 * VM throughput: a public scalar loop (instructions and iterations per second, with
 * an int32 and a uint64 loop counter), a public element-wise vector program and a
 * private vector program under the emulator (elements per second), and the
 * emulator's data-movement syscalls that dominate sorting (vecshuf, vecshufkey,
 * matshuf, bit_extract; elements per second). Medians of several runs; prints
 * figures only.
 *   npx tsx bench/vm.ts             (everything)
 *   npx tsx bench/vm.ts movement    (the emulator data-movement section only)
 */
import { EmulatorBackend } from "../runtime/emulator/backend.js";
import { ModuleBuilder, at, sys } from "../vm/builder.js";
import type { Module } from "../vm/bytecode.js";
import type { SyscallArg } from "../vm/backend.js";
import type { DataTypeName } from "../vm/isa.js";
import type { PrivateType, TypedVector } from "../vm/values.js";
import { MemoryHost } from "../vm/host.js";
import { runModule } from "../vm/interpreter.js";

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(m: Module, backends = [new EmulatorBackend()]): Promise<number> {
  const start = process.hrtime.bigint();
  await runModule(m, { host: new MemoryHost(), backends });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** for (i = 0; i < n; i++) s = s + i * 3;  -- 6 instructions per iteration */
function scalarLoop(counter: DataTypeName, n: number): Module {
  const b = new ModuleBuilder();
  const p = b.procedure("main");
  const i = p.value(counter, 0);
  const lim = p.value(counter, n);
  const one = p.value(counter, 1);
  const three = p.value(counter, 3);
  const s = p.value(counter, 0);
  const t = p.reg();
  const c = p.reg();
  const top = p.label();
  const done = p.label();
  p.bind(top);
  p.ins("binop", "lt", counter, c, i, lim);
  p.ins("jf", c, done);
  p.ins("binop", "mul", counter, t, i, three);
  p.ins("binop", "add", counter, s, s, t);
  p.ins("binop", "add", counter, i, i, one);
  p.ins("jmp", top);
  p.bind(done);
  p.ins("ret", null);
  b.setMain(p);
  return b.build();
}

/** for (uint i = 0; i < n; i++) b[i] = a[i] * 3 + 1;  -- int32 elements, uint64 index, 8 instructions per iteration */
function elementLoop(n: number): Module {
  const b = new ModuleBuilder();
  const p = b.procedure("main");
  const size = p.value("uint64", n);
  const a = p.reg();
  const out = p.reg();
  p.ins("anew", "int32", a, p.value("int32", 7), [size]);
  p.ins("anew", "int32", out, null, [size]);
  const i = p.value("uint64", 0);
  const one = p.value("uint64", 1);
  const three = p.value("int32", 3);
  const k = p.value("int32", 1);
  const c = p.reg();
  const x = p.reg();
  const top = p.label();
  const done = p.label();
  p.bind(top);
  p.ins("binop", "lt", "uint64", c, i, size);
  p.ins("jf", c, done);
  p.ins("index", x, a, [at.index(i)]);
  p.ins("binop", "mul", "int32", x, x, three);
  p.ins("binop", "add", "int32", x, x, k);
  p.ins("store", out, [at.index(i)], x);
  p.ins("binop", "add", "uint64", i, i, one);
  p.ins("jmp", top);
  p.bind(done);
  p.ins("ret", null);
  b.setMain(p);
  return b.build();
}

/** r = a * b + a, repeated `reps` times on vectors of n elements (public or private). */
function vectorProgram(n: number, reps: number, priv: boolean): Module {
  const b = new ModuleBuilder();
  const dom = b.domain("pd_shared3p", b.kind("shared3p", [{ name: "uint32", publicType: "uint32" }]));
  const p = b.procedure("main");
  const size = p.value("uint64", n);
  const a = p.reg();
  const c = p.reg();
  const r = p.reg();
  if (priv) {
    p.ins("pnew", dom, "uint32", a, p.value("uint32", 3), [size]);
    p.ins("pnew", dom, "uint32", c, p.value("uint32", 5), [size]);
    p.ins("pnew", dom, "uint32", r, null, [size]);
  } else {
    p.ins("anew", "uint32", a, p.value("uint32", 3), [size]);
    p.ins("anew", "uint32", c, p.value("uint32", 5), [size]);
  }
  const id = p.reg();
  p.ins("domainid", id, dom);
  const k = p.value("int32", 0);
  const lim = p.value("int32", reps);
  const one = p.value("int32", 1);
  const cond = p.reg();
  const top = p.label();
  const done = p.label();
  p.bind(top);
  p.ins("binop", "lt", "int32", cond, k, lim);
  p.ins("jf", cond, done);
  if (priv) {
    p.ins("syscall", "shared3p::mul_uint32_vec", [sys.push(id, "uint64"), sys.push(a), sys.push(c), sys.push(r)]);
    p.ins("syscall", "shared3p::add_uint32_vec", [sys.push(id, "uint64"), sys.push(r), sys.push(a), sys.push(r)]);
  } else {
    p.ins("vbinop", "mul", "uint32", "aa", r, a, c);
    p.ins("vbinop", "add", "uint32", "aa", r, r, a);
  }
  p.ins("binop", "add", "int32", k, k, one);
  p.ins("jmp", top);
  p.bind(done);
  p.ins("ret", null);
  b.setMain(p);
  return b.build();
}

function timeSync(f: () => void): number {
  const start = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Emulator vecshuf / vecshufkey / matshuf / bit_extract called directly: M elements per second. */
function movement(): void {
  const b = new EmulatorBackend();
  const pt = (name: string, pub: DataTypeName): PrivateType => ({ kind: "shared3p", domain: "pd_shared3p", domainId: 0, name, publicType: pub });
  const priv = (t: PrivateType, h: TypedVector): SyscallArg => ({ tag: "private", type: t, handle: h, length: h.length });
  const pd: SyscallArg = { tag: "scalar", type: "uint64", value: 0n };
  const u64 = pt("uint64", "uint64");
  const u32 = pt("uint32", "uint32");
  const x8 = pt("xor_uint8", "uint8");
  const boolT = pt("bool", "bool");
  const n = 200_000;
  const a64 = new BigUint64Array(n).map((_, i) => BigInt(i) * 0x9e3779b97f4a7c15n & 0xffffffffffffffffn);
  const a32 = new Uint32Array(n).map((_, i) => Math.imul(i, 0x9e3779b1));
  const key = new Uint8Array(32).fill(7);
  const cases: [string, number, () => void][] = [
    ["vecshuf_uint64_vec", n, () => b.syscall("shared3p::vecshuf_uint64_vec", [pd, priv(u64, a64)])],
    ["vecshufkey_uint32_vec", n, () => b.syscall("shared3p::vecshufkey_uint32_vec", [pd, priv(u32, a32), priv(x8, key)])],
    ["matshuf_uint32_vec (rows of 4)", n, () => b.syscall("shared3p::matshuf_uint32_vec", [pd, priv(u32, a32), { tag: "scalar", type: "uint64", value: 4n }])],
    ["bit_extract_xor_uint64_vec", n / 4, () => b.syscall("shared3p::bit_extract_xor_uint64_vec", [pd, priv(pt("xor_uint64", "uint64"), a64.subarray(0, n / 4)), priv(boolT, new Uint8Array((n / 4) * 64))])],
    ["bit_extract_xor_uint32_vec", n / 4, () => b.syscall("shared3p::bit_extract_xor_uint32_vec", [pd, priv(pt("xor_uint32", "uint32"), a32.subarray(0, n / 4)), priv(boolT, new Uint8Array((n / 4) * 32))])],
  ];
  for (const [name, elems, f] of cases) {
    f();
    const ts: number[] = [];
    for (let i = 0; i < RUNS; i++) ts.push(timeSync(f));
    const t = median(ts);
    console.log(`emulator ${name} on ${elems} elements: median ${(t * 1000).toFixed(1)} ms, ${(elems / t / 1e6).toFixed(2)} M elements/s`);
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === "movement") return movement();
  for (const counter of ["int32", "uint64", "float64"] as const) {
    const n = counter === "uint64" ? 1_000_000 : 3_000_000;
    const m = scalarLoop(counter, n);
    const ts: number[] = [];
    for (let i = 0; i < RUNS; i++) ts.push(await time(m));
    const t = median(ts);
    console.log(
      `scalar loop (${counter} counter, ${n} iterations): median ${(t * 1000).toFixed(1)} ms, ` +
        `${((n / t) / 1e6).toFixed(2)} M iterations/s, ${(((n * 6) / t) / 1e6).toFixed(1)} M instructions/s`,
    );
  }
  {
    const n = 1_000_000;
    const m = elementLoop(n);
    const ts: number[] = [];
    for (let i = 0; i < RUNS; i++) ts.push(await time(m));
    const t = median(ts);
    console.log(
      `element-wise scalar loop b[i] = a[i]*3+1 (uint64 index, ${n} elements): median ${(t * 1000).toFixed(1)} ms, ` +
        `${((n / t) / 1e6).toFixed(2)} M elements/s, ${(((n * 8) / t) / 1e6).toFixed(1)} M instructions/s`,
    );
  }
  for (const priv of [false, true]) {
    const n = 1_000_000;
    const reps = 20;
    const m = vectorProgram(n, reps, priv);
    const ts: number[] = [];
    for (let i = 0; i < RUNS; i++) ts.push(await time(m));
    const t = median(ts);
    const elems = n * reps * 2;
    console.log(
      `${priv ? "private (emulator) " : "public "}vector a*b+a on ${n} uint32 x ${reps}: median ${(t * 1000).toFixed(1)} ms, ` +
        `${(elems / t / 1e6).toFixed(1)} M element-operations/s`,
    );
  }
  movement();
}

await main();
