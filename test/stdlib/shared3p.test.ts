/**
 * The `shared3p` module's procedures under the emulator, instantiated for every
 * data type they are defined on: sums (whole, chunked), prefix sums, products,
 * any/all/truePrefixLength, min/max (whole, chunked, pairwise, scalar, N-d), sign,
 * abs, float/fixed maths, bit_extract, reshare, choose. The program is generated
 * per type; expectations come from BigInt models of the wrapping ring (and Math
 * for floats), written here independently of the library.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

const UINTS = ["uint8", "uint16", "uint32", "uint64"] as const;
const INTS = ["int8", "int16", "int32", "int64"] as const;
const bits = (t: string): number => Number(/\d+$/.exec(t)![0]);
const wrap = (t: string, x: bigint): bigint => (t.startsWith("u") || t.startsWith("xor") ? BigInt.asUintN(bits(t), x) : BigInt.asIntN(bits(t), x));
const fmt = (xs: readonly (bigint | number | boolean)[]): string => `{${xs.join(", ")}}`;

const U_DATA = [200n, 7n, 0n, 93n, 255n, 4n];
const U64_DATA = [2n ** 63n + 5n, 7n, 2n ** 63n + 3n, 2n ** 64n - 1n, 2n ** 64n - 2n, 4n];
const I_DATA = [-100n, 7n, 0n, 93n, -128n, 127n];

interface Check {
  readonly label: string;
  readonly code: string;
  readonly expected: string;
}

const checks: Check[] = [];
function check(label: string, code: string, expected: string): void {
  checks.push({ label, code, expected });
}

function sumOf(t: string, xs: bigint[]): bigint {
  return wrap(t, xs.reduce((a, b) => a + b, 0n));
}
function chunks(xs: bigint[], k: number): bigint[][] {
  const c = xs.length / k;
  return Array.from({ length: k }, (_, i) => xs.slice(i * c, (i + 1) * c));
}
const minOf = (xs: bigint[]): bigint => xs.reduce((a, b) => (b < a ? b : a));
const maxOf = (xs: bigint[]): bigint => xs.reduce((a, b) => (b > a ? b : a));

for (const t of [...UINTS, ...INTS]) {
  const data = t === "uint64" ? U64_DATA : t.startsWith("u") ? U_DATA : I_DATA;
  const v = `v_${t}`;
  const decl = `    pd_shared3p ${t}[[1]] ${v} = {${data.join(", ")}};`;
  const w = `w_${t}`;
  const other = data.map((x) => wrap(t, 50n - x));
  const declW = `    pd_shared3p ${t}[[1]] ${w} = {${other.join(", ")}};`;
  check(`${t} declarations`, `${decl}\n${declW}\n    print("ok");`, "ok");
  check(`sum ${t}`, `print(declassify(sum(${v})));`, String(sumOf(t, data)));
  check(`sum ${t} in 3 parts`, `print(arrayToString(declassify(sum(${v}, 3 :: uint))));`, fmt(chunks(data, 3).map((c) => sumOf(t, c))));
  check(`product ${t}`, `print(declassify(product(${v}[0:3])), " ", arrayToString(declassify(product(${v}, 2 :: uint))));`,
    `${wrap(t, data.slice(0, 3).reduce((a, b) => a * b, 1n))} ${fmt(chunks(data, 2).map((c) => wrap(t, c.reduce((a, b) => a * b, 1n))))}`);
  let acc = 0n;
  const prefix = data.map((x) => (acc = wrap(t, acc + x)));
  check(`prefixSum ${t}`, `print(arrayToString(declassify(prefixSum(${v}))));`, fmt(prefix));
  check(`invPrefixSum ${t}`, `print(arrayToString(declassify(invPrefixSum(prefixSum(${v})))));`, fmt(data));
  check(`min/max ${t}`, `print(declassify(min(${v})), " ", declassify(max(${v})));`, `${minOf(data)} ${maxOf(data)}`);
  check(`chunked min/max ${t}`, `print(arrayToString(declassify(min(${v}, 2 :: uint))), arrayToString(declassify(max(${v}, 3 :: uint))));`,
    fmt(chunks(data, 2).map(minOf)) + fmt(chunks(data, 3).map(maxOf)));
  check(`pairwise min/max ${t}`, `print(arrayToString(declassify(min(${v}, ${w}))), arrayToString(declassify(max(${v}, ${w}))));`,
    fmt(data.map((x, i) => (x < other[i]! ? x : other[i]!))) + fmt(data.map((x, i) => (x > other[i]! ? x : other[i]!))));
  check(`scalar and matrix min/max ${t}`, `print(declassify(min(${v}[0], ${v}[1])), " ", declassify(max(reshape(${v}, 2, 3))));`,
    `${minOf(data.slice(0, 2))} ${maxOf(data)}`);
  check(`choose ${t}`, `pd_shared3p bool[[1]] c = ${v} > ${w}; print(arrayToString(declassify(choose(c, ${v}, ${w}))));`,
    fmt(data.map((x, i) => (x > other[i]! ? x : other[i]!))));
}

for (const t of INTS) {
  const v = `v_${t}`;
  check(`sign/abs ${t}`, `print(arrayToString(declassify(sign(${v}))), arrayToString(declassify(abs(${v}))));`,
    fmt(I_DATA.map((x) => (x > 0n ? 1n : x < 0n ? -1n : 0n))) + fmt(I_DATA.map((x) => (x < 0n ? -x : x))));
}

for (const [i, x] of (["xor_uint8", "xor_uint16", "xor_uint32", "xor_uint64"] as const).entries()) {
  const u = UINTS[i]!;
  const data = [5n, 200n, 17n, 0n];
  const setup = `pd_shared3p ${u}[[1]] a_${x} = {${data.join(", ")}}; pd_shared3p ${x}[[1]] x_${x} = reshare(a_${x});`;
  const bitsVec = data.flatMap((d) => Array.from({ length: bits(u) }, (_, j) => ((d >> BigInt(j)) & 1n) === 1n));
  check(`reshare/bit_extract/min/max ${x}`,
    `${setup} print(arrayToString(declassify(reshare(x_${x}))), " ", declassify(min(x_${x})), " ", declassify(max(x_${x})), " ", arrayToString(declassify(bit_extract(x_${x}))));`,
    `${fmt(data)} 0 200 ${fmt(bitsVec)}`);
  check(`choose ${x}`, `${setup} pd_shared3p bool c = true; print(arrayToString(declassify(choose(c, x_${x}, ~x_${x}))), arrayToString(declassify(choose(!c, x_${x}, x_${x} ^ x_${x}))));`,
    fmt(data) + fmt(data.map(() => 0n)));
}

const B = [true, true, false, true, false, false];
check("any/all/truePrefixLength",
  `pd_shared3p bool[[1]] b = {${B.join(", ")}};
    print(declassify(any(b)), declassify(all(b)), declassify(all(b[0:2])), declassify(any(b[4:6])), " ", declassify(sum(b)), " ", declassify(truePrefixLength(b)));
    print(arrayToString(declassify(any(b, 3 :: uint))), arrayToString(declassify(all(b, 3 :: uint))), declassify(any(reshape(b, 2, 3))), declassify(all(reshape(b, 3, 2))));
    pd_shared3p bool[[1]] allTrue = {true, true, true};
    print(declassify(truePrefixLength(allTrue)), declassify(truePrefixLength(!allTrue)));`,
  "truefalsetruefalse 3 2");
// output lines continue after the first; the check above spans three lines: record them
const extraLines = ["{true, true, false}{true, false, false}truefalse", "30"];

const FDATA = [0.5, 2, 9, 4];
for (const f of ["float32", "float64"] as const) {
  const v = `f_${f}`;
  check(`${f} maths`,
    `pd_shared3p ${f}[[1]] ${v} = {${FDATA.join(", ")}};
    publish("sqrt_${f}", sqrt(${v})); publish("exp_${f}", exp(${v})); publish("ln_${f}", ln(${v})); publish("sin_${f}", sin(${v}));
    publish("inv_${f}", inv(${v})); publish("erf_${f}", erf(${v})); publish("log_${f}", log(${v}, ${v} * 0.0 + 2.0)); publish("log10_${f}", log10(${v}));
    publish("pow_${f}", pow(${v}, ${v} * 0.0 + 1.5)); publish("lgamma_${f}", logGamma(${v})); publish("sum_${f}", sum(${v})); publish("sum2_${f}", sum(${v}, 2 :: uint));
    publish("min_${f}", min(${v})); publish("max_${f}", max(${v}, 2 :: uint)); publish("abs_${f}", abs(-${v}));
    pd_shared3p ${f}[[1]] g_${f} = {-1.5, 1.5, 0.0, 2.25};
    publish("floor_${f}", floor(g_${f})); publish("ceiling_${f}", ceiling(g_${f})); publish("neg_${f}", isNegligible(g_${f} * 0.0));
    print("${f}");`,
    f);
}
for (const fx of ["fix32", "fix64"] as const) {
  const pub = fx === "fix32" ? "float32" : "float64";
  check(`${fx} maths`,
    `pd_shared3p ${pub}[[1]] p_${fx} = {${FDATA.join(", ")}}; pd_shared3p ${fx}[[1]] x_${fx} = (${fx}) p_${fx};
    publish("fsqrt_${fx}", (${pub}) sqrt(x_${fx})); publish("fsum_${fx}", (${pub}) sum(x_${fx})); publish("finv_${fx}", (${pub}) inv(x_${fx}));
    print("${fx}");`, fx);
}

let run: StdlibRun;
beforeAll(async () => {
  // each check in its own block (declarations excepted: later checks use them)
  const body = checks.map((c) => (c.label.endsWith("declarations") ? `    ${c.code}` : `    {\n    ${c.code}\n    }`)).join("\n");
  run = await runProgram(program(["stdlib", "shared3p"], body));
}, 120_000);

describe("shared3p procedures", () => {
  it("runs without a runtime error", () => {
    expect(run.error).toBeUndefined();
  });

  it("integer procedures for every type", () => {
    let line = 0;
    for (const c of checks) {
      if (c.label === "any/all/truePrefixLength") {
        expect([run.output[line], run.output[line + 1], run.output[line + 2]], c.label).toEqual([c.expected, ...extraLines]);
        line += 3;
        continue;
      }
      expect(run.output[line], c.label).toBe(c.expected);
      line++;
    }
    expect(line).toBe(run.output.length);
  });

  it("float maths", () => {
    for (const f of ["float32", "float64"]) {
      const tolerance = f === "float32" ? 1e-6 : 1e-12;
      const near = (name: string, want: readonly number[]) => {
        const got = run.values[`${name}_${f}`];
        const list = Array.isArray(got) ? got : [got];
        expect(list.length, name).toBe(want.length);
        list.forEach((g, i) => expect(Math.abs((g as number) - want[i]!), `${name}[${i}]`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(want[i]!))));
      };
      near("sqrt", FDATA.map(Math.sqrt));
      near("exp", FDATA.map(Math.exp));
      near("ln", FDATA.map(Math.log));
      near("sin", FDATA.map(Math.sin));
      near("inv", FDATA.map((x) => 1 / x));
      near("log", FDATA.map(Math.log2));
      near("log10", FDATA.map(Math.log10));
      near("pow", FDATA.map((x) => x ** 1.5));
      // ln Gamma(0.5) = ln sqrt(pi), ln Gamma(2) = 0, ln Gamma(9) = ln 8!, ln Gamma(4) = ln 3!
      const lgamma = [Math.log(Math.sqrt(Math.PI)), 0, Math.log(40320), Math.log(6)];
      (run.values[`lgamma_${f}`] as number[]).forEach((g, i) => expect(Math.abs(g - lgamma[i]!), `lgamma[${i}]`).toBeLessThan(f === "float32" ? 2e-5 : 1e-9));
      near("erf", [0.5204998778130465, 0.9953222650189527, 1, 0.9999999845827421]);
      near("sum", [15.5]);
      near("sum2", [2.5, 13]);
      near("min", [0.5]);
      near("max", [2, 9]);
      near("abs", FDATA);
      near("floor", [-2, 1, 0, 2]);
      near("ceiling", [-1, 2, 0, 3]);
      expect(run.values[`neg_${f}`]).toEqual([true, true, true, true]);
    }
  });

  it("fixed-point maths", () => {
    for (const fx of ["fix32", "fix64"]) {
      const digits = fx === "fix32" ? 3 : 7;
      (run.values[`fsqrt_${fx}`] as number[]).forEach((g, i) => expect(g).toBeCloseTo(Math.sqrt(FDATA[i]!), digits));
      (run.values[`finv_${fx}`] as number[]).forEach((g, i) => expect(g).toBeCloseTo(1 / FDATA[i]!, digits));
      expect(run.values[`fsum_${fx}`]).toBeCloseTo(15.5, digits);
    }
  });
});
