/**
 * What the private float operations (and the fixed-point ones that run float circuits)
 * cost at three parties, for the compiler's cost model: for each syscall operation and
 * type, the circuit's AND-depth (one `and<1>` run per level, so its rounds) and its
 * interactive ANDs per lane (2 bits per AND per party), plus the protocols the handler
 * runs around the circuit (fixed point: `bits<n>` before, `x2a<n>` after; conversions
 * `conv_A_to_B` with a float on either side follow float/conversions.ts). Both
 * operands are private, as the library's operators pass them. `gen-costs.ts` writes
 * this table to vm/circuit-costs.ts, which the compiler reads (it may not import the
 * runtime); a test keeps the file current.
 */
import { SHARE_TYPE_NAMES, shareTypeOf, type ShareType } from "../share-types.js";
import { floatConversion } from "./conversions.js";
import { arithCircuit, compareCircuit, fixMathCircuit, fixTranscendentalCircuit, integralCircuit, inverseCircuit, minMaxCircuit, negligibleCircuit, sqrtCircuit, transcendentalCircuit } from "./catalogue.js";
import { circuitCost, type CompiledCircuit } from "./run.js";

export interface CircuitCost {
  /** AND levels: `and<1>` runs, each one round. */
  readonly levels: number;
  /** Interactive ANDs per lane over all levels. */
  readonly ands: number;
  /** Protocol runs before the circuit, over the call's lanes. */
  readonly before: readonly string[];
  /** Protocol runs after it. */
  readonly after: readonly string[];
}

const FLOAT_OPS: ReadonlyArray<[string, (w: 32 | 64) => CompiledCircuit]> = [
  ["add", (w) => arithCircuit("add", w, false, false)],
  ["sub", (w) => arithCircuit("sub", w, false, false)],
  ["mul", (w) => arithCircuit("mul", w, false, false)],
  ["div", (w) => arithCircuit("div", w, false, false)],
  ["eq", (w) => compareCircuit("eq", w, false, false)],
  ["lt", (w) => compareCircuit("lt", w, false, false)],
  ["gt", (w) => compareCircuit("gt", w, false, false)],
  ["lte", (w) => compareCircuit("lte", w, false, false)],
  ["gte", (w) => compareCircuit("gte", w, false, false)],
  ["min", (w) => minMaxCircuit(true, w, false, false)],
  ["max", (w) => minMaxCircuit(false, w, false, false)],
  ["inv", (w) => inverseCircuit(w)],
  ["sqrt", (w) => sqrtCircuit(w)],
  ["floor", (w) => integralCircuit(false, w)],
  ["ceiling", (w) => integralCircuit(true, w)],
  // the emulator's thresholds (ops-float.ts)
  ["isnegligible", (w) => negligibleCircuit(w, w === 32 ? 1e-5 : 1e-12)],
  ["exp", (w) => transcendentalCircuit("exp", w)],
  ["ln", (w) => transcendentalCircuit("ln", w)],
  ["sin", (w) => transcendentalCircuit("sin", w)],
  ["erf", (w) => transcendentalCircuit("erf", w)],
];

const FIX_OPS: ReadonlyArray<[string, (n: 32 | 64, frac: number) => CompiledCircuit]> = [
  ["inv", (n, frac) => fixMathCircuit("inv", n, frac)],
  ["sqrt", (n, frac) => fixMathCircuit("sqrt", n, frac)],
  ["exp", (n, frac) => fixTranscendentalCircuit("exp", n, frac)],
  ["ln", (n, frac) => fixTranscendentalCircuit("ln", n, frac)],
];

function entry(cc: CompiledCircuit | undefined, before: readonly string[], after: readonly string[]): CircuitCost {
  const { rounds, ands } = cc === undefined ? { rounds: 0, ands: 0 } : circuitCost(cc);
  return { levels: rounds, ands, before, after };
}

/** Conversions with a float on either side, keyed `conv_A_to_B` (the plan of float/conversions.ts). */
function conversionEntries(table: Record<string, CircuitCost>): void {
  for (const a of SHARE_TYPE_NAMES) {
    for (const b of SHARE_TYPE_NAMES) {
      if (a === b || (!a.startsWith("float") && !b.startsWith("float"))) continue;
      const conv = floatConversion(shareTypeOf(a) as ShareType, shareTypeOf(b) as ShareType);
      if (typeof conv !== "string") table[`conv_${a}_to_${b}`] = entry(conv.plan.circuit, conv.plan.before, conv.plan.after);
    }
  }
}

/** The table, keyed `OP_TYPE` (`mul_float32`, `exp_fix64`). Builds every circuit: seconds. */
export function circuitCostTable(): Record<string, CircuitCost> {
  const table: Record<string, CircuitCost> = {};
  for (const w of [32, 64] as const) {
    for (const [op, build] of FLOAT_OPS) table[`${op}_float${w}`] = entry(build(w), [], []);
    const fix = shareTypeOf(`fix${w}`) as ShareType;
    if (fix.rep.cls !== "fix") continue;
    for (const [op, build] of FIX_OPS) table[`${op}_fix${w}`] = entry(build(w, fix.rep.frac), [`bits<${w}>`], [`x2a<${w}>`]);
  }
  conversionEntries(table);
  return table;
}
