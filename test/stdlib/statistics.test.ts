/**
 * The shared3p_statistics_* modules under the emulator, against plain
 * TypeScript models: summary (mean, variance, standard deviation, median, MAD,
 * five-number summary, quantiles of R's type 7, covariance, minimum/maximum, all
 * with and without availability masks), distribution (histogram, heatmap),
 * testing (Welch and pooled t, paired t, rank sum, Mann-Whitney U, chi-squared),
 * regression (simple and multiple least squares) and outliers (quantile range,
 * MAD), plus nthElement and cut.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const A = [5, 3, 9, 1, 3, 7, 0, 12, 4, 4];
const B = [2, 8, 6, 4, 1, 0, 3, 7, 7, 5];
const NOISE = [0.5, -0.25, 0.75, -1, 0.25, 0.5];
const WEIGHTS = [1, 2, 0.5, 1, 3, 1];
const VARS = [[1, 2], [2, 1], [3, 5], [4, 2], [5, 7], [6, 1]];
const AV = [true, true, false, true, true, true, true, false, true, true];

const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
const variance = (x: number[]) => {
  const m = mean(x);
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
};
const cov = (x: number[], y: number[]) => {
  const mx = mean(x);
  const my = mean(y);
  return x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0) / (x.length - 1);
};
const quantile = (x: number[], p: number) => {
  const s = [...x].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
};
const median = (x: number[]) => quantile(x, 0.5);
const mad = (x: number[]) => median(x.map((v) => Math.abs(v - median(x))));
const avail = A.filter((_, i) => AV[i]);
const rankSum = (x: number[], y: number[]) => {
  const z = [...x, ...y];
  return x.reduce((s, v) => s + z.filter((w) => w < v).length + (z.filter((w) => w === v).length + 1) / 2, 0);
};

const pd = (t: string, xs: readonly (number | boolean)[]) => `pd_shared3p ${t}[[1]] = {${xs.join(", ")}}`;
const body = `
    ${pd("int64", A).replace("[[1]] =", "[[1]] a =")};
    ${pd("int64", B).replace("[[1]] =", "[[1]] b =")};
    ${pd("bool", AV).replace("[[1]] =", "[[1]] av =")};
    ${pd("int32", A).replace("[[1]] =", "[[1]] a32 =")};
    float64[[1]] probs = {0.1, 0.5, 0.9};
    publish("mean", mean(a)); publish("variance", variance(a)); publish("sd", standardDev(a)); publish("median", median(a)); publish("mad", MAD(a));
    publish("meanAv", mean(a, av)); publish("varianceAv", variance(a, av)); publish("sdAv", standardDev(a, av)); publish("medianAv", median(a, av)); publish("madAv", MAD(a, av));
    publish("madScaled", MAD(a, av, 1.4826));
    publish("five", fiveNumberSummary(a)); publish("fiveAv", fiveNumberSummary(a, av)); publish("q", quantiles(a, probs)); publish("qAv", quantiles(a, av, probs));
    publish("cov", covariance(a, b)); publish("covAv", covariance(a, b, av));
    publish("min", minimum(a)); publish("max", maximum(a)); publish("minAv", minimum(a, av)); publish("maxAv", maximum(a, av));
    publish("mean32", mean(a32)); publish("var32", variance(a32));
    publish("nth", nthElement(a, 3 :: uint)); publish("cut", cut(a, av));
    int64[[1]] br = {0, 2, 5, 10, 20};
    pd_shared3p int64 lo = 2;
    pd_shared3p int64 hi = 7;
    publish("discrete", discreteDistributionCount(a, av, lo, hi)); publish("discrete2", discreteDistributionCount(a, av, lo, hi, 2 :: int64));
    publish("hist", histogram(a, br)); publish("heat", heatmap(a, b, br, br));
    publish("welch", tTest(a, b, false)); publish("student", tTest(a, b, true)); publish("paired", pairedTTest(a, b));
    publish("welchAv", tTest(a, av, b, av, false));
    publish("w", wilcoxonRankSum(a, b)); publish("signed", wilcoxonSignedRank(a, b)); publish("df", combinedDegreesOfFreedom(a, b)); publish("u", mannWhitneyU(a, b));
    pd_shared3p uint64[[2]] table = reshape({10, 20, 30, 40, 5, 25}, 3, 2);
    publish("chi", chiSquared(table));
    publish("slr", simpleLinearRegression(a, b));
    pd_shared3p float64[[2]] vars = reshape({${VARS.flat().map((v) => v.toFixed(1)).join(", ")}}, ${VARS.length}, 2);
    pd_shared3p float64[[1]] y = {${VARS.map(([x1, x2]) => 0.5 + 2 * x1! + 3 * x2!).join(", ")}};
    publish("mlr", linearRegression(vars, y)); publish("cg", linearRegressionCG(vars, y, 10 :: uint));
    pd_shared3p float64[[1]] wts = {1.0, 2.0, 0.5, 1.0, 3.0, 1.0};
    pd_shared3p float64[[1]] noisy = {${VARS.map(([x1, x2], i) => 0.5 + 2 * x1! + 3 * x2! + NOISE[i]!).join(", ")}};
    publish("wlr", weightedLinearRegression(vars, noisy, wts));
    publish("outQ", outlierDetectionQuantiles(0.1, a, av)); publish("outMad", outlierDetectionMAD(a, av, 1.0));
`;

let run: StdlibRun;
beforeAll(async () => {
  const modules = ["stdlib", "shared3p", "shared3p_statistics_common", "shared3p_statistics_summary", "shared3p_statistics_distribution", "shared3p_statistics_testing", "shared3p_statistics_regression", "shared3p_statistics_outliers"];
  run = await runProgram(program(modules, body));
}, 120_000);

function near(name: string, want: number | number[], tolerance = 1e-9): void {
  const got = run.values[name];
  const g = (Array.isArray(got) ? got : [got]).map(Number);
  const w = Array.isArray(want) ? want : [want];
  expect(g.length, name).toBe(w.length);
  g.forEach((x, i) => expect(Math.abs(x - w[i]!), `${name}[${i}] = ${x}, want ${w[i]}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(w[i]!))));
}

describe("shared3p_statistics", () => {
  it("runs", () => expect(run.error).toBeUndefined());

  it("summary", () => {
    near("mean", mean(A));
    near("variance", variance(A));
    near("sd", Math.sqrt(variance(A)));
    near("median", median(A));
    near("mad", mad(A));
    near("meanAv", mean(avail));
    near("varianceAv", variance(avail));
    near("sdAv", Math.sqrt(variance(avail)));
    near("medianAv", median(avail));
    near("madAv", mad(avail));
    near("madScaled", 1.4826 * mad(avail));
    near("five", [0, 0.25, 0.5, 0.75, 1].map((p) => quantile(A, p)));
    near("fiveAv", [0, 0.25, 0.5, 0.75, 1].map((p) => quantile(avail, p)));
    near("q", [0.1, 0.5, 0.9].map((p) => quantile(A, p)));
    near("qAv", [0.1, 0.5, 0.9].map((p) => quantile(avail, p)));
    near("cov", cov(A, B));
    near("covAv", cov(avail, B.filter((_, i) => AV[i])));
    near("min", Math.min(...A));
    near("max", Math.max(...A));
    near("minAv", Math.min(...avail));
    near("maxAv", Math.max(...avail));
    near("mean32", mean(A), 1e-6);
    near("var32", variance(A), 1e-6);
    near("nth", [...A].sort((x, y) => x - y)[3]!);
    expect((run.values.cut as string[]).map(Number).sort((x, y) => x - y)).toEqual([...avail].sort((x, y) => x - y));
  });

  it("distribution", () => {
    const br = [0, 2, 5, 10, 20];
    const bin = (v: number) => (v <= br[1]! ? 0 : br.findIndex((b, j) => j > 0 && v > br[j - 1]! && v <= b) - 1);
    const hist = [0, 0, 0, 0];
    A.forEach((v) => hist[bin(v)]!++);
    near("hist", hist);
    const values = [2, 3, 4, 5, 6, 7];
    near("discrete", [...values, ...values.map((v) => avail.filter((x) => x === v).length)]);
    const stepped = [2, 4, 6];
    near("discrete2", [...stepped, ...stepped.map((v) => avail.filter((x) => x === v).length)]);
    const heat = Array.from({ length: 16 }, () => 0);
    A.forEach((v, i) => heat[bin(v) * 4 + bin(B[i]!)]!++);
    near("heat", heat);
  });

  it("testing", () => {
    const n1 = A.length;
    const n2 = B.length;
    near("welch", (mean(A) - mean(B)) / Math.sqrt(variance(A) / n1 + variance(B) / n2));
    const pooled = ((n1 - 1) * variance(A) + (n2 - 1) * variance(B)) / (n1 + n2 - 2);
    near("student", (mean(A) - mean(B)) / Math.sqrt(pooled * (1 / n1 + 1 / n2)));
    const d = A.map((v, i) => v - B[i]!);
    near("paired", mean(d) / Math.sqrt(variance(d) / d.length));
    const bAv = B.filter((_, i) => AV[i]);
    near("welchAv", (mean(avail) - mean(bAv)) / Math.sqrt(variance(avail) / avail.length + variance(bAv) / bAv.length));
    near("w", rankSum(A, B));
    const diffs = A.map((v, i) => v - B[i]!).filter((x) => x !== 0);
    const abs = diffs.map(Math.abs);
    const rankOf = (v: number) => abs.filter((w) => w < v).length + (abs.filter((w) => w === v).length + 1) / 2;
    near("signed", diffs.reduce((s, x) => s + (x > 0 ? rankOf(Math.abs(x)) : 0), 0));
    const va = variance(A) / n1;
    const vb = variance(B) / n2;
    near("df", (va + vb) ** 2 / (va ** 2 / (n1 - 1) + vb ** 2 / (n2 - 1)));
    near("u", rankSum(A, B) - (n1 * (n1 + 1)) / 2);
    const t = [[10, 20], [30, 40], [5, 25]];
    const total = t.flat().reduce((s, v) => s + v, 0);
    let chi = 0;
    t.forEach((r, i) => r.forEach((o, j) => {
      const e = (r.reduce((s, v) => s + v, 0) * t.reduce((s, row) => s + row[j]!, 0)) / total;
      chi += (o - e) ** 2 / e;
    }));
    near("chi", chi);
  });

  it("regression", () => {
    const slope = cov(A, B) / variance(A);
    near("slr", [mean(B) - slope * mean(A), slope]);
    // y = 0.5 + 2 x1 + 3 x2 exactly: the least-squares fit recovers it
    near("mlr", [2, 3, 0.5], 1e-8);
    near("cg", [2, 3, 0.5], 1e-6);
    // weighted least squares by the normal equations in plain floating point (3 x 3 Gauss)
    const rows = VARS.map(([x1, x2]) => [x1!, x2!, 1]);
    const ys = VARS.map(([x1, x2], i) => 0.5 + 2 * x1! + 3 * x2! + NOISE[i]!);
    const m = [0, 1, 2].map((p) => [0, 1, 2].map((q) => rows.reduce((s, r, i) => s + WEIGHTS[i]! * r[p]! * r[q]!, 0)));
    const v = [0, 1, 2].map((p) => rows.reduce((s, r, i) => s + WEIGHTS[i]! * r[p]! * ys[i]!, 0));
    for (let c = 0; c < 3; c++)
      for (let r = c + 1; r < 3; r++) {
        const f = m[r]![c]! / m[c]![c]!;
        for (let q = 0; q < 3; q++) m[r]![q]! -= f * m[c]![q]!;
        v[r]! -= f * v[c]!;
      }
    const b = [0, 0, 0];
    for (let r = 2; r >= 0; r--) b[r] = (v[r]! - [0, 1, 2].filter((q) => q > r).reduce((s, q) => s + m[r]![q]! * b[q]!, 0)) / m[r]![r]!;
    near("wlr", b, 1e-8);
  });

  it("outliers", () => {
    const lo = quantile(avail, 0.1);
    const hi = quantile(avail, 0.9);
    expect(run.values.outQ).toEqual(A.map((v, i) => AV[i]! && v >= lo && v <= hi));
    const m = median(avail);
    const md = mad(avail);
    expect(run.values.outMad).toEqual(A.map((v, i) => AV[i]! && Math.abs(v - m) <= md));
  });
});
