/**
 * Polynomials over named lengths: add, scale and mul agree with plain arithmetic on
 * the values at random points; formatting of hand-written examples.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, constant, formatPoly, mul, scale, symbol, type Poly } from "../../../compiler/cost/poly.js";

const NAMES = ["n", "m", "salaries"];

function evaluate(p: Poly, env: Record<string, number>): number {
  let total = 0;
  for (const [m, c] of p) total += c * (m === "" ? 1 : m.split("·").reduce((acc, s) => acc * (env[s] as number), 1));
  return total;
}

const polyArb: fc.Arbitrary<Poly> = fc
  .array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.constantFrom("", ...NAMES)), { maxLength: 4 })
  .map((terms) => terms.reduce<Poly>((acc, [c, s]) => add(acc, s === "" ? constant(c) : scale(symbol(s), c)), constant(0)));
const envArb = fc.record({ n: fc.integer({ min: 0, max: 50 }), m: fc.integer({ min: 0, max: 50 }), salaries: fc.integer({ min: 0, max: 50 }) });

describe("poly", () => {
  it("add, scale and mul evaluate like numbers", () => {
    fc.assert(
      fc.property(polyArb, polyArb, envArb, fc.integer({ min: -5, max: 5 }), (a, b, env, k) => {
        // `+ 0` turns -0 into 0
        expect(evaluate(add(a, b), env) + 0).toBe(evaluate(a, env) + evaluate(b, env) + 0);
        expect(evaluate(mul(a, b), env) + 0).toBe(evaluate(a, env) * evaluate(b, env) + 0);
        expect(evaluate(scale(a, k), env) + 0).toBe(evaluate(a, env) * k + 0);
      }),
    );
  });

  it("formats highest degree first, constant last", () => {
    const n = symbol("n");
    expect(formatPoly(add(mul(scale(n, 8), symbol("m")), add(scale(n, 2), constant(16))))).toBe("8·m·n + 2·n + 16");
    expect(formatPoly(add(n, constant(-1)))).toBe("n - 1");
    expect(formatPoly(constant(0))).toBe("0");
    expect(formatPoly(add(n, scale(n, -1)))).toBe("0");
  });
});
