/**
 * An independent high-precision erf for the accuracy tests (V8 has no Math.erf, and
 * vm/numeric.ts erf is only a few-ulp approximation): the alternating Taylor series
 * in BigInt fixed point with 320 fractional bits, x taken exactly, 2/√π from its
 * decimal digits, rounded once to float64 by Number(bigint).
 */
const P = 320n;
const ONE = 1n << P;
// 2/√π = 1.12837916709551257389615890312154517168810125865799771368817...
const TWO_OVER_SQRT_PI = (BigInt("112837916709551257389615890312154517168810125865799771368817") << P) / 10n ** 59n;

/** x (2^-30 ≤ |x| ≤ 8) as fixed point, exactly. */
function fixed(x: number): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, Math.abs(x));
  const bits = dv.getBigUint64(0);
  const field = Number(bits >> 52n);
  const frac = bits & ((1n << 52n) - 1n);
  const sig = field === 0 ? frac : frac | (1n << 52n);
  const e = (field === 0 ? 1 : field) - 1075;
  const shift = BigInt(e) + P;
  return shift >= 0n ? sig << shift : sig >> -shift;
}

/** erf(x) correctly rounded (up to the truncation of the series, far below half an ulp). */
export function erfReference(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a > 8) return Math.sign(x);
  // below 2^-30, erf x = (2/√π)·x·(1 − x²/3 + …) is the product to well within an ulp
  if (a < 2 ** -30) return x * 1.1283791670955126;
  const v = fixed(a);
  const v2 = (v * v) >> P;
  let term = v;
  let sum = 0n;
  for (let n = 0n; term !== 0n; n++) {
    sum += (n % 2n === 0n ? term : -term) / (2n * n + 1n);
    term = (term * v2) / ((n + 1n) << P);
  }
  const r = Number((sum * TWO_OVER_SQRT_PI) >> P) / Number(ONE);
  return x < 0 ? -r : r;
}
