/**
 * Matrix products on the replicated form of additive sharings (protocols.md §2.2,
 * §2.5). `replicate` runs rep<w> once over a whole vector (one round, w bits per lane
 * and party): afterwards party i holds a_i and a_(i-1) of one fresh sharing a of the
 * vector (a Pair: `cur`, `prev`). Since every ordered pair of parties (i, j) is
 * (i, i), (i, i-1) or (i-1, i), a product x·y = Σ_i (x_i·y_i + x_i·y_(i-1) +
 * x_(i-1)·y_i), so party i's summand of a matrix product X·Y is the local
 * X_i·(Y_i + Y_(i-1)) + X_(i-1)·Y_i: one local product of inner dimension 2n
 * (ring-matmul.ts). Several products summed are one local product of the
 * concatenated rows.
 *
 * Privacy: the pairs are not a fresh sharing, and a summand computed from them is a
 * deterministic function of what the party saw; every caller re-shares
 * (reshare<w>, a zero-sharing, no messages) what it computes before using it in a
 * protocol or returning it. Linear maps of pairs (cur and prev alike) are pairs of
 * the mapped sharing; public constants must be added before `replicate`.
 */
import type { PartyOps } from "../handler.js";
import type { ShareVector } from "../share-types.js";
import { allocRows, ringProduct, type RingWidth, type Rows } from "./ring-matmul.js";

/** This party's two components of a replicated sharing: its own and its predecessor's. */
export interface Pair {
  readonly cur: ShareVector;
  readonly prev: ShareVector;
}

/** One product X (m × n) · Y (n × p), both row-major, on pairs. */
export interface Term {
  readonly x: Pair;
  readonly y: Pair;
}

/** The replicated form of the additive (or with `xor`, XOR) sharing v (`lanes` lanes): one rep<w> (xrep<w>) run. */
export async function replicate(party: PartyOps, w: RingWidth, v: ShareVector, lanes: number, xor = false): Promise<Pair> {
  const out = (await party.runner.run(`${xor ? "xrep" : "rep"}<${w}>`, lanes, [v])) as ShareVector[];
  return { cur: out[party.party] as ShareVector, prev: out[3 + party.party] as ShareVector };
}

/** Lanes [start, start + len) of a pair (views, no copy). */
export function slicePair(pair: Pair, start: number, len: number): Pair {
  return { cur: pair.cur.subarray(start, start + len), prev: pair.prev.subarray(start, start + len) };
}

/** 32-bit view of a 64-bit word vector (lo, hi per word). */
function halves(v: ShareVector): Uint32Array {
  return new Uint32Array(v.buffer, v.byteOffset, 2 * v.length);
}

/**
 * This party's additive share of Σ_t X_t · Y_t (m × p, not yet re-shared): party i
 * computes Σ_t X_t,i·(Y_t,i + Y_t,(i-1)) + X_t,(i-1)·Y_t,i.
 */
export function replicatedProduct(w: RingWidth, terms: readonly Term[], m: number, n: number, p: number): ShareVector {
  const k = 2 * n * terms.length;
  const left = allocRows(w, m, k);
  const rightT = allocRows(w, p, k);
  terms.forEach((term, t) => {
    const base = 2 * n * t;
    fillLeft(w, left, term.x, m, n, k, base);
    fillRight(w, rightT, term.y, n, p, k, base);
  });
  return ringProduct(w, left, rightT, m, p, k);
}

/** Row i of left: [X_cur row i | X_prev row i] at column `base`. */
function fillLeft(w: RingWidth, left: Rows, x: Pair, m: number, n: number, k: number, base: number): void {
  if (w === 64) {
    const cur = halves(x.cur);
    const prev = halves(x.prev);
    for (let i = 0; i < m; i++) {
      const row = 2 * (i * k + base);
      left.set(cur.subarray(2 * i * n, 2 * (i + 1) * n), row);
      left.set(prev.subarray(2 * i * n, 2 * (i + 1) * n), row + 2 * n);
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const row = i * k + base;
    for (let t = 0; t < n; t++) {
      left[row + t] = x.cur[i * n + t] as number;
      left[row + n + t] = x.prev[i * n + t] as number;
    }
  }
}

/** Row j of rightT: [(Y_cur + Y_prev) column j | Y_cur column j] at column `base`. */
function fillRight(w: RingWidth, rightT: Rows, y: Pair, n: number, p: number, k: number, base: number): void {
  if (w === 64) {
    const cur = halves(y.cur);
    const prev = halves(y.prev);
    for (let j = 0; j < p; j++) {
      const row = 2 * (j * k + base);
      for (let t = 0; t < n; t++) {
        const s = 2 * (t * p + j);
        const cl = cur[s] as number;
        const lo = cl + (prev[s] as number);
        const carry = lo >= 4294967296 ? 1 : 0;
        rightT[row + 2 * t] = lo;
        rightT[row + 2 * t + 1] = (cur[s + 1] as number) + (prev[s + 1] as number) + carry;
        rightT[row + 2 * (n + t)] = cl;
        rightT[row + 2 * (n + t) + 1] = cur[s + 1] as number;
      }
    }
    return;
  }
  for (let j = 0; j < p; j++) {
    const row = j * k + base;
    for (let t = 0; t < n; t++) {
      const c = y.cur[t * p + j] as number;
      rightT[row + t] = (c + (y.prev[t * p + j] as number)) | 0;
      rightT[row + n + t] = c;
    }
  }
}
