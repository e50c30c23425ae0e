/**
 * Rounding to an integral value in the same format, as circuits: JS Math.floor and
 * Math.ceil (±0, infinities and NaN unchanged; −0.5 floors to −1 and ceils to −0).
 * The fraction bits below the binary point are cleared with a mask decoded from the
 * exponent; when a cleared bit was set and the rounding goes away from zero, one
 * unit of the lowest integer bit is added to the magnitude (a carry into the
 * exponent field is exactly the binade change). Values below 1 in magnitude become
 * ±0 or ±1.
 */
import { type Bit, type Circuit } from "./circuit.js";
import { addBits, lessThan, subBits } from "./adder.js";
import { constBits, muxBits, orAll, resize, suffixOr, type Bits } from "./bitvec.js";
import { pack, unpack, type FloatFormat } from "./format.js";
import { decode } from "./shifter.js";

/** Math.floor(x) (or Math.ceil when `ceil`). */
export function floorCeil(c: Circuit, f: FloatFormat, bits: Bits, ceil: boolean): Bits {
  const u = unpack(c, f, bits);
  const w = f.E + 2;
  // s = M − (ee − bias): the number of fraction bits below the binary point (≤ 0: none; > M: |x| < 1)
  const s = subBits(c, constBits(f.M + f.bias, w), resize(u.ee, w)).diff;
  const unit = decode(c, s, f.M + 1);
  // below[i] = (i < s): OR of unit[i+1..M], a parallel suffix OR
  const below = suffixOr(c, unit).slice(1);
  const cleared = u.frac.map((x, i) => c.and(x, below[i] as Bit));
  const inexact = orAll(c, cleared);
  const truncated = [...u.frac.map((x, i) => c.xor(x, cleared[i] as Bit)), ...u.exp];
  const awayFromZero = c.and(inexact, ceil ? c.not(u.sign) : u.sign);
  // unit[M] (|x| in [1, 2)) adds one to the exponent field
  const bumped = addBits(c, truncated, [...unit, ...constBits(0, f.E - 1)], 0).sum;
  const large = [...muxBits(c, awayFromZero, bumped, truncated), u.sign];
  // |x| < 1: ±0 stays, otherwise 0 or 1 with the sign, by the direction of rounding
  const one = pack(f, u.sign, constBits(f.bias, f.E), constBits(0, f.M));
  const zero = pack(f, u.sign, constBits(0, f.E), constBits(0, f.M));
  const toOne = ceil ? c.not(u.sign) : u.sign;
  const small = muxBits(c, c.or(u.isZero, c.not(toOne)), muxBits(c, u.isZero, bits, zero), one);
  const belowOne = lessThan(c, resize(u.ee, w), constBits(f.bias, w));
  return muxBits(c, belowOne, small, large);
}
