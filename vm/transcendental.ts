/**
 * exp, ln, sin and erf defined as algorithms (range reduction, a table looked up by
 * a small integer, a polynomial), written once against `FloatMachine`, an
 * interface of IEEE float64 operations. Two machines run them: `PLAIN` here (JS
 * float64 arithmetic, what the emulator computes for private values) and the
 * circuit machine of runtime/shared3p/float/transcendental.ts (the same steps as
 * exact IEEE circuits), so the three-party results equal the emulator's bit for bit
 * whenever every machine operation is exact IEEE (NaN payloads aside).
 *
 * Float32 results run the float64 algorithm with smaller polynomials and round once
 * (Math.fround). Accuracy against Math.* (tested in test/vm/transcendental.test.ts):
 * float64 within 2 ulp (exp, ln, sin) and 3 ulp (erf), float32 within 1 ulp.
 * sin reduces |x| ≤ 2^20 by a four-part π/32 (exact products); beyond that, and for
 * ±∞, it gives NaN. Special values follow Math.*: exp(±0) = 1, exp(−∞) = +0,
 * overflow to +∞, underflow through the subnormals to +0; ln of a negative or NaN is
 * NaN, ln(±0) = −∞, ln(+∞) = +∞; sin(±0) = ±0; erf(±∞) = ±1, erf(±0) = ±0.
 */
import { erfTaylor, expF, LN2, lnRat, PI, ratio, sinPiOver32, splitConstant, toDouble } from "./transcendental-tables.js";

/** Float64 operations on values F with small two's complement integers I. */
export interface FloatMachine<F, I> {
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
   * K = 1.5·2^(52+q), and that multiple's count x / 2^q: the low `bits` fraction
   * bits of x + K, exact for |x / 2^q| < 2^(bits−1).
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
  readonly log2N: number;
  /** N / ln 2. */
  readonly invC: number;
  /** ln 2 / N in two parts (the first times any |n| < 2^17 is exact). */
  readonly c1: number;
  readonly c2: number;
  /** 2^(j/N), j < N. */
  readonly table: Float64Array;
  /** Coefficients of (exp(r) − 1 − r) / r². */
  readonly poly: readonly number[];
}

function expParams(log2N: number, degree: number): ExpParams {
  const N = 2 ** log2N;
  const [c1, c2] = splitConstant(LN2 / BigInt(N), [32, 53]) as [number, number];
  const table = Float64Array.from({ length: N }, (_, j) => toDouble(expF((LN2 * BigInt(j)) / BigInt(N))));
  return { log2N, invC: ratio(BigInt(N) << 256n, LN2), c1, c2, table, poly: taylor(degree - 1, 2, 1, () => 1) };
}

/** exp(x) = 2^k · 2^(j/N) · exp(r), x = (kN + j)·ln2/N + r, |r| ≤ ln2/2N. */
export function expAlgorithm<F, I>(m: FloatMachine<F, I>, p: ExpParams, x: F): F {
  // beyond these exp is already ∞ or 0; the clamp keeps n small (NaN stays NaN)
  const xc = m.min(m.max(x, m.constant(-750)), m.constant(710));
  const { value: nf, count: n } = m.roundToMultiple(m.mul(xc, m.constant(p.invC)), 0, 18);
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

function lnParams(k: number, degree: number): LnParams {
  const cells = 2 ** k;
  const size = 2 * cells;
  const mid = new Float64Array(size);
  const inv = new Float64Array(size);
  const log = new Float64Array(size);
  for (let i = 0; i <= cells; i++) {
    mid[i] = 1 + i / cells;
    inv[i] = 1 / (mid[i] as number);
    const h = i >= cells / 2 ? 1n : 0n;
    log[i] = toDouble(lnRat(BigInt(cells + i), BigInt(cells) << h));
  }
  const [ln2hi, ln2lo] = splitConstant(LN2, [40, 53]) as [number, number];
  return { k, mid, inv, log, ln2hi, ln2lo, poly: Array.from({ length: degree - 1 }, (_, i) => (i % 2 === 0 ? -1 : 1) / (i + 2)) };
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
  /** 32/π and π/32 in four parts (the first three times any |n| < 2^24 exact). */
  readonly scale: number;
  readonly parts: readonly number[];
  /** sin(nπ/32) and cos(nπ/32) for n < 64 (sin 0 stored as −0, so sin(−0) = −0). */
  readonly sin: Float64Array;
  readonly cos: Float64Array;
  /** Coefficients in r² of (sin r − r)/r³ and (cos r − 1)/r². */
  readonly sinPoly: readonly number[];
  readonly cosPoly: readonly number[];
}

function sinParams(terms: number): SinParams {
  const sin = Float64Array.from({ length: 64 }, (_, n) => sinPiOver32(n));
  sin[0] = -0;
  const cos = Float64Array.from({ length: 64 }, (_, n) => sinPiOver32(n + 16));
  return {
    scale: ratio(32n << 256n, PI),
    parts: splitConstant(PI / 32n, [28, 28, 28, 53]),
    sin,
    cos,
    sinPoly: taylor(terms, 3, 2, (i) => (i % 2 === 0 ? -1 : 1)),
    cosPoly: taylor(terms, 2, 2, (i) => (i % 2 === 0 ? -1 : 1)),
  };
}

/** sin(x) = sin(nπ/32)·cos r + cos(nπ/32)·sin r, x = nπ/32 + r, |r| ≤ π/64. */
export function sinAlgorithm<F, I>(m: FloatMachine<F, I>, p: SinParams, x: F): F {
  const { value: nf, count: n } = m.roundToMultiple(m.mul(x, m.constant(p.scale)), 0, 26);
  let r = x;
  for (const part of p.parts) r = m.sub(r, m.mul(nf, m.constant(part)));
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
  /** coeffs[k][i]: the k-th Taylor coefficient of erf at i/16 (i ≤ 96, 128 entries). */
  readonly coeffs: readonly Float64Array[];
}

function erfParams(degree: number): ErfParams {
  const coeffs = Array.from({ length: degree + 1 }, () => new Float64Array(128));
  for (let i = 0; i <= 96; i++) erfTaylor(i, degree).forEach((v, k) => ((coeffs[k] as Float64Array)[i] = v));
  return { coeffs };
}

/** erf(x) = sign(x)·P_i(|x| − i/16), i = round(16·min(|x|, 6)), P_i the Taylor polynomial at i/16. */
export function erfAlgorithm<F, I>(m: FloatMachine<F, I>, p: ErfParams, x: F): F {
  const a = m.min(m.abs(x), m.constant(6));
  const { value: c, count: i } = m.roundToMultiple(a, -4, 8);
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

/** The parameters of each function for a float64 or a float32 result (built on first use). */
export interface Params {
  readonly exp: ExpParams;
  readonly ln: LnParams;
  readonly sin: SinParams;
  readonly erf: ErfParams;
}

const PARAMS = new Map<32 | 64, Params>();

export function paramsFor(w: 32 | 64): Params {
  let p = PARAMS.get(w);
  if (p === undefined) {
    p = w === 64 ? { exp: expParams(6, 5), ln: lnParams(8, 6), sin: sinParams(4), erf: erfParams(10) } : { exp: expParams(5, 3), ln: lnParams(6, 4), sin: sinParams(2), erf: erfParams(5) };
    PARAMS.set(w, p);
  }
  return p;
}

/** Runs op's algorithm on machine m for a result of width w (the float64 steps either way). */
export function runAlgorithm<F, I>(op: TranscendentalOp, m: FloatMachine<F, I>, w: 32 | 64, x: F): F {
  const p = paramsFor(w);
  switch (op) {
    case "exp":
      return expAlgorithm(m, p.exp, x);
    case "ln":
      return lnAlgorithm(m, p.ln, x);
    case "sin":
      return sinAlgorithm(m, p.sin, x);
    case "erf":
      return erfAlgorithm(m, p.erf, x);
    default: {
      const never: never = op;
      throw new Error(`unknown operation ${String(never)}`);
    }
  }
}

// ---------------------------------------------------------------- the plain machine

const scratch = new DataView(new ArrayBuffer(8));

/** 2^e for −1022 ≤ e ≤ 1023, from its bits. */
function pow2(e: number): number {
  scratch.setUint32(0, (e + 1023) << 20);
  scratch.setUint32(4, 0);
  return scratch.getFloat64(0);
}

/** The machine on JS numbers (float64 arithmetic is exact IEEE). */
export const PLAIN: FloatMachine<number, number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  min: Math.min,
  max: Math.max,
  constant: (v) => v,
  abs: Math.abs,
  copySign: (y, x) => {
    scratch.setFloat64(0, x);
    return scratch.getUint32(0) >>> 31 === 1 ? -Math.abs(y) : Math.abs(y);
  },
  roundToMultiple: (x, q) => {
    const k = 1.5 * 2 ** (52 + q);
    const value = x + k - k;
    return { value, count: Number.isFinite(value) ? value * 2 ** -q : 0 };
  },
  lookup: (n, table) => table[n & (table.length - 1)] as number,
  ldexp: (y, n, shift) => {
    const k = n >> shift;
    const k1 = k >> 1;
    // y·2^k1 stays normal and exact, so only the second product rounds
    return y * pow2(k1) * pow2(k - k1);
  },
  toFloat: (n) => n,
  decompose: (x, k) => {
    let v = x;
    let adjust = 0;
    scratch.setFloat64(0, v);
    if (((scratch.getUint32(0) >>> 20) & 0x7ff) === 0) {
      v = x * 2 ** 64;
      adjust = 64;
      scratch.setFloat64(0, v);
    }
    const hi = scratch.getUint32(0);
    const field = (hi >>> 20) & 0x7ff;
    const index = (((hi & 0xfffff) >>> (20 - k - 1)) + 1) >>> 1;
    scratch.setUint32(0, (1023 << 20) | (hi & 0xfffff));
    const m = scratch.getFloat64(0);
    return { m, index, e: field - 1023 - adjust + (index >= 2 ** (k - 1) ? 1 : 0) };
  },
  lnSpecials: (x, y) => (Number.isNaN(x) || x < 0 ? NaN : x === 0 ? -Infinity : x === Infinity ? Infinity : y),
  sinEnds: (x, tiny, limit, y) => (Math.abs(x) < tiny ? x : Math.abs(x) <= limit ? y : NaN),
};

/** op(x) in the emulator's float64 (w = 64) or float32 (w = 32, x a float32 value) arithmetic. */
export function transcendental(op: TranscendentalOp, w: 32 | 64, x: number): number {
  const y = runAlgorithm(op, PLAIN, w, x);
  return w === 32 ? Math.fround(y) : y;
}
