/**
 * shared3p_sort under the emulator: sorting networks (vectors of several types
 * and lengths incl. 0, 1 and non-powers of two; matrices by one, two and three
 * key columns), radix sort (unsigned, signed, xor, 64-bit; matrices by a column;
 * the sorting permutation), shuffle-and-quicksort (vectors and matrix rows),
 * selectK and isPowerOfTwo. Inputs are pseudo-random with a fixed seed; the
 * expected orders come from JavaScript's sort on BigInt/number models.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

let seed = 12345;
function rand(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const bits = (t: string): number => Number(/\d+$/.exec(t)![0]);
function randomOf(t: string): bigint {
  const b = bits(t);
  const raw = BigInt(Math.floor(rand() * 2 ** 30)) * BigInt(Math.floor(rand() * 2 ** 30)) + BigInt(Math.floor(rand() * 2 ** 30));
  // small ranges too, so duplicates occur
  const v = rand() < 0.3 ? BigInt(Math.floor(rand() * 5)) : raw;
  return t.startsWith("int") ? BigInt.asIntN(b, v) : BigInt.asUintN(b, v);
}
const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
const fmt = (xs: readonly (bigint | number)[]): string => `{${xs.join(", ")}}`;

interface Case {
  code: string;
  expected: string;
}
const cases: Case[] = [];
let counter = 0;

function vectorCase(proc: string, t: string, n: number): void {
  const data = Array.from({ length: n }, () => randomOf(t.replace("xor_", "")));
  const name = `d${counter++}`;
  const pub = t.replace("xor_", "");
  const init = t.startsWith("xor") ? `pd_shared3p ${pub}[[1]] p_${name} = {${data.join(", ")}}; pd_shared3p ${t}[[1]] ${name} = reshare(p_${name});` : `pd_shared3p ${t}[[1]] ${name} = {${data.join(", ")}};`;
  const decl = n === 0 ? `pd_shared3p ${t}[[1]] ${name};` : init;
  cases.push({ code: `{ ${decl} print(arrayToString(declassify(${proc}(${name})))); }`, expected: fmt([...data].sort(cmp)) });
}

for (const n of [0, 1, 2, 7, 16, 33]) vectorCase("sortingNetworkSort", "uint32", n);
// the dropped comparators of non-power-of-two lengths: many lengths
for (const n of [3, 5, 6, 9, 10, 11, 12, 13, 17, 31, 63, 64, 65, 100]) vectorCase("sortingNetworkSort", "uint8", n);
for (const t of ["uint8", "int16", "int64", "uint64", "xor_uint32"]) vectorCase("sortingNetworkSort", t, 21);
for (const t of ["uint8", "int32", "uint64", "int64", "xor_uint16", "int8"]) vectorCase("radixSort", t, 19);
for (const n of [0, 1, 2, 30]) vectorCase("radixSort", "uint16", n);
for (const t of ["uint32", "int64", "xor_uint8"]) vectorCase("quicksort", t, 40);
vectorCase("sort", "int32", 25);

// floats through the network and quicksort
const floats = Array.from({ length: 13 }, () => Math.round((rand() - 0.5) * 2000) / 8);
cases.push({
  code: `{ pd_shared3p float64[[1]] f = {${floats.join(", ")}}; print(arrayToString(declassify(sortingNetworkSort(f))), arrayToString(declassify(sort(f)))); }`,
  expected: fmt([...floats].sort((a, b) => a - b)).repeat(2),
});

// matrices: rows of (key1, key2, key3, payload)
const rows = Array.from({ length: 11 }, (_, i) => [BigInt(Math.floor(rand() * 3)), BigInt(Math.floor(rand() * 3)), BigInt(Math.floor(rand() * 4)), BigInt(i)]);
const matLit = `reshape({${rows.flat().join(", ")}}, ${rows.length}, 4)`;
const byKeys = (keys: number[]) => [...rows].sort((a, b) => keys.map((k) => cmp(a[k]!, b[k]!)).find((c) => c !== 0) ?? cmp(a[3]!, b[3]!));
// with ties fully broken by the payload the result is unique: use all three keys + payload as the last key
cases.push({
  code: `{ pd_shared3p uint32[[2]] m = ${matLit}; pd_shared3p uint32[[2]] s1 = sortingNetworkSort(m, 2 :: uint, 3 :: uint); print(arrayToString(flatten(declassify(s1)))); }`,
  expected: fmt(byKeys([2, 3]).flat()),
});
cases.push({
  code: `{ pd_shared3p uint32[[2]] m = ${matLit}; pd_shared3p uint32[[2]] s = sortingNetworkSort(m, 0 :: uint, 1 :: uint, 3 :: uint); print(arrayToString(flatten(declassify(s)))); }`,
  expected: fmt(byKeys([0, 1, 3]).flat()),
});
cases.push({
  code: `{ pd_shared3p uint32[[2]] m = ${matLit}; print(arrayToString(flatten(declassify(sortingNetworkSort(m, 3 :: uint))))); }`,
  expected: fmt(rows.flat()),
});
// radix sort is stable: ties keep the input (payload) order
const stableBy = (k: number) => [...rows].sort((a, b) => cmp(a[k]!, b[k]!) || cmp(a[3]!, b[3]!));
cases.push({
  code: `{ pd_shared3p uint32[[2]] m = ${matLit}; print(arrayToString(flatten(declassify(radixSort(m, 1 :: uint))))); }`,
  expected: fmt(stableBy(1).flat()),
});
cases.push({
  code: `{ pd_shared3p uint32[[2]] m = ${matLit}; pd_shared3p uint32[[1]] k = m[:, 0]; print(arrayToString(declassify(radixSortWithIndex(k)))); }`,
  expected: fmt(stableBy(0).map((r) => r[3]!)),
});
// quicksort of rows: keys in order, each row intact
cases.push({
  code: `{ pd_shared3p uint32[[2]] m = ${matLit}; publish("qrows", quicksort(m, 2 :: uint)); print("q"); }`,
  expected: "q",
});
const sel = Array.from({ length: 12 }, () => randomOf("uint16"));
cases.push({
  code: `{ pd_shared3p uint16[[1]] s = {${sel.join(", ")}}; print(arrayToString(declassify(selectK(s, 4 :: uint))), " ", isPowerOfTwo(64 :: uint), isPowerOfTwo(0 :: uint), isPowerOfTwo(12 :: uint)); }`,
  expected: `${fmt([...sel].sort(cmp).slice(0, 4))} truefalsefalse`,
});

let run: StdlibRun;
beforeAll(async () => {
  run = await runProgram(program(["stdlib", "shared3p", "shared3p_sort"], cases.map((c) => `    ${c.code}`).join("\n")));
}, 120_000);

describe("shared3p_sort", () => {
  it("runs", () => expect(run.error).toBeUndefined());

  it("every case sorts like the model", () => {
    expect(run.output.length).toBe(cases.length);
    cases.forEach((c, i) => expect(run.output[i], c.code.slice(0, 80)).toBe(c.expected));
  });

  it("quicksort keeps rows intact and orders them by the key column", () => {
    const flat = (run.values.qrows as number[]).map(Number);
    const got = Array.from({ length: rows.length }, (_, i) => flat.slice(4 * i, 4 * i + 4));
    expect(got.map((r) => r[2])).toEqual([...rows.map((r) => Number(r[2]))].sort((a, b) => a - b));
    expect(got.map((r) => r.join(",")).sort()).toEqual(rows.map((r) => r.join(",")).sort());
  });
});
