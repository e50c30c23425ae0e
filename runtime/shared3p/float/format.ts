/**
 * IEEE-754 binary formats as circuits: the field layout of float32/float64, the
 * unpacking of a value's bits into sign, exponent, fraction, significand (hidden
 * bit included, 0 for subnormals) and class flags, and `roundPackNormal`, which
 * turns an exact intermediate (sign, exponent, significand already placed for its
 * exponent, sticky bit) into the correctly rounded value: round to nearest, ties to
 * even; overflow to infinity. Callers place subnormal results themselves (exponent
 * 1, significand shifted right), which lets them compute that shift early.
 *
 * NaN results of arithmetic follow the x86 rule that the emulator's JS arithmetic
 * shows on this platform (checked for add, mul, div): the first NaN operand,
 * quieted; otherwise the default NaN (sign set, quiet bit set, rest zero). JS does
 * not promise NaN bit patterns, so the tests compare NaN as NaN.
 */
import { ONE, type Bit, type Circuit } from "./circuit.js";
import { addBits, isNegative, subBits } from "./adder.js";
import { andAll, andBit, constBits, muxBits, orAll, resize, type Bits } from "./bitvec.js";

export interface FloatFormat {
  readonly width: 32 | 64;
  /** Exponent bits. */
  readonly E: number;
  /** Fraction bits (significand without the hidden bit). */
  readonly M: number;
  readonly bias: number;
}

export const FLOAT32: FloatFormat = { width: 32, E: 8, M: 23, bias: 127 };
export const FLOAT64: FloatFormat = { width: 64, E: 11, M: 52, bias: 1023 };

export function formatOf(width: number): FloatFormat {
  return width === 32 ? FLOAT32 : FLOAT64;
}

export interface Unpacked {
  readonly bits: Bits;
  readonly sign: Bit;
  readonly exp: Bits;
  readonly frac: Bits;
  /** exp | frac: the magnitude as an unsigned integer (orders like |x| for non-NaN). */
  readonly mag: Bits;
  /** Significand with hidden bit (M+1 bits). */
  readonly sig: Bits;
  /** Effective biased exponent: 1 for subnormals and zero, else exp (E bits). */
  readonly ee: Bits;
  readonly isNaN: Bit;
  readonly isInf: Bit;
  readonly isZero: Bit;
}

export function unpack(c: Circuit, f: FloatFormat, bits: Bits): Unpacked {
  const frac = bits.slice(0, f.M);
  const exp = bits.slice(f.M, f.M + f.E);
  const sign = bits[f.M + f.E] as Bit;
  const expNonZero = orAll(c, exp);
  const expOnes = andAll(c, exp);
  const fracNonZero = orAll(c, frac);
  const ee = [c.or(exp[0] as Bit, c.not(expNonZero)), ...exp.slice(1)];
  return {
    bits,
    sign,
    exp,
    frac,
    mag: bits.slice(0, f.M + f.E),
    sig: [...frac, expNonZero],
    ee,
    isNaN: c.and(expOnes, fracNonZero),
    isInf: c.and(expOnes, c.not(fracNonZero)),
    isZero: c.not(c.or(expNonZero, fracNonZero)),
  };
}

/** Packs sign, exponent field and fraction into the format's bits. */
export function pack(f: FloatFormat, sign: Bit, exp: Bits, frac: Bits): Bits {
  return [...resize(frac, f.M), ...resize(exp, f.E), sign];
}

/** ±infinity. */
export function infinity(f: FloatFormat, sign: Bit): Bits {
  return pack(f, sign, constBits((1 << f.E) - 1, f.E), constBits(0, f.M));
}

/** The default NaN (sign and quiet bit set). */
export function defaultNaN(f: FloatFormat): Bits {
  return pack(f, ONE, constBits((1 << f.E) - 1, f.E), constBits(1n << BigInt(f.M - 1), f.M));
}

/** x with the quiet bit set. */
export function quiet(f: FloatFormat, x: Bits): Bits {
  const out = [...x];
  out[f.M - 1] = ONE;
  return out;
}

/** The NaN an arithmetic operation returns: quiet(a) if a is NaN, else quiet(b) if b is NaN, else the default NaN. */
export function nanOf(c: Circuit, f: FloatFormat, a: Unpacked, b: Unpacked | null): Bits {
  const fallback = b === null ? defaultNaN(f) : muxBits(c, b.isNaN, quiet(f, b.bits), defaultNaN(f));
  return muxBits(c, a.isNaN, quiet(f, a.bits), fallback);
}

/** A result that replaces the rounded value when `when` is set (NaN, infinity). */
export interface Special {
  readonly when: Bit;
  readonly value: Bits;
}

/**
 * Like roundPack when no underflow shift is needed: e ≥ 1, and e = 1 whenever the
 * top bit of sig is clear (a subnormal or zero result, exponent field 0). The
 * rounded-up value is computed beside the rounding decision, and overflow and the
 * optional special result enter in the same final selection.
 */
export function roundPackNormal(c: Circuit, f: FloatFormat, sign: Bit, e: Bits, sig: Bits, sticky: Bit, special: Special | null = null): Bits {
  const n = sig.length;
  const ew = e.length;
  const hidden = sig[n - 1] as Bit;
  const kept = sig.slice(n - 1 - f.M, n - 1);
  const roundBit = sig[n - 2 - f.M] as Bit;
  const rest = c.or(orAll(c, sig.slice(0, n - 2 - f.M)), sticky);
  const roundUp = c.and(roundBit, c.or(rest, kept[0] as Bit));
  const field = andBit(c, e.slice(0, f.E), hidden);
  const packed = [...kept, ...field];
  const incremented = addBits(c, packed, constBits(0, f.M + f.E), ONE).sum;
  // overflow: the exponent for the top bit is at least all-ones
  const maxE = constBits((1 << f.E) - 1, ew);
  const overflow = c.and(hidden, c.and(c.not(isNegative(e)), c.not(subBits(c, e, maxE).borrow)));
  const inf = infinity(f, sign);
  const override = special === null ? overflow : c.or(special.when, overflow);
  const overrideValue = special === null ? inf : muxBits(c, special.when, special.value, inf);
  // one selection of three: override, incremented, packed
  const takeInc = c.and(roundUp, c.not(override));
  const takePacked = c.and(c.not(roundUp), c.not(override));
  return [...packed, sign].map((p, i) =>
    c.xor(c.xor(c.and(overrideValue[i] as Bit, override), c.and(i < packed.length ? (incremented[i] as Bit) : sign, takeInc)), c.and(p, takePacked)),
  );
}
