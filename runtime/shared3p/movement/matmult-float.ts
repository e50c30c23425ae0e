/**
 * Float matrix products at one party (`mat_mult_float32_vec`, `mat_mult_float64_vec`)
 * with the semantics the emulator shares (runtime/emulator/movement.ts runMatMult):
 * each product a[i,k]·b[k,j] rounded to the type, then the n products of a cell
 * summed pairwise, level by level — at each level the sums of adjacent pairs
 * (0+1, 2+3, ...), an odd last element carried unchanged to the next level — every
 * sum rounded to the type; a cell with n = 0 is +0. IEEE-754 round to nearest even,
 * as the float circuits (float/add-mul.ts) compute, so equal bit for bit to the
 * emulator's Math.fround(x * y) / Math.fround(x + y) (NaN payloads aside).
 *
 * All m·p·n products run in one multiplication circuit; each level of the tree is
 * one addition circuit over m·p·⌊len/2⌋ lanes: ⌈log2 n⌉ additions deep instead of n
 * for a left-to-right sum, with the same m·p·(n − 1) additions.
 */
import { gatherShares } from "../local-ops.js";
import type { PartyOps } from "../handler.js";
import { allocShares, type ShareVector } from "../share-types.js";
import { arithCircuit } from "../float/catalogue.js";
import { protocolParty, runCircuit } from "../float/run.js";

/** Lane (i·p + j)·n + k takes a[i·n + k] (left) or b[k·p + j] (right); null when that is the identity. */
export function productLayout(m: number, n: number, p: number, left: boolean): Uint32Array | null {
  if (left ? p === 1 : m === 1 && p === 1) return null;
  const idx = new Uint32Array(m * p * n);
  let o = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) for (let k = 0; k < n; k++) idx[o++] = left ? i * n + k : k * p + j;
  return idx;
}

/** The pairwise sums of each cell's `len` lanes (cells side by side), odd last lanes carried. */
async function sumLevel(party: PartyOps, w: 32 | 64, v: ShareVector, cells: number, len: number): Promise<ShareVector> {
  const half = len >>> 1;
  const left = new Uint32Array(cells * half);
  const right = new Uint32Array(cells * half);
  for (let c = 0; c < cells; c++) {
    for (let t = 0; t < half; t++) {
      left[c * half + t] = c * len + 2 * t;
      right[c * half + t] = c * len + 2 * t + 1;
    }
  }
  const [sums] = await runCircuit(arithCircuit("add", w, false, false), protocolParty(party.runner), cells * half, [gatherShares(w, v, left), gatherShares(w, v, right)]);
  if ((len & 1) === 0) return sums as ShareVector;
  // next level: each cell's half sums, then its carried last lane
  const next = half + 1;
  const out = allocShares(w, cells * next) as Uint32Array;
  const s = sums as Uint32Array;
  const src = v as Uint32Array;
  for (let c = 0; c < cells; c++) {
    out.set(s.subarray(c * half, (c + 1) * half), c * next);
    out[c * next + half] = src[c * len + len - 1] as number;
  }
  return out;
}

/** The m × p float product of a (m × n) and b (n × p), XOR shares of the bit patterns. */
export async function floatMatMult(party: PartyOps, w: 32 | 64, a: ShareVector, b: ShareVector, m: number, n: number, p: number): Promise<ShareVector> {
  const cells = m * p;
  if (cells === 0 || n === 0) return allocShares(w, cells);
  const la = productLayout(m, n, p, true);
  const lb = productLayout(m, n, p, false);
  const x = la === null ? a : gatherShares(w, a, la);
  const y = lb === null ? b : gatherShares(w, b, lb);
  let [v] = (await runCircuit(arithCircuit("mul", w, false, false), protocolParty(party.runner), cells * n, [x, y])) as ShareVector[];
  for (let len = n; len > 1; len = (len + 1) >>> 1) v = await sumLevel(party, w, v as ShareVector, cells, len);
  return v as ShareVector;
}
