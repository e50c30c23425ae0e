/**
 * IEEE-754 addition and multiplication as circuits on the bits of two values
 * (format float32 or float64), correctly rounded (nearest, ties to even) with
 * subnormals, signed zeros, infinities and NaN.
 *
 * Addition: order the operands by magnitude (one comparison, one swap; both
 * exponent differences are computed beside the comparison), align the smaller
 * significand keeping guard, round and sticky bits, add or subtract, normalise by
 * at most the larger exponent (so the result never needs an underflow shift),
 * round. Multiplication: the exact 2(M+1)-bit significand product, then either
 * normalised (by at most what keeps the exponent ≥ 1) or, when even its top bit is
 * below the normal range, shifted right; the right shift amount is known before the
 * product, so both paths run beside each other. Special results (NaN, infinity)
 * are chosen in parallel and enter by one final mux.
 */
import { ZERO, type Bit, type Circuit } from "./circuit.js";
import { add3Bits, addBits, isNegative, lessThan, subBits } from "./adder.js";
import { andBit, constBits, muxBits, orAll, resize, type Bits } from "./bitvec.js";
import { infinity, nanOf, roundPackNormal, unpack, type FloatFormat, type Special } from "./format.js";
import { multiplyBits } from "./multiplier.js";
import { normalizeLimited, shiftRightSticky } from "./shifter.js";

/** Exponent width for intermediate signed exponents. */
const expWidth = (f: FloatFormat): number => f.E + 3;

/** a + b. */
export function floatAdd(c: Circuit, f: FloatFormat, aBits: Bits, bBits: Bits): Bits {
  const a = unpack(c, f, aBits);
  const b = unpack(c, f, bBits);
  // big = the operand of larger magnitude (a on ties)
  const swap = lessThan(c, a.mag, b.mag);
  const pick = (x: Bits, y: Bits): [Bits, Bits] => {
    const t = x.map((v, i) => c.and(swap, c.xor(v, y[i] as Bit)));
    return [x.map((v, i) => c.xor(v, t[i] as Bit)), y.map((v, i) => c.xor(v, t[i] as Bit))];
  };
  const [bigSig, smallSig] = pick(a.sig, b.sig);
  const bigEe = muxBits(c, swap, b.ee, a.ee);
  const bigSign = c.mux(swap, b.sign, a.sign);
  const effSub = c.xor(a.sign, b.sign);
  // align: small significand with guard and round bits, shifted right by the exponent difference with sticky
  const d = muxBits(c, swap, subBits(c, b.ee, a.ee).diff, subBits(c, a.ee, b.ee).diff);
  const aligned = shiftRightSticky(c, [0, 0, ...smallSig], d);
  const bx = [0, 0, 0, ...bigSig, 0];
  const sx = [aligned.sticky, ...aligned.value, 0];
  const r = addBits(
    c,
    bx,
    sx.map((x) => c.xor(x, effSub)),
    effSub,
  ).sum;
  // r has M+5 bits, the top one being the carry of an effective addition, whose exponent is bigEe + 1
  const norm = normalizeLimited(c, r, bigEe);
  const w = expWidth(f);
  const e = subBits(c, addBits(c, resize(bigEe, w), constBits(1, w)).sum, resize(norm.shift, w)).diff;
  const rZero = c.not(orAll(c, r));
  const sign = c.mux(rZero, c.and(a.sign, b.sign), bigSign);
  const nan = c.or(c.or(a.isNaN, b.isNaN), c.and(c.and(a.isInf, b.isInf), effSub));
  const special = { when: c.or(nan, c.or(a.isInf, b.isInf)), value: muxBits(c, nan, nanOf(c, f, a, b), infinity(f, bigSign)) };
  return roundPackNormal(c, f, sign, e, norm.value, 0, special);
}

/** a − b = a + (−b). */
export function floatSub(c: Circuit, f: FloatFormat, aBits: Bits, bBits: Bits): Bits {
  return floatAdd(c, f, aBits, negate(c, bBits));
}

/** −a (flips the sign bit; NaN included, as JS does). */
export function negate(c: Circuit, bits: Bits): Bits {
  const out = [...bits];
  out[out.length - 1] = c.not(out[out.length - 1] as Bit);
  return out;
}

/** a · b. */
export function floatMul(c: Circuit, f: FloatFormat, aBits: Bits, bBits: Bits): Bits {
  const a = unpack(c, f, aBits);
  const b = unpack(c, f, bBits);
  const sign = c.xor(a.sign, b.sign);
  const product = multiplyBits(c, a.sig, b.sig);
  const w = expWidth(f);
  // the exponent of the product's top bit position (before normalisation), minus one
  const tMinus1 = add3Bits(c, resize(a.ee, w), resize(b.ee, w), constBits(BigInt.asUintN(w, BigInt(-f.bias)), w));
  const nan = c.or(c.or(a.isNaN, b.isNaN), c.or(c.and(a.isInf, b.isZero), c.and(b.isInf, a.isZero)));
  const special = { when: c.or(nan, c.or(a.isInf, b.isInf)), value: muxBits(c, nan, nanOf(c, f, a, b), infinity(f, sign)) };
  return finishWide(c, f, sign, product, tMinus1, ZERO, special);
}

/**
 * Rounds an exact wide significand v (at least M+2 bits, top bit possibly clear)
 * whose top bit position has exponent tMinus1 + 1 (two's complement), with
 * `sticky` for nonzero bits below v: normalised by at most what keeps the
 * exponent ≥ 1, or, when even the top position is below the normal range, shifted
 * right (that amount is known from tMinus1 alone, so both paths run beside each
 * other).
 */
export function finishWide(c: Circuit, f: FloatFormat, sign: Bit, v: Bits, tMinus1: Bits, sticky: Bit, special: Special): Bits {
  const w = tMinus1.length;
  const t = addBits(c, tMinus1, constBits(0, w), 1).sum;
  const under = isNegative(tMinus1);
  // normal path: shift left by min(leading zeros, t − 1)
  const norm = normalizeLimited(c, v, andBit(c, tMinus1.slice(0, w - 1), c.not(under)));
  const eNormal = subBits(c, t, resize(norm.shift, w)).diff;
  // underflow path: shift right by 1 − t, exponent 1; only the top M+2 bits can survive, the rest is sticky
  const n = v.length;
  const rs = subBits(c, constBits(0, w), tMinus1).diff;
  const right = shiftRightSticky(c, v.slice(n - f.M - 2), andBit(c, rs.slice(0, w - 1), under));
  const lowSticky = orAll(c, v.slice(0, n - f.M - 2));
  const normalSticky = orAll(c, norm.value.slice(0, n - f.M - 2));
  const sig = muxBits(c, under, right.value, norm.value.slice(n - f.M - 2));
  const st = c.or(sticky, c.mux(under, c.or(lowSticky, right.sticky), normalSticky));
  const e = muxBits(c, under, constBits(1, w), eNormal);
  return roundPackNormal(c, f, sign, e, sig, st, special);
}
