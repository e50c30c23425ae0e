/**
 * exp, ln, sin and erf defined as algorithms (range reduction, a table looked up by
 * a small integer, a polynomial), written once against `FloatMachine`, an
 * interface of IEEE operations in one format. Two machines run them: the plain one
 * of vm/transcendental-plain.ts (JS arithmetic, what the emulator computes for
 * private values) and the circuit machine of runtime/shared3p/float/transcendental.ts
 * (the same steps as exact IEEE circuits), so the three-party results equal the
 * emulator's bit for bit, since every machine operation is exact IEEE (NaN payloads
 * aside).
 *
 * A machine works in one format: float64, or float32 (every operation rounded to
 * float32, as Math.fround). Float32 results run in float32 with their own tables and
 * polynomials, except sin's range reduction, which runs in float64 (it needs exact
 * products with parts of π/N) and rounds the reduced argument to float32.
 * Accuracy against Math.* (tested in test/vm/transcendental.test.ts): float64 within
 * 2 ulp (exp, ln, sin) and 3 ulp (erf), float32 within 2 ulp. sin reduces
 * |x| ≤ 2^20 by π/128 in four parts (float32: π/32 in three); beyond that, and for
 * ±∞, it gives NaN. Special values follow Math.*: exp(±0) = 1, exp(−∞) = +0,
 * overflow to +∞, underflow through the subnormals to +0; ln of a negative or NaN is
 * NaN, ln(±0) = −∞, ln(+∞) = +∞; sin(±0) = ±0; erf(±∞) = ±1, erf(±0) = ±0.
 */
import { erfTaylor, expF, LN2, lnRat, PI, ratio, sinPiOver, splitConstant, toDouble } from "./transcendental-tables.js";

/** IEEE operations in one format on values F, with small two's complement integers I. */
export interface FloatMachine<F, I> {
  readonly width: 32 | 64;
  add(a: F, b: F): F;
  sub(a: F, b: F): F;
  mul(a: F, b: F): F;
  /** Math.min / Math.max. */
  min(a: F, b: F): F;
  max(a: F, b: F): F;
  constant(v: number): F;
  abs(a: F): F;
  /** |y| with the sign bit of x. */
  copySign(y: F, x: F): F;
  /**
   * x rounded to a multiple of 2^q (nearest, ties to even) as (x + K) − K with
   * K = 1.5·2^(M+q) (M fraction bits), and that multiple's count x / 2^q: the low
   * `bits` fraction bits of x + K, exact for |x / 2^q| < 2^(bits−1).
   */
  roundToMultiple(x: F, q: number, bits: number): { value: F; count: I };
  /** table[n mod table.length] (the length a power of two). */
  lookup(n: I, table: Float64Array): F;
  /** y · 2^(n >> shift), rounded once. */
  ldexp(y: F, n: I, shift: number): F;
  /** The integer as a float. */
  toFloat(n: I): F;
  /**
   * For finite x > 0: the significand m ∈ [1, 2) (subnormals normalised), index =
   * round((m − 1)·2^k) ∈ [0, 2^k] (halves up) and e = the exponent of x, plus one when
   * index ≥ 2^(k−1). Anything for other x.
   */
  decompose(x: F, k: number): { m: F; index: I; e: I };
  /** ln's special cases: NaN for NaN and x < 0, −∞ for ±0, +∞ for +∞, else y. */
  lnSpecials(x: F, y: F): F;
  /** x when |x| < tiny, y when |x| ≤ limit, else NaN (sin's ends). */
  sinEnds(x: F, tiny: number, limit: number, y: F): F;
}

/** Σ coeffs[i]·x^i by Estrin's scheme (pairs, then powers x², x⁴, …: depth log2 of the degree). */
export function estrin<F, I>(m: FloatMachine<F, I>, x: F, coeffs: readonly F[]): F {
  let terms = [...coeffs];
  let p = x;
  while (terms.length > 1) {
    const next: F[] = [];
    for (let i = 0; i < terms.length; i += 2) next.push(i + 1 < terms.length ? m.add(terms[i] as F, m.mul(p, terms[i + 1] as F)) : (terms[i] as F));
    terms = next;
    if (terms.length > 1) p = m.mul(p, p);
  }
  return terms[0] as F;
}

const taylor = (n: number, from: number, step: number, sign: (k: number) => number): number[] =>
  Array.from({ length: n }, (_, i) => {
    const k = from + i * step;
    let f = 1;
    for (let j = 2; j <= k; j++) f *= j;
    return sign(i) / f;
  });

// ---------------------------------------------------------------- exp

export interface ExpParams {
  /** The clamp of x (beyond, exp is already ∞ or 0) and the width of n. */
  readonly lo: number;
  readonly hi: number;
  readonly countBits: number;
  readonly log2N: number;
  /** N / ln 2. */
  readonly invC: number;
  /** ln 2 / N in two parts (the first times any n in range is exact). */
  readonly c1: number;
  readonly c2: number;
  /** 2^(j/N), j < N. */
  readonly table: Float64Array;
  /** Coefficients of (exp(r) − 1 − r) / r². */
  readonly poly: readonly number[];
}

function expParams(f: Format, log2N: number, degree: number): ExpParams {
  const N = 2 ** log2N;
  // |n| ≤ |x|·N/ln2 stays below 2^17 (float64) or 2^13 (float32), so n·c1 is exact
  const [lo, hi, countBits, nBits] = f.width === 64 ? [-750, 710, 18, 17] : [-110, 90, 16, 13];
  const [c1, c2] = splitConstant(LN2 / BigInt(N), [f.precision - nBits, 53]).map(f.round) as [number, number];
  const table = Float64Array.from({ length: N }, (_, j) => f.round(toDouble(expF((LN2 * BigInt(j)) / BigInt(N)))));
  return { lo, hi, countBits, log2N, invC: f.round(ratio(BigInt(N) << 256n, LN2)), c1, c2, table, poly: taylor(degree - 1, 2, 1, () => 1).map(f.round) };
}

/** exp(x) = 2^k · 2^(j/N) · exp(r), x = (kN + j)·ln2/N + r, |r| ≤ ln2/2N. */
export function expAlgorithm<F, I>(m: FloatMachine<F, I>, p: ExpParams, x: F): F {
  // beyond these exp is already ∞ or 0; the clamp keeps n small (NaN stays NaN)
  const xc = m.min(m.max(x, m.constant(p.lo)), m.constant(p.hi));
  const { value: nf, count: n } = m.roundToMultiple(m.mul(xc, m.constant(p.invC)), 0, p.countBits);
  const r = m.sub(m.sub(xc, m.mul(nf, m.constant(p.c1))), m.mul(nf, m.constant(p.c2)));
  const q = m.add(r, m.mul(m.mul(r, r), estrin(m, r, p.poly.map((v) => m.constant(v)))));
  const t = m.lookup(n, p.table);
  return m.ldexp(m.add(t, m.mul(t, q)), n, p.log2N);
}

// ---------------------------------------------------------------- ln

export interface LnParams {
  readonly k: number;
  /** Cell centres 1 + i/2^k, their reciprocals and ln(centre / 2^h), h = (i ≥ 2^(k−1)). */
  readonly mid: Float64Array;
  readonly inv: Float64Array;
  readonly log: Float64Array;
  readonly ln2hi: number;
  readonly ln2lo: number;
  /** Coefficients of (ln(1 + r) − r) / r². */
  readonly poly: readonly number[];
}

function lnParams(f: Format, k: number, degree: number): LnParams {
  const cells = 2 ** k;
  const size = 2 * cells;
  const mid = new Float64Array(size);
  const inv = new Float64Array(size);
  const log = new Float64Array(size);
  for (let i = 0; i <= cells; i++) {
    mid[i] = 1 + i / cells;
    inv[i] = f.round(1 / (mid[i] as number));
    const h = i >= cells / 2 ? 1n : 0n;
    log[i] = f.round(toDouble(lnRat(BigInt(cells + i), BigInt(cells) << h)));
  }
  // e·ln2hi is exact for the exponents of the format (11 bits, 8 for float32)
  const [ln2hi, ln2lo] = splitConstant(LN2, [f.precision - 13, 53]).map(f.round) as [number, number];
  return { k, mid, inv, log, ln2hi, ln2lo, poly: Array.from({ length: degree - 1 }, (_, i) => f.round((i % 2 === 0 ? -1 : 1) / (i + 2))) };
}

/** ln(x) = e·ln2 + ln(c) + ln(1 + r), x = 2^e·m, c the nearest table centre, r = (m − c)/c. */
export function lnAlgorithm<F, I>(m: FloatMachine<F, I>, p: LnParams, x: F): F {
  const d = m.decompose(x, p.k);
  const r = m.mul(m.sub(d.m, m.lookup(d.index, p.mid)), m.lookup(d.index, p.inv));
  const poly = m.add(r, m.mul(m.mul(r, r), estrin(m, r, p.poly.map((v) => m.constant(v)))));
  const e = m.toFloat(d.e);
  const high = m.add(m.mul(e, m.constant(p.ln2hi)), m.lookup(d.index, p.log));
  const low = m.add(m.mul(e, m.constant(p.ln2lo)), poly);
  return m.lnSpecials(x, m.add(high, low));
}

// ---------------------------------------------------------------- sin

/** Beyond this magnitude sin gives NaN (the reduction's products stop being exact). */
export const SIN_LIMIT = 2 ** 20;

export interface SinParams {
  /** N/π (float64), and π/N in float64 parts (all but the last times any |n| < 2^20·N/π exact). */
  readonly scale: number;
  readonly parts: readonly number[];
  readonly countBits: number;
  /** sin(nπ/N) and cos(nπ/N) for n < 2N (sin 0 stored as −0, so sin(−0) = −0). */
  readonly sin: Float64Array;
  readonly cos: Float64Array;
  /** Coefficients in r² of (sin r − r)/r³ and (cos r − 1)/r². */
  readonly sinPoly: readonly number[];
  readonly cosPoly: readonly number[];
}

/**
 * Tables of 2N entries in format f, `terms` polynomial terms each, π/N in `parts`
 * float64 parts: four (about 140 bits) for float64 results, where a double may lie
 * within 2^-60 of a multiple of π/N; three (about 110 bits) for float32 results,
 * whose inputs have 24 bits.
 */
function sinParams(f: Format, log2N: number, terms: number, parts: number): SinParams {
  const N = 2 ** log2N;
  const nBits = 21 + log2N;
  const sin = Float64Array.from({ length: 2 * N }, (_, n) => f.round(sinPiOver(n, N)));
  sin[0] = -0;
  const cos = Float64Array.from({ length: 2 * N }, (_, n) => f.round(sinPiOver(n + N / 2, N)));
  const sign = (i: number): number => (i % 2 === 0 ? -1 : 1);
  return {
    scale: ratio(BigInt(N) << 256n, PI),
    parts: splitConstant(PI / BigInt(N), [...Array.from({ length: parts - 1 }, () => 53 - nBits), 53]),
    countBits: nBits + 2,
    sin,
    cos,
    sinPoly: taylor(terms, 3, 2, sign).map(f.round),
    cosPoly: taylor(terms, 2, 2, sign).map(f.round),
  };
}

/**
 * The machines of a result width: `main` in that width, and the float64 machine
 * `wide` with the exact widening and the rounding between them (for float64 results
 * the same machine and identities).
 */
export interface Machines<F, W, I> {
  readonly main: FloatMachine<F, I>;
  readonly wide: FloatMachine<W, I>;
  widen(x: F): W;
  narrow(x: W): F;
}

/**
 * sin(x) = sin(nπ/N)·cos r + cos(nπ/N)·sin r, x = nπ/N + r, |r| ≤ π/2N: the
 * reduction in float64 (wide), the polynomials and tables in the result's format.
 */
export function sinAlgorithm<F, W, I>(ms: Machines<F, W, I>, p: SinParams, x: F): F {
  const w = ms.wide;
  const xw = ms.widen(x);
  const { value: nf, count: n } = w.roundToMultiple(w.mul(xw, w.constant(p.scale)), 0, p.countBits);
  let rw = xw;
  for (const part of p.parts) rw = w.sub(rw, w.mul(nf, w.constant(part)));
  const m = ms.main;
  const r = ms.narrow(rw);
  const z = m.mul(r, r);
  const sr = m.add(r, m.mul(m.mul(r, z), estrin(m, z, p.sinPoly.map((v) => m.constant(v)))));
  const cm1 = m.mul(z, estrin(m, z, p.cosPoly.map((v) => m.constant(v))));
  const s = m.lookup(n, p.sin);
  const y = m.add(s, m.add(m.mul(s, cm1), m.mul(m.lookup(n, p.cos), sr)));
  // below 2^-27 sin x rounds to x (and ±0 keeps its sign)
  return m.sinEnds(x, 2 ** -27, SIN_LIMIT, y);
}

// ---------------------------------------------------------------- erf

export interface ErfParams {
  /** Centres every 2^-log2Step up to 6 (beyond, erf rounds to ±1 in both formats). */
  readonly log2Step: number;
  /** coeffs[k][i]: the k-th Taylor coefficient of erf at i·2^-log2Step. */
  readonly coeffs: readonly Float64Array[];
}

function erfParams(f: Format, log2Step: number, degree: number): ErfParams {
  const last = 6 * 2 ** log2Step;
  const size = 2 ** Math.ceil(Math.log2(last + 1));
  const coeffs = Array.from({ length: degree + 1 }, () => new Float64Array(size));
  for (let i = 0; i <= last; i++) erfTaylor(i, log2Step, degree).forEach((v, k) => ((coeffs[k] as Float64Array)[i] = f.round(v)));
  return { log2Step, coeffs };
}

/** erf(x) = sign(x)·P_i(|x| − c_i), c_i the centre nearest to min(|x|, 6), P_i the Taylor polynomial at c_i. */
export function erfAlgorithm<F, I>(m: FloatMachine<F, I>, p: ErfParams, x: F): F {
  const a = m.min(m.abs(x), m.constant(6));
  const { value: c, count: i } = m.roundToMultiple(a, -p.log2Step, p.log2Step + 5);
  const h = m.sub(a, c);
  return m.copySign(
    estrin(
      m,
      h,
      p.coeffs.map((t) => m.lookup(i, t)),
    ),
    x,
  );
}

// ---------------------------------------------------------------- parameters

export type TranscendentalOp = "exp" | "ln" | "sin" | "erf";

/** A format as the parameters need it: width, significand bits, rounding of a double to it. */
interface Format {
  readonly width: 32 | 64;
  readonly precision: number;
  readonly round: (v: number) => number;
}

const F64: Format = { width: 64, precision: 53, round: (v) => v };
const F32: Format = { width: 32, precision: 24, round: Math.fround };

/** Builds a function's parameters for a width once, on first use (the BigInt tables take tens of milliseconds). */
function cached<P>(build: (w: 32 | 64) => P): (w: 32 | 64) => P {
  const made = new Map<32 | 64, P>();
  return (w) => {
    let p = made.get(w);
    if (p === undefined) {
      p = build(w);
      made.set(w, p);
    }
    return p;
  };
}

const EXP = cached((w) => (w === 64 ? expParams(F64, 6, 5) : expParams(F32, 5, 3)));
const LN = cached((w) => (w === 64 ? lnParams(F64, 10, 5) : lnParams(F32, 7, 3)));
const SIN = cached((w) => (w === 64 ? sinParams(F64, 7, 3, 4) : sinParams(F32, 5, 2, 3)));
const ERF = cached((w) => (w === 64 ? erfParams(F64, 5, 7) : erfParams(F32, 5, 3)));

/** Runs op's algorithm on x in the format of the main machine (sin also uses the wide one). */
export function runAlgorithm<F, W, I>(op: TranscendentalOp, ms: Machines<F, W, I>, x: F): F {
  if (ms.wide.width !== 64) throw new Error("the wide machine must be float64");
  const m = ms.main;
  switch (op) {
    case "exp":
      return expAlgorithm(m, EXP(m.width), x);
    case "ln":
      return lnAlgorithm(m, LN(m.width), x);
    case "sin":
      return sinAlgorithm(ms, SIN(m.width), x);
    case "erf":
      return erfAlgorithm(m, ERF(m.width), x);
    default: {
      const never: never = op;
      throw new Error(`unknown operation ${String(never)}`);
    }
  }
}
