/**
 * Literal range checks: the ranges are written out by hand per type, and programs
 * check that an out-of-range literal in a typed context is an error naming the
 * range, while the extreme in-range values are accepted.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitsIn } from "../../../compiler/semantic/literals.js";
import { prim, type PrimName } from "../../../compiler/semantic/types.js";
import { checkSource } from "./harness.js";

const ranges: [PrimName, bigint, bigint][] = [
  ["uint8", 0n, 255n],
  ["uint16", 0n, 65535n],
  ["uint32", 0n, 4294967295n],
  ["uint64", 0n, 18446744073709551615n],
  ["int8", -128n, 127n],
  ["int16", -32768n, 32767n],
  ["int32", -2147483648n, 2147483647n],
  ["int64", -9223372036854775808n, 9223372036854775807n],
];

describe("fitsIn", () => {
  for (const [name, min, max] of ranges) {
    it(`${name} holds exactly ${min}..${max}`, () => {
      const t = prim(name);
      expect(fitsIn(min, t)).toBe(true);
      expect(fitsIn(max, t)).toBe(true);
      expect(fitsIn(min - 1n, t)).toBe(false);
      expect(fitsIn(max + 1n, t)).toBe(false);
      fc.assert(
        fc.property(fc.bigInt({ min: min - 1000n, max: max + 1000n }), (v) => {
          expect(fitsIn(v, t)).toBe(v >= min && v <= max);
        }),
        { numRuns: 200 },
      );
    });
  }
});

function codesAndLines(text: string): string[] {
  const { diagnostics } = checkSource(text, { stdlibPath: undefined });
  return diagnostics.map((d) => `${d.code}@${d.span ? d.span.file.lineColumn(d.span.start).line : 0}`);
}

describe("literals in typed contexts", () => {
  for (const [name, min, max] of ranges) {
    it(`${name}: extremes accepted, one beyond rejected with the range`, () => {
      const text = [
        "void main() {",
        `    ${name} a = ${min};`,
        `    ${name} b = ${max};`,
        `    ${name} c = ${max + 1n};`,
        "}",
      ].join("\n");
      const { diagnostics } = checkSource(text, { stdlibPath: undefined });
      if (max + 1n >= 1n << 64n) {
        // beyond 64 bits: the lexer reports it
        expect(diagnostics.map((d) => d.code)).toEqual(["SC1007"]);
        return;
      }
      expect(codesAndLines(text)).toEqual(["SC6001@4"]);
      expect(diagnostics[0]!.message).toContain(`${min} to ${max}`);
    });
  }

  it("types literals by the other operand and by annotation", () => {
    expect(codesAndLines("void main() { uint8 x = 1; uint8 y = x + 255; }")).toEqual([]);
    expect(codesAndLines("void main() { uint8 x = 1; bool y = x < 256; }")).toEqual(["SC6001@1"]);
    expect(codesAndLines("void main() { uint8 x = (300 :: uint8); }")).toEqual(["SC6001@1"]);
    expect(codesAndLines("void main() { int64 x = 300 :: int64; }")).toEqual([]);
  });

  it("gives call arguments no context and says how to fix a literal argument", () => {
    const { diagnostics } = checkSource("uint8 f(uint8 x) { return x; }\nvoid main() { uint8 y = f(7); }", {
      stdlibPath: undefined,
    });
    expect(diagnostics.map((d) => d.code)).toEqual(["SC5001"]);
    expect(diagnostics[0]!.help.join(" ")).toContain("`7u8` or `(7 :: uint8)`");
  });
});

describe("literal hints for template candidates", () => {
  it("names the suffix that makes a template candidate match", () => {
    const src = "template <type T> T scaleBy(T[[1]] v, uint32 k) { return v[0]; }\nvoid main() { int64[[1]] v(2); int64 r = scaleBy(v, 3); }";
    const { diagnostics } = checkSource(src, { stdlibPath: undefined });
    expect(diagnostics.map((d) => d.code)).toEqual(["SC5001"]);
    expect(diagnostics[0]!.help.join(" ")).toContain("`3u32` or `(3 :: uint32)`");
  });
});
