/**
 * vm/circuit-costs.ts (the float circuits' costs the compiler reads) is current: equal
 * to a fresh generation from the circuits (`npm run gen:circuit-costs`), and its
 * entries agree with the circuits' own figures for a few hand-checked operations.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { circuitCostsSource, CIRCUIT_COSTS_PATH } from "../../../runtime/shared3p/float/gen-costs.js";
import { CIRCUIT_COSTS } from "../../../vm/circuit-costs.js";

describe("vm/circuit-costs.ts", () => {
  it("equals a fresh generation (run `npm run gen:circuit-costs`)", () => {
    expect(readFileSync(CIRCUIT_COSTS_PATH, "utf8")).toBe(circuitCostsSource());
  });

  it("lists every float operation for both widths and the fixed-point functions with their conversions", () => {
    for (const w of [32, 64]) {
      for (const op of ["add", "mul", "div", "lt", "sqrt", "exp", "ln", "sin", "erf"]) expect(CIRCUIT_COSTS[`${op}_float${w}`]?.levels, `${op}${w}`).toBeGreaterThan(0);
      for (const op of ["inv", "sqrt", "exp", "ln"]) expect(CIRCUIT_COSTS[`${op}_fix${w}`]).toMatchObject({ before: [`bits<${w}>`], after: [`x2a<${w}>`] });
    }
    // a comparison is cheaper than an addition, a division deeper than a multiplication
    expect(CIRCUIT_COSTS.lt_float32!.ands).toBeLessThan(CIRCUIT_COSTS.add_float32!.ands);
    expect(CIRCUIT_COSTS.div_float64!.levels).toBeGreaterThan(CIRCUIT_COSTS.mul_float64!.levels);
  });
});
