/**
 * IEEE-754 binary formats as circuits: the field layout of float32/float64, the
 * unpacking of a value's bits into sign, exponent, fraction, significand (hidden
 * bit included, 0 for subnormals) and class flags, and `roundPack`, which turns an
 * exact intermediate (sign, exponent, normalised significand, sticky bit) into the
 * correctly rounded value: round to nearest, ties to even; gradual underflow to
 * subnormals; overflow to infinity.
 *
 * NaN results follow the x86 rule that the emulator's JS arithmetic shows on this
 * platform: the first NaN operand, quieted; otherwise the default NaN (sign set,
 * quiet bit set, rest zero).
 */
import { ONE, ZERO, type Bit, type Circuit } from "./circuit.js";
import { addBits, isNegative, subBits } from "./adder.js";
import { andAll, andBit, constBits, muxBits, orAll, resize, signExtend, type Bits } from "./bitvec.js";
import { shiftRightSticky } from "./shifter.js";

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

/**
 * The correctly rounded value of (−1)^sign · sig · 2^(e − bias − (sig.length − 1)):
 * `sig` has its top bit set (or is zero), `e` is a two's complement exponent for
 * that top bit (wide enough not to overflow), `sticky` says that nonzero bits lie
 * below sig. Requires sig.length ≥ M + 2.
 */
export function roundPack(c: Circuit, f: FloatFormat, sign: Bit, e: Bits, sig: Bits, sticky: Bit): Bits {
  const n = sig.length;
  const ew = e.length;
  // results below the normal range: shift right by 1 − e, exponent becomes 1 (subnormal)
  const below = c.or(isNegative(e), andAll(c, e.map((x) => c.not(x))));
  const rs = subBits(c, constBits(1, ew), e).diff;
  const shifted = shiftRightSticky(c, sig, andBit(c, rs.slice(0, ew - 1), below));
  const s = shifted.value;
  const st = c.or(sticky, shifted.sticky);
  const eFinal = muxBits(c, below, constBits(1, ew), e);
  const hidden = s[n - 1] as Bit;
  const kept = s.slice(n - 1 - f.M, n - 1);
  const roundBit = s[n - 2 - f.M] as Bit;
  const rest = c.or(orAll(c, s.slice(0, n - 2 - f.M)), st);
  const roundUp = c.and(roundBit, c.or(rest, kept[0] as Bit));
  const field = andBit(c, eFinal.slice(0, f.E), hidden);
  const rounded = addBits(c, [...kept, ...field], constBits(0, f.M + f.E), roundUp).sum;
  // overflow: the exponent for the top bit is at least all-ones
  const maxE = constBits((1 << f.E) - 1, ew);
  const overflow = c.and(hidden, c.and(c.not(isNegative(e)), c.not(subBits(c, e, maxE).borrow)));
  const magnitude = muxBits(c, overflow, [...constBits(0, f.M), ...constBits((1 << f.E) - 1, f.E)], rounded);
  return [...magnitude, sign];
}

/** The exponent as a signed vector of width w (zero-extended unsigned input). */
export function widen(e: Bits, w: number): Bits {
  return resize(e, w);
}

/** a + b for signed vectors of width w (inputs sign-extended). */
export function addSigned(c: Circuit, a: Bits, b: Bits, w: number): Bits {
  return addBits(c, signExtend(a, w), signExtend(b, w)).sum;
}

export { ZERO };
