/**
 * shared3p_statistics_regression's loess under the emulator, against a plain
 * TypeScript LOESS written point by point (distances, the q-th smallest as the
 * bandwidth, tricube weights, weighted least-squares line evaluated at the
 * point): noisy float64 data at two spans, unsorted integer input (float32), and
 * exact reproduction of points on a line.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const parse = (s: string) => s.replace(/[{}]/g, "").split(",").map((v) => Number(v.trim()));

function loessModel(x: number[], y: number[], span: number): number[] {
  const n = x.length;
  const q = Math.min(n, Math.max(2, Math.floor(span * n)));
  return x.map((xi) => {
    const d = x.map((xj) => Math.abs(xj - xi));
    const dmax = [...d].sort((a, b) => a - b)[q - 1]!;
    const w = d.map((v) => (v < dmax ? (1 - (v / dmax) ** 3) ** 3 : 0));
    const sw = w.reduce((s, v) => s + v, 0);
    const mx = w.reduce((s, v, j) => s + v * x[j]!, 0) / sw;
    const my = w.reduce((s, v, j) => s + v * y[j]!, 0) / sw;
    const sxy = w.reduce((s, v, j) => s + v * (x[j]! - mx) * (y[j]! - my), 0);
    const sxx = w.reduce((s, v, j) => s + v * (x[j]! - mx) ** 2, 0);
    return my + (sxy / sxx) * (xi - mx);
  });
}

const n = 24;
const xs = Array.from({ length: n }, (_, i) => i * 0.5 + Math.sin(i) * 0.2);
const ys = xs.map((x, i) => Math.sin(x) * 3 + ((i * 7) % 5) * 0.1);
const xi = [7, 1, 4, 12, 9, 3, 15, 6, 10, 2];
const yi = [49, 2, 15, 140, 80, 10, 230, 35, 101, 5];
const line = Array.from({ length: 9 }, (_, i) => i * 1.5 - 2);

let run: StdlibRun;
beforeAll(async () => {
  const body = `
    pd_shared3p float64[[1]] x = {${xs.join(", ")}};
    pd_shared3p float64[[1]] y = {${ys.join(", ")}};
    print(arrayToString(declassify(loess(x, y, 0.3 :: float64))));
    print(arrayToString(declassify(loess(x, y, 0.75 :: float64))));
    pd_shared3p int32[[1]] xi = {${xi.join(", ")}};
    pd_shared3p int32[[1]] yi = {${yi.join(", ")}};
    print(arrayToString(declassify(loess(xi, yi, 0.5 :: float32))));
    pd_shared3p float64[[1]] lx = {${line.join(", ")}};
    pd_shared3p float64[[1]] ly = lx * 3.0 + 1.0;
    print(arrayToString(declassify(loess(lx, ly, 0.6 :: float64))));`;
  run = await runProgram(program(["stdlib", "shared3p", "shared3p_statistics_regression"], body));
}, 90_000);

describe("loess", () => {
  it("runs", () => expect(run.error).toBeUndefined());

  it("equals the point-by-point model at two spans", () => {
    parse(run.output[0]!).forEach((v, i) => expect(v).toBeCloseTo(loessModel(xs, ys, 0.3)[i]!, 9));
    parse(run.output[1]!).forEach((v, i) => expect(v).toBeCloseTo(loessModel(xs, ys, 0.75)[i]!, 9));
  });

  it("takes unsorted integers (float32 result)", () => {
    const want = loessModel(xi, yi, 0.5);
    parse(run.output[2]!).forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-3 * Math.max(1, Math.abs(want[i]!))));
  });

  it("reproduces points on a line", () => {
    parse(run.output[3]!).forEach((v, i) => expect(v).toBeCloseTo(line[i]! * 3 + 1, 9));
  });
});
