/**
 * shared3p_statistics_pca under the emulator: gspca's variances must be the
 * largest eigenvalues of the sample covariance matrix and its loads the
 * corresponding eigenvectors (up to sign), both from a plain TypeScript Jacobi
 * eigenvalue solver; the loads are orthonormal and the scores are the centred
 * data times the loads. Also on the textbook 10 x 2 example (eigenvalues
 * 1.28402771 and 0.0490834) and on integer input.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const parse = (s: string) => s.replace(/[{}]/g, "").split(",").map((v) => Number(v.trim()));

/** Eigenvalues (descending) and unit eigenvectors (columns) of a symmetric matrix by cyclic Jacobi rotations. */
function jacobi(input: number[][]): { values: number[]; vectors: number[][] } {
  const k = input.length;
  const a = input.map((r) => [...r]);
  const v: number[][] = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        if (Math.abs(a[p]![q]!) < 1e-15) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let i = 0; i < k; i++) {
          const [aip, aiq] = [a[i]![p]!, a[i]![q]!];
          a[i]![p] = c * aip - s * aiq;
          a[i]![q] = s * aip + c * aiq;
        }
        for (let i = 0; i < k; i++) {
          const [api, aqi] = [a[p]![i]!, a[q]![i]!];
          a[p]![i] = c * api - s * aqi;
          a[q]![i] = s * api + c * aqi;
        }
        for (let i = 0; i < k; i++) {
          const [vip, viq] = [v[i]![p]!, v[i]![q]!];
          v[i]![p] = c * vip - s * viq;
          v[i]![q] = s * vip + c * viq;
        }
      }
    }
  }
  const order = a.map((_, i) => i).sort((i, j) => a[j]![j]! - a[i]![i]!);
  return { values: order.map((i) => a[i]![i]!), vectors: v.map((row) => order.map((i) => row[i]!)) };
}

// 40 observations of 4 variables with clearly separated spreads along mixed directions
const n = 40;
const p = 4;
const data = Array.from({ length: n }, (_, i) => {
  const a = Math.sin(i * 1.3) * 6;
  const b = Math.cos(i * 0.7) * 2.5;
  const c = Math.sin(i * 2.9 + 1) * 0.8;
  const d = ((i * 7) % 5) / 10 - 0.2;
  return [a + b, a - b + c, c - d + 3, d + 0.5 * b];
});
const means = [0, 1, 2, 3].map((j) => data.reduce((s, r) => s + r[j]!, 0) / n);
const centred = data.map((r) => r.map((v, j) => v - means[j]!));
const cov = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => centred.reduce((s, r) => s + r[i]! * r[j]!, 0) / (n - 1)));
const eig = jacobi(cov);
const components = 3;

let run: StdlibRun;
beforeAll(async () => {
  const body = `
    pd_shared3p float64[[2]] x = reshape({${data.flat().join(", ")}}, ${n}, ${p});
    PCAResult<pd_shared3p, float64> r = gspca(x, ${components} :: uint, 60 :: uint);
    print(arrayToString(flatten(declassify(r.loads))));
    print(arrayToString(flatten(declassify(r.scores))));
    print(arrayToString(declassify(r.variances)));
    pd_shared3p float64[[2]] t = reshape({2.5, 2.4, 0.5, 0.7, 2.2, 2.9, 1.9, 2.2, 3.1, 3.0, 2.3, 2.7, 2.0, 1.6, 1.0, 1.1, 1.5, 1.6, 1.1, 0.9}, 10, 2);
    print(arrayToString(declassify(gspca(t, 2 :: uint, 30 :: uint).variances)));
    pd_shared3p int32[[2]] xi = reshape({4, 0, 0, -4, 0, 0, 0, 1, 0, 0, -1, 0}, 4, 3);
    print(arrayToString(declassify(gspca(xi, 2 :: uint, 30 :: uint).variances)));`;
  run = await runProgram(program(["stdlib", "shared3p", "shared3p_statistics_pca"], body));
}, 90_000);

describe("gspca", () => {
  it("runs", () => expect(run.error).toBeUndefined());

  it("variances are the top eigenvalues of the covariance matrix", () => {
    const variances = parse(run.output[2]!);
    expect(variances.length).toBe(components);
    variances.forEach((v, j) => expect(v).toBeCloseTo(eig.values[j]!, 6));
  });

  it("loads are orthonormal eigenvectors (up to sign)", () => {
    const loads = parse(run.output[0]!);
    const col = (j: number) => [0, 1, 2, 3].map((i) => loads[i * components + j]!);
    for (let j = 0; j < components; j++) {
      const want = eig.vectors.map((r) => r[j]!);
      const sign = Math.sign(col(j).reduce((s, v, i) => s + v * want[i]!, 0));
      col(j).forEach((v, i) => expect(v * sign).toBeCloseTo(want[i]!, 5));
      for (let k = 0; k < components; k++) expect(col(j).reduce((s, v, i) => s + v * col(k)[i]!, 0)).toBeCloseTo(j === k ? 1 : 0, 9);
    }
  });

  it("scores are the centred data times the loads", () => {
    const loads = parse(run.output[0]!);
    const scores = parse(run.output[1]!);
    centred.forEach((r, i) => {
      for (let j = 0; j < components; j++) expect(scores[i * components + j]!).toBeCloseTo(r.reduce((s, v, k) => s + v * loads[k * components + j]!, 0), 6);
    });
  });

  it("the textbook example and integer input", () => {
    const [a, b] = parse(run.output[3]!);
    expect(a).toBeCloseTo(1.28402771, 7);
    expect(b).toBeCloseTo(0.0490834, 6);
    // columns with sums of squares 32 and 2 (centred, n - 1 = 3); the third is zero
    const [c, d] = parse(run.output[4]!);
    expect(c).toBeCloseTo(32 / 3, 4);
    expect(d).toBeCloseTo(2 / 3, 4);
  });
});
