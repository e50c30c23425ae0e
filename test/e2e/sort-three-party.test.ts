/**
 * Oblivious sorting and data movement on three real party processes (loopback
 * TCP): shared3p_sort's sort (shuffle + quicksort), radixSort and unsafeSort
 * (shuffle + one opened stable sorting permutation) on 200 private uint32 values, and keyed shuffles, inverse
 * shuffles, public permutations and a matrix product. Results must equal the
 * emulator's and a plain model (the emulator's shuffles are random too, so the
 * programs publish only what does not depend on the permutation drawn).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { showResult } from "../../runtime/cli/results.js";
import { runThreeParty } from "../../runtime/cli/three-party.js";
import { checkProgram } from "../../runtime/shared3p/availability.js";
import { argRecords, compileSource, emulate, makeBundles, plain, type Bundles } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
}, 60_000);
afterAll(() => bundles?.dispose());

/** 200 values with duplicates and the extremes, from a fixed linear congruential sequence. */
const VALUES = Array.from({ length: 200 }, (_, i) => (i === 7 ? 0 : i === 11 ? 4294967295 : (Math.imul(i + 1, 2654435761) >>> 0) % 5000));

const SORT = `
import stdlib;
import shared3p;
import shared3p_sort;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a = argument("a");
    publish("sorted", sort(a));
    publish("radix", radixSort(a));
    publish("unsafe", unsafeSort(a));
}
`;

const MOVEMENT = `
import stdlib;
import shared3p;
import shared3p_random;
import shared3p_permutation;
import shared3p_matrix;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint8[[1]] key(32);
    key = randomize(key);
    pd_shared3p uint32[[1]] s = shuffle(a, key);
    pd_shared3p uint32[[1]] t = shuffle(a * 2, key);
    publish("aligned", declassify(all(t == s * 2)));
    publish("back", inverseShuffle(s, key));
    pd_shared3p xor_uint16[[1]] x = reshare((uint16) a);
    publish("xback", inverseShuffle(shuffle(x, key), key));
    pd_shared3p uint32[[2]] m = reshape(a[0:12], 4, 3);
    publish("rows", inverseShuffleRows(shuffleRows(m, key), key));
    uint[[1]] perm = {3, 0, 2, 1};
    publish("applied", applyPublicPermutation(a[0:4], perm));
    publish("product", matrixMultiplication(m, reshape(a[12:18], 3, 2)));
    publish("fresh", sum(shuffle(a)));
}
`;

const u32 = (x: bigint) => Number(BigInt.asUintN(32, x));

describe("sorting on three parties", () => {
  it("sort, radixSort and unsafeSort need only protocols the runtime has, and agree with the emulator and the model", async () => {
    const module = compileSource(bundles.dir, "sort.sc", SORT);
    expect(checkProgram(module)).toEqual([]);
    const records = argRecords(module, [`a=${VALUES.join(",")}`]);
    const want = await emulate(module, records);
    const got = await runThreeParty(module, records, { child: bundles.child });
    expect(plain(got.results)).toEqual(plain(want.results));
    const ascending = [...VALUES].sort((x, y) => x - y);
    const values = Object.fromEntries(got.results.map((r) => [r.name, showResult(module, r).value]));
    expect(values).toEqual({ sorted: ascending, radix: ascending, unsafe: ascending });
    for (const s of got.stats) expect(s.protocols["shuffle<32>"]?.calls).toBeGreaterThan(0);
  });

  it("keyed shuffles, inverses, public permutations and matrix products agree with the emulator and the model", async () => {
    const module = compileSource(bundles.dir, "movement.sc", MOVEMENT);
    expect(checkProgram(module)).toEqual([]);
    const a = VALUES.slice(0, 40);
    const records = argRecords(module, [`a=${a.join(",")}`]);
    const want = await emulate(module, records);
    const got = await runThreeParty(module, records, { child: bundles.child });
    expect(plain(got.results)).toEqual(plain(want.results));
    const values = Object.fromEntries(got.results.map((r) => [r.name, showResult(module, r).value]));
    const m = (i: number, j: number) => BigInt(a[i * 3 + j]!);
    const b = (i: number, j: number) => BigInt(a[12 + i * 2 + j]!);
    const product = [0, 1, 2, 3].flatMap((i) => [0, 1].map((j) => u32(m(i, 0) * b(0, j) + m(i, 1) * b(1, j) + m(i, 2) * b(2, j))));
    expect(values).toEqual({
      aligned: true,
      back: a,
      xback: a.map((x) => x & 0xffff),
      rows: a.slice(0, 12),
      applied: [a[3], a[0], a[2], a[1]],
      product,
      fresh: u32(a.reduce((s, x) => s + BigInt(x), 0n)),
    });
  });
});
