/**
 * Element-wise private operations in the clear, with the semantics the real
 * protocols compute: ring arithmetic wrapping at the type's width (typed-array
 * stores do the wrapping), unsigned division/modulo by zero giving 0 (the reference
 * emulator's behaviour), comparisons giving bool, bitwise operations on bool and
 * xor types, shifts (amounts >= width give 0), fixed-point multiplication with the
 * product shifted right by the fractional bits (floor), and float math rounded to
 * the type (exp, ln, sin, erf by the algorithms of vm/transcendental.ts). Inputs of
 * length 1 broadcast.
 */
import { arrayBinary, type ArrayKernel2 } from "../../vm/kernels.js";
import type { BinaryOp } from "../../vm/isa.js";
import { erf } from "../../vm/numeric.js";
import { transcendental } from "../../vm/transcendental-plain.js";
import type { Call } from "./call.js";
import { fixToNumber, numberToFix, orderKey, type Rep } from "./representation.js";

type Num = number | bigint;
type Binary = (x: Num, y: Num) => Num | boolean;
type Unary = (x: Num) => Num | boolean;

const big = (v: Num): bigint => (typeof v === "bigint" ? v : BigInt(v));

/** The element function of a binary operation on `r`, or undefined. */
function binary(op: string, r: Rep): Binary | undefined {
  if (r.cls === "fix") return fixBinary(op, r);
  if (r.cls === "float") return floatBinary(op);
  const bits = BigInt(r.bits);
  switch (op) {
    case "add":
      return (x, y) => (r.big ? (x as bigint) + (y as bigint) : (x as number) + (y as number));
    case "sub":
      return (x, y) => (r.big ? (x as bigint) - (y as bigint) : (x as number) - (y as number));
    case "mul":
    case "mulc":
      return (x, y) => (r.big ? (x as bigint) * (y as bigint) : Math.imul(x as number, y as number));
    case "div":
    case "divc":
      return (x, y) => (r.big ? ((y as bigint) === 0n ? 0n : (x as bigint) / (y as bigint)) : (y as number) === 0 ? 0 : Math.trunc((x as number) / (y as number)));
    case "mod":
    case "modc":
      return (x, y) => (r.big ? ((y as bigint) === 0n ? 0n : (x as bigint) % (y as bigint)) : (y as number) === 0 ? 0 : (x as number) % (y as number));
    case "and":
      return (x, y) => (r.big ? (x as bigint) & (y as bigint) : (x as number) & (y as number));
    case "or":
      return (x, y) => (r.big ? (x as bigint) | (y as bigint) : (x as number) | (y as number));
    case "xor":
      return (x, y) => (r.big ? (x as bigint) ^ (y as bigint) : (x as number) ^ (y as number));
    case "shift_left":
      return (x, y) => {
        const s = big(y);
        if (s < 0n || s >= bits) return r.big ? 0n : 0;
        return r.big ? (x as bigint) << s : Number(BigInt.asUintN(r.bits, big(x) << s));
      };
    case "shift_right":
    case "shiftrc":
      return (x, y) => {
        const s = big(y);
        if (s < 0n || s >= bits) return r.big ? ((x as bigint) < 0n ? -1n : 0n) : (x as number) < 0 ? -1 : 0;
        return r.big ? (x as bigint) >> s : Number(big(x) >> s);
      };
    case "rotate_left":
      return (x, y) => {
        const s = ((big(y) % bits) + bits) % bits;
        const u = BigInt.asUintN(r.bits, big(x));
        const v = BigInt.asUintN(r.bits, (u << s) | (u >> ((bits - s) % bits)));
        return r.big ? v : Number(v);
      };
    case "min":
      return (x, y) => (x < y ? x : y);
    case "max":
      return (x, y) => (x > y ? x : y);
    default:
      return compare(op);
  }
}

function compare(op: string): Binary | undefined {
  switch (op) {
    case "eq":
      return (x, y) => x === y;
    case "lt":
      return (x, y) => x < y;
    case "lte":
      return (x, y) => x <= y;
    case "gt":
      return (x, y) => x > y;
    case "gte":
      return (x, y) => x >= y;
    default:
      return undefined;
  }
}

function floatBinary(op: string): Binary | undefined {
  switch (op) {
    case "add":
      return (x, y) => (x as number) + (y as number);
    case "sub":
      return (x, y) => (x as number) - (y as number);
    case "mul":
    case "mulc":
      return (x, y) => (x as number) * (y as number);
    case "div":
    case "divc":
      return (x, y) => (x as number) / (y as number);
    case "min":
      return (x, y) => Math.min(x as number, y as number);
    case "max":
      return (x, y) => Math.max(x as number, y as number);
    default:
      return compare(op);
  }
}

function fixBinary(op: string, r: Rep): Binary | undefined {
  const val = (x: Num): number => fixToNumber(r, x);
  const key = orderKey(r);
  const frac = BigInt(r.frac);
  switch (op) {
    case "add":
      return (x, y) => (r.big ? (x as bigint) + (y as bigint) : (x as number) + (y as number));
    case "sub":
      return (x, y) => (r.big ? (x as bigint) - (y as bigint) : (x as number) - (y as number));
    case "mul":
    case "mulc": {
      return (x, y) => {
        const p = (BigInt.asIntN(r.bits, big(x)) * BigInt.asIntN(r.bits, big(y))) >> frac;
        const w = BigInt.asUintN(r.bits, p);
        return r.big ? w : Number(w);
      };
    }
    case "div":
    case "divc":
      return (x, y) => numberToFix(r, val(x) / val(y));
    case "min":
      return (x, y) => (key(x) <= key(y) ? x : y);
    case "max":
      return (x, y) => (key(x) >= key(y) ? x : y);
    default: {
      const c = compare(op);
      return c === undefined ? undefined : (x, y) => c(key(x), key(y));
    }
  }
}

/** The element function of a unary operation on `r`, or undefined. */
function unary(op: string, r: Rep): Unary | undefined {
  if (r.cls === "fix") {
    const viaFloat = floatUnary(op, r.bits === 32, true);
    if (op === "neg") return (x) => (r.big ? -(x as bigint) : -(x as number));
    return viaFloat === undefined ? undefined : (x) => numberToFix(r, viaFloat(fixToNumber(r, x)) as number);
  }
  if (r.cls === "float") return floatUnary(op, r.bits === 32);
  switch (op) {
    case "neg":
      return (x) => (r.big ? -(x as bigint) : -(x as number));
    case "not":
      return (x) => (x as number) ^ 1;
    case "inv":
      return (x) => (r.big ? ~(x as bigint) : ~(x as number));
    case "sign":
      return (x) => (r.big ? ((x as bigint) > 0n ? 1n : (x as bigint) < 0n ? -1n : 0n) : Math.sign(x as number));
    case "abs":
      return (x) => (r.big ? ((x as bigint) < 0n ? -(x as bigint) : x) : Math.abs(x as number));
    default:
      return undefined;
  }
}

/**
 * The element function of a float operation (also fixed point's, through float64:
 * `fix` keeps fixed-point sin and erf on Math.sin and erf, and takes exp and ln in
 * float64). exp, ln, sin and erf are the algorithms of vm/transcendental.ts, which
 * the three-party circuits compute bit for bit, not Math.*.
 */
function floatUnary(op: string, f32: boolean, fix = false): Unary | undefined {
  const eps = f32 ? 1e-5 : 1e-12;
  const w = f32 && !fix ? 32 : 64;
  const fns: Record<string, (x: number) => number | boolean> = {
    neg: (x) => -x,
    inv: (x) => 1 / x,
    abs: Math.abs,
    sqrt: Math.sqrt,
    exp: (x) => transcendental("exp", w, x),
    ln: (x) => transcendental("ln", w, x),
    sin: fix ? Math.sin : (x) => transcendental("sin", w, x),
    erf: fix ? erf : (x) => transcendental("erf", w, x),
    floor: Math.floor,
    ceiling: Math.ceil,
    isnegligible: (x) => Math.abs(x) < eps,
  };
  const f = fns[op];
  return f === undefined ? undefined : (x) => f(x as number);
}

/** Ops of the form (pd, a, b, out). */
export function isBinary(op: string, r: Rep): boolean {
  return binary(op, r) !== undefined;
}

export function isUnary(op: string, r: Rep): boolean {
  return unary(op, r) !== undefined;
}

/**
 * Emulator operations whose semantics equal a VM array operator on the storage type
 * (ring arithmetic, bitwise, comparisons; not division, which differs by zero):
 * these run on the VM's generated monomorphic kernels.
 */
const VM_BINARY: Readonly<Record<string, BinaryOp>> = {
  add: "add",
  sub: "sub",
  mul: "mul",
  mulc: "mul",
  and: "band",
  or: "bor",
  xor: "bxor",
  eq: "eq",
  lt: "lt",
  lte: "le",
  gt: "gt",
  gte: "ge",
};

function fastKernel(c: Call, n: number, la: number, lb: number): ArrayKernel2 | null {
  const r = c.type;
  const op = VM_BINARY[c.parsed.op];
  if (op === undefined) return null;
  if (r.cls === "fix" && op !== "add" && op !== "sub") return null;
  if (r.cls === "float" && (op === "band" || op === "bor" || op === "bxor")) return null;
  const mode = la === lb || n === 1 ? "aa" : la === 1 ? "sa" : "as";
  return arrayBinary(op, r.storage, mode);
}

/** Runs (pd, a, b, out): out[i] = a[i] op b[i], length-1 inputs broadcast. */
export function runBinary(c: Call): void {
  const a = c.operand(0);
  const b = c.operand(1);
  const o = c.output();
  const n = o.length;
  const sa = a.length === 1 ? 0 : 1;
  const sb = b.length === 1 ? 0 : 1;
  if ((sa && a.length !== n) || (sb && b.length !== n)) c.fail(`operands of ${a.length} and ${b.length} elements for an output of ${n}`);
  const k = fastKernel(c, n, a.length, b.length);
  if (k !== null) {
    k(o, sa || n === 1 ? a : a[0], sb || n === 1 ? b : b[0], n);
    return;
  }
  const f = binary(c.parsed.op, c.type)!;
  const outBig = o instanceof BigInt64Array || o instanceof BigUint64Array;
  for (let i = 0; i < n; i++) {
    const v = f(a[i * sa]!, b[i * sb]!);
    o[i] = typeof v === "boolean" ? (v ? 1 : 0) : outBig || typeof v !== "bigint" ? v : Number(BigInt.asIntN(64, v) & 0xffffffffn);
  }
}

/** Runs (pd, a, out). */
export function runUnary(c: Call): void {
  const f = unary(c.parsed.op, c.type)!;
  const a = c.operand(0);
  const o = c.output();
  if (a.length !== o.length && a.length !== 1) c.fail(`input of ${a.length} elements for an output of ${o.length}`);
  const s = a.length === 1 ? 0 : 1;
  const outBig = o instanceof BigInt64Array || o instanceof BigUint64Array;
  for (let i = 0; i < o.length; i++) {
    const v = f(a[i * s]!);
    o[i] = typeof v === "boolean" ? (v ? 1 : 0) : outBig ? big(v) : typeof v === "bigint" ? Number(BigInt.asIntN(64, v) & 0xffffffffn) : v;
  }
}
