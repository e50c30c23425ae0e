/**
 * The constants of the transcendental algorithms (vm/transcendental.ts), computed
 * once in exact binary fixed point (BigInt, 256 fractional bits) and rounded to
 * float64 by Number(bigint), which rounds correctly. Nothing here calls Math.exp,
 * Math.log or Math.sin, so every party and the emulator build bit-identical tables
 * whatever the platform's libm: π by Machin's formula, ln 2 and ln of rationals by
 * the atanh series, exp and sin by their Taylor series, erf by its alternating
 * series, the derivatives of erf by the Hermite recurrence.
 */

const P = 256n;
const ONE = 1n << P;
const SCALE = 2 ** 256;

/** A fixed-point value rounded to float64. */
export function toDouble(v: bigint): number {
  return Number(v) / SCALE;
}

function mulF(a: bigint, b: bigint): bigint {
  return (a * b) >> P;
}

/** atanh(a / b) for 0 ≤ a < b. */
function atanhRat(a: bigint, b: bigint): bigint {
  let term = (ONE * a) / b;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * a * a) / (b * b);
  }
  return sum;
}

/** atan(1 / k). */
function atanInv(k: bigint): bigint {
  let term = ONE / k;
  let sum = 0n;
  for (let n = 1n, sign = 1n; term !== 0n; n += 2n, sign = -sign) {
    sum += (sign * term) / n;
    term /= k * k;
  }
  return sum;
}

export const PI = 16n * atanInv(5n) - 4n * atanInv(239n);

/** ln(p / q) for positive integers p, q: 2·atanh((p − q) / (p + q)). */
export function lnRat(p: bigint, q: bigint): bigint {
  const v = 2n * atanhRat(p > q ? p - q : q - p, p + q);
  return p >= q ? v : -v;
}

export const LN2 = lnRat(2n, 1n);

/** exp(x) for fixed-point x ≥ 0 (Taylor series; converges for any size, used up to 36). */
export function expF(x: bigint): bigint {
  let term = ONE;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k++) {
    sum += term;
    term = mulF(term, x) / k;
  }
  return sum;
}

/** sin(x) for fixed-point |x| ≤ π/2. */
function sinF(x: bigint): bigint {
  let term = x;
  let sum = 0n;
  const x2 = mulF(x, x);
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term;
    term = -mulF(term, x2) / ((k + 1n) * (k + 2n));
  }
  return sum;
}

/** ⌊√v⌋ of a non-negative bigint (Newton). */
function isqrt(v: bigint): bigint {
  if (v < 2n) return v;
  let x = 1n << BigInt(Math.ceil(v.toString(2).length / 2));
  for (;;) {
    const y = (x + v / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

const SQRT_PI = isqrt(PI << P);

/** sin(n·π/N) for any integer n and even N, by reflection into [0, π/2]. */
export function sinPiOver(n: number, N: number): number {
  const k = ((n % (2 * N)) + 2 * N) % (2 * N);
  const m = k % N;
  const v = toDouble(sinF((PI * BigInt(2 * m > N ? N - m : m)) / BigInt(N)));
  return k >= N ? -v : v;
}

/**
 * Leading parts of a positive fixed-point constant: each part keeps the next
 * `bits[i]` significant bits of what is left (truncated), so n·part is exact for
 * small integers n; the last part is rounded.
 */
export function splitConstant(v: bigint, bits: readonly number[]): number[] {
  const parts: number[] = [];
  let rest = v;
  bits.forEach((b, i) => {
    if (i === bits.length - 1) {
      parts.push(toDouble(rest));
      return;
    }
    const shift = BigInt(Math.max(0, rest.toString(2).length - b));
    const chunk = (rest >> shift) << shift;
    parts.push(toDouble(chunk));
    rest -= chunk;
  });
  return parts;
}

/** The float64 nearest to a / b for fixed-point a and b. */
export function ratio(a: bigint, b: bigint): number {
  return toDouble((a << P) / b);
}

/**
 * Taylor coefficients of erf at c = i / 2^log2Step: erf(c + h) ≈ Σ_k A_k h^k for k ≤ degree,
 * with A_0 = erf(c) and A_k = erf^(k)(c) / k! = (2/√π)·e^(−c²)·(−1)^(k−1)·H_(k−1)(c) / k!
 * (physicists' Hermite polynomials).
 */
export function erfTaylor(i: number, log2Step: number, degree: number): number[] {
  const c = (BigInt(i) << P) >> BigInt(log2Step);
  const c2 = mulF(c, c);
  // erf(c) = 2/√π Σ (−1)^n c^(2n+1) / (n!(2n+1))
  let term = c;
  let series = 0n;
  for (let n = 0n; term !== 0n; n++) {
    series += (n % 2n === 0n ? term : -term) / (2n * n + 1n);
    term = mulF(term, c2) / (n + 1n);
  }
  const twoOverSqrtPi = (2n * ONE * ONE) / SQRT_PI;
  const out = [toDouble(mulF(twoOverSqrtPi, series))];
  const gauss = (ONE * ONE) / expF(c2);
  const base = mulF(twoOverSqrtPi, gauss);
  let hPrev = 0n;
  let h = ONE;
  let factorial = 1n;
  for (let k = 1; k <= degree; k++) {
    factorial *= BigInt(k);
    const signed = k % 2 === 1 ? h : -h;
    out.push(toDouble(mulF(base, signed) / factorial));
    // H_(k) = 2c·H_(k−1) − 2(k−1)·H_(k−2)
    const next = 2n * mulF(c, h) - 2n * BigInt(k - 1) * hPrev;
    hPrev = h;
    h = next;
  }
  return out;
}
