/**
 * The shared3p handlers for fixed-point inverse, square root, exp and ln
 * (`inv_fixN_vec`, `sqrt_fixN_vec`, `exp_fixN_vec`, `ln_fixN_vec`), equal bit for bit
 * to the emulator, which computes them through float64: fixToNumber, then 1/x,
 * Math.sqrt or the exp/ln algorithm of vm/transcendental.ts, then numberToFix. Here
 * the additive shares are decomposed into XOR words (`bits<n>`), one circuit
 * (float/catalogue.ts fixMathCircuit or fixTranscendentalCircuit) converts exactly to
 * float64, runs the exact IEEE steps and rounds back to the scaled integer modulo 2^n
 * (its ANDs through `and<1>`), and `x2a<n>` recombines additive shares. Nothing is
 * opened.
 */
import { fail, key, output, shareOperand, store, type Handler } from "./handler.js";
import { fixMathCircuit, fixTranscendentalCircuit } from "./float/catalogue.js";
import { protocolParty, runCircuit, type CompiledCircuit } from "./float/run.js";
import type { ShareType, ShareVector } from "./share-types.js";

/** Protocol keys one call on `t` runs, or why `t` has no such operation here. */
function fixNeeds(t: ShareType): readonly string[] | string {
  if (t.rep.cls !== "fix") return `${t.name} is not a fixed-point type`;
  return [key("bits", t), "and<1>", key("x2a", t)];
}

/** A handler running the circuit `pick` gives for the width and fractional bits of the type. */
function fixMath(pick: (n: 32 | 64, frac: number) => CompiledCircuit): Handler {
  return {
    needs: fixNeeds,
    run: async (p, c) => {
      const t = c.type;
      if (t.rep.cls !== "fix") fail(c, `${t.name} is not a fixed-point type`);
      const o = output(c);
      const x = shareOperand(p, c, 0, t, o.lanes);
      const words = (await p.runner.run(key("bits", t), o.lanes, [x])) as ShareVector;
      const [r] = await runCircuit(pick(t.width as 32 | 64, t.rep.frac), protocolParty(p.runner), o.lanes, [words]);
      store(t, o.handle, o.lanes, (await p.runner.run(key("x2a", t), o.lanes, [r as ShareVector])) as ShareVector);
    },
  };
}

/** Operations on fixed-point types beyond the core table (looked up before it for fix types). */
export const FIXMATH_HANDLERS: Readonly<Record<string, Handler>> = {
  inv: fixMath((n, frac) => fixMathCircuit("inv", n, frac)),
  sqrt: fixMath((n, frac) => fixMathCircuit("sqrt", n, frac)),
  exp: fixMath((n, frac) => fixTranscendentalCircuit("exp", n, frac)),
  ln: fixMath((n, frac) => fixTranscendentalCircuit("ln", n, frac)),
};
