/**
 * `tostring` formats of the reference VM (C %g style with 7 / 16 significant digits).
 */
import { describe, expect, it } from "vitest";
import type { DataTypeName } from "../../vm/isa.js";
import { runMain } from "./helpers.js";

const CASES: [DataTypeName, number | bigint | boolean, string][] = [
  ["float64", 0.1, "0.1"],
  ["float64", 1e20, "1e+20"],
  ["float64", 1.5e-7, "1.5e-07"],
  ["float64", -0, "-0"],
  ["float64", 0, "0"],
  ["float64", Infinity, "inf"],
  ["float64", -Infinity, "-inf"],
  ["float64", NaN, "nan"],
  ["float64", 1 / 3, "0.3333333333333333"],
  ["float64", 2 / 3, "0.6666666666666666"],
  ["float64", 123456789012345678, "1.234567890123457e+17"],
  ["float64", 1234567890123456, "1234567890123456"],
  ["float64", 1e16, "1e+16"],
  ["float64", 100, "100"],
  ["float64", 0.0001, "0.0001"],
  ["float64", 0.00001, "1e-05"],
  ["float64", 2.5, "2.5"],
  ["float64", -3.25, "-3.25"],
  ["float64", 1e-300, "1e-300"],
  ["float32", 0.1, "0.1"],
  ["float32", 1 / 3, "0.3333333"],
  ["float32", 3.14159265, "3.141593"],
  ["float32", 16777216, "1.677722e+07"],
  ["float32", 1234567, "1234567"],
  ["float32", 12345678, "1.234568e+07"],
  ["float32", 12345665, "1.234566e+07"],
  ["float32", 1e-7, "1e-07"],
  ["float32", 1e20, "1e+20"],
  ["float32", 0.5, "0.5"],
  ["float32", Infinity, "inf"],
  ["bool", true, "true"],
  ["bool", false, "false"],
  ["int8", -128, "-128"],
  ["uint32", 4294967295, "4294967295"],
  ["int64", -(2n ** 63n), "-9223372036854775808"],
  ["uint64", 2n ** 64n - 1n, "18446744073709551615"],
];

describe("tostring", () => {
  it("formats every case like the reference VM", async () => {
    const { globals } = await runMain((p) =>
      CASES.map(([type, v]) => {
        const d = p.reg();
        p.ins("tostring", type, d, p.value(type, v));
        return d;
      }),
    );
    CASES.forEach(([type, v, want], i) => expect({ type, v: String(v), s: globals[i] }).toEqual({ type, v: String(v), s: want }));
  });

  it("print emits the string as one output line; strings concatenate and compare by bytes", async () => {
    const { host, globals } = await runMain((p) => {
      const s = p.reg();
      const lt = p.reg();
      const len = p.reg();
      p.ins("binop", "add", "string", s, p.value("string", "x = "), p.value("string", "é!"));
      p.ins("print", s);
      p.ins("binop", "lt", "string", lt, p.value("string", "abc"), p.value("string", "abd"));
      p.ins("strlen", len, s);
      return [lt, len];
    });
    expect(host.output).toEqual(["x = é!"]);
    expect(globals).toEqual([true, 7n]);
  });
});
