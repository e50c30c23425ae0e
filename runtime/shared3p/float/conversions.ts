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
  run(p: PartyOps, v: ShareVector, lanes: number): Promise<ShareVector>;
}

type IntWidth = 8 | 16 | 32 | 64;

const AND = "and<1>";

/** Runs one circuit on one vector. */
const through = (cc: CompiledCircuit) => async (p: PartyOps, v: ShareVector, lanes: number): Promise<ShareVector> => (await runCircuit(cc, protocolParty(p.runner), lanes, [v]))[0] as ShareVector;

/** How to convert `from` to `to` when either is a float type, or why not. */
export function floatConversion(from: ShareType, to: ShareType): FloatConversion | string {
  if (from.rep.cls === "float" && to.rep.cls === "float") {
    if (from.width === to.width) return { needs: [], run: async (_p, v, lanes) => copyShares(from.width, v, lanes) };
    return { needs: [AND], run: through(floatToFloatCircuit(from.width as 32 | 64, to.width as 32 | 64)) };
  }
  if (from.rep.cls === "float") return fromFloat(from.width as 32 | 64, to);
  return toFloat(from, to.width as 32 | 64);
}

function fromFloat(w: 32 | 64, to: ShareType): FloatConversion | string {
  if (to.sharing === "bits") return { needs: [AND], run: through(floatToBoolCircuit(w)) };
  const n = to.width as IntWidth;
  const fix = to.rep.cls === "fix";
  const cc = floatToIntCircuit(w, n, fix ? to.rep.frac : 0, fix ? "round" : "trunc");
  if (to.sharing === "xor") return { needs: [AND], run: through(cc) };
  const x2a = key("x2a", to);
  return {
    needs: [AND, x2a],
    run: async (p, v, lanes) => (await p.runner.run(x2a, lanes, [await through(cc)(p, v, lanes)])) as ShareVector,
  };
}

function toFloat(from: ShareType, w: 32 | 64): FloatConversion | string {
  if (from.sharing === "bits") return { needs: [], run: through(boolToFloatCircuit(w)) };
  const n = from.width as IntWidth;
  const fix = from.rep.cls === "fix";
  const cc = intToFloatCircuit(n, from.signed, fix ? from.rep.frac : 0, w, fix && n === 64 && w === 32);
  if (from.sharing === "xor") return { needs: [AND], run: through(cc) };
  const bits = key("bits", from);
  return {
    needs: [bits, AND],
    run: async (p, v, lanes) => through(cc)(p, (await p.runner.run(bits, lanes, [v])) as ShareVector, lanes),
  };
}
