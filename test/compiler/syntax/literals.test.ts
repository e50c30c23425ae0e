/**
 * Literal parsing (secrec-reference.md §1): every integer base and suffix, float
 * forms, range limits (checked against a plain BigInt model), string escapes and
 * `$name` interpolation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFloatText, parseIntegerText, parseStringText, suffixMax } from "../../../compiler/syntax/literals.js";
import { exprWithDiagnostics, where } from "./helpers.js";

describe("integer literals", () => {
  it("reads every base", () => {
    expect(parseIntegerText("0")).toEqual({ ok: true, kind: "int", value: 0n, suffix: undefined });
    expect(parseIntegerText("1234567890")).toEqual({ ok: true, kind: "int", value: 1234567890n, suffix: undefined });
    expect(parseIntegerText("0b1011")).toEqual({ ok: true, kind: "int", value: 11n, suffix: undefined });
    expect(parseIntegerText("0o777")).toEqual({ ok: true, kind: "int", value: 511n, suffix: undefined });
    expect(parseIntegerText("0xDeadBeef")).toEqual({ ok: true, kind: "int", value: 0xdeadbeefn, suffix: undefined });
  });

  it("reads every width suffix on every base", () => {
    for (const suffix of ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"]) {
      expect(parseIntegerText(`7${suffix}`)).toEqual({ ok: true, kind: "int", value: 7n, suffix });
      expect(parseIntegerText(`0b11${suffix}`)).toEqual({ ok: true, kind: "int", value: 3n, suffix });
      expect(parseIntegerText(`0o17${suffix}`)).toEqual({ ok: true, kind: "int", value: 15n, suffix });
      expect(parseIntegerText(`0x1f${suffix}`)).toEqual({ ok: true, kind: "int", value: 31n, suffix });
    }
  });

  it("makes a decimal with f32/f64 a float, but not other bases", () => {
    expect(parseIntegerText("3f32")).toEqual({ ok: true, kind: "float", value: 3, suffix: "f32" });
    expect(parseIntegerText("10f64")).toEqual({ ok: true, kind: "float", value: 10, suffix: "f64" });
    // hexadecimal f32 is just more hex digits
    expect(parseIntegerText("0x1f32")).toEqual({ ok: true, kind: "int", value: 0x1f32n, suffix: undefined });
    expect(parseIntegerText("0b1f32")).toEqual({ ok: false, problem: "suffix", suffix: "f32" });
  });

  it("rejects bad digits, missing digits and bad suffixes", () => {
    expect(parseIntegerText("12u")).toEqual({ ok: false, problem: "suffix", suffix: "u" });
    expect(parseIntegerText("12l")).toEqual({ ok: false, problem: "suffix", suffix: "l" });
    expect(parseIntegerText("1u128")).toEqual({ ok: false, problem: "suffix", suffix: "u128" });
    expect(parseIntegerText("0x")).toMatchObject({ ok: false, problem: "digits" });
    expect(parseIntegerText("0bu8")).toMatchObject({ ok: false, problem: "digits" });
    expect(parseIntegerText("0b102")).toEqual({ ok: false, problem: "digits", reason: "'2' is not a binary digit" });
    expect(parseIntegerText("0o8")).toMatchObject({ ok: false, problem: "digits" });
    expect(parseIntegerText("0o78")).toEqual({ ok: false, problem: "digits", reason: "'8' is not an octal digit" });
    expect(parseIntegerText("007")).toMatchObject({ ok: false, problem: "digits" });
  });

  it("keeps exact values beyond 64 bits", () => {
    expect(parseIntegerText("340282366920938463463374607431768211456")).toMatchObject({ ok: true, value: 2n ** 128n });
  });

  it("agrees with a BigInt model on random values in every base", () => {
    const base = fc.constantFrom(2, 8, 10, 16);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 70n }), base, (v, b) => {
        const prefix = b === 2 ? "0b" : b === 8 ? "0o" : b === 16 ? "0x" : "";
        const parsed = parseIntegerText(prefix + v.toString(b));
        return parsed.ok && parsed.kind === "int" && parsed.value === v;
      }),
    );
  });

  it("has the suffix limits of the width types", () => {
    expect(suffixMax("u8")).toBe(255n);
    expect(suffixMax("i8")).toBe(127n);
    expect(suffixMax("u16")).toBe(65535n);
    expect(suffixMax("i16")).toBe(32767n);
    expect(suffixMax("u32")).toBe(4294967295n);
    expect(suffixMax("i32")).toBe(2147483647n);
    expect(suffixMax("u64")).toBe(18446744073709551615n);
    expect(suffixMax("i64")).toBe(9223372036854775807n);
  });

  it("reports suffixed literals out of range and literals over 64 bits, with the range", () => {
    const r = exprWithDiagnostics("255u8 + 256u8 + 127i8 + 128i8 + 18446744073709551615 + 18446744073709551616");
    expect(where(r.diagnostics)).toEqual(["SC1006@1:9", "SC1006@1:25", "SC1007@1:56"]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "literal '256u8' is out of range for uint8 (0 to 255)",
      "literal '128i8' is out of range for int8 (-128 to 127)",
      "integer literal '18446744073709551616' does not fit in 64 bits (the largest is 18446744073709551615)",
    ]);
    expect(r.diagnostics[1]!.help[0]).toContain("-128 :: int8");
  });

  it("states the two's-complement range of every signed width and the unsigned ranges", () => {
    const cases: [string, string][] = [
      ["128i8", "int8 (-128 to 127)"],
      ["32768i16", "int16 (-32768 to 32767)"],
      ["2147483648i32", "int32 (-2147483648 to 2147483647)"],
      ["9223372036854775808i64", "int64 (-9223372036854775808 to 9223372036854775807)"],
      ["256u8", "uint8 (0 to 255)"],
      ["65536u16", "uint16 (0 to 65535)"],
      ["4294967296u32", "uint32 (0 to 4294967295)"],
    ];
    for (const [raw, range] of cases) {
      const r = exprWithDiagnostics(raw);
      expect(where(r.diagnostics)).toEqual(["SC1006@1:1"]);
      expect(r.diagnostics[0]!.message).toBe(`literal '${raw}' is out of range for ${range}`);
    }
    expect(exprWithDiagnostics("300i8").diagnostics[0]!.help).toEqual([]);
  });

  it("explains a bare u suffix", () => {
    const r = exprWithDiagnostics("12u");
    expect(where(r.diagnostics)).toEqual(["SC1005@1:1"]);
    expect(r.diagnostics[0]!.help[0]).toContain("12u64");
    expect(r.expr.kind).toBe("ErrorExpr");
  });
});

describe("float literals", () => {
  it("reads every form", () => {
    expect(parseFloatText("1.5")).toEqual({ ok: true, kind: "float", value: 1.5, suffix: undefined });
    expect(parseFloatText("1.")).toEqual({ ok: true, kind: "float", value: 1, suffix: undefined });
    expect(parseFloatText("1.5e-3")).toEqual({ ok: true, kind: "float", value: 0.0015, suffix: undefined });
    expect(parseFloatText("2e10")).toEqual({ ok: true, kind: "float", value: 2e10, suffix: undefined });
    expect(parseFloatText("2E+2f64")).toEqual({ ok: true, kind: "float", value: 200, suffix: "f64" });
    expect(parseFloatText("0.25f32")).toEqual({ ok: true, kind: "float", value: 0.25, suffix: "f32" });
    expect(parseFloatText("1.5u8")).toEqual({ ok: false, problem: "suffix", suffix: "u8" });
  });

  it("reports floats too large for their type", () => {
    const r = exprWithDiagnostics("3e38f32 + 4e38f32 + 1e308 + 1e309");
    expect(where(r.diagnostics)).toEqual(["SC1008@1:11", "SC1008@1:29"]);
    expect(r.diagnostics[0]!.message).toBe("float literal '4e38f32' is too large for float32");
  });

  it("lexes 2e10 as a float but 0x1e5 as a hexadecimal integer", () => {
    expect(exprWithDiagnostics("2e10").expr).toMatchObject({ kind: "FloatLiteral", value: 2e10 });
    expect(exprWithDiagnostics("0x1e5").expr).toMatchObject({ kind: "IntLiteral", value: 0x1e5n });
  });
});

describe("string literals", () => {
  it("resolves escapes", () => {
    expect(parseStringText('"a\\nb\\tc\\rd\\"e\\\\f\\$g\\qh"', 0)).toEqual({
      parts: [{ kind: "Text", text: 'a\nb\tc\rd"e\\f$gqh', start: 1, end: 23 }],
      terminated: true,
    });
    expect(parseStringText('""', 10)).toEqual({ parts: [], terminated: true });
  });

  it("splits $name interpolations, a backslash ending the name", () => {
    expect(parseStringText('"shared3p::add_$T\\_vec"', 100)).toEqual({
      parts: [
        { kind: "Text", text: "shared3p::add_", start: 101, end: 115 },
        { kind: "Interpolation", name: { kind: "Identifier", name: "T", start: 116, end: 117 } },
        { kind: "Text", text: "_vec", start: 117, end: 122 },
      ],
      terminated: true,
    });
    expect(parseStringText('"$D$T"', 0).parts).toEqual([
      { kind: "Interpolation", name: { kind: "Identifier", name: "D", start: 2, end: 3 } },
      { kind: "Interpolation", name: { kind: "Identifier", name: "T", start: 4, end: 5 } },
    ]);
    expect(parseStringText('"x = $x_1 and $ alone, $9"', 0).parts).toEqual([
      { kind: "Text", text: "x = ", start: 1, end: 5 },
      { kind: "Interpolation", name: { kind: "Identifier", name: "x_1", start: 6, end: 9 } },
      { kind: "Text", text: " and $ alone, $9", start: 9, end: 25 },
    ]);
  });

  it("notices a missing closing quote", () => {
    expect(parseStringText('"abc', 0)).toEqual({ parts: [{ kind: "Text", text: "abc", start: 1, end: 4 }], terminated: false });
    expect(parseStringText('"abc\\"', 0).terminated).toBe(false);
  });
});
