/**
 * Reductions of private floats over k equal chunks of a vector, with the emulator's
 * order of evaluation: sum and product fold each chunk from left to right starting
 * at +0 (1.0), one circuit per element (chunks side by side in the same call), since
 * float addition is not associative; vecmin/vecmax run a tournament of scan steps
 * (associative, see compare.ts scanStep) and then take the first element when it is
 * NaN, as the emulator's left-to-right scan does.
 */
import { gatherShares } from "../local-ops.js";
import { tournament } from "../tournament.js";
import { allocShares, type ShareVector } from "../share-types.js";
import type { EvalParty } from "./evaluate.js";
import { arithCircuit, firstNaNCircuit, scanCircuit } from "./catalogue.js";
import { runCircuit } from "./run.js";

/** Lanes j*m + i for j < k. */
function column(k: number, m: number, i: number): Uint32Array {
  const idx = new Uint32Array(k);
  for (let j = 0; j < k; j++) idx[j] = j * m + i;
  return idx;
}

/** Left fold of each chunk with add (sum, from +0) or mul (product, from 1.0). */
export async function foldChunks(p: EvalParty, w: 32 | 64, op: "add" | "mul", v: ShareVector, lanes: number, k: number): Promise<ShareVector> {
  const m = lanes / k;
  const cc = arithCircuit(op, w, false, false);
  let acc = allocShares(w, k);
  if (op === "mul" && p.party === 0) {
    if (w === 64) (acc as BigUint64Array).fill(0x3ff0000000000000n);
    else (acc as Uint32Array).fill(0x3f800000);
  }
  for (let i = 0; i < m; i++) acc = (await runCircuit(cc, p, k, [acc, gatherShares(w, v, column(k, m, i))]))[0] as ShareVector;
  return acc;
}

/** vecmin (or vecmax) of each chunk. */
export async function extremeOfChunks(p: EvalParty, w: 32 | 64, v: ShareVector, lanes: number, k: number, min: boolean): Promise<ShareVector> {
  const m0 = lanes / k;
  if (m0 === 0) return allocShares(w, k);
  const first = gatherShares(w, v, column(k, m0, 0));
  const step = scanCircuit(min, w);
  const best = await tournament(w, v, lanes, k, async (a, b, n) => (await runCircuit(step, p, n, [a, b]))[0] as ShareVector);
  if (m0 === 1) return best;
  return (await runCircuit(firstNaNCircuit(w), p, k, [first, best]))[0] as ShareVector;
}
