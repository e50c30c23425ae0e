/**
 * Syscalls the VM implements itself (names without `kind::`). Conventions (the
 * stdlib's `argument`, `publish`, `print`... are written against these):
 *
 * - `Process_argument(__cref name, [__ref buffer], __return n)`: n = byte length of
 *   the argument's data; when a buffer is given, copies min(n, buffer bytes) bytes
 *   into it. Call first without a buffer to learn the size. A missing argument is a
 *   runtime error naming it.
 * - `Process_setResult(__cref name, __cref pd, __cref type, __cref data, begin,
 *   end)`: publishes bytes [begin, end) of data as a result record (pd "" = public).
 * - `Process_logString(__cref s)`: one output line (what `print` emits).
 * - `Process_clientAuth([__ref buffer], __return n)`: the client's authentication
 *   string, two-phase like Process_argument.
 * - `Process_logMicroseconds(__return t)`: a monotonic clock in microseconds.
 * - `{T}_toString(x, [__ref buffer], __return n)` for every numeric type and bool:
 *   the `tostring` text as bytes, two-phase.
 * - `float32_F`/`float64_F(x, __return r)` for F in sqrt, sin, cos, tan, erf, exp,
 *   log, log2, log10, floor, ceil, abs (also `(__cref in, __ref out)` element-wise).
 * - `public_T_sort_permutation(__cref v, __ref perm, [ascending])`: perm (uint64)
 *   = the stable permutation sorting v (ascending unless `false` is pushed).
 * - `sleepMilliseconds(ms)`.
 * - Profiling (state per run; closed sections go to the host's `profile` sink):
 *   `ProcessProfiler_newSectionType(__cref name, __return id)` registers a section
 *   type (ids 0, 1, ... in order); `ProcessProfiler_startSection(typeId, n,
 *   __return sectionId)` opens a section processing n elements (section ids 0, 1,
 *   ... in order; sections may nest); `ProcessProfiler_endSection(sectionId)`
 *   closes an open section and sends {name, typeId, sectionId, elements,
 *   microseconds, depth} to `host.profile`; `ProcessProfiler_flushLog()` calls
 *   `host.flushProfile`. An unknown type id or a section that is not open is a
 *   runtime error.
 */
import type { MaybePromise, SyscallArg, SyscallResult } from "./backend.js";
import { VmError } from "./errors.js";
import { formatScalar } from "./format.js";
import type { Machine } from "./interpreter.js";
import { DATA_TYPES } from "./isa.js";
import { erf } from "./numeric.js";
import type { PublicScalar } from "./values.js";

type Builtin = (m: Machine, args: readonly SyscallArg[]) => MaybePromise<SyscallResult>;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8");

function arg(args: readonly SyscallArg[], i: number, name: string): SyscallArg {
  const a = args[i];
  if (a === undefined) throw new VmError(`syscall ${name}: missing argument ${i + 1}`);
  return a;
}

/** A `__cref` string argument (bytes up to the first NUL). */
function cstring(args: readonly SyscallArg[], i: number, name: string): string {
  const a = arg(args, i, name);
  if (a.tag !== "cref" && a.tag !== "ref") throw new VmError(`syscall ${name}: argument ${i + 1} must be __cref`);
  const end = a.bytes.indexOf(0);
  return fromUtf8.decode(end < 0 ? a.bytes : a.bytes.subarray(0, end));
}

/** A public scalar argument (pushed or by reference). */
function scalar(args: readonly SyscallArg[], i: number, name: string): PublicScalar {
  const a = arg(args, i, name);
  if (a.tag === "scalar") return a.value;
  if ((a.tag === "cref" || a.tag === "ref") && a.scalar && a.value !== undefined) return a.value;
  throw new VmError(`syscall ${name}: argument ${i + 1} must be a public scalar`);
}

function index(v: PublicScalar): number {
  const n = typeof v === "bigint" ? Number(v) : Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new VmError(`bad byte offset ${String(v)}`);
  return n;
}

/** Two-phase byte output: copies into an optional `__ref` buffer, returns the length. */
function giveBytes(args: readonly SyscallArg[], bufferAt: number, bytes: Uint8Array): bigint {
  const buf = args[bufferAt];
  if (buf !== undefined && buf.tag === "ref") buf.bytes.set(bytes.subarray(0, Math.min(bytes.length, buf.bytes.length)));
  return BigInt(bytes.length);
}

const table = new Map<string, Builtin>();

table.set("Process_argument", (m, args) => {
  const name = cstring(args, 0, "Process_argument");
  const rec = m.host.argument(name);
  if (rec === undefined) throw new VmError(`argument "${name}" was not given`);
  return giveBytes(args, 1, rec.data);
});

table.set("Process_setResult", (m, args) => {
  const n = "Process_setResult";
  const data = arg(args, 3, n);
  if (data.tag !== "cref" && data.tag !== "ref") throw new VmError(`syscall ${n}: data must be __cref`);
  const begin = index(scalar(args, 4, n));
  const end = index(scalar(args, 5, n));
  if (begin > end || end > data.bytes.length) throw new VmError(`syscall ${n}: byte range [${begin}, ${end}) is outside the data`);
  m.host.publish({
    name: cstring(args, 0, n),
    domain: cstring(args, 1, n),
    type: cstring(args, 2, n),
    data: data.bytes.slice(begin, end),
  });
  return undefined;
});

table.set("Process_logString", (m, args) => {
  m.host.print(cstring(args, 0, "Process_logString"));
  return undefined;
});

table.set("Process_clientAuth", (m, args) => giveBytes(args, 0, utf8.encode(m.host.clientAuth())));

table.set("Process_logMicroseconds", (m) => m.host.microseconds());

for (const t of DATA_TYPES) {
  if (t === "string") continue;
  table.set(`${t}_toString`, (m, args) => giveBytes(args, 1, utf8.encode(formatScalar(t, scalar(args, 0, `${t}_toString`)))));
}

const MATH: Record<string, (x: number) => number> = {
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  erf,
  exp: Math.exp,
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  floor: Math.floor,
  ceil: Math.ceil,
  abs: Math.abs,
};

for (const t of ["float32", "float64"] as const) {
  const round = t === "float32" ? Math.fround : (x: number) => x;
  for (const [f, fn] of Object.entries(MATH)) {
    const name = `${t}_${f}`;
    table.set(name, (m, args) => {
      const first = arg(args, 0, name);
      if ((first.tag === "cref" || first.tag === "ref") && !first.scalar) {
        const out = arg(args, 1, name);
        if (out.tag !== "ref" || out.data.length !== first.data.length) throw new VmError(`syscall ${name}: needs a __ref output of the input's size`);
        for (let i = 0; i < first.data.length; i++) out.data[i] = round(fn(first.data[i] as number));
        return undefined;
      }
      return round(fn(scalar(args, 0, name) as number));
    });
  }
}

for (const t of DATA_TYPES) {
  if (t === "string") continue;
  const name = `public_${t}_sort_permutation`;
  table.set(name, (m, args) => {
    const v = arg(args, 0, name);
    const out = arg(args, 1, name);
    if ((v.tag !== "cref" && v.tag !== "ref") || out.tag !== "ref") throw new VmError(`syscall ${name}: needs (__cref data, __ref perm)`);
    const ascending = args.length > 2 ? scalar(args, 2, name) !== false : true;
    const n = v.data.length;
    const order = Array.from({ length: n }, (_, i) => i);
    const data = v.data;
    order.sort((i, j) => {
      const c = compareElements(data[i]!, data[j]!);
      return (ascending ? c : -c) || i - j;
    });
    if (out.data.length !== n) throw new VmError(`syscall ${name}: the permutation vector must have ${n} elements`);
    for (let i = 0; i < n; i++) out.data[i] = out.type === "uint64" || out.type === "int64" ? BigInt(order[i]!) : order[i]!;
    return undefined;
  });
}

function compareElements(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

table.set("sleepMilliseconds", (m, args) => {
  const ms = Number(scalar(args, 0, "sleepMilliseconds"));
  return new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms));
});

// ---------------------------------------------------------------- profiling

interface OpenSection {
  readonly typeId: number;
  readonly elements: bigint;
  readonly start: bigint;
  readonly depth: number;
}

interface Profiler {
  readonly types: string[];
  readonly open: Map<number, OpenSection>;
  next: number;
}

const profilers = new WeakMap<Machine, Profiler>();

function profiler(m: Machine): Profiler {
  let p = profilers.get(m);
  if (p === undefined) {
    p = { types: [], open: new Map(), next: 0 };
    profilers.set(m, p);
  }
  return p;
}

/** A public integer argument as a safe non-negative number. */
function count(args: readonly SyscallArg[], i: number, name: string): number {
  const v = scalar(args, i, name);
  const n = typeof v === "boolean" ? NaN : Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new VmError(`syscall ${name}: argument ${i + 1} must be a non-negative integer, got ${String(v)}`);
  return n;
}

table.set("ProcessProfiler_newSectionType", (m, args) => {
  const p = profiler(m);
  p.types.push(cstring(args, 0, "ProcessProfiler_newSectionType"));
  return BigInt(p.types.length - 1);
});

table.set("ProcessProfiler_startSection", (m, args) => {
  const n = "ProcessProfiler_startSection";
  const p = profiler(m);
  const typeId = count(args, 0, n);
  if (typeId >= p.types.length) throw new VmError(`syscall ${n}: unknown section type ${typeId} (${p.types.length} registered)`);
  const elements = BigInt(count(args, 1, n));
  const id = p.next++;
  p.open.set(id, { typeId, elements, start: m.host.microseconds(), depth: p.open.size });
  return BigInt(id);
});

table.set("ProcessProfiler_endSection", (m, args) => {
  const n = "ProcessProfiler_endSection";
  const p = profiler(m);
  const sectionId = count(args, 0, n);
  const s = p.open.get(sectionId);
  if (s === undefined) throw new VmError(`syscall ${n}: section ${sectionId} is not open`);
  p.open.delete(sectionId);
  const elapsed = m.host.microseconds() - s.start;
  m.host.profile?.({ name: p.types[s.typeId]!, typeId: s.typeId, sectionId, elements: s.elements, microseconds: elapsed, depth: s.depth });
  return undefined;
});

table.set("ProcessProfiler_flushLog", (m) => {
  m.host.flushProfile?.();
  return undefined;
});

/** The VM's own syscalls by name. */
export const BUILTIN_SYSCALLS: ReadonlyMap<string, Builtin> = table;
