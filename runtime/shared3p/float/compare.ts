/**
 * IEEE-754 comparisons as circuits: a < b and a = b (false when either is NaN;
 * −0 = +0), from one magnitude comparison of the sign-magnitude encodings; and the
 * selections built on them: JS Math.min/Math.max (NaN if either is NaN, −0 below
 * +0) and the step of the emulator's vecmin/vecmax scan.
 */
import { type Bit, type Circuit } from "./circuit.js";
import { subBits } from "./adder.js";
import { andAll, muxBits, type Bits } from "./bitvec.js";
import { defaultNaN, unpack, type FloatFormat, type Unpacked } from "./format.js";

export interface Ordering {
  readonly lt: Bit;
  readonly gt: Bit;
  readonly eq: Bit;
  readonly a: Unpacked;
  readonly b: Unpacked;
}

/** lt, gt, eq of a and b (all false when either is NaN). */
export function compareFloats(c: Circuit, f: FloatFormat, aBits: Bits, bBits: Bits): Ordering {
  const a = unpack(c, f, aBits);
  const b = unpack(c, f, bBits);
  const magLt = subBits(c, a.mag, b.mag).borrow;
  const magEq = andAll(c, a.mag.map((x, i) => c.not(c.xor(x, b.mag[i] as Bit))));
  const magGt = c.not(c.or(magLt, magEq));
  const bothZero = c.and(a.isZero, b.isZero);
  const ordered = c.not(c.or(a.isNaN, b.isNaN));
  const sa = a.sign;
  const sb = b.sign;
  const sameSign = c.not(c.xor(sa, sb));
  // same signs: compare magnitudes (reversed when negative); different: the negative one is smaller unless both are zero
  const ltSame = c.mux(sa, magGt, magLt);
  const gtSame = c.mux(sa, magLt, magGt);
  const lt = c.and(ordered, c.mux(sameSign, ltSame, c.and(sa, c.not(bothZero))));
  const gt = c.and(ordered, c.mux(sameSign, gtSame, c.and(sb, c.not(bothZero))));
  const eq = c.and(ordered, c.or(c.and(sameSign, magEq), bothZero));
  return { lt, gt, eq, a, b };
}

/** Math.min(a, b) (or Math.max): the default NaN if either is NaN; −0 < +0. */
export function floatMinMax(c: Circuit, f: FloatFormat, aBits: Bits, bBits: Bits, min: boolean): Bits {
  const o = compareFloats(c, f, aBits, bBits);
  const bothZero = c.and(o.a.isZero, o.b.isZero);
  // with both zero, min takes a when a is −0, max when a is +0
  const zeroPickA = min ? o.a.sign : c.not(o.a.sign);
  const pickA = c.or(min ? o.lt : o.gt, c.and(bothZero, zeroPickA));
  const chosen = muxBits(c, pickA, aBits, bBits);
  // V8's Math.min/Math.max return the default NaN, whatever the NaN operand
  return muxBits(c, c.or(o.a.isNaN, o.b.isNaN), defaultNaN(f), chosen);
}

/**
 * One step of the vecmin (vecmax) scan for an associative reduction: the later
 * value b replaces the earlier a when b < a (b > a), or when a is NaN and b is not
 * (NaN ranks last), so a tournament gives the sequential scan's answer whenever the
 * first element is not NaN.
 */
export function scanStep(c: Circuit, f: FloatFormat, aBits: Bits, bBits: Bits, min: boolean): Bits {
  const o = compareFloats(c, f, aBits, bBits);
  const better = min ? o.gt : o.lt;
  const takeB = c.or(better, c.and(o.a.isNaN, c.not(o.b.isNaN)));
  return muxBits(c, takeB, bBits, aBits);
}
