/**
 * AND-XOR matrix products (`mat_multx`) on the replicated form of XOR sharings, the
 * GF(2) counterpart of replicated.ts: `replicate(..., xor = true)` runs xrep<w> once
 * over a vector (one round, w bits per lane and party), after which party i holds
 * x_i and x_(i-1) of one fresh XOR sharing. Since every ordered pair of parties is (i, i), (i, i-1)
 * or (i-1, i), x ∧ y = ⊕_i (x_i ∧ y_i ⊕ x_i ∧ y_(i-1) ⊕ x_(i-1) ∧ y_i) bitwise, so
 * party i's summand of the product X·Y (AND for products, XOR for sums) is
 * X_i·(Y_i ⊕ Y_(i-1)) ⊕ X_(i-1)·Y_i, computed locally.
 *
 * Privacy: the summand is a deterministic function of what the party saw; the
 * caller re-shares it (xreshare<w>, an XOR zero-sharing, no messages) before
 * returning it.
 */
import { allocShares, type ShareVector } from "../share-types.js";
import type { Pair } from "./replicated.js";
import type { RingWidth } from "./ring-matmul.js";

/** Words of at most 32 bits: 64-bit words as their two 32-bit halves (AND and XOR act on each alone). */
function words(w: RingWidth, v: ShareVector): { data: Uint8Array | Uint16Array | Uint32Array; halves: number } {
  if (w === 64) return { data: new Uint32Array(v.buffer, v.byteOffset, 2 * v.length), halves: 2 };
  return { data: v as Uint8Array | Uint16Array | Uint32Array, halves: 1 };
}

/** out ^= X·Y over GF(2) word-wise: out[i,j] ^= ⊕_k X[i,k] ∧ Y[k,j] (row-major, `h` words per element). */
function andXorProduct(X: ArrayLike<number>, Y: ArrayLike<number>, out: { [i: number]: number }, m: number, n: number, p: number, h: number): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      for (let s = 0; s < h; s++) {
        let acc = 0;
        for (let k = 0; k < n; k++) acc ^= (X[(i * n + k) * h + s] as number) & (Y[(k * p + j) * h + s] as number);
        out[(i * p + j) * h + s] = (out[(i * p + j) * h + s] as number) ^ acc;
      }
    }
  }
}

/**
 * This party's XOR share of X·Y (AND products, XOR sums; X m × n and Y n × p as
 * pairs), not yet re-shared: X_i·(Y_i ⊕ Y_(i-1)) ⊕ X_(i-1)·Y_i.
 */
export function xorReplicatedProduct(w: RingWidth, x: Pair, y: Pair, m: number, n: number, p: number): ShareVector {
  const out = allocShares(w, m * p);
  const o = words(w, out);
  const xc = words(w, x.cur).data;
  const xp = words(w, x.prev).data;
  const yc = words(w, y.cur).data;
  const yp = words(w, y.prev).data;
  const ySum = yc.slice();
  for (let t = 0; t < ySum.length; t++) ySum[t] = (ySum[t] as number) ^ (yp[t] as number);
  andXorProduct(xc, ySum, o.data, m, n, p, o.halves);
  andXorProduct(xp, yc, o.data, m, n, p, o.halves);
  return out;
}
