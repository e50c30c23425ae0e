/**
 * Procedures added to the standard library for issue 6, run by three real party
 * processes over loopback TCP in one program: selectK through the top-k network,
 * sortingNetworkSort of matrix rows by a column, publicRandomPermutation applied
 * to private data, contingencyTable, minimum/maximum, histogram,
 * leftTransposedMultiplication, unsafeSort (descending), mean, and profiling
 * sections around the work (the ProcessProfiler_* syscalls run in every party).
 * Results must equal the emulator's and values computed here. (multipleTesting
 * needs float gathers, which the three-party runtime does not have yet.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runThreeParty } from "../../runtime/cli/three-party.js";
import { checkProgram } from "../../runtime/shared3p/availability.js";
import { showResult } from "../../runtime/cli/results.js";
import { compileSource, emulate, makeBundles, plain, type Bundles } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
}, 60_000);
afterAll(() => bundles?.dispose());

const X = [41, 7, 300, 7, 0, 95, 12, 4000, 63, 5, 18];
const KEYS = [3, 1, 2, 5, 0, 4]; // distinct: the network is not stable
const CASES = [true, false, true, true, false, false, true, false, true, true, false];
const BREAKS = [0, 10, 100, 5000];
const A = [[1, 2], [3, 4], [5, 6]];
const B = [[2, 0, 1], [1, 1, 0], [0, 3, 1]];

const SOURCE = `
import stdlib;
import shared3p;
import matrix;
import profiling;
import shared3p_sort;
import shared3p_permutation;
import shared3p_statistics_common;
import shared3p_statistics_summary;
import shared3p_statistics_distribution;
domain pd_shared3p shared3p;
void main() {
    uint32 work = newSectionType("stdlib work");
    uint32 section = startSection(work, ${X.length} :: uint);
    pd_shared3p uint32[[1]] x = {${X.join(", ")}};
    publish("top3", selectK(x, 3 :: uint));
    pd_shared3p uint32[[1]] keys = {${KEYS.join(", ")}};
    pd_shared3p uint32[[2]] rows = cat(reshape(keys, ${KEYS.length}, 1), reshape({0, 1, 2, 3, 4, 5}, ${KEYS.length}, 1), 1);
    publish("byKey", sortingNetworkSort(rows, 0 :: uint));
    uint[[1]] perm = publicRandomPermutation(x);
    publish("perm", perm);
    publish("permuted", applyPublicPermutation(x, perm));
    pd_shared3p bool[[1]] cases = {${CASES.join(", ")}};
    uint32[[1]] categories = {7, 12, 63};
    publish("table", contingencyTable(x, cases, !cases, categories));
    publish("min", minimum(x));
    publish("max", maximum(x));
    uint32[[1]] breaks = {${BREAKS.join(", ")}};
    publish("hist", histogram(x, breaks));
    pd_shared3p uint32[[2]] a = reshape({${A.flat().join(", ")}}, 3, 2);
    pd_shared3p uint32[[2]] b = reshape({${B.flat().join(", ")}}, 3, 3);
    publish("atb", leftTransposedMultiplication(a, b));
    publish("unsafe", unsafeSort(x, false));
    publish("mean", mean(x));
    endSection(section);
    flushProfileLog();
}
`;

describe("added stdlib procedures under three parties", () => {
  it("the program needs only protocols the runtime has", () => {
    const module = compileSource(bundles.dir, "stdlib-procedures.sc", SOURCE);
    expect(checkProgram(module)).toEqual([]);
  });

  it("agrees with the emulator and the model", async () => {
    const module = compileSource(bundles.dir, "stdlib-procedures.sc", SOURCE);
    const want = await emulate(module, []);
    const got = await runThreeParty(module, [], { child: bundles.child });
    // every party reports the profiled section in its statistics (secrun --stats)
    expect(got.stats.map((st) => st.sections?.map((x) => [x.name, x.elements]))).toEqual([0, 1, 2].map(() => [["stdlib work", X.length]]));
    // 64-bit values are shown as strings: compare numbers
    const num = (v: unknown): number | number[] => (Array.isArray(v) ? v.map(Number) : Number(v));
    const values = Object.fromEntries(got.results.map((r) => [r.name, num(showResult(module, r).value)]));
    // the random permutation differs between runs: compare everything else with the emulator
    const deterministic = (rs: typeof got.results) => plain(rs.filter((r) => r.name !== "perm" && r.name !== "permuted"));
    expect(deterministic(got.results)).toEqual(deterministic(want.results));
    const sorted = [...X].sort((p, q) => p - q);
    const perm = values.perm as number[];
    expect([...perm].sort((p, q) => p - q)).toEqual(X.map((_, i) => i));
    const inBin = (lo: number, hi: number, first: boolean) => X.filter((v) => (first ? v >= lo : v > lo) && v <= hi).length;
    const atb = A[0]!.map((_, i) => B[0]!.map((_, j) => A.reduce((s, row, k) => s + row[i]! * B[k]![j]!, 0)));
    expect({ ...values, perm: undefined }).toEqual({
      top3: sorted.slice(0, 3),
      byKey: KEYS.map((k, i) => [k, i]).sort((p, q) => p[0]! - q[0]! || p[1]! - q[1]!).flat(),
      perm: undefined,
      permuted: perm.map((i) => X[i]),
      table: [[7, 12, 63].map((c) => X.filter((v, i) => v === c && CASES[i]).length), [7, 12, 63].map((c) => X.filter((v, i) => v === c && !CASES[i]).length)].flat(),
      min: sorted[0],
      max: sorted[sorted.length - 1],
      hist: [inBin(0, 10, true), inBin(10, 100, false), inBin(100, 5000, false)],
      atb: atb.flat(),
      unsafe: [...sorted].reverse(),
      mean: values.mean,
    });
    expect(values.mean as number).toBeCloseTo(X.reduce((p, q) => p + q, 0) / X.length, 3);
  }, 90_000);
});
