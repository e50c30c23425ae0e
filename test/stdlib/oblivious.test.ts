/**
 * oblivious, shared3p_oblivious, shared3p_random and shared3p_permutation under
 * the emulator: choose with public/private conditions (scalar and element-wise,
 * N-d), lookups and updates at private indices (vectors, rows, columns,
 * elements), shuffles (results are permutations of the input; keyed shuffles
 * agree and invert), randomize, public and private permutations. Expected values
 * are computed here in TypeScript.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const V = [10, 20, 30, 40, 50];
const M = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
  [10, 11, 12],
];
const mLit = `reshape({${M.flat().join(", ")}}, 4, 3)`;
const PERM = [3, 0, 4, 1, 2];
const fmt = (xs: readonly (number | bigint | boolean)[]): string => `{${xs.join(", ")}}`;

const body = `
    pd_shared3p uint32[[1]] v = {${V.join(", ")}};
    pd_shared3p uint32[[1]] w = v + 1;
    pd_shared3p uint32[[2]] m = ${mLit};
    pd_shared3p uint i = 3;
    pd_shared3p uint r = 2;
    pd_shared3p uint c = 1;
    // 0: choose
    pd_shared3p bool pc = true;
    bool[[1]] pubc = {true, false, true, false, true};
    print(arrayToString(declassify(choose(true, v, w))), arrayToString(declassify(choose(pc, w, v))), arrayToString(declassify(choose(pubc, v, w))), arrayToString(declassify(choose(v > 25, v, w))));
    int64[[1]] pa = {1, 2, 3};
    int64[[1]] pb = {-1, -2, -3};
    bool[[1]] pcs = {false, true, false};
    print(arrayToString(choose(pcs, pa, pb)), arrayToString(choose(false, pa, pb)));
    pd_shared3p float64[[2]] fm = reshape({1.5, 2.5, 3.5, 4.5}, 2, 2);
    print(arrayToString(flatten(declassify(choose(fm > 2.0, fm, -fm)))));
    // 3: lookups
    print(declassify(vectorLookup(v, i)), " ", arrayToString(declassify(matrixLookupRow(m, r))), " ", arrayToString(declassify(matrixLookupColumn(m, c))), " ", declassify(matrixLookup(m, r, c)));
    pd_shared3p uint big = 99;
    print(declassify(vectorLookup(v, big)), " ", arrayToString(declassify(vectorLookupBitmask(5 :: uint, i))));
    pd_shared3p float64[[1]] fv = {0.5, 1.5, 2.5};
    pd_shared3p uint one = 1;
    pd_shared3p bool[[1]] bv = {false, true, false};
    print(declassify(vectorLookup(fv, one)), " ", declassify(vectorLookup(bv, vectorLookupBitmask(3 :: uint, one))));
    // 6: updates
    pd_shared3p uint32 nv = 7;
    print(arrayToString(declassify(vectorUpdate(v, i, nv))));
    pd_shared3p uint32[[1]] newRow = {100, 200, 300};
    pd_shared3p uint32[[1]] newCol = {1000, 2000, 3000, 4000};
    print(arrayToString(flatten(declassify(matrixUpdateRow(m, r, newRow)))));
    print(arrayToString(flatten(declassify(matrixUpdateColumn(m, c, newCol)))));
    print(arrayToString(flatten(declassify(matrixUpdate(m, r, c, nv)))));
    pd_shared3p float64 fnew = 9.25;
    print(arrayToString(declassify(vectorUpdate(fv, one, fnew))));
    // 11: shuffles
    pd_shared3p uint8[[1]] key(32);
    key = randomize(key);
    pd_shared3p uint32[[1]] s1 = shuffle(v);
    pd_shared3p uint32[[1]] s2 = shuffle(v, key);
    pd_shared3p uint32[[1]] s3 = shuffle(w, key);
    publish("shuffled", s1);
    publish("keyed", s2);
    publish("keyedW", s3);
    publish("unshuffled", inverseShuffle(s2, key));
    publish("rows", shuffleRows(m));
    publish("rowsKeyed", shuffleRows(m, key));
    publish("rowsBack", inverseShuffleRows(shuffleRows(m, key), key));
    publish("cols", shuffleColumns(m));
    publish("colsBack", inverseShuffleColumns(shuffleColumns(m, key), key));
    pd_shared3p uint64[[1]] rnd(64);
    rnd = randomize(rnd);
    publish("random", rnd);
    pd_shared3p xor_uint8[[1]] xs = {1, 2, 3, 4};
    print(arrayToString(declassify(shuffle(xs, key)) - declassify(shuffle(xs, key))));
    // 12: permutations
    uint[[1]] perm = {${PERM.join(", ")}};
    pd_shared3p uint[[1]] pperm = perm;
    print(arrayToString(declassify(applyPublicPermutation(v, perm))), arrayToString(declassify(unapplyPublicPermutation(v, perm))));
    print(arrayToString(declassify(applyPrivatePermutation(v, pperm))), arrayToString(declassify(unapplyPrivatePermutation(v, pperm))));
    print(arrayToString(declassify(inversePermutation(pperm))));
    uint[[1]] rp = {2, 0, 3, 1};
    uint[[1]] cp = {2, 0, 1};
    pd_shared3p uint[[1]] prp = rp;
    print(arrayToString(flatten(declassify(applyPublicPermutationRows(m, rp)))), arrayToString(flatten(declassify(unapplyPublicPermutationRows(m, rp)))));
    print(arrayToString(flatten(declassify(applyPublicPermutationCols(m, cp)))), arrayToString(flatten(declassify(unapplyPublicPermutationCols(m, cp)))));
    print(arrayToString(flatten(declassify(applyPrivatePermutationRows(m, prp)))), arrayToString(flatten(declassify(unapplyPrivatePermutationRows(m, prp)))));
    pd_shared3p uint[[1]] randomPerm = privateRandomPermutation(6 :: uint);
    publish("randomPerm", randomPerm);
    pd_shared3p uint[[1]] pcp = cp;
    print(arrayToString(flatten(declassify(applyPrivatePermutationCols(m, pcp)))), arrayToString(flatten(declassify(unapplyPrivatePermutationCols(m, pcp)))));
`;

let run: StdlibRun;
beforeAll(async () => {
  run = await runProgram(program(["stdlib", "shared3p", "oblivious", "shared3p_oblivious", "shared3p_random", "shared3p_permutation"], body));
}, 120_000);

const apply = <T,>(xs: readonly T[], p: readonly number[]): T[] => p.map((j) => xs[j]!);
const unapply = <T,>(xs: readonly T[], p: readonly number[]): T[] => {
  const out: T[] = new Array(xs.length);
  p.forEach((j, i) => (out[j] = xs[i]!));
  return out;
};
const sorted = (xs: unknown): number[] => [...(xs as number[])].sort((a, b) => a - b);

let alone: StdlibRun;
beforeAll(async () => {
  // shared3p_oblivious without oblivious: lookups and updates of floats
  alone = await runProgram(`import stdlib;
import shared3p;
import shared3p_oblivious;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p float32[[1]] v = {0.5, 1.5, 2.5};
    pd_shared3p uint i = 2;
    pd_shared3p float32 x = 7.25;
    pd_shared3p float64[[2]] m = reshape({1.0, 2.0, 3.0, 4.0}, 2, 2);
    pd_shared3p float64 y = 9.5;
    print(declassify(vectorLookup(v, i)), " ", arrayToString(declassify(vectorUpdate(v, i, x))), " ", arrayToString(flatten(declassify(matrixUpdate(m, i - 1, i - 2, y)))), " ", arrayToString(declassify(matrixLookupColumn(m, i - 1))));
}
`);
}, 120_000);

describe("oblivious and shared3p_oblivious", () => {
  it("shared3p_oblivious alone offers the procedures for float data", () => {
    expect(alone.error).toBeUndefined();
    expect(alone.output).toEqual(["2.5 {0.5, 1.5, 7.25} {1, 2, 9.5, 4} {2, 4}"]);
  });

  it("runs", () => expect(run.error).toBeUndefined());

  it("choose", () => {
    const w = V.map((x) => x + 1);
    const pubc = [true, false, true, false, true];
    expect(run.output[0]).toBe(fmt(V) + fmt(w) + fmt(V.map((x, k) => (pubc[k] ? x : w[k]!))) + fmt(V.map((x, k) => (x > 25 ? x : w[k]!))));
    expect(run.output[1]).toBe("{-1, 2, -3}{-1, -2, -3}");
    expect(run.output[2]).toBe("{-1.5, 2.5, 3.5, 4.5}");
  });

  it("lookups at private indices", () => {
    expect(run.output[3]).toBe(`${V[3]} ${fmt(M[2]!)} ${fmt(M.map((row) => row[1]!))} ${M[2]![1]}`);
    expect(run.output[4]).toBe("0 {false, false, false, true, false}");
    expect(run.output[5]).toBe("1.5 true");
  });

  it("updates at private indices", () => {
    expect(run.output[6]).toBe(fmt(V.map((x, k) => (k === 3 ? 7 : x))));
    expect(run.output[7]).toBe(fmt(M.map((row, k) => (k === 2 ? [100, 200, 300] : row)).flat()));
    expect(run.output[8]).toBe(fmt(M.map((row, k) => row.map((x, j) => (j === 1 ? 1000 * (k + 1) : x))).flat()));
    expect(run.output[9]).toBe(fmt(M.map((row, k) => row.map((x, j) => (k === 2 && j === 1 ? 7 : x))).flat()));
    expect(run.output[10]).toBe("{0.5, 9.25, 2.5}");
  });
});

describe("shared3p_random", () => {
  it("shuffles are permutations; keyed shuffles align and invert", () => {
    expect(sorted(run.values.shuffled)).toEqual(V);
    expect(sorted(run.values.keyed)).toEqual(V);
    expect((run.values.keyedW as number[]).map((x) => x - 1)).toEqual(run.values.keyed);
    expect(run.values.unshuffled).toEqual(V);
    const rows = (flat: unknown) => {
      const f = flat as number[];
      return Array.from({ length: f.length / 3 }, (_, k) => f.slice(3 * k, 3 * k + 3));
    };
    for (const name of ["rows", "rowsKeyed"]) {
      expect(rows(run.values[name]).map((r) => r.join(",")).sort()).toEqual(M.map((r) => r.join(",")).sort());
    }
    expect(run.values.rowsBack).toEqual(M.flat());
    const cols = rows(run.values.cols);
    cols.forEach((row, k) => expect(sorted(row)).toEqual(M[k]));
    // columns move together: the permutation is the same in every row
    const firstRowOrder = cols[0]!.map((x) => M[0]!.indexOf(x));
    cols.forEach((row, k) => expect(row).toEqual(firstRowOrder.map((j) => M[k]![j]!)));
    expect(run.values.colsBack).toEqual(M.flat());
    expect(run.output[11]).toBe("{0, 0, 0, 0}");
  });

  it("randomize gives values that are not all equal", () => {
    const r = run.values.random as unknown as string[] | number[];
    expect(r.length).toBe(64);
    expect(new Set(r.map(String)).size).toBeGreaterThan(1);
  });
});

describe("shared3p_permutation", () => {
  it("public and private permutations of vectors", () => {
    expect(run.output[12]).toBe(fmt(apply(V, PERM)) + fmt(unapply(V, PERM)));
    expect(run.output[13]).toBe(fmt(apply(V, PERM)) + fmt(unapply(V, PERM)));
    expect(run.output[14]).toBe(fmt(unapply([0, 1, 2, 3, 4], PERM)));
  });

  it("rows and columns", () => {
    const rp = [2, 0, 3, 1];
    const cp = [2, 0, 1];
    expect(run.output[15]).toBe(fmt(apply(M, rp).flat()) + fmt(unapply(M, rp).flat()));
    expect(run.output[16]).toBe(fmt(M.map((r) => apply(r, cp)).flat()) + fmt(M.map((r) => unapply(r, cp)).flat()));
    expect(run.output[17]).toBe(fmt(apply(M, rp).flat()) + fmt(unapply(M, rp).flat()));
    expect(run.output[18]).toBe(fmt(M.map((r) => apply(r, cp)).flat()) + fmt(M.map((r) => unapply(r, cp)).flat()));
    expect(sorted((run.values.randomPerm as string[]).map(Number))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
