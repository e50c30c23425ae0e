/**
 * Local matrix products modulo 2^w on one party's words (no communication): the
 * kernel behind the replicated matrix products (replicated.ts). Both operands come
 * as rows of K entries (the left matrix m × K row-major, the right one transposed,
 * p × K), so the inner loop walks two contiguous rows.
 *
 * Widths 8..32 multiply through Math.imul and add with `| 0` (exact modulo 2^32,
 * hence modulo 2^w; the store into the output's typed array drops the rest). Width
 * 64 works on the little-endian 32-bit halves of each word without BigInt: with
 * a = ah·2^32 + a1·2^16 + a0 and b likewise, a·b mod 2^64 =
 * a0·b0 + (a1·b0 + a0·b1)·2^16 + (a1·b1 + ah·bl + al·bh)·2^32, where the first three
 * sums are exact in doubles for up to 2^19 terms (each term < 2^33) and the last is
 * taken modulo 2^32 through Math.imul; longer rows are summed in blocks of 2^19.
 */
import { allocShares, type ShareVector } from "../share-types.js";

/** The ring widths of additive sharings. */
export type RingWidth = 8 | 16 | 32 | 64;

/** Terms per block of the 64-bit kernel: every partial sum stays below 2^53. */
const BLOCK = 1 << 19;
const TWO16 = 65536;
const TWO32 = 4294967296;

/** Rows of K words (the operand layout of `ringProduct`): 32-bit lanes, two per 64-bit word. */
export type Rows = Int32Array | Uint32Array;

/** A zeroed operand of `rows` rows of K entries at width w. */
export function allocRows(w: RingWidth, rows: number, k: number): Rows {
  return w === 64 ? new Uint32Array(2 * rows * k) : new Int32Array(rows * k);
}

/**
 * out (m × p) = left (m × K) · rightT (p × K)ᵀ modulo 2^w, as w-bit words.
 * `left` and `rightT` are in the layout of allocRows.
 */
export function ringProduct(w: RingWidth, left: Rows, rightT: Rows, m: number, p: number, k: number): ShareVector {
  const out = allocShares(w, m * p);
  if (w === 64) product64(left as Uint32Array, rightT as Uint32Array, m, p, k, new Uint32Array((out as BigUint64Array).buffer));
  else productSmall(left as Int32Array, rightT as Int32Array, m, p, k, out as Uint8Array | Uint16Array | Uint32Array);
  return out;
}

function productSmall(left: Int32Array, rightT: Int32Array, m: number, p: number, k: number, out: Uint8Array | Uint16Array | Uint32Array): void {
  for (let i = 0; i < m; i++) {
    const a = i * k;
    for (let j = 0; j < p; j++) {
      const b = j * k;
      let s = 0;
      for (let t = 0; t < k; t++) s = (s + Math.imul(left[a + t] as number, rightT[b + t] as number)) | 0;
      out[i * p + j] = s;
    }
  }
}

function product64(left: Uint32Array, rightT: Uint32Array, m: number, p: number, k: number, out: Uint32Array): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      let lo = 0;
      let hi = 0;
      for (let start = 0; start < k; start += BLOCK) {
        const end = Math.min(k, start + BLOCK);
        let s00 = 0;
        let smid = 0;
        let s11 = 0;
        let cross = 0;
        let a = 2 * (i * k + start);
        let b = 2 * (j * k + start);
        for (let t = start; t < end; t++, a += 2, b += 2) {
          const al = left[a] as number;
          const ah = left[a + 1] as number;
          const bl = rightT[b] as number;
          const bh = rightT[b + 1] as number;
          const a0 = al & 0xffff;
          const a1 = al >>> 16;
          const b0 = bl & 0xffff;
          const b1 = bl >>> 16;
          s00 += a0 * b0;
          smid += a1 * b0 + a0 * b1;
          s11 += a1 * b1;
          cross = (cross + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
        }
        // block value: s00 + smid·2^16 + (s11 + cross)·2^32 modulo 2^64
        const midLo = smid % TWO16;
        const low = s00 + midLo * TWO16;
        const lowWord = low % TWO32;
        const carry = (low - lowWord) / TWO32 + (smid - midLo) / TWO16 + s11 + (cross >>> 0);
        const sumLo = lo + lowWord;
        const c = sumLo >= TWO32 ? 1 : 0;
        lo = sumLo - c * TWO32;
        hi = (hi + (carry % TWO32) + c) % TWO32;
      }
      out[2 * (i * p + j)] = lo;
      out[2 * (i * p + j) + 1] = hi;
    }
  }
}
