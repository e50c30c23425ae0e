/**
 * Conversions to and from private floats (`conv_A_to_B_vec`, `reshare_A_to_B_vec`
 * where A or B is float32/float64): the protocols each needs and how it runs at one
 * party. Additive sources (uintN, intN, fixN) are first decomposed into XOR words
 * with `bits<n>`; additive targets are recombined from XOR words with `x2a<n>`;
 * XOR-word and bool sources and targets need neither. The value semantics are the
 * emulator's (see convert.ts).
 */
import type { ShareType, ShareVector } from "../share-types.js";
import { key, type PartyOps } from "../handler.js";
import { copyShares } from "../local-ops.js";
import { boolToFloatCircuit, floatToBoolCircuit, floatToFloatCircuit, floatToIntCircuit, intToFloatCircuit } from "./catalogue.js";
import { protocolParty, runCircuit, type CompiledCircuit } from "./run.js";

export interface FloatConversion {
  readonly needs: readonly string[];
  /** What one call runs: protocols before the circuit, the circuit (if any), protocols after (for the cost table). */
  readonly plan: { readonly before: readonly string[]; readonly circuit?: CompiledCircuit; readonly after: readonly string[] };
  run(p: PartyOps, v: ShareVector, lanes: number): Promise<ShareVector>;
}

type IntWidth = 8 | 16 | 32 | 64;

const AND = "and<1>";

/** Runs one circuit on one vector. */
const through = (cc: CompiledCircuit) => async (p: PartyOps, v: ShareVector, lanes: number): Promise<ShareVector> => (await runCircuit(cc, protocolParty(p.runner), lanes, [v]))[0] as ShareVector;

/** A conversion that is one circuit on XOR words. */
function circuitOnly(cc: CompiledCircuit): FloatConversion {
  return { needs: [AND], plan: { before: [], circuit: cc, after: [] }, run: through(cc) };
}

/** How to convert `from` to `to` when either is a float type, or why not. */
export function floatConversion(from: ShareType, to: ShareType): FloatConversion | string {
  if (from.rep.cls === "float" && to.rep.cls === "float") {
    if (from.width === to.width) return { needs: [], plan: { before: [], after: [] }, run: async (_p, v, lanes) => copyShares(from.width, v, lanes) };
    return circuitOnly(floatToFloatCircuit(from.width as 32 | 64, to.width as 32 | 64));
  }
  if (from.rep.cls === "float") return fromFloat(from.width as 32 | 64, to);
  return toFloat(from, to.width as 32 | 64);
}

function fromFloat(w: 32 | 64, to: ShareType): FloatConversion | string {
  if (to.sharing === "bits") return circuitOnly(floatToBoolCircuit(w));
  const n = to.width as IntWidth;
  const fix = to.rep.cls === "fix";
  const cc = floatToIntCircuit(w, n, fix ? to.rep.frac : 0, fix ? "round" : "trunc");
  if (to.sharing === "xor") return circuitOnly(cc);
  const x2a = key("x2a", to);
  return {
    needs: [AND, x2a],
    plan: { before: [], circuit: cc, after: [x2a] },
    run: async (p, v, lanes) => (await p.runner.run(x2a, lanes, [await through(cc)(p, v, lanes)])) as ShareVector,
  };
}

function toFloat(from: ShareType, w: 32 | 64): FloatConversion | string {
  if (from.sharing === "bits") return { needs: [], plan: { before: [], circuit: boolToFloatCircuit(w), after: [] }, run: through(boolToFloatCircuit(w)) };
  const n = from.width as IntWidth;
  const fix = from.rep.cls === "fix";
  const cc = intToFloatCircuit(n, from.signed, fix ? from.rep.frac : 0, w, fix && n === 64 && w === 32);
  if (from.sharing === "xor") return circuitOnly(cc);
  const bits = key("bits", from);
  return {
    needs: [bits, AND],
    plan: { before: [bits], circuit: cc, after: [] },
    run: async (p, v, lanes) => through(cc)(p, (await p.runner.run(bits, lanes, [v])) as ShareVector, lanes),
  };
}
