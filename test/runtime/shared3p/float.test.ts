/**
 * Private float32/float64 at three in-memory parties against plain JS arithmetic
 * (Math.fround for float32): arithmetic, comparisons, selections, reductions and
 * conversions, on random vectors rich in IEEE edge cases, bit for bit (any NaN
 * equals any NaN).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setMaxCallWords } from "../../../runtime/shared3p/float/evaluate.js";
import { syscallStatus } from "../../../runtime/shared3p/syscalls.js";
import type { SyscallArg } from "../../../vm/backend.js";
import { floatArb, floatPairArb, openFloats, sameFloat, shareFloats, type FloatWidth } from "./float-support.js";
import { makeBackends, open, outputOf, priv, syscallAll, type Shared } from "./support.js";

const backends = makeBackends("float-tests");
const WIDTHS = [32, 64] as const;

const round = (w: FloatWidth) => (x: number): number => (w === 32 ? Math.fround(x) : x);

function expectFloats(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    if (!sameFloat(g, want[i] as number)) expect.fail(`lane ${i}: got ${g} (${Object.is(g, -0) ? "-0" : ""}) want ${want[i]}`);
  });
}

async function binary(op: string, w: FloatWidth, a: Shared, b: Shared, outType = `float${w}`): Promise<Shared> {
  const out = outputOf(backends, outType, a.lanes);
  await syscallAll(backends, `shared3p::${op}_float${w}_vec`, (p) => [priv(a, p), priv(b, p), priv(out, p)]);
  return out;
}

function publicVector(w: FloatWidth, xs: number[]): SyscallArg {
  const data = w === 32 ? Float32Array.from(xs) : Float64Array.from(xs);
  return { tag: "cref", type: `float${w}`, data, bytes: new Uint8Array(data.buffer), scalar: false, value: undefined };
}

describe("private floats: arithmetic", () => {
  for (const w of WIDTHS) {
    const r = round(w);
    it(`add, sub, mul of float${w} equal JS arithmetic`, async () => {
      await fc.assert(
        fc.asyncProperty(floatPairArb(w), async ([x, y]) => {
          const a = shareFloats(w, x);
          const b = shareFloats(w, y);
          expectFloats(openFloats(await binary("add", w, a, b)), x.map((v, i) => r(v + y[i]!)));
          expectFloats(openFloats(await binary("sub", w, a, b)), x.map((v, i) => r(v - y[i]!)));
          expectFloats(openFloats(await binary("mul", w, a, b)), x.map((v, i) => r(v * y[i]!)));
        }),
        { numRuns: 8 },
      );
    });

    it(`mulc of float${w} by a public vector and a pushed scalar, neg, abs, floor, ceiling`, async () => {
      await fc.assert(
        fc.asyncProperty(floatPairArb(w), floatArb(w), async ([x, y], k) => {
          const a = shareFloats(w, x);
          const prod = outputOf(backends, `float${w}`, x.length);
          await syscallAll(backends, `shared3p::mulc_float${w}_vec`, (p) => [priv(a, p), publicVector(w, y), priv(prod, p)]);
          expectFloats(openFloats(prod), x.map((v, i) => r(v * y[i]!)));
          const scaled = outputOf(backends, `float${w}`, x.length);
          await syscallAll(backends, `shared3p::mulc_float${w}_vec`, (p) => [priv(a, p), { tag: "scalar", type: `float${w}`, value: k }, priv(scaled, p)]);
          expectFloats(openFloats(scaled), x.map((v) => r(v * k)));
          for (const [op, f] of [["neg", (v: number) => -v], ["abs", Math.abs], ["floor", Math.floor], ["ceiling", Math.ceil]] as const) {
            const out = outputOf(backends, `float${w}`, x.length);
            await syscallAll(backends, `shared3p::${op}_float${w}_vec`, (p) => [priv(a, p), priv(out, p)]);
            expectFloats(openFloats(out), x.map(f));
          }
        }),
        { numRuns: 5 },
      );
    });
  }
});

describe("private floats: division and square root", () => {
  for (const w of WIDTHS) {
    const r = round(w);
    it(`div, divc, inv and sqrt of float${w} equal JS division and Math.sqrt`, async () => {
      const x = [1, -3, 0, -0, Infinity, NaN, 5e-324, 1e-40, 7, 1.5, 0.1, -2.5, 3e38, 1, 0].map(r);
      const y = [3, 7, 0, 5, Infinity, 1, 3, -1e38, 0, -0, 0.3, 2.5, 1e-38, 5e-324, -0].map(r);
      const [a, b] = [shareFloats(w, x), shareFloats(w, y)];
      expectFloats(openFloats(await binary("div", w, a, b)), x.map((v, i) => r(v / y[i]!)));
      const q = outputOf(backends, `float${w}`, x.length);
      await syscallAll(backends, `shared3p::divc_float${w}_vec`, (p) => [priv(a, p), { tag: "scalar", type: `float${w}`, value: 3 }, priv(q, p)]);
      expectFloats(openFloats(q), x.map((v) => r(v / 3)));
      const inv = outputOf(backends, `float${w}`, y.length);
      await syscallAll(backends, `shared3p::inv_float${w}_vec`, (p) => [priv(b, p), priv(inv, p)]);
      expectFloats(openFloats(inv), y.map((v) => r(1 / v)));
      const root = outputOf(backends, `float${w}`, x.length);
      await syscallAll(backends, `shared3p::sqrt_float${w}_vec`, (p) => [priv(a, p), priv(root, p)]);
      expectFloats(openFloats(root), x.map((v) => r(Math.sqrt(v))));
    });
  }
});

describe("private floats: comparisons and selections", () => {
  for (const w of WIDTHS) {
    it(`isnegligible of float${w} is |x| < ${w === 32 ? "1e-5" : "1e-12"} in double precision`, async () => {
      const eps = w === 32 ? 1e-5 : 1e-12;
      const near = [eps, -eps, Math.fround(eps), -Math.fround(eps), eps * (1 - 2 ** -40), eps * (1 + 2 ** -40), 0, -0, NaN, Infinity, 5e-324, 1e-6, -1e-13].map(round(w));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(floatArb(w), fc.constantFrom(...near)), { maxLength: 33 }), async (x) => {
          const a = shareFloats(w, x);
          const out = outputOf(backends, "bool", x.length);
          await syscallAll(backends, `shared3p::isnegligible_float${w}_vec`, (p) => [priv(a, p), priv(out, p)]);
          expect(open(out)).toEqual(x.map((v) => Math.abs(v) < eps));
        }),
        { numRuns: 5 },
      );
    });
  }

  for (const w of WIDTHS) {
    it(`eq, lt, gt, lte, gte, min, max, choose of float${w}`, async () => {
      await fc.assert(
        fc.asyncProperty(floatPairArb(w), async ([x, y]) => {
          const a = shareFloats(w, x);
          const b = shareFloats(w, y);
          const cmp: [string, (u: number, v: number) => boolean][] = [
            ["eq", (u, v) => u === v],
            ["lt", (u, v) => u < v],
            ["gt", (u, v) => u > v],
            ["lte", (u, v) => u <= v],
            ["gte", (u, v) => u >= v],
          ];
          for (const [op, f] of cmp) expect(open(await binary(op, w, a, b, "bool"))).toEqual(x.map((v, i) => f(v, y[i]!)));
          expectFloats(openFloats(await binary("min", w, a, b)), x.map((v, i) => Math.min(v, y[i]!)));
          expectFloats(openFloats(await binary("max", w, a, b)), x.map((v, i) => Math.max(v, y[i]!)));
          const lt = await binary("lt", w, a, b, "bool");
          const chosen = outputOf(backends, `float${w}`, x.length);
          await syscallAll(backends, `shared3p::choose_float${w}_vec`, (p) => [priv(lt, p), priv(a, p), priv(b, p), priv(chosen, p)]);
          // choose copies bit patterns exactly, NaN payloads included
          openFloats(chosen).forEach((v, i) => expect(Object.is(v, x[i]! < y[i]! ? x[i] : y[i]) || (Number.isNaN(v) && Number.isNaN(y[i]!))).toBe(true));
        }),
        { numRuns: 6 },
      );
    });
  }
});

/** The emulator's reductions: left folds from +0 (sum) and the left-to-right scan (vecmin/vecmax). */
function chunks(xs: number[], k: number): number[][] {
  const m = xs.length / k;
  return Array.from({ length: k }, (_, j) => xs.slice(j * m, (j + 1) * m));
}

describe("private floats: reductions", () => {
  for (const w of WIDTHS) {
    const r = round(w);
    it(`sum, product, vecmin, vecmax of float${w} over chunks follow the emulator's left-to-right order`, async () => {
      const arb = fc.constantFrom([1, 1], [0, 1], [33, 11], [6, 2]).chain(([n, k]) => fc.tuple(fc.constant(k as number), fc.array(floatArb(w), { minLength: n, maxLength: n })));
      await fc.assert(
        fc.asyncProperty(arb, async ([k, x]) => {
          const a = shareFloats(w, x);
          const run = async (op: string): Promise<number[]> => {
            const out = outputOf(backends, `float${w}`, k);
            await syscallAll(backends, `shared3p::${op}_float${w}_vec`, (p) => [priv(a, p), priv(out, p)]);
            return openFloats(out);
          };
          const parts = chunks(x, k);
          expectFloats(await run("sum"), parts.map((c) => c.reduce((acc, v) => r(acc + v), 0)));
          expectFloats(await run("product"), parts.map((c) => c.reduce((acc, v) => r(acc * v), 1)));
          // an empty chunk leaves the (zero) output untouched
          expectFloats(await run("vecmin"), parts.map((c) => (c.length === 0 ? 0 : c.reduce((acc, v) => (v < acc ? v : acc)))));
          expectFloats(await run("vecmax"), parts.map((c) => (c.length === 0 ? 0 : c.reduce((acc, v) => (v > acc ? v : acc)))));
        }),
        { numRuns: 4 },
      );
    });
  }
});

describe("private floats: public operands", () => {
  it("make the partial products of mulc local (fewer AND lanes than mul)", async () => {
    const x = [1.5, -3.25, 1e-310];
    const a = shareFloats(64, x);
    const lanesOf = (): number => backends[0].runner.stats.get("and<1>")?.lanes ?? 0;
    const before = lanesOf();
    expectFloats(openFloats(await binary("mul", 64, a, shareFloats(64, [2, 2, 2]))), x.map((v) => v * 2));
    const mul = lanesOf() - before;
    const prod = outputOf(backends, "float64", 3);
    await syscallAll(backends, "shared3p::mulc_float64_vec", (p) => [priv(a, p), { tag: "scalar", type: "float64", value: 2 }, priv(prod, p)]);
    expectFloats(openFloats(prod), x.map((v) => v * 2));
    const mulc = lanesOf() - before - mul;
    // 53 x 53 partial products of one 32-lane word each no longer go through the protocol
    expect(mul - mulc).toBeGreaterThanOrEqual(53 * 53 * 32);
  });
});

describe("private floats: large AND levels", () => {
  it("split into several protocol calls give the same results", async () => {
    const x = [1.5, -0.1, 3e38, 5e-324, -2.5, 7];
    const y = [2.25, 0.1, 3e38, 5e-324, 2.5, -1e-300];
    const old = setMaxCallWords(4);
    try {
      const before = backends[0].runner.stats.get("and<1>")?.calls ?? 0;
      expectFloats(openFloats(await binary("mul", 64, shareFloats(64, x), shareFloats(64, y))), x.map((v, i) => v * y[i]!));
      const calls = (backends[0].runner.stats.get("and<1>")?.calls ?? 0) - before;
      // the partial products alone (53 x 53 ANDs of one word each) need more than 4 words per call
      expect(calls).toBeGreaterThan(700);
    } finally {
      setMaxCallWords(old);
    }
  });
});

describe("private floats: every float syscall of the standard library's basic set is available", () => {
  it("has protocols for arithmetic, comparisons, conversions and data exchange", () => {
    for (const w of WIDTHS) {
      for (const op of ["add", "sub", "mul", "mulc", "eq", "lt", "gt", "lte", "gte", "min", "max", "vecmin", "vecmax", "sum", "choose", "neg", "abs", "floor", "ceiling", "isnegligible", "product", "div", "divc", "inv", "sqrt", "exp", "ln", "sin", "erf", "classify", "declassify", "get_shares", "set_shares"]) {
        expect(syscallStatus(`shared3p::${op}_float${w}_vec`), op).toBeNull();
      }
      for (const t of ["bool", "uint8", "int16", "uint32", "int64", "fix32", "fix64", `float${96 - w}`]) {
        expect(syscallStatus(`shared3p::conv_${t}_to_float${w}_vec`)).toBeNull();
        expect(syscallStatus(`shared3p::conv_float${w}_to_${t}_vec`)).toBeNull();
      }
    }
    expect(syscallStatus("shared3p::sign_float32_vec")).toBe("the operation sign has no protocol yet");
  });
});
