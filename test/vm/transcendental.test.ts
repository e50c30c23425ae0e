/**
 * The exp, ln, sin and erf algorithms in plain float64 (vm/transcendental.ts, what
 * the emulator computes for private floats) against Math.exp, Math.log, Math.sin and
 * a BigInt erf: within 2 ulp (exp, ln, sin) and 3 ulp (erf) for float64 results,
 * 2 ulp for float32 (float32 arithmetic; sin reduces in float64), on random inputs
 * over each domain and on IEEE special values, which must equal Math.* exactly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { transcendental } from "../../vm/transcendental-plain.js";
import { SIN_LIMIT, type TranscendentalOp } from "../../vm/transcendental.js";
import { erfReference } from "./transcendental-reference.js";

const view = new DataView(new ArrayBuffer(8));

/** Position of a float on the number line in ulps (monotone, −0 = +0). */
function ordinal(w: 32 | 64, x: number): bigint {
  if (w === 32) {
    view.setFloat32(0, x);
    const b = view.getInt32(0);
    return BigInt(b < 0 ? -(b & 0x7fffffff) : b);
  }
  view.setFloat64(0, x);
  const b = view.getBigInt64(0);
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

function ulpDistance(w: 32 | 64, a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordinal(w, a) - ordinal(w, b);
  return Number(d < 0n ? -d : d);
}

const REFERENCE: Record<TranscendentalOp, (x: number) => number> = { exp: Math.exp, ln: Math.log, sin: Math.sin, erf: erfReference };
const BOUND64: Record<TranscendentalOp, number> = { exp: 2, ln: 2, sin: 2, erf: 3 };
const BOUND32: Record<TranscendentalOp, number> = { exp: 2, ln: 2, sin: 2, erf: 2 };

/** Inputs over each function's interesting domain. */
function domain(op: TranscendentalOp): fc.Arbitrary<number> {
  const small = fc.double({ min: -1e-3, max: 1e-3, noNaN: true });
  switch (op) {
    case "exp":
      return fc.oneof(fc.double({ min: -760, max: 720, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), small);
    case "ln":
      return fc.oneof(
        fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: -(2 ** 20), max: 2 ** 20 }).map((k) => 1 + k * 2 ** -40),
      );
    case "sin":
      return fc.oneof(
        fc.double({ min: -SIN_LIMIT, max: SIN_LIMIT, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: -333000, max: 333000 }).map((k) => k * Math.PI),
        small,
      );
    case "erf":
      return fc.oneof(fc.double({ min: -7, max: 7, noNaN: true }), fc.double({ min: -0.6, max: 0.6, noNaN: true }), small);
  }
}

const OPS: readonly TranscendentalOp[] = ["exp", "ln", "sin", "erf"];

describe("exp, ln, sin, erf algorithms against Math.*", () => {
  for (const op of OPS) {
    it(`${op} of float64 within ${BOUND64[op]} ulp`, () => {
      fc.assert(
        fc.property(domain(op), (x) => {
          const d = ulpDistance(64, transcendental(op, 64, x), REFERENCE[op](x));
          if (d > BOUND64[op]) expect.fail(`${op}(${x}) = ${transcendental(op, 64, x)}, Math gives ${REFERENCE[op](x)} (${d} ulp)`);
        }),
        { numRuns: op === "erf" ? 1500 : 5000 },
      );
    });

    it(`${op} of float32 within ${BOUND32[op]} ulp`, () => {
      fc.assert(
        fc.property(domain(op), (x0) => {
          const x = Math.fround(x0);
          const want = Math.fround(REFERENCE[op](x));
          const d = ulpDistance(32, transcendental(op, 32, x), want);
          if (d > BOUND32[op]) expect.fail(`${op}(${x}) = ${transcendental(op, 32, x)}, Math gives ${want} (${d} ulp)`);
          expect(Math.fround(transcendental(op, 32, x))).toBe(transcendental(op, 32, x));
        }),
        { numRuns: op === "erf" ? 800 : 3000 },
      );
    });
  }
});

describe("special values", () => {
  const min = 5e-324;
  const cases: [TranscendentalOp, number, number][] = [
    ["exp", 0, 1],
    ["exp", -0, 1],
    ["exp", Infinity, Infinity],
    ["exp", -Infinity, 0],
    ["exp", NaN, NaN],
    ["exp", 709.79, Infinity],
    ["exp", -745.2, 0],
    ["exp", -745, min],
    ["exp", min, 1],
    ["ln", 1, 0],
    ["ln", 0, -Infinity],
    ["ln", -0, -Infinity],
    ["ln", -1, NaN],
    ["ln", -min, NaN],
    ["ln", Infinity, Infinity],
    ["ln", -Infinity, NaN],
    ["ln", NaN, NaN],
    ["ln", min, -744.4400719213812],
    ["sin", 0, 0],
    ["sin", -0, -0],
    ["sin", min, min],
    ["sin", -min, -min],
    ["sin", Infinity, NaN],
    ["sin", NaN, NaN],
    ["sin", SIN_LIMIT, Math.sin(SIN_LIMIT)],
    ["sin", SIN_LIMIT * (1 + 2 ** -52), NaN],
    ["erf", 0, 0],
    ["erf", -0, -0],
    ["erf", Infinity, 1],
    ["erf", -Infinity, -1],
    ["erf", 6, 1],
    ["erf", -100, -1],
    ["erf", NaN, NaN],
    ["erf", min, min],
  ];
  for (const [op, x, want] of cases) {
    it(`${op}(${Object.is(x, -0) ? "-0" : x}) = ${Object.is(want, -0) ? "-0" : want}`, () => {
      const got = transcendental(op, 64, x);
      expect(Number.isNaN(want) ? Number.isNaN(got) : Object.is(got, want)).toBe(true);
      const got32 = transcendental(op, 32, Math.fround(x));
      const want32 = op === "sin" && Math.abs(Math.fround(x)) > SIN_LIMIT ? NaN : Math.fround(op === "erf" ? erfReference(Math.fround(x)) : REFERENCE[op](Math.fround(x)));
      // float32: NaN, infinities and zeros exactly, other values within the float32 bound
      if (Number.isFinite(want32) && want32 !== 0) expect(ulpDistance(32, got32, want32)).toBeLessThanOrEqual(BOUND32[op]);
      else expect(Number.isNaN(want32) ? Number.isNaN(got32) : Object.is(got32, want32)).toBe(true);
    });
  }

  it("exp underflows through the subnormals within 1 ulp", () => {
    for (let x = -708.5; x > -745; x -= 0.37) expect(ulpDistance(64, transcendental("exp", 64, x), Math.exp(x))).toBeLessThanOrEqual(1);
  });

  it("ln of subnormals within 2 ulp", () => {
    for (let x = 5e-324; x < 2.3e-308; x *= 3.7) expect(ulpDistance(64, transcendental("ln", 64, x), Math.log(x))).toBeLessThanOrEqual(2);
  });

  it("float32: exp into the subnormals and ln of subnormals within 2 ulp", () => {
    for (let x = -87.4; x > -104; x -= 0.29) {
      const v = Math.fround(x);
      expect(ulpDistance(32, transcendental("exp", 32, v), Math.fround(Math.exp(v)))).toBeLessThanOrEqual(2);
    }
    for (let x = 2 ** -149; x < 2 ** -126; x *= 2.9) {
      const v = Math.fround(x);
      expect(ulpDistance(32, transcendental("ln", 32, v), Math.fround(Math.log(v)))).toBeLessThanOrEqual(2);
    }
  });
});
