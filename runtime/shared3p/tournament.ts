/**
 * Reduces each of k equal chunks of a share vector (lanes in all) with a lane-wise
 * protocol step `combine(earlier, later)`: every step pairs neighbours (elements
 * 2i and 2i+1 of a chunk; an odd last element waits a step), all chunks in the same
 * protocol call, so a chunk of m takes ⌈log2 m⌉ steps. Pairing neighbours keeps
 * every combined run contiguous and in order, so the step only needs to be
 * associative (the float scans are not commutative).
 */
import { concatShares, gatherShares } from "./local-ops.js";
import type { ShareVector, Width } from "./share-types.js";

export type Combine = (earlier: ShareVector, later: ShareVector, lanes: number) => Promise<ShareVector>;

export async function tournament(w: Width, v: ShareVector, lanes: number, k: number, combine: Combine): Promise<ShareVector> {
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
    const best = await combine(gatherShares(w, v, left), gatherShares(w, v, right), k * h);
    const next = m - h;
    if (next === h) v = best;
    else {
      // each chunk: its h results, then its odd last element
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
