/**
 * shared3p_string's BlStringVector and bl_strFind under the emulator: the
 * position of the first equal string equals JavaScript's indexOf over the same
 * words (the count when absent), for needles with a smaller, equal and larger
 * bound than the vector's, duplicates, prefixes that must not match, the empty
 * string and an empty vector.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const bound = 8;
const words = ["delta", "alpha", "alphabet", "beta", "", "alpha", "gamma", "al"];
const needles: [string, number | undefined][] = [
  ["alpha", undefined], ["alpha", 12], ["al", bound], ["alphabet", undefined], ["", 3], ["gamma", 5],
  ["omega", undefined], ["alp", undefined], ["delta", 20],
];

let run: StdlibRun;
beforeAll(async () => {
  const rows = words.map((w, i) => `pd_shared3p xor_uint8[[1]] w${i} = bl_str("${w}", ${bound} :: uint);`);
  const matrix = words.map((_, i) => `w${i}`).reduce((acc, w) => `cat(${acc}, ${w})`);
  const finds = needles.map(([s, b], i) => `{ pd_shared3p xor_uint8[[1]] n${i} = bl_str("${s}"${b === undefined ? "" : `, ${b} :: uint`}); print(declassify(bl_strFind(v, n${i}))); }`);
  const body = [
    ...rows,
    `BlStringVector<pd_shared3p> v;`,
    `v.strings = reshape(${matrix}, ${words.length}, ${bound});`,
    ...finds,
    `BlStringVector<pd_shared3p> empty;`,
    `{ pd_shared3p xor_uint8[[1]] x = bl_str("alpha"); print(declassify(bl_strFind(empty, x))); }`,
  ];
  run = await runProgram(program(["stdlib", "shared3p", "shared3p_string"], body.map((l) => "    " + l).join("\n")));
}, 60_000);

describe("bl_strFind", () => {
  it("runs", () => expect(run.error).toBeUndefined());

  it("finds the first equal string, or returns the count", () => {
    needles.forEach(([s], i) => {
      const at = words.indexOf(s);
      expect(run.output[i], s).toBe(String(at < 0 ? words.length : at));
    });
  });

  it("returns 0 (the count) for an empty vector", () => {
    expect(run.output[needles.length]).toBe("0");
  });
});
