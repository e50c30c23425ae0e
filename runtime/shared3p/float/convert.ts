/**
 * Conversions as circuits, with the emulator's value semantics
 * (runtime/emulator/representation.ts valueToElement): between float32 and
 * float64 (exact widening, correctly rounded narrowing, NaN payloads kept and
 * quieted), integers to floats (correctly rounded; `scale` fractional bits for
 * fixed point), floats to integers (truncation toward zero, or JS Math.round for
 * fixed point, wrapping modulo 2^n; NaN and infinities give 0), and float ↔ bool.
 */
import { ONE, ZERO, type Bit, type Circuit } from "./circuit.js";
import { addBits, condNegBits, incrementBits, isNegative, subBits } from "./adder.js";
import { andBit, constBits, muxBits, orAll, resize, type Bits } from "./bitvec.js";
import { infinity, pack, roundPackNormal, unpack, type FloatFormat } from "./format.js";
import { normalize, shiftLeft, shiftRightSticky } from "./shifter.js";

const expWidth = (a: FloatFormat, b: FloatFormat): number => Math.max(a.E, b.E) + 3;

/** Pads a normalised significand with zeros below to at least `n` bits. */
function padBelow(sig: Bits, n: number): Bits {
  return sig.length >= n ? sig : [...constBits(0, n - sig.length), ...sig];
}

/**
 * The value of `bits` (format `from`) in format `to`. Widening is exact (a
 * subnormal source is normalised); narrowing rounds, shifting results below the
 * normal range right (a subnormal source lands far below and rounds to zero).
 */
export function floatToFloat(c: Circuit, from: FloatFormat, to: FloatFormat, bits: Bits): Bits {
  const u = unpack(c, from, bits);
  const w = expWidth(from, to);
  const rebias = constBits(BigInt.asUintN(w, BigInt(to.bias - from.bias)), w);
  // NaN: the payload's top bits, quieted
  const payload = to.M >= from.M ? [...constBits(0, to.M - from.M), ...u.frac] : u.frac.slice(from.M - to.M);
  payload[to.M - 1] = ONE;
  const nan = pack(to, u.sign, constBits((1 << to.E) - 1, to.E), payload);
  const special = { when: c.or(u.isNaN, u.isInf), value: muxBits(c, u.isNaN, nan, infinity(to, u.sign)) };
  if (to.E >= from.E) {
    const norm = normalize(c, u.sig);
    const e = subBits(c, addBits(c, resize(u.ee, w), rebias).sum, resize(norm.shift, w)).diff;
    return roundPackNormal(c, to, u.sign, e, padBelow(norm.value, to.M + 2), ZERO, special);
  }
  // narrowing: e is the exponent of the significand's top bit; below 1 the significand moves right by 1 − e
  const eMinus1 = addBits(c, resize(u.ee, w), constBits(BigInt.asUintN(w, BigInt(to.bias - from.bias - 1)), w)).sum;
  const under = isNegative(eMinus1);
  const e = addBits(c, eMinus1, constBits(0, w), ONE).sum;
  const rs = subBits(c, constBits(0, w), eMinus1).diff;
  const right = shiftRightSticky(c, u.sig, andBit(c, rs.slice(0, w - 1), under));
  return roundPackNormal(c, to, u.sign, muxBits(c, under, constBits(1, w), e), padBelow(right.value, to.M + 2), right.sticky, special);
}

/** The n-bit integer x (two's complement when signed) divided by 2^scale, correctly rounded to `f`. */
export function intToFloat(c: Circuit, f: FloatFormat, x: Bits, signed: boolean, scale = 0): Bits {
  const n = x.length;
  const sign = signed ? (x[n - 1] as Bit) : ZERO;
  const mag = signed ? condNegBits(c, x, sign) : x;
  const norm = normalize(c, mag);
  const w = Math.max(f.E, Math.ceil(Math.log2(n + 1))) + 3;
  // the exponent stays well inside the normal range for every integer and fixed-point width
  const e = subBits(c, constBits(BigInt.asUintN(w, BigInt(f.bias + n - 1 - scale)), w), resize(norm.shift, w)).diff;
  return roundPackNormal(c, f, sign, e, padBelow(norm.value, f.M + 2), ZERO);
}

export type Rounding = "trunc" | "round";

/**
 * x · 2^scale as an n-bit two's complement integer (mod 2^n): truncated toward zero,
 * or rounded half up like JS Math.round; NaN and ±infinity give 0.
 */
export function floatToInt(c: Circuit, f: FloatFormat, bits: Bits, n: number, scale: number, rounding: Rounding): Bits {
  const u = unpack(c, f, bits);
  const w = f.E + 3;
  // value = sig · 2^k with k = ee − bias − M + scale
  const k = addBits(c, resize(u.ee, w), constBits(BigInt.asUintN(w, BigInt(scale - f.bias - f.M)), w)).sum;
  const neg = isNegative(k);
  const width = Math.max(n, f.M + 1);
  const left = shiftLeft(c, resize(u.sig, width), andBit(c, k.slice(0, w - 1), c.not(neg)));
  const minusK = subBits(c, constBits(0, w), k).diff;
  // right shift keeps one guard bit below the integer part (the first fraction bit)
  const right = shiftRightSticky(c, [ZERO, ...resize(u.sig, width)], andBit(c, minusK.slice(0, w - 1), neg));
  const truncated = muxBits(c, neg, right.value.slice(1), left).slice(0, n);
  let mag = truncated;
  if (rounding === "round") {
    // half up on the signed value: magnitude rounds up on the half for positives, only above it for negatives
    const half = c.and(neg, right.value[0] as Bit);
    const up = c.and(half, c.or(c.not(u.sign), right.sticky));
    mag = incrementBits(c, truncated, up).sum;
  }
  const value = condNegBits(c, mag, u.sign);
  return andBit(c, value, c.not(c.or(u.isNaN, u.isInf)));
}

/** x ≠ 0 (NaN counts as nonzero, as in JS). */
export function floatToBool(c: Circuit, f: FloatFormat, bits: Bits): Bit {
  return orAll(c, bits.slice(0, f.M + f.E));
}

/** 1.0 or +0 from a bit (local: the bit ANDed with the constant pattern of 1.0). */
export function boolToFloat(c: Circuit, f: FloatFormat, b: Bit): Bits {
  return andBit(c, pack(f, ZERO, constBits(f.bias, f.E), constBits(0, f.M)), b);
}
