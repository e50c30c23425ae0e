/**
 * shared3p_string under the emulator: bounded-length strings (construction with
 * and without padding, declassify, length, trim, equality, order, Hamming
 * distance, concatenation, contains, index of, Levenshtein distance) and CRC16 /
 * CRC32, compared with TypeScript models (a dynamic-programming edit distance and
 * bitwise CRC implementations checked against the standard check values).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const WORDS: Array<[string, number]> = [
  ["kitten", 10],
  ["sitting", 9],
  ["flaw", 4],
  ["lawn", 7],
  ["", 3],
  ["abc", 3],
  ["abd", 5],
];

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}
function crc16(bytes: number[]): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}
function crc32(bytes: number[]): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
const padded = (s: string, n: number) => s + "\0".repeat(n - s.length);
const hamming = (a: string, b: string) => {
  const n = Math.max(a.length, b.length);
  const x = padded(a, n);
  const y = padded(b, n);
  return [...x].filter((c, i) => c !== y[i]).length;
};

const decls = WORDS.map(([w, n], i) => `pd_shared3p xor_uint8[[1]] s${i} = bl_str("${w}", ${n} :: uint);`).join("\n    ");
const lines: string[] = [];
const expected: string[] = [];
for (let i = 0; i < WORDS.length; i++) {
  const [w, n] = WORDS[i]!;
  lines.push(`print(bl_strDeclassify(s${i}), "|", declassify(bl_strLength(s${i})), "|", size(bl_strTrim(s${i})), "|", declassify(CRC16(s${i}[0:${w.length}])), "|", declassify(CRC32(s${i}[0:${w.length}])));`);
  const bytes = [...Buffer.from(w)];
  expected.push(`${w}|${w.length}|${w.length}|${crc16(bytes)}|${crc32(bytes)}`);
  void n;
}
for (const [i, j] of [[0, 1], [2, 3], [4, 5], [5, 6], [6, 5], [0, 0], [5, 4]] as const) {
  const [a] = WORDS[i]!;
  const [b] = WORDS[j]!;
  lines.push(`print(declassify(bl_strEquals(s${i}, s${j})), "|", declassify(bl_strIsLessThan(s${i}, s${j})), "|", declassify(bl_strHamming(s${i}, s${j})), "|", bl_strDeclassify(bl_strCat(s${i}, s${j})), "|", declassify(bl_strLevenshtein(s${i}, s${j})));`);
  expected.push(`${a === b}|${a < b}|${hamming(a, b)}|${a + b}|${levenshtein(a, b)}`);
}
const PATTERNS: Array<[number, string, number]> = [
  [0, "tte", 5],
  [0, "ten", 3],
  [0, "tet", 3],
  [1, "ing", 3],
  [3, "aw", 6],
  [2, "flaws", 5],
];
const patDecls = PATTERNS.map(([, p, n], k) => `pd_shared3p xor_uint8[[1]] p${k} = bl_str("${p}", ${n} :: uint);`).join("\n    ");
for (let k = 0; k < PATTERNS.length; k++) {
  const [i, p] = PATTERNS[k]!;
  const [w, n] = WORDS[i]!;
  lines.push(`print(declassify(bl_strContains(s${i}, p${k})), "|", declassify(bl_strIndexOf(s${i}, p${k})));`);
  const at = w.indexOf(p);
  expected.push(`${at >= 0}|${at >= 0 ? at : n}`);
}

let run: StdlibRun;
beforeAll(async () => {
  run = await runProgram(program(["stdlib", "shared3p", "shared3p_string"], `    ${decls}\n    ${patDecls}\n    ${lines.join("\n    ")}`));
}, 120_000);

describe("shared3p_string", () => {
  it("the TypeScript CRC models give the standard check values", () => {
    const digits = [...Buffer.from("123456789")];
    expect(crc16(digits)).toBe(0x29b1);
    expect(crc32(digits)).toBe(0xcbf43926);
  });

  it("runs", () => expect(run.error).toBeUndefined());

  it("construction, length, trim, CRC; comparisons, concatenation, distances; search", () => {
    expect(run.output).toEqual(expected);
  });
});
