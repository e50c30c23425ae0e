/**
 * Communication-free operations on one party's share vectors (protocols.md §1.2):
 * data movement (copy, gather, scatter, concat, broadcast of one lane), additive
 * add/sub/neg, multiplication by a public vector, lane sums, XOR of XOR shares, and
 * the "only party 0 adds the constant" forms (NOT, plus a public constant). Each
 * works on any width: 1 (bit-sliced Uint32 words), 8/16/32 (number lanes, wrapping
 * on store, products through Math.imul), 64 (BigUint64Array, wrapping on store).
 * Loops are plain per width so they stay monomorphic.
 */
import { allocShares, getBit, setBit, type ShareVector, type Width } from "./share-types.js";

type Small = Uint8Array | Uint16Array | Uint32Array;

export function copyShares(width: Width, v: ShareVector, lanes: number): ShareVector {
  const n = width === 1 ? (lanes + 31) >>> 5 : lanes;
  return v.slice(0, n);
}

/** A new vector of src[indices[i]]. */
export function gatherShares(width: Width, src: ShareVector, indices: Uint32Array): ShareVector {
  const n = indices.length;
  const out = allocShares(width, n);
  if (width === 1) {
    for (let i = 0; i < n; i++) if (getBit(src as Uint32Array, indices[i] as number)) setBit(out as Uint32Array, i, 1);
  } else if (width === 64) {
    const s = src as BigUint64Array;
    const o = out as BigUint64Array;
    for (let i = 0; i < n; i++) o[i] = s[indices[i] as number] as bigint;
  } else {
    const s = src as Small;
    const o = out as Small;
    for (let i = 0; i < n; i++) o[i] = s[indices[i] as number] as number;
  }
  return out;
}

/** dst[indices[i]] = src[i], in place. */
export function scatterShares(width: Width, dst: ShareVector, indices: Uint32Array, src: ShareVector): void {
  const n = indices.length;
  if (width === 1) {
    for (let i = 0; i < n; i++) setBit(dst as Uint32Array, indices[i] as number, getBit(src as Uint32Array, i));
  } else if (width === 64) {
    const s = src as BigUint64Array;
    const d = dst as BigUint64Array;
    for (let i = 0; i < n; i++) d[indices[i] as number] = s[i] as bigint;
  } else {
    const s = src as Small;
    const d = dst as Small;
    for (let i = 0; i < n; i++) d[indices[i] as number] = s[i] as number;
  }
}

/** a (alen lanes) followed by b (blen lanes). */
export function concatShares(width: Width, a: ShareVector, alen: number, b: ShareVector, blen: number): ShareVector {
  const out = allocShares(width, alen + blen);
  if (width === 1) {
    const o = out as Uint32Array;
    if ((alen & 31) === 0) {
      o.set((a as Uint32Array).subarray(0, alen >>> 5));
      o.set((b as Uint32Array).subarray(0, (blen + 31) >>> 5), alen >>> 5);
    } else {
      o.set((a as Uint32Array).subarray(0, (alen + 31) >>> 5));
      for (let i = 0; i < blen; i++) setBit(o, alen + i, getBit(b as Uint32Array, i));
    }
    return out;
  }
  (out as Uint32Array).set((a as Uint32Array).subarray(0, alen));
  (out as Uint32Array).set((b as Uint32Array).subarray(0, blen), alen);
  return out;
}

/** `v` when it already has `lanes` lanes, else its single lane repeated. */
export function broadcast(width: Width, v: ShareVector, have: number, lanes: number): ShareVector {
  if (have === lanes) return v;
  if (have !== 1) throw new Error(`operand of ${have} elements where ${lanes} are needed`);
  return gatherShares(width, v, new Uint32Array(lanes));
}

/** out = a + b (additive shares). */
export function addShares(width: Width, a: ShareVector, b: ShareVector, out: ShareVector, lanes: number): void {
  if (width === 64) {
    const x = a as BigUint64Array;
    const y = b as BigUint64Array;
    const o = out as BigUint64Array;
    for (let i = 0; i < lanes; i++) o[i] = (x[i] as bigint) + (y[i] as bigint);
    return;
  }
  const x = a as Small;
  const y = b as Small;
  const o = out as Small;
  for (let i = 0; i < lanes; i++) o[i] = (x[i] as number) + (y[i] as number);
}

/** out = a - b (additive shares). */
export function subShares(width: Width, a: ShareVector, b: ShareVector, out: ShareVector, lanes: number): void {
  if (width === 64) {
    const x = a as BigUint64Array;
    const y = b as BigUint64Array;
    const o = out as BigUint64Array;
    for (let i = 0; i < lanes; i++) o[i] = (x[i] as bigint) - (y[i] as bigint);
    return;
  }
  const x = a as Small;
  const y = b as Small;
  const o = out as Small;
  for (let i = 0; i < lanes; i++) o[i] = (x[i] as number) - (y[i] as number);
}

/** out = -a (additive shares). */
export function negShares(width: Width, a: ShareVector, out: ShareVector, lanes: number): void {
  if (width === 64) {
    const x = a as BigUint64Array;
    const o = out as BigUint64Array;
    for (let i = 0; i < lanes; i++) o[i] = -(x[i] as bigint);
    return;
  }
  const x = a as Small;
  const o = out as Small;
  for (let i = 0; i < lanes; i++) o[i] = -(x[i] as number);
}

/** out = a * c for a public word vector c (length 1 broadcasts). */
export function mulPublic(width: Width, a: ShareVector, c: ShareVector, out: ShareVector, lanes: number): void {
  const sc = c.length === 1 ? 0 : 1;
  if (width === 64) {
    const x = a as BigUint64Array;
    const y = c as BigUint64Array;
    const o = out as BigUint64Array;
    for (let i = 0; i < lanes; i++) o[i] = (x[i] as bigint) * (y[i * sc] as bigint);
    return;
  }
  const x = a as Small;
  const y = c as Small;
  const o = out as Small;
  for (let i = 0; i < lanes; i++) o[i] = Math.imul(x[i] as number, y[i * sc] as number);
}

/** out = a ^ b (XOR shares, words or bit-sliced). */
export function xorShares(width: Width, a: ShareVector, b: ShareVector, out: ShareVector, lanes: number): void {
  const n = width === 1 ? (lanes + 31) >>> 5 : lanes;
  if (width === 64) {
    const x = a as BigUint64Array;
    const y = b as BigUint64Array;
    const o = out as BigUint64Array;
    for (let i = 0; i < n; i++) o[i] = (x[i] as bigint) ^ (y[i] as bigint);
    return;
  }
  const x = a as Small;
  const y = b as Small;
  const o = out as Small;
  for (let i = 0; i < n; i++) o[i] = (x[i] as number) ^ (y[i] as number);
}

/** Adds (additive) or XORs (xor/bits) the public constant vector c into party 0's share. */
export function addConstant(width: Width, xor: boolean, a: ShareVector, c: ShareVector, out: ShareVector, lanes: number): void {
  if (xor) xorShares(width, a, c, out, lanes);
  else addShares(width, a, c, out, lanes);
}

/** All-ones lanes (the NOT constant). */
export function allOnes(width: Width, lanes: number): ShareVector {
  const v = allocShares(width, lanes);
  if (width === 64) (v as BigUint64Array).fill(0xffffffffffffffffn);
  else (v as Small).fill(width === 1 ? 0xffffffff : 2 ** width - 1);
  return v;
}

/** out[j] = sum of chunk j of a (k chunks of lanes / k), additive shares. */
export function sumChunks(width: Width, a: ShareVector, lanes: number, out: ShareVector, k: number): void {
  const chunk = lanes / k;
  if (width === 64) {
    const x = a as BigUint64Array;
    const o = out as BigUint64Array;
    for (let j = 0; j < k; j++) {
      const cell = o.subarray(j, j + 1);
      for (let i = j * chunk; i < (j + 1) * chunk; i++) cell[0] = (cell[0] as bigint) + (x[i] as bigint);
    }
    return;
  }
  const x = a as Small;
  const o = out as Small;
  for (let j = 0; j < k; j++) {
    let acc = 0;
    for (let i = j * chunk; i < (j + 1) * chunk; i++) acc = (acc + (x[i] as number)) >>> 0;
    o[j] = acc;
  }
}

/** out[j] = XOR of chunk j of a (k chunks of lanes / k), XOR word shares. */
export function xorChunks(width: Width, a: ShareVector, lanes: number, out: ShareVector, k: number): void {
  const chunk = lanes / k;
  if (width === 64) {
    const x = a as BigUint64Array;
    const o = out as BigUint64Array;
    for (let j = 0; j < k; j++) {
      let acc = 0n;
      for (let i = j * chunk; i < (j + 1) * chunk; i++) acc ^= x[i] as bigint;
      o[j] = acc;
    }
    return;
  }
  const x = a as Small;
  const o = out as Small;
  for (let j = 0; j < k; j++) {
    let acc = 0;
    for (let i = j * chunk; i < (j + 1) * chunk; i++) acc ^= x[i] as number;
    o[j] = acc;
  }
}
