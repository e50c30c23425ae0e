/**
 * shared3p_statistics_common's contingencyTable and shared3p_statistics_testing's
 * multipleTesting (Benjamini-Hochberg) under the emulator. Counts come from a
 * plain TypeScript tally; the rejections from a direct implementation of the
 * Benjamini-Hochberg rule on sorted p-values (float64 and float32 inputs, with
 * ties, with no qualifying rank, with every rank qualifying). The table is also
 * fed to chiSquared and compared with Pearson's statistic computed here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

let seed = 4242;
const rand = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const fmt = (xs: readonly (number | boolean)[]) => `{${xs.join(", ")}}`;

const n = 60;
const categories = [0, 3, 7, 9];
const data = Array.from({ length: n }, () => [0, 3, 7, 9, 4][Math.floor(rand() * 5)]!);
const cases = data.map(() => rand() < 0.45);
const controls = cases.map((c) => !c && rand() < 0.8);

function tally(): number[][] {
  return [cases, controls].map((group) => categories.map((c) => data.filter((v, i) => v === c && group[i]).length));
}

function pearson(table: number[][]): number {
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = table[0]!.map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
  const total = rows.reduce((a, b) => a + b, 0);
  let chi = 0;
  table.forEach((r, i) => r.forEach((o, j) => {
    const e = (rows[i]! * cols[j]!) / total;
    chi += ((o - e) * (o - e)) / e;
  }));
  return chi;
}

function benjaminiHochberg(p: readonly number[], alpha: number): boolean[] {
  const m = p.length;
  const sorted = [...p].sort((a, b) => a - b);
  let cutoff = -Infinity;
  sorted.forEach((v, i) => {
    if (v <= ((i + 1) * alpha) / m) cutoff = v;
  });
  return p.map((v) => v <= cutoff);
}

// p-values on a 1/1024 grid so float32 and float64 agree exactly with the model
const grid = (x: number) => Math.round(x * 1024) / 1024;
const pSets: { p: number[]; alpha: number; type: "float64" | "float32" }[] = [
  { p: Array.from({ length: 25 }, () => grid(rand() * rand() * 0.3)), alpha: 0.05, type: "float64" },
  { p: Array.from({ length: 17 }, () => grid(rand() * 0.2)), alpha: 0.25, type: "float32" },
  { p: [0.5, 0.25, 0.75, 0.5], alpha: 0.05, type: "float64" },
  { p: [0.0078125, 0.0078125, 0.015625, 0.0078125], alpha: 0.125, type: "float64" },
  { p: [0.03125], alpha: 0.0625, type: "float32" },
];

let run: StdlibRun;
beforeAll(async () => {
  const body = [
    `pd_shared3p uint32[[1]] d = {${data.join(", ")}};`,
    `pd_shared3p bool[[1]] ca = {${cases.join(", ")}};`,
    `pd_shared3p bool[[1]] co = {${controls.join(", ")}};`,
    `uint32[[1]] cats = {${categories.join(", ")}};`,
    `pd_shared3p uint64[[2]] t = contingencyTable(d, ca, co, cats);`,
    `print(arrayToString(flatten(declassify(t))));`,
    `print(declassify(chiSquared(t)));`,
    `pd_shared3p uint32[[1]] e; pd_shared3p bool[[1]] eb;`,
    `print(arrayToString(shape(declassify(contingencyTable(e, eb, eb, cats)))), arrayToString(flatten(declassify(contingencyTable(e, eb, eb, cats)))));`,
    ...pSets.map((s, i) => `{ pd_shared3p ${s.type}[[1]] p${i} = {${s.p.join(", ")}}; print(arrayToString(declassify(multipleTesting(p${i}, ${s.alpha} :: ${s.type})))); }`),
    `{ pd_shared3p float64[[1]] none; print(size(multipleTesting(none, 0.05 :: float64))); }`,
  ];
  run = await runProgram(program(["stdlib", "shared3p", "shared3p_statistics_common", "shared3p_statistics_testing"], body.map((l) => "    " + l).join("\n")));
}, 90_000);

describe("contingencyTable", () => {
  it("runs", () => expect(run.error).toBeUndefined());

  it("counts cases and controls per category", () => {
    expect(run.output[0]).toBe(fmt(tally().flat()));
  });

  it("feeds chiSquared", () => {
    expect(Number(run.output[1])).toBeCloseTo(pearson(tally()), 6);
  });

  it("is a 2 x k table of zeros for empty data", () => {
    expect(run.output[2]).toBe(`{2, 4}${fmt([0, 0, 0, 0, 0, 0, 0, 0])}`);
  });
});

describe("multipleTesting (Benjamini-Hochberg)", () => {
  it("rejects what the rule rejects", () => {
    pSets.forEach((s, i) => expect(run.output[3 + i], JSON.stringify(s)).toBe(fmt(benjaminiHochberg(s.p, s.alpha))));
  });

  it("the fixed cases: none, ties, one", () => {
    expect(run.output[5]).toBe("{false, false, false, false}");
    expect(run.output[6]).toBe("{true, true, true, true}");
    expect(run.output[7]).toBe("{true}");
    expect(run.output[8]).toBe("0");
  });
});
