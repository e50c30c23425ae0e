/**
 * shared3p_statistics_glm under the emulator: logistic and Poisson regressions
 * must satisfy the score equations X^T (y - mu) = 0 at the returned coefficients
 * (computed here in double precision from the data, independently of the
 * library's iteration), match a plain TypeScript Newton-Raphson fit, and give the
 * standard errors sqrt(diag((X^T W X)^-1)) and AIC -2 log L + 2k of that fit. The
 * Gaussian family must equal ordinary least squares in closed form (slope
 * Sxy/Sxx, SE sqrt(s^2/Sxx), AIC n(ln(2 pi RSS/n) + 1) + 2(k + 1)).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const parse = (s: string) => s.replace(/[{}]/g, "").split(",").map((v) => Number(v.trim()));

// two explanatory variables, 30 rows, deterministic
const n = 30;
const x1 = Array.from({ length: n }, (_, i) => (i % 7) - 3);
const x2 = Array.from({ length: n }, (_, i) => ((i * 5) % 11) / 4);
const yBin: number[] = x1.map((v, i) => ((v + x2[i]! * 0.8 + ((i * 13) % 5) - 2 > 0.5) ? 1 : 0));
const yPois = x1.map((v, i) => Math.max(0, Math.round(Math.exp(0.3 * v + 0.2 * x2[i]! + 0.5)) + ((i * 7) % 3) - 1));
const design = x1.map((v, i) => [v, x2[i]!, 1]);

function solve(m: number[][], v: number[]): number[] {
  const k = v.length;
  const a = m.map((r, i) => [...r, v[i]!]);
  for (let c = 0; c < k; c++) {
    for (let r = c + 1; r < k; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let j = c; j <= k; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  const b = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let acc = a[r]![k]!;
    for (let j = r + 1; j < k; j++) acc -= a[r]![j]! * b[j]!;
    b[r] = acc / a[r]![r]!;
  }
  return b;
}

function inverse(m: number[][]): number[][] {
  return m.map((_, j) => solve(m, m.map((__, i) => (i === j ? 1 : 0)))).reduce<number[][]>((cols, col, j) => {
    col.forEach((v, i) => ((cols[i] ??= [])[j] = v));
    return cols;
  }, []);
}

/** Newton-Raphson on the log-likelihood (canonical link: the weight is the variance of the mean). */
function fit(y: number[], mean: (eta: number) => number, variance: (mu: number) => number): { b: number[]; mu: number[]; info: number[][] } {
  let b = [0, 0, 0];
  let mu: number[] = [];
  let info: number[][] = [];
  for (let it = 0; it < 50; it++) {
    const eta = design.map((r) => r.reduce((s, v, j) => s + v * b[j]!, 0));
    mu = eta.map(mean);
    const w = mu.map(variance);
    info = [0, 1, 2].map((p) => [0, 1, 2].map((q) => design.reduce((s, r, i) => s + r[p]! * r[q]! * w[i]!, 0)));
    const score = [0, 1, 2].map((p) => design.reduce((s, r, i) => s + r[p]! * (y[i]! - mu[i]!), 0));
    const step = solve(info, score);
    b = b.map((v, j) => v + step[j]!);
  }
  const eta = design.map((r) => r.reduce((s, v, j) => s + v * b[j]!, 0));
  mu = eta.map(mean);
  return { b, mu, info };
}

const logistic = (e: number) => 1 / (1 + Math.exp(-e));
const logGamma = (k: number) => { let s = 0; for (let i = 2; i <= k; i++) s += Math.log(i); return s; };

let run: StdlibRun;
beforeAll(async () => {
  const body = `
    pd_shared3p float64[[2]] x = reshape({${design.map((r) => `${r[0]}, ${r[1]}`).join(", ")}}, ${n}, 2);
    pd_shared3p float64[[1]] yb = {${yBin.join(", ")}};
    pd_shared3p int64[[1]] yp = {${yPois.join(", ")}};
    pd_shared3p int64[[2]] xi = reshape({${x1.map((v, i) => `${v}, ${i % 4}`).join(", ")}}, ${n}, 2);
    GLMResult<pd_shared3p, float64> b = generalizedLinearModel(yb, x, GLM_FAMILY_BINOMIAL_LOGIT, 12 :: uint);
    print(arrayToString(declassify(b.coefficients)));
    print(arrayToString(declassify(glmStandardErrors(b))));
    print(declassify(GLMAIC(b)));
    pd_shared3p float64[[1]] ypf = (float64) yp;
    GLMResult<pd_shared3p, float64> p = generalizedLinearModel(ypf, x, GLM_FAMILY_POISSON_LOG, 12 :: uint);
    print(arrayToString(declassify(p.coefficients)));
    print(arrayToString(declassify(glmStandardErrors(p))));
    print(declassify(GLMAIC(p)));
    GLMResult<pd_shared3p, float64> g = generalizedLinearModel(yp, xi, GLM_FAMILY_GAUSSIAN, 1 :: uint);
    print(arrayToString(declassify(g.coefficients)));
    print(arrayToString(declassify(glmStandardErrors(g))));
    print(declassify(GLMAIC(g)));`;
  run = await runProgram(program(["stdlib", "shared3p", "shared3p_statistics_glm"], body));
}, 90_000);

function checkFamily(lines: string[], y: number[], mean: (e: number) => number, variance: (mu: number) => number, logLik: (mu: number[]) => number): void {
  const b = parse(lines[0]!);
  const model = fit(y, mean, variance);
  b.forEach((v, j) => expect(v).toBeCloseTo(model.b[j]!, 6));
  // score equations at the library's own coefficients
  const mu = design.map((r) => mean(r.reduce((s, v, j) => s + v * b[j]!, 0)));
  [0, 1, 2].forEach((p) => expect(Math.abs(design.reduce((s, r, i) => s + r[p]! * (y[i]! - mu[i]!), 0))).toBeLessThan(1e-6));
  const se = parse(lines[1]!);
  const inv = inverse(model.info);
  se.forEach((v, j) => expect(v).toBeCloseTo(Math.sqrt(inv[j]![j]!), 5));
  expect(Number(lines[2])).toBeCloseTo(-2 * logLik(model.mu) + 2 * 3, 5);
}

describe("generalizedLinearModel", () => {
  it("runs", () => expect(run.error).toBeUndefined());

  it("logistic regression: coefficients, standard errors, AIC", () => {
    checkFamily(run.output.slice(0, 3), yBin, logistic, (m) => m * (1 - m), (mu) => yBin.reduce((s, y, i) => s + y * Math.log(mu[i]!) + (1 - y) * Math.log(1 - mu[i]!), 0));
  });

  it("Poisson regression: coefficients, standard errors, AIC", () => {
    checkFamily(run.output.slice(3, 6), yPois, Math.exp, (m) => m, (mu) => yPois.reduce((s, y, i) => s + y * Math.log(mu[i]!) - mu[i]! - logGamma(y), 0));
  });

  it("the Gaussian family is ordinary least squares", () => {
    const xs = x1;
    const zs = x1.map((_, i) => i % 4);
    const rows = xs.map((v, i) => [v, zs[i]!, 1]);
    const xtx = [0, 1, 2].map((p) => [0, 1, 2].map((q) => rows.reduce((s, r) => s + r[p]! * r[q]!, 0)));
    const xty = [0, 1, 2].map((p) => rows.reduce((s, r, i) => s + r[p]! * yPois[i]!, 0));
    const beta = solve(xtx, xty);
    parse(run.output[6]!).forEach((v, j) => expect(v).toBeCloseTo(beta[j]!, 6));
    const rss = rows.reduce((s, r, i) => s + (yPois[i]! - r.reduce((a, v, j) => a + v * beta[j]!, 0)) ** 2, 0);
    const s2 = rss / (n - 3);
    const inv = inverse(xtx);
    parse(run.output[7]!).forEach((v, j) => expect(v).toBeCloseTo(Math.sqrt(s2 * inv[j]![j]!), 6));
    expect(Number(run.output[8])).toBeCloseTo(n * (Math.log((2 * Math.PI * rss) / n) + 1) + 2 * 4, 6);
  });
});
