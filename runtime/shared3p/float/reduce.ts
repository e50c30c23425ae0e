/**
 * Reductions of private floats over k equal chunks of a vector, with the emulator's
 * order of evaluation: sum and product fold each chunk from left to right starting
 * at +0 (1.0), one circuit per element (chunks side by side in the same call), since
 * float addition is not associative; vecmin/vecmax run a tournament of scan steps
 * (associative, see compare.ts scanStep) and then take the first element when it is
 * NaN, as the emulator's left-to-right scan does.
 */
import { concatShares, gatherShares } from "../local-ops.js";
import { allocShares, type ShareVector } from "../share-types.js";
import type { EvalParty } from "./evaluate.js";
import { arithCircuit, firstNaNCircuit, scanCircuit } from "./catalogue.js";
import { runCircuit, type CompiledCircuit } from "./run.js";

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
  const best = await tournament(p, w, scanCircuit(min, w), v, lanes, k);
  if (m0 === 1) return best;
  return (await runCircuit(firstNaNCircuit(w), p, k, [first, best]))[0] as ShareVector;
}

/** Halves every chunk per step with `step(earlier, later)` (an odd last element waits a step). */
async function tournament(p: EvalParty, w: 32 | 64, step: CompiledCircuit, v: ShareVector, lanes: number, k: number): Promise<ShareVector> {
  let m = lanes / k;
  while (m > 1) {
    const h = m >>> 1;
    const left = new Uint32Array(k * h);
    const right = new Uint32Array(k * h);
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < h; i++) {
        left[j * h + i] = j * m + 2 * i;
        right[j * h + i] = j * m + 2 * i + 1;
      }
    }
    const best = (await runCircuit(step, p, k * h, [gatherShares(w, v, left), gatherShares(w, v, right)]))[0] as ShareVector;
    const next = m - h;
    if (next === h) v = best;
    else {
      // each chunk: its h winners, then its odd last element
      const both = concatShares(w, best, k * h, v, k * m);
      const order = new Uint32Array(k * next);
      for (let j = 0; j < k; j++) {
        for (let i = 0; i < h; i++) order[j * next + i] = j * h + i;
        order[j * next + h] = k * h + j * m + m - 1;
      }
      v = gatherShares(w, both, order);
    }
    m = next;
  }
  return v;
}
