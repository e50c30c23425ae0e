/**
 * The public `stdlib` module under the emulator: limits, sizeof, shapes,
 * printing, reductions (whole, N-d and chunked), min/max, math, strings, iota,
 * sort, argument-free I/O. Expectations are computed here in TypeScript (BigInt
 * models for integers, Math for floats), never taken from the library's output.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const ints = [7, -3, 12, 0, -8, 5];
const u = [9, 4, 17, 2, 11, 6, 3, 8];

const body = `
    print(UINT8_MAX, " ", INT8_MIN, " ", INT16_MIN, " ", UINT32_MAX, " ", INT64_MIN, " ", INT64_MAX, " ", UINT64_MAX);
    print(sizeof(true), sizeof(1u16), sizeof(1i32), sizeof(1.0f32), sizeof(1.0f64), sizeof(1u64));
    int32[[1]] v = {${ints.join(", ")}};
    uint32[[1]] u = {${u.join(", ")}};
    int32[[2]] m = reshape(v, 2, 3);
    print(arrayToString(flatten(m)));
    print(shapesAreEqual(m, reshape(u[0:6], 2, 3)), shapesAreEqual(m, reshape(u[0:6], 3, 2)), shapesAreEqual(v, v, v));
    printVector(v);
    printMatrix(m);
    printArray(m);
    bool[[1]] b = {false, false, true, false, true, true};
    print(any(b), all(b), any(false), all(true), any(reshape(b, 2, 3)), all(reshape(b, 3, 2)));
    print(arrayToString(any(b, 3 :: uint)), arrayToString(all(b, 2 :: uint)));
    print(sum(v), " ", product(v[0:3]), " ", arrayToString(sum(u, 4 :: uint)), " ", arrayToString(product(u, 2 :: uint)));
    print(min(v), " ", max(v), " ", min(m), " ", max(u), " ", min(4i8, -2i8), " ", max(4u8, 2u8));
    print(arrayToString(min(u, 2 :: uint)), arrayToString(max(v, 3 :: uint)));
    print(arrayToString(min(v, -v)), arrayToString(flatten(max(m, -m))));
    print(abs(-5i32), " ", arrayToString(abs(v)), " ", abs(-2.5f64));
    print(round(2.5f64), " ", round(-2.5f64), " ", round(1.4f32), " ", round(-0.6f32));
    float64[[1]] xs = {0.25, 1.0, 2.0, 9.0};
    publish("sqrt", sqrt(xs));
    publish("sqrt1", sqrt(2.0f64));
    publish("sin", sin(xs));
    publish("erf", erf(xs));
    publish("exp", exp(xs));
    publish("ln", ln(xs));
    publish("ln32", ln(2.0f32));
    print(isNegligible(1.0e-20f64), isNegligible(0.001f64), isNegligible(1.0e-9f32), isNegligible(0.5f32));
    print(substring("secrec", 1 :: uint, 4 :: uint), " ", isPrefixOf("sec", "secrec"), isPrefixOf("rec", "secrec"), isSuffixOf("rec", "secrec"), isSuffixOf("secrecc", "secrec"));
    uint[[1]] io = iota(5 :: uint);
    print(arrayToString(io));
    print(arrayToString(sort(u)), arrayToString(sort(v, false)));
    float32[[1]] fs = {2.5, -1.0, 0.5};
    print(arrayToString(sort(fs)));
`;

function fmt(xs: readonly (number | bigint)[]): string {
  return `{${xs.join(", ")}}`;
}

let run: StdlibRun;
beforeAll(async () => {
  run = await runProgram(program(["stdlib"], body));
}, 60_000);

describe("stdlib", () => {
  it("runs without a runtime error", () => {
    expect(run.error).toBeUndefined();
  });

  it("integer limits and sizeof", () => {
    const lim = [255n, -128n, -32768n, 2n ** 32n - 1n, -(2n ** 63n), 2n ** 63n - 1n, 2n ** 64n - 1n];
    expect(run.output[0]).toBe(lim.join(" "));
    expect(run.output[1]).toBe("124488");
  });

  it("flatten, shapes and printing", () => {
    expect(run.output[2]).toBe(fmt(ints));
    expect(run.output[3]).toBe("truefalsetrue");
    expect(run.output[4]).toBe(fmt(ints));
    expect(run.output.slice(5, 7)).toEqual([fmt(ints.slice(0, 3)), fmt(ints.slice(3))]);
    expect(run.output[7]).toBe(fmt(ints));
  });

  it("any and all, whole, N-d and chunked", () => {
    expect(run.output[8]).toBe("truefalsefalsetruetruefalse");
    // b = f f | t f | t t in 3 chunks: any = f t t; 2 chunks f f t | f t t: all = f f
    expect(run.output[9]).toBe("{false, true, true}{false, false}");
  });

  it("sum and product, whole and chunked", () => {
    const total = ints.reduce((a, b) => a + b, 0);
    const prod = ints.slice(0, 3).reduce((a, b) => a * b, 1);
    const sums = [0, 1, 2, 3].map((k) => u[2 * k]! + u[2 * k + 1]!);
    const prods = [0, 1].map((k) => u.slice(4 * k, 4 * k + 4).reduce((a, b) => a * b, 1));
    expect(run.output[10]).toBe(`${total} ${prod} ${fmt(sums)} ${fmt(prods)}`);
  });

  it("min and max: whole, N-d, scalars, chunked, element-wise", () => {
    expect(run.output[11]).toBe(`${Math.min(...ints)} ${Math.max(...ints)} ${Math.min(...ints)} ${Math.max(...u)} -2 4`);
    const minU = [0, 1].map((k) => Math.min(...u.slice(4 * k, 4 * k + 4)));
    const maxV = [0, 1, 2].map((k) => Math.max(...ints.slice(2 * k, 2 * k + 2)));
    expect(run.output[12]).toBe(fmt(minU) + fmt(maxV));
    expect(run.output[13]).toBe(fmt(ints.map((x) => Math.min(x, -x))) + fmt(ints.map((x) => Math.abs(x))));
  });

  it("abs and round (halves away from zero)", () => {
    expect(run.output[14]).toBe(`5 ${fmt(ints.map(Math.abs))} 2.5`);
    expect(run.output[15]).toBe("3 -3 1 -1");
  });

  it("float math element-wise", () => {
    const xs = [0.25, 1, 2, 9];
    const close = (name: string, f: (x: number) => number) => {
      const got = run.values[name] as number[];
      expect(got.length).toBe(xs.length);
      got.forEach((g, i) => expect(g).toBeCloseTo(f(xs[i]!), 12));
    };
    close("sqrt", Math.sqrt);
    close("sin", Math.sin);
    close("exp", Math.exp);
    close("ln", Math.log);
    const erfs = run.values.erf as number[];
    // erf(0.25), erf(1), erf(2), erf(9) to 7 digits (tables)
    [0.2763263901682369, 0.8427007929497149, 0.9953222650189527, 1].forEach((e, i) => expect(erfs[i]).toBeCloseTo(e, 7));
    expect(run.values.sqrt1).toBeCloseTo(Math.SQRT2, 14);
    expect(run.values.ln32).toBeCloseTo(Math.LN2, 6);
  });

  it("isNegligible, strings, iota and sort", () => {
    expect(run.output[16]).toBe("truefalsetruefalse");
    expect(run.output[17]).toBe("ecr truefalsetruefalse");
    expect(run.output[18]).toBe("{0, 1, 2, 3, 4}");
    expect(run.output[19]).toBe(fmt([...u].sort((a, b) => a - b)) + fmt([...ints].sort((a, b) => b - a)));
    expect(run.output[20]).toBe("{-1, 0.5, 2.5}");
  });
});
