/**
 * matrix's transposed products and LU decomposition, and shared3p_permutation's
 * publicRandomPermutation, under the emulator. Transposed products (public and
 * private, integers) are compared with plain TypeScript products; LupDecomposition
 * is checked by its defining properties (L unit lower triangular, U upper
 * triangular, P a permutation matrix, P A = L U, and the pivot being the largest
 * remaining |entry|) and on a hand-worked 3 x 3 example.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const lit = (m: number[][]) => `reshape({${m.flat().join(", ")}}, ${m.length}, ${m[0]!.length})`;
const fmt = (xs: readonly number[]) => `{${xs.join(", ")}}`;
const mul = (a: number[][], b: number[][]) => a.map((r) => b[0]!.map((_, j) => r.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
const tr = (a: number[][]) => a[0]!.map((_, j) => a.map((r) => r[j]!));
const parse = (line: string) => line.replace(/[{}]/g, "").split(",").map((s) => Number(s.trim()));

const X = [[1, -2], [3, 4], [5, -6]];
const Y = [[2, 0, 1], [1, 3, -1], [0, 1, 2]];
const Z = [[1, 1], [0, 2], [-3, 1]];
const M4 = [[0, 2, 1, 4], [3, -1, 2, 0.5], [6, 1, -2, 3], [1, 1, 1, 1]];
const SINGULAR = [[1, 2, 3], [2, 4, 6], [1, 0, 1]];

let run: StdlibRun;
beforeAll(async () => {
  const body = [
    `int32[[2]] x = ${lit(X)}; int32[[2]] z = ${lit(Z)};`,
    `pd_shared3p int32[[2]] px = x; pd_shared3p int32[[2]] pz = z;`,
    `print(arrayToString(flatten(leftTransposedMultiplication(x, z))));`,
    `print(arrayToString(flatten(declassify(leftTransposedMultiplication(px, pz)))));`,
    `print(arrayToString(flatten(rightTransposedMultiplication(x, z))));`,
    `print(arrayToString(flatten(declassify(rightTransposedMultiplication(px, pz)))));`,
    `print(arrayToString(flatten(LupDecomposition(${lit(Y)} :: float64[[2]]))));`,
    `print(arrayToString(flatten(LupDecomposition(${lit(M4)} :: float64[[2]]))));`,
    `print(arrayToString(flatten(LupDecomposition(${lit(SINGULAR)} :: float32[[2]]))));`,
    `pd_shared3p uint32[[1]] v(50); pd_shared3p uint32[[1]] e;`,
    `print(arrayToString(publicRandomPermutation(v)), " ", size(publicRandomPermutation(e)));`,
  ];
  run = await runProgram(program(["stdlib", "shared3p", "matrix", "shared3p_permutation"], body.map((l) => "    " + l).join("\n")));
}, 60_000);

function checkLup(line: string, a: number[][]): void {
  const n = a.length;
  const xs = parse(line);
  expect(xs.length).toBe(3 * n * n);
  const part = (k: number) => Array.from({ length: n }, (_, i) => xs.slice(k * n * n + i * n, k * n * n + i * n + n));
  const [l, u, p] = [part(0), part(1), part(2)];
  for (let i = 0; i < n; i++) {
    expect(l[i]![i]).toBe(1);
    for (let j = i + 1; j < n; j++) expect(l[i]![j]).toBe(0);
    for (let j = 0; j < i; j++) expect(u[i]![j]).toBe(0);
    expect(p[i]!.filter((v) => v === 1).length).toBe(1);
    expect(p[i]!.filter((v) => v === 0).length).toBe(n - 1);
    expect(p.filter((r) => r[i] === 1).length).toBe(1);
  }
  const pa = mul(p, a);
  const lu = mul(l, u);
  pa.forEach((r, i) => r.forEach((v, j) => expect(lu[i]![j]).toBeCloseTo(v, 4)));
  // partial pivoting: multipliers are at most 1 in magnitude
  l.flat().forEach((v) => expect(Math.abs(v)).toBeLessThanOrEqual(1 + 1e-9));
}

describe("matrix: transposed products and LUP", () => {
  it("runs", () => expect(run.error).toBeUndefined());

  it("leftTransposedMultiplication is transpose(a) * b, rightTransposedMultiplication is a * transpose(b)", () => {
    const left = fmt(mul(tr(X), Z).flat());
    const right = fmt(mul(X, tr(Z)).flat());
    expect(run.output.slice(0, 4)).toEqual([left, left, right, right]);
  });

  it("decomposes a hand-worked example", () => {
    // column 0 pivots on row 0 (|2| largest), then row 1 (|3| > |1|)
    const l = [1, 0, 0, 0.5, 1, 0, 0, 1 / 3, 1];
    const u = [2, 0, 1, 0, 3, -1.5, 0, 0, 2.5];
    const p = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    parse(run.output[4]!).forEach((v, i) => expect(v).toBeCloseTo([...l, ...u, ...p][i]!, 9));
  });

  it("P A = L U with the defining shapes, also for a singular matrix", () => {
    checkLup(run.output[4]!, Y);
    checkLup(run.output[5]!, M4);
    checkLup(run.output[6]!, SINGULAR);
  });

  it("publicRandomPermutation is a permutation of the vector's length", () => {
    const line = run.output[7]!;
    const [perm, empty] = [line.slice(0, line.lastIndexOf(" ")), line.slice(line.lastIndexOf(" ") + 1)];
    expect(parse(perm).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(empty).toBe("0");
  });
});
