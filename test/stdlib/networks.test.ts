/**
 * shared3p_sort's networks as data and the opened-permutation sort, under the
 * emulator: generateSortingNetwork and generateTopKSortingNetwork are parsed in
 * TypeScript from their documented serialisation (stage count; per stage c, c
 * lower wires, c upper wires) and checked structurally (lo < hi < n, wires of a
 * stage distinct), by Knuth's comparator count for Batcher's network on powers of
 * two, and by simulation: the 0-1 principle over every 0/1 input for small n, and
 * random integers for larger n. selectK (through the top-k network) and
 * unsafeSort (vectors both ways, matrix rows by a column) are compared with
 * JavaScript sorts of the same data.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

type Network = { lo: number[]; hi: number[] }[];

function parseNetwork(line: string): Network {
  const xs = line.replace(/[{}]/g, "").split(",").map((s) => Number(s.trim()));
  const stages: Network = [];
  let pos = 1;
  for (let s = 0; s < xs[0]!; s++) {
    const c = xs[pos]!;
    stages.push({ lo: xs.slice(pos + 1, pos + 1 + c), hi: xs.slice(pos + 1 + c, pos + 1 + 2 * c) });
    pos += 1 + 2 * c;
  }
  expect(pos).toBe(xs.length);
  return stages;
}

function simulate(net: Network, input: readonly number[]): number[] {
  const v = [...input];
  for (const st of net) {
    st.lo.forEach((a, i) => {
      const b = st.hi[i]!;
      if (v[a]! > v[b]!) [v[a], v[b]] = [v[b]!, v[a]!];
    });
  }
  return v;
}

function wellFormed(net: Network, n: number): void {
  for (const st of net) {
    expect(st.lo.length).toBeGreaterThan(0);
    expect(st.lo.length).toBe(st.hi.length);
    const wires = [...st.lo, ...st.hi];
    expect(new Set(wires).size).toBe(wires.length);
    st.lo.forEach((a, i) => {
      expect(a).toBeLessThan(st.hi[i]!);
      expect(st.hi[i]!).toBeLessThan(n);
    });
  }
}

/** Every 0/1 input of n wires: the first k outputs are the k smallest, in order. */
function selectsAllZeroOne(net: Network, n: number, k: number): boolean {
  for (let mask = 0; mask < 1 << n; mask++) {
    const input = Array.from({ length: n }, (_, i) => (mask >> i) & 1);
    const out = simulate(net, input).slice(0, k);
    const want = [...input].sort((a, b) => a - b).slice(0, k);
    if (out.join() !== want.join()) return false;
  }
  return true;
}

let seed = 777;
const rand = (m: number): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * m);
};
const fmt = (xs: readonly number[]) => `{${xs.join(", ")}}`;

const fullSizes = [0, 1, 2, 3, 4, 5, 7, 8, 11, 12, 16, 100];
const topK: [number, number][] = [[5, 1], [9, 2], [10, 3], [12, 5], [12, 12], [11, 8], [100, 7], [100, 1], [64, 16]];
const selData = Array.from({ length: 37 }, () => rand(20));
const sortData = Array.from({ length: 41 }, () => rand(1000) - 500);
const rows = Array.from({ length: 15 }, (_, i) => [rand(5), i]);

let run: StdlibRun;
beforeAll(async () => {
  const lines = [
    ...fullSizes.map((n) => `print(arrayToString(generateSortingNetwork(${n} :: uint)));`),
    ...topK.map(([n, k]) => `print(arrayToString(generateTopKSortingNetwork(${n} :: uint, ${k} :: uint)));`),
    `pd_shared3p uint8[[1]] sel = {${selData.join(", ")}};`,
    ...[0, 1, 5, 37].map((k) => `print(arrayToString(declassify(selectK(sel, ${k} :: uint))));`),
    `pd_shared3p int32[[1]] s = {${sortData.join(", ")}};`,
    `print(arrayToString(declassify(unsafeSort(s))));`,
    `print(arrayToString(declassify(unsafeSort(s, false))));`,
    `pd_shared3p int32[[1]] one = {4}; pd_shared3p int32[[1]] none;`,
    `print(arrayToString(declassify(unsafeSort(one))), size(unsafeSort(none)));`,
    `pd_shared3p uint32[[2]] m = reshape({${rows.flat().join(", ")}}, ${rows.length}, 2);`,
    `print(arrayToString(flatten(declassify(unsafeSort(m, 0 :: uint, false)))));`,
  ];
  run = await runProgram(program(["stdlib", "shared3p", "shared3p_sort"], lines.map((l) => "    " + l).join("\n")));
}, 120_000);

describe("sorting networks as data", () => {
  it("runs", () => expect(run.error).toBeUndefined());

  it("generateSortingNetwork is a well-formed sorting network", () => {
    fullSizes.forEach((n, i) => {
      const net = parseNetwork(run.output[i]!);
      wellFormed(net, n);
      if (n < 2) expect(net).toEqual([]);
      if (n <= 12) expect(selectsAllZeroOne(net, n, n), `n=${n}`).toBe(true);
      else for (let r = 0; r < 20; r++) {
        const input = Array.from({ length: n }, () => rand(50));
        expect(simulate(net, input)).toEqual([...input].sort((a, b) => a - b));
      }
    });
  });

  it("has Batcher's comparator count on powers of two", () => {
    // (t^2 - t + 4) 2^(t-2) - 1 comparators for n = 2^t (Knuth, TAOCP 5.3.4)
    const count = (line: string) => parseNetwork(line).reduce((s, st) => s + st.lo.length, 0);
    expect(count(run.output[fullSizes.indexOf(4)]!)).toBe(5);
    expect(count(run.output[fullSizes.indexOf(8)]!)).toBe(19);
    expect(count(run.output[fullSizes.indexOf(16)]!)).toBe(63);
  });

  it("generateTopKSortingNetwork selects the k smallest in order, with fewer comparators", () => {
    topK.forEach(([n, k], j) => {
      const net = parseNetwork(run.output[fullSizes.length + j]!);
      wellFormed(net, n);
      if (n <= 12) expect(selectsAllZeroOne(net, n, k), `n=${n} k=${k}`).toBe(true);
      else for (let r = 0; r < 30; r++) {
        const input = Array.from({ length: n }, () => rand(1000));
        expect(simulate(net, input).slice(0, k)).toEqual([...input].sort((a, b) => a - b).slice(0, k));
      }
    });
    const comparators = (line: string) => parseNetwork(line).reduce((s, st) => s + st.lo.length, 0);
    const full100 = comparators(run.output[fullSizes.indexOf(100)]!);
    const top7of100 = comparators(run.output[fullSizes.length + topK.findIndex(([n, k]) => n === 100 && k === 7)]!);
    expect(top7of100).toBeLessThan(full100 / 2);
  });
});

describe("selectK and unsafeSort", () => {
  const base = fullSizes.length + topK.length;
  it("selectK returns the k smallest in ascending order", () => {
    [0, 1, 5, 37].forEach((k, i) => expect(run.output[base + i]).toBe(fmt([...selData].sort((a, b) => a - b).slice(0, k))));
  });

  it("unsafeSort sorts vectors ascending and descending, short vectors unchanged", () => {
    expect(run.output[base + 4]).toBe(fmt([...sortData].sort((a, b) => a - b)));
    expect(run.output[base + 5]).toBe(fmt([...sortData].sort((a, b) => b - a)));
    expect(run.output[base + 6]).toBe("{4}0");
  });

  it("unsafeSort orders matrix rows by the column, rows intact", () => {
    const flat = run.output[base + 7]!.replace(/[{}]/g, "").split(", ").map(Number);
    const got = rows.map((_, i) => flat.slice(2 * i, 2 * i + 2));
    expect(got.map((r) => r[0])).toEqual(rows.map((r) => r[0]!).sort((a, b) => b - a));
    expect(got.map((r) => r.join()).sort()).toEqual(rows.map((r) => r.join()).sort());
  });
});
