/**
 * matrix and shared3p_matrix under the emulator, on public and private data:
 * transpose (2-d, 3-d), unitMatrix, row/column sums, dot products, matrix
 * products (the vectorised generic one on floats and public ints, the
 * mat_mult protocol on private ints and xor), diagonal products, cross products,
 * vector lengths, unit vectors, determinants. Expectations from plain
 * TypeScript linear algebra.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const A = [
  [1, 2, 3],
  [4, 5, 6],
];
const B = [
  [7, 8],
  [9, 10],
  [11, 12],
];
const lit = (m: number[][]) => `reshape({${m.flat().join(", ")}}, ${m.length}, ${m[0]!.length})`;
const fmt = (xs: readonly (number | bigint)[]) => `{${xs.join(", ")}}`;
const mul = (a: number[][], b: number[][]) => a.map((r) => b[0]!.map((_, j) => r.reduce((s, x, k) => s + x * b[k]![j]!, 0)));
const tr = (a: number[][]) => a[0]!.map((_, j) => a.map((r) => r[j]!));
const cross = (a: number[], b: number[]) => [a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!];

const body = `
    uint32[[2]] a = ${lit(A)};
    uint32[[2]] b = ${lit(B)};
    pd_shared3p uint32[[2]] pa = a;
    pd_shared3p uint32[[2]] pb = b;
    print(arrayToString(flatten(transpose(a))), arrayToString(flatten(declassify(transpose(pa)))));
    uint32[[3]] t3 = reshape({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 2, 3);
    print(arrayToString(flatten(transpose(t3))));
    print(arrayToString(rowSums(a)), arrayToString(colSums(a)), arrayToString(declassify(rowSums(pa))), arrayToString(declassify(colSums(pa))));
    print(dotProduct(a[0, :], a[1, :]), " ", declassify(dotProduct(pa[0, :], pa[1, :])), " ", arrayToString(declassify(dotProduct(pa, pa))));
    print(arrayToString(flatten(matrixMultiplication(a, b))), arrayToString(flatten(declassify(matrixMultiplication(pa, pb)))));
    pd_shared3p int32[[2]] ia = (int32) pa;
    pd_shared3p int32[[2]] ib = -((int32) pb);
    print(arrayToString(flatten(declassify(matrixMultiplication(ia, ib)))));
    pd_shared3p float64[[2]] fa = (float64) pa;
    pd_shared3p float64[[2]] fb = (float64) pb;
    print(arrayToString(flatten(declassify(matrixMultiplication(fa, fb)))));
    pd_shared3p xor_uint8[[2]] xa = reshape({3, 5, 6, 1}, 2, 2);
    pd_shared3p xor_uint8[[2]] xb = reshape({255, 15, 240, 0}, 2, 2);
    print(arrayToString(flatten(declassify(matrixMultiplication(xa, xb)))));
    uint32[[1]] d = {2, 3};
    print(arrayToString(flatten(declassify(diagMatrixMultiplication(classify(d) :: pd_shared3p uint32[[1]], pa)))));
    int64[[1]] u = {1, 2, 3};
    int64[[1]] v = {4, -5, 6};
    pd_shared3p int64[[1]] pu = u;
    pd_shared3p int64[[1]] pv = v;
    print(arrayToString(crossProduct(u, v)), arrayToString(declassify(crossProduct(pu, pv))), arrayToString(flatten(declassify(crossProduct(reshape(pu, 1, 3), reshape(pv, 1, 3))))));
    float64[[1]] f = {3.0, 4.0};
    pd_shared3p float64[[1]] pf = f;
    print(vecLength(f), " ", declassify(vecLength(pf)), " ", arrayToString(unitVector(f)), arrayToString(declassify(unitVector(pf))));
    pd_shared3p float64[[2]] rows = reshape({3.0, 4.0, 6.0, 8.0}, 2, 2);
    print(arrayToString(declassify(vecLength(rows))), arrayToString(flatten(declassify(unitVector(rows)))));
    float64[[2]] dm = reshape({2.0, -1.0, 0.0, 1.0, 3.0, 2.0, 0.0, 5.0, -4.0}, 3, 3);
    float64[[2]] singular = reshape({1.0, 2.0, 2.0, 4.0}, 2, 2);
    print(determinant(dm), " ", determinant(singular));
    float64[[2]] id = unitMatrix(3 :: uint);
    print(arrayToString(flatten(id)));
`;

let run: StdlibRun;
beforeAll(async () => {
  run = await runProgram(program(["stdlib", "shared3p", "matrix", "shared3p_matrix"], body));
}, 120_000);

let alone: StdlibRun;
beforeAll(async () => {
  // a program importing shared3p_matrix (not matrix) finds the shared3p procedures
  alone = await runProgram(`import stdlib;
import shared3p;
import shared3p_matrix;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p int32[[2]] m = ${lit(A)};
    print(arrayToString(declassify(rowSums(m))), arrayToString(declassify(colSums(m))), arrayToString(flatten(declassify(transpose(m)))), declassify(dotProduct(m[0, :], m[1, :])));
    pd_shared3p float64[[2]] f = (float64) m;
    print(arrayToString(flatten(declassify(matrixMultiplication(f, transpose(f))))));
    pd_shared3p float64[[2]] spd = reshape({4.0, 12.0, -16.0, 12.0, 37.0, -43.0, -16.0, -43.0, 98.0}, 3, 3);
    print(arrayToString(flatten(declassify(cholesky(spd)))));
    publish("spdInverse", choleskyInverse(spd));
    publish("borderInverse", borderingInverse(spd));
    pd_shared3p float64[[2]] general = reshape({2.0, 1.0, 0.0, 4.0, 3.0, 1.0, -2.0, 1.0, 5.0}, 3, 3);
    publish("generalInverse", borderingInverse(general));
}
`);
}, 120_000);

describe("matrix", () => {
  it("shared3p_matrix alone offers the procedures for shared3p", () => {
    expect(alone.error).toBeUndefined();
    // the classic example: [[4, 12, -16], [12, 37, -43], [-16, -43, 98]] = L L^T with L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]
    expect(alone.output).toEqual(["{6, 15}{5, 7, 9}{1, 4, 2, 5, 3, 6}32", fmt(mul(A, tr(A)).flat()), "{2, 0, 0, 6, 1, 0, -8, 5, 3}"]);
    // the inverse times the matrix is the identity
    const spd = [[4, 12, -16], [12, 37, -43], [-16, -43, 98]];
    const inverse = (alone.values.spdInverse as number[]);
    const invM = [0, 1, 2].map((i) => inverse.slice(3 * i, 3 * i + 3));
    mul(invM, spd).flat().forEach((x, k) => expect(Math.abs(x - (k % 4 === 0 ? 1 : 0))).toBeLessThan(1e-9));
    const asMatrix = (flat: number[]) => [0, 1, 2].map((i) => flat.slice(3 * i, 3 * i + 3));
    mul(asMatrix(alone.values.borderInverse as number[]), spd).flat().forEach((x, k) => expect(Math.abs(x - (k % 4 === 0 ? 1 : 0))).toBeLessThan(1e-9));
    const general = [[2, 1, 0], [4, 3, 1], [-2, 1, 5]];
    mul(general, asMatrix(alone.values.generalInverse as number[])).flat().forEach((x, k) => expect(Math.abs(x - (k % 4 === 0 ? 1 : 0))).toBeLessThan(1e-9));
  });

  it("runs", () => expect(run.error).toBeUndefined());

  it("transposes, sums, dot products", () => {
    expect(run.output[0]).toBe(fmt(tr(A).flat()).repeat(2));
    expect(run.output[1]).toBe("{1, 4, 2, 5, 3, 6, 7, 10, 8, 11, 9, 12}");
    const rs = A.map((r) => r.reduce((s, x) => s + x, 0));
    const cs = tr(A).map((r) => r.reduce((s, x) => s + x, 0));
    expect(run.output[2]).toBe(fmt(rs) + fmt(cs) + fmt(rs) + fmt(cs));
    const dot = A[0]!.reduce((s, x, i) => s + x * A[1]![i]!, 0);
    expect(run.output[3]).toBe(`${dot} ${dot} ${fmt(A.map((r) => r.reduce((s, x) => s + x * x, 0)))}`);
  });

  it("matrix products", () => {
    const ab = mul(A, B).flat();
    expect(run.output[4]).toBe(fmt(ab) + fmt(ab));
    expect(run.output[5]).toBe(fmt(ab.map((x) => -x)));
    expect(run.output[6]).toBe(fmt(ab));
    // xor product: AND for products, XOR for sums
    const xa = [[3, 5], [6, 1]];
    const xb = [[255, 15], [240, 0]];
    const xp = xa.map((r) => [0, 1].map((j) => (r[0]! & xb[0]![j]!) ^ (r[1]! & xb[1]![j]!)));
    expect(run.output[7]).toBe(fmt(xp.flat()));
    expect(run.output[8]).toBe(fmt([A[0]!.map((x) => 2 * x), A[1]!.map((x) => 3 * x)].flat()));
  });

  it("cross products, lengths, unit vectors", () => {
    const c = cross([1, 2, 3], [4, -5, 6]);
    expect(run.output[9]).toBe(fmt(c).repeat(3));
    expect(run.output[10]).toBe("5 5 {0.6, 0.8}{0.6, 0.8}");
    expect(run.output[11]).toBe("{5, 10}{0.6, 0.8, 0.6, 0.8}");
  });

  it("determinant and unit matrix", () => {
    // 2*(3*-4 - 2*5) - (-1)*(1*-4 - 2*0) + 0 = 2*(-22) + (-4) = -48
    expect(run.output[12]).toBe("-48 0");
    expect(run.output[13]).toBe("{1, 0, 0, 0, 1, 0, 0, 0, 1}");
  });
});
