/**
 * IEEE-754 division as a circuit, correctly rounded: both significands normalised
 * (subnormals included), a non-restoring divider producing M+3 quotient bits (one
 * adder per bit, so AND-depth about (M+3)·(1 + ⌈log2 (M+4)⌉); slow but exact), the
 * remainder as sticky bit, then the product's rounding tail.
 */
import { ZERO, type Bit, type Circuit } from "./circuit.js";
import { add3Bits, addBits, subBits } from "./adder.js";
import { constBits, muxBits, orAll, resize, type Bits } from "./bitvec.js";
import { finishWide } from "./add-mul.js";
import { infinity, nanOf, pack, unpack, type FloatFormat } from "./format.js";
import { normalize } from "./shifter.js";

/** a / b. */
export function floatDiv(c: Circuit, f: FloatFormat, aBits: Bits, bBits: Bits): Bits {
  const a = unpack(c, f, aBits);
  const b = unpack(c, f, bBits);
  const sign = c.xor(a.sign, b.sign);
  const x = normalize(c, a.sig);
  const y = normalize(c, b.sig);
  const { quotient, remainder } = divideSignificands(c, x.value, y.value);
  const w = f.E + 3;
  // the exponent of the quotient's top bit (position M+2), minus one
  const up = add3Bits(c, resize(a.ee, w), resize(y.shift, w), constBits(BigInt.asUintN(w, BigInt(f.bias - 1)), w));
  const down = addBits(c, resize(b.ee, w), resize(x.shift, w)).sum;
  const tMinus1 = subBits(c, up, down).diff;
  const nan = c.or(c.or(a.isNaN, b.isNaN), c.or(c.and(a.isZero, b.isZero), c.and(a.isInf, b.isInf)));
  const inf = c.or(a.isInf, b.isZero);
  const zero = c.or(a.isZero, b.isInf);
  const signedZero = pack(f, sign, constBits(0, f.E), constBits(0, f.M));
  const value = muxBits(c, nan, nanOf(c, f, a, b), muxBits(c, inf, infinity(f, sign), signedZero));
  return finishWide(c, f, sign, quotient, tMinus1, remainder, { when: c.or(nan, c.or(inf, zero)), value });
}

/**
 * floor(x · 2^(p+1) / y) (p+2 bits) for p-bit x and y with their top bits set,
 * and whether the division left a remainder. Non-restoring: the partial remainder
 * may go negative, and each step adds or subtracts y by its sign, so a step is one
 * adder (the sign only flips y's bits and the carry in) with no mux; the quotient
 * bits are those of restoring division.
 */
function divideSignificands(c: Circuit, x: Bits, y: Bits): { quotient: Bits; remainder: Bit } {
  const p = x.length;
  const n = p + 3;
  const yy = resize(y, n);
  let r = resize(x, n);
  let negative: Bit = ZERO;
  let s: Bits = r;
  const bits: Bit[] = [];
  for (let step = 0; step < p + 2; step++) {
    // s = r − y when r ≥ 0, else r + y
    const subtract = c.not(negative);
    s = addBits(
      c,
      r,
      yy.map((b) => c.xor(b, subtract)),
      subtract,
    ).sum;
    negative = s[n - 1] as Bit;
    bits.push(c.not(negative));
    r = [ZERO, ...s.slice(0, n - 1)];
  }
  // the restoring remainder: s when the last step kept it, else s + y
  const restored = addBits(c, s, yy).sum;
  const remainder = c.mux(negative, orAll(c, restored), orAll(c, s));
  return { quotient: bits.reverse(), remainder };
}
