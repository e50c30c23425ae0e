/**
 * Rounding a float to a multiple of 2^q as a circuit, the value that the
 * transcendental algorithms compute as (x + K) − K with K = 1.5·2^(M+q) (nearest,
 * ties to even; +0 when it rounds to zero), and its count x / 2^q as a small two's
 * complement integer, without the two float additions: the significand shifted right
 * by the number of its bits below 2^q gives the count (guard and sticky bits for the
 * rounding, one adder for the sign), and beside it the value clears those bits of the
 * encoding and adds one unit at 2^q when rounding up (a carry into the exponent field
 * is the binade change), as in integral.ts. Equal to (x + K) − K for |x| < 2^(M+q);
 * NaN and ±∞ come back unchanged (larger finite x: the value is x, the count is
 * meaningless).
 */
import { ZERO, type Bit, type Circuit } from "./circuit.js";
import { addBits, lessThan, subBits } from "./adder.js";
import { constBits, muxBits, resize, suffixOr, type Bits } from "./bitvec.js";
import { pack, unpack, type FloatFormat } from "./format.js";
import { decode, shiftRightSticky } from "./shifter.js";

/** x rounded to a multiple of 2^q (value) and x / 2^q rounded (count, `bits` bits). */
export function roundToMultiple(c: Circuit, f: FloatFormat, x: Bits, q: number, bits: number): { value: Bits; count: Bits } {
  const u = unpack(c, f, x);
  const w = f.E + 2;
  // s = the significand bits below 2^q: ≤ 0 for multiples of 2^q (and NaN, ±∞), > M for |x| < 2^q
  const s = subBits(c, constBits(BigInt.asUintN(w, BigInt(f.M + f.bias + q)), w), resize(u.ee, w)).diff;
  const sPos = s.map((b) => c.and(b, c.not(s[w - 1] as Bit)));
  // count: the significand shifted right by s with a guard bit, rounded to even, negated for negative x
  const shifted = shiftRightSticky(c, [ZERO, ...u.sig], sPos);
  const mag = shifted.value.slice(1);
  const guard = shifted.value[0] as Bit;
  const roundUp = c.and(guard, c.or(shifted.sticky, mag[0] as Bit));
  // ±(mag + roundUp) = (mag ⊕ sign) + (sign ⊕ roundUp)
  const count = addBits(
    c,
    resize(mag, bits).map((b) => c.xor(b, u.sign)),
    constBits(0, bits),
    c.xor(u.sign, roundUp),
  ).sum;
  // value: the encoding with the bits below 2^q cleared, plus one unit at 2^q when rounding up
  const unit = decode(c, sPos, f.M + 1);
  const below = suffixOr(c, unit).slice(1);
  const magnitude = [...u.frac.map((b, i) => c.and(b, c.not(below[i] as Bit))), ...u.exp];
  const bumped = addBits(c, magnitude, resize(unit, f.M + f.E)).sum;
  const large = [...muxBits(c, roundUp, bumped, magnitude), u.sign];
  // |x| < 2^q: ±2^q when rounding up, else +0
  const small = muxBits(c, roundUp, pack(f, u.sign, constBits(f.bias + q, f.E), constBits(0, f.M)), constBits(0, f.width));
  const isSmall = lessThan(c, constBits(f.M, w), sPos);
  return { value: muxBits(c, isSmall, small, large), count };
}
