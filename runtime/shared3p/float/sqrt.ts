/**
 * IEEE-754 square root as a circuit, correctly rounded: the significand normalised
 * and shifted so that the exponent becomes even, a restoring digit-by-digit integer
 * square root giving M+3 root bits (one subtraction and one mux per bit), the
 * remainder as sticky bit. Results are always normal; −0 stays −0, negative values
 * give the default NaN, +∞ stays.
 */
import { ONE, ZERO, type Bit, type Circuit } from "./circuit.js";
import { addBits, subBits } from "./adder.js";
import { constBits, muxBits, orAll, resize, type Bits } from "./bitvec.js";
import { nanOf, roundPackNormal, unpack, type FloatFormat } from "./format.js";
import { normalize } from "./shifter.js";

/** √x. */
export function floatSqrt(c: Circuit, f: FloatFormat, bits: Bits): Bits {
  const u = unpack(c, f, bits);
  const x = normalize(c, u.sig);
  const w = f.E + 3;
  // k: the unbiased exponent of the normalised significand's top bit
  const k = subBits(c, resize(u.ee, w), addBits(c, resize(x.shift, w), constBits(f.bias, w)).sum).diff;
  const odd = k[0] as Bit;
  const q = f.M + 3;
  // z = significand · 2^(p+3), or 2^(p+4) for an odd exponent: 2q bits whose root has q bits
  const even = [...constBits(0, f.M + 4), ...x.value, ZERO];
  const shifted = [...constBits(0, f.M + 5), ...x.value];
  const z = muxBits(c, odd, shifted, even);
  const { root, remainder } = integerSqrt(c, z, q);
  // the root's top bit has exponent floor(k / 2)
  const half = [...k.slice(1), k[w - 1] as Bit];
  const e = addBits(c, half, constBits(f.bias, w)).sum;
  const nan = c.or(u.isNaN, c.and(u.sign, c.not(u.isZero)));
  const special = { when: c.or(nan, c.or(u.isInf, u.isZero)), value: muxBits(c, nan, nanOf(c, f, u, null), bits) };
  return roundPackNormal(c, f, u.sign, e, root, remainder, special);
}

/** floor(√z) (q bits) of a 2q-bit z, and whether a remainder is left. */
function integerSqrt(c: Circuit, z: Bits, q: number): { root: Bits; remainder: Bit } {
  const rw = q + 3;
  let rem = constBits(0, rw);
  let root: Bits = [];
  for (let i = q - 1; i >= 0; i--) {
    rem = [z[2 * i] as Bit, z[2 * i + 1] as Bit, ...rem.slice(0, rw - 2)];
    const trial = resize([ONE, ZERO, ...root], rw);
    const d = subBits(c, rem, trial);
    const ge = c.not(d.borrow);
    rem = muxBits(c, ge, d.diff, rem);
    root = [ge, ...root];
  }
  return { root, remainder: orAll(c, rem) };
}
