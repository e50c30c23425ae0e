/**
 * Hand-written kernels the generated protocol code calls for the non-lane-wise steps:
 * transposing word vectors into bit planes (bit-sliced, 32 lanes per Uint32) and
 * back. Words of 64 bits are read through a Uint32Array alias of the BigUint64Array
 * (little-endian), so no BigInt is touched.
 */
import type { WordArray } from "./shares.js";

function words32(src: WordArray): { lo: Uint32Array | Uint16Array | Uint8Array; hi: Uint32Array | undefined } {
  if (src instanceof BigUint64Array) {
    const u = new Uint32Array(src.buffer, src.byteOffset, src.length * 2);
    return { lo: u, hi: u };
  }
  return { lo: src, hi: undefined };
}

/**
 * Writes bit planes k of the first `lanes` words of `src` into `out[k]` (skipping
 * null entries); `out[k]` must hold ⌈lanes/32⌉ words.
 */
export function toPlanes(src: WordArray, width: number, lanes: number, out: readonly (Uint32Array | null)[]): void {
  const { lo, hi } = words32(src);
  const full = lanes >>> 5;
  for (let k = 0; k < width; k++) {
    const dst = out[k];
    if (dst === null || dst === undefined) continue;
    const wide = hi !== undefined;
    const bit = k & 31;
    const half = k >>> 5;
    for (let w = 0; w < full; w++) {
      let acc = 0;
      const base = w << 5;
      if (wide) {
        for (let i = 0; i < 32; i++) acc |= (((lo[((base + i) << 1) + half] as number) >>> bit) & 1) << i;
      } else {
        for (let i = 0; i < 32; i++) acc |= (((lo[base + i] as number) >>> bit) & 1) << i;
      }
      dst[w] = acc;
    }
    if (full << 5 < lanes) {
      let acc = 0;
      for (let i = 0; (full << 5) + i < lanes; i++) {
        const lane = (full << 5) + i;
        const v = wide ? (lo[(lane << 1) + half] as number) : (lo[lane] as number);
        acc |= ((v >>> bit) & 1) << i;
      }
      dst[full] = acc;
    }
  }
}

/**
 * Packs `width` bit planes (arrays, or 0 / -1 for all-zero / all-one planes) into a
 * word vector of `lanes` lanes, allocated here.
 */
export function fromPlanes(width: number, lanes: number, planes: readonly (Uint32Array | number)[]): WordArray {
  if (width === 64) {
    const out = new BigUint64Array(lanes);
    const u = new Uint32Array(out.buffer, 0, lanes * 2);
    for (let k = 0; k < 64; k++) orPlane(u, 2, k >>> 5, k & 31, lanes, planes[k] as Uint32Array | number);
    return out;
  }
  const out = width === 8 ? new Uint8Array(lanes) : width === 16 ? new Uint16Array(lanes) : new Uint32Array(lanes);
  for (let k = 0; k < width; k++) orPlane(out, 1, 0, k, lanes, planes[k] as Uint32Array | number);
  return out;
}

function orPlane(dst: Uint32Array | Uint16Array | Uint8Array, stride: number, half: number, bit: number, lanes: number, plane: Uint32Array | number): void {
  if (typeof plane === "number") {
    if (plane === 0) return;
    for (let i = 0; i < lanes; i++) dst[i * stride + half] = ((dst[i * stride + half] as number) | (1 << bit)) >>> 0;
    return;
  }
  for (let i = 0; i < lanes; i++) {
    const b = ((plane[i >>> 5] as number) >>> (i & 31)) & 1;
    dst[i * stride + half] = ((dst[i * stride + half] as number) | (b << bit)) >>> 0;
  }
}

/**
 * The lane permutation two parties derive from a shuffle key: Fisher–Yates driven by the
 * keystream of their pair stream at (instance = key, round = pair tag), 53 random bits
 * per step (bias below 2^-30 for a million lanes). `out[i]` is the source lane of lane i.
 */
export function permutation(prg: { draw(instance: number, round: number, bytes: number): Uint8Array }, key: number, tag: number, lanes: number): Uint32Array {
  const out = new Uint32Array(lanes);
  for (let i = 0; i < lanes; i++) out[i] = i;
  if (lanes < 2) return out;
  const ks = prg.draw(key, tag, 8 * lanes);
  const r = new Uint32Array(ks.buffer, ks.byteOffset, 2 * lanes);
  for (let i = lanes - 1; i > 0; i--) {
    const u = ((r[2 * i] as number) * 2097152 + ((r[2 * i + 1] as number) >>> 11)) / 9007199254740992;
    const j = Math.floor(u * (i + 1));
    const t = out[i] as number;
    out[i] = out[j] as number;
    out[j] = t;
  }
  return out;
}

/** out[i] = v[pi[i]] (forward) or out[pi[i]] = v[i] (inverse), for the first `lanes` lanes. */
export function applyPermutation<T extends WordArray>(pi: Uint32Array, v: T, out: T, lanes: number, inverse: boolean): void {
  const o = out as unknown as Uint32Array;
  const s = v as unknown as Uint32Array;
  if (inverse) for (let i = 0; i < lanes; i++) o[pi[i] as number] = s[i] as number;
  else for (let i = 0; i < lanes; i++) o[i] = s[pi[i] as number] as number;
}
