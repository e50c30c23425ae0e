/**
 * Numeric helpers with the reference semantics that plain JS operators do not give:
 * checked integer division and modulo (truncating; by zero and MIN / -1 are runtime
 * errors), the IEEE remainder for float `%`, float-to-integer truncation, correctly
 * rounded int64 -> float32, and byte-order string comparison. The generated kernels
 * of vm/kernels.ts call these through the `H` object.
 */
import { VmError } from "./errors.js";

function divByZero(): never {
  throw new VmError("Division by zero");
}

function overflow(): never {
  throw new VmError("Integer overflow in division (MIN / -1)");
}

/** Signed <= 32-bit division; `min` is the type's minimum. */
function idiv(x: number, y: number, min: number): number {
  if (y === 0) divByZero();
  if (y === -1 && x === min) overflow();
  return Math.trunc(x / y);
}

function imod(x: number, y: number, min: number): number {
  if (y === 0) divByZero();
  if (y === -1 && x === min) overflow();
  return x % y === 0 ? 0 : x % y;
}

function udiv(x: number, y: number): number {
  if (y === 0) divByZero();
  return Math.floor(x / y);
}

function umod(x: number, y: number): number {
  if (y === 0) divByZero();
  return x % y;
}

const INT64_MIN = -(2n ** 63n);

function bdiv(x: bigint, y: bigint): bigint {
  if (y === 0n) divByZero();
  if (y === -1n && x === INT64_MIN) overflow();
  return x / y;
}

function bmod(x: bigint, y: bigint): bigint {
  if (y === 0n) divByZero();
  if (y === -1n && x === INT64_MIN) overflow();
  return x % y;
}

/**
 * IEEE 754 remainder: x - n*y with n = x/y rounded to nearest, ties to even
 * (C's `remainder`, fdlibm's algorithm). 7.5 rem 2 = -0.5.
 */
export function ieeeRemainder(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y) || !Number.isFinite(x) || y === 0) return NaN;
  if (!Number.isFinite(y)) return x;
  const p = Math.abs(y);
  const negative = x < 0 || Object.is(x, -0);
  let r = Math.abs(x);
  if (p <= Number.MAX_VALUE / 2) r = r % (p + p);
  if (r === p) return negative ? -0 : 0;
  if (p < 2 ** -1021) {
    if (r + r > p) {
      r -= p;
      if (r + r >= p) r -= p;
    }
  } else {
    const half = 0.5 * p;
    if (r > half) {
      r -= p;
      if (r >= half) r -= p;
    }
  }
  return negative ? -r : r;
}

/** Float -> integer truncation (C cast); NaN and infinities give 0. */
function ftrunc(x: number): number {
  return Number.isFinite(x) ? Math.trunc(x) : 0;
}

function f2big(x: number): bigint {
  return Number.isFinite(x) ? BigInt(Math.trunc(x)) : 0n;
}

/** Correctly rounded (to nearest, ties to even) conversion of an integer to float32. */
export function bigToFloat32(x: bigint): number {
  const d = Number(x);
  const f = Math.fround(d);
  if (f === d || !Number.isFinite(f)) return f;
  // d lies strictly between two float32 values; double rounding can only go wrong
  // when d is exactly their midpoint while x is not.
  const other = f > d ? nextDown32(f) : nextUp32(f);
  const mid = (f + other) / 2;
  if (mid !== d) return f;
  const exact = BigInt(d);
  if (x === exact) return f; // a genuine tie: fround already chose the even one
  const up = x > exact;
  const hi = Math.max(f, other);
  const lo = Math.min(f, other);
  return up ? hi : lo;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function nextUp32(f: number): number {
  f32[0] = f;
  if (f >= 0) u32[0] = u32[0]! + 1;
  else u32[0] = u32[0]! - 1;
  return f32[0]!;
}

function nextDown32(f: number): number {
  f32[0] = f;
  if (f > 0) u32[0] = u32[0]! - 1;
  else u32[0] = u32[0]! + 1;
  return f32[0]!;
}

const utf8 = new TextEncoder();

/** Compares strings by their UTF-8 bytes (what the reference's std::string does). */
export function compareStrings(a: string, b: string): number {
  if (/^[\x00-\x7f]*$/.test(a) && /^[\x00-\x7f]*$/.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(utf8.encode(a), utf8.encode(b));
}

/** The error function, accurate to a few ulps (a series with positive terms only). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a >= 6) return Math.sign(x);
  // erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n x^(2n+1) 2^n / (1*3*...*(2n+1))
  const x2 = a * a;
  let term = a;
  let sum = a;
  for (let n = 1; n < 500; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  const r = (2 / Math.sqrt(Math.PI)) * Math.exp(-x2) * sum;
  return x < 0 ? -r : r;
}

/** The helpers object the generated kernels receive as `H`. */
export const H = {
  idiv,
  imod,
  udiv,
  umod,
  bdiv,
  bmod,
  rem: ieeeRemainder,
  ftrunc,
  f2big,
  big2f32: bigToFloat32,
  scmp: compareStrings,
};
