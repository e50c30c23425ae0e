/**
 * IEEE-754 addition and multiplication as circuits on the bits of two values
 * (format float32 or float64), correctly rounded (nearest, ties to even) with
 * subnormals, signed zeros, infinities and NaN.
 *
 * Addition: order the operands by magnitude (one comparison, one swap), align the
 * smaller significand by the exponent difference keeping guard, round and sticky
 * bits, add or subtract, normalise with a leading-zero count, round. Multiplication:
 * the exact 2(M+1)-bit significand product, normalised, then rounded.
 */
import { type Bit, type Circuit } from "./circuit.js";
import { addBits, lessThan, subBits } from "./adder.js";
import { constBits, muxBits, resize, type Bits } from "./bitvec.js";
import { infinity, nanOf, roundPack, unpack, type FloatFormat, type Unpacked } from "./format.js";
import { multiplyBits } from "./multiplier.js";
import { normalize, shiftRightSticky } from "./shifter.js";

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
  const [bigEe, smallEe] = pick(a.ee, b.ee);
  const bigSign = c.mux(swap, b.sign, a.sign);
  const effSub = c.xor(a.sign, b.sign);
  // align: small significand with guard and round bits, shifted right with sticky
  const d = subBits(c, bigEe, smallEe).diff;
  const aligned = shiftRightSticky(c, [0, 0, ...smallSig], d);

  const bx = [0, 0, 0, ...bigSig, 0];
  const sx = [aligned.sticky, ...aligned.value, 0];
  const r = addBits(
    c,
    bx,
    sx.map((x) => c.xor(x, effSub)),
    effSub,
  ).sum;
  // r has M+5 bits; its top bit is the carry of an effective addition
  const norm = normalize(c, r);
  const w = expWidth(f);
  const e = addBits(c, resize(bigEe, w), subBits(c, constBits(1, w), resize(norm.shift, w)).diff).sum;
  const zeroSign = c.and(a.sign, b.sign);
  const sign = c.mux(norm.zero, zeroSign, bigSign);
  let out = roundPack(c, f, sign, e, norm.value, 0);
  const anyInf = c.or(a.isInf, b.isInf);
  out = muxBits(c, anyInf, infinity(f, bigSign), out);
  const nan = c.or(c.or(a.isNaN, b.isNaN), c.and(c.and(a.isInf, b.isInf), effSub));
  return muxBits(c, nan, nanOf(c, f, a, b), out);
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
  const norm = normalize(c, product);
  const w = expWidth(f);
  // top bit of the normalised product has exponent eeA + eeB − bias + 1 − shift
  const sumE = addBits(c, resize(a.ee, w), resize(b.ee, w)).sum;
  const e = subBits(c, addBits(c, sumE, constBits(BigInt.asUintN(w, BigInt(1 - f.bias)), w)).sum, resize(norm.shift, w)).diff;
  let out = roundPack(c, f, sign, e, norm.value, 0);
  out = muxBits(c, c.or(a.isInf, b.isInf), infinity(f, sign), out);
  const nan = c.or(c.or(a.isNaN, b.isNaN), c.or(c.and(a.isInf, b.isZero), c.and(b.isInf, a.isZero)));
  return muxBits(c, nan, nanOf(c, f, a, b), out);
}

export type { Unpacked };
