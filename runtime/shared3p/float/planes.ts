/**
 * Bit planes: the transpose of a vector of n-bit words into n bit-sliced planes
 * (plane j holds bit j of every lane, 32 lanes per Uint32 word), and back. XOR
 * sharing commutes with the transpose, so each party transposes its own share.
 * 64-bit lanes are read and written through a Uint32 view (low word first) so no
 * BigInt is touched per lane.
 */
import { allocShares, type ShareVector } from "../share-types.js";

export type WordWidth = 8 | 16 | 32 | 64;

/** Words per plane for `lanes` lanes. */
export function planeWords(lanes: number): number {
  return (lanes + 31) >>> 5;
}

/** The `width` planes of a word vector (lanes 0..lanes-1). */
export function toPlanes(v: ShareVector, width: WordWidth, lanes: number): Uint32Array[] {
  const words = planeWords(lanes);
  const planes: Uint32Array[] = [];
  for (let j = 0; j < width; j++) planes.push(new Uint32Array(words));
  if (width === 64) {
    const u = new Uint32Array(v.buffer, v.byteOffset, 2 * lanes);
    spread(u, 2, 0, planes, 0, lanes);
    spread(u, 2, 1, planes, 32, lanes);
    return planes;
  }
  const small = v as Uint8Array | Uint16Array | Uint32Array;
  for (let i = 0; i < lanes; i++) {
    const x = small[i] as number;
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    for (let j = 0; j < width; j++) if ((x >>> j) & 1) (planes[j] as Uint32Array)[w] = ((planes[j] as Uint32Array)[w] as number) | bit;
  }
  return planes;
}

/** Bits of u[i*stride+offset] into planes base..base+31. */
function spread(u: Uint32Array, stride: number, offset: number, planes: Uint32Array[], base: number, lanes: number): void {
  for (let i = 0; i < lanes; i++) {
    const x = u[i * stride + offset] as number;
    if (x === 0) continue;
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    for (let j = 0; j < 32; j++) if ((x >>> j) & 1) (planes[base + j] as Uint32Array)[w] = ((planes[base + j] as Uint32Array)[w] as number) | bit;
  }
}

/** The word vector whose bit j is plane j (planes.length = width). */
export function fromPlanes(planes: readonly Uint32Array[], width: WordWidth, lanes: number): ShareVector {
  const out = allocShares(width, lanes);
  if (width === 64) {
    const u = new Uint32Array(out.buffer, out.byteOffset, 2 * lanes);
    gather(planes, 0, u, 2, 0, lanes);
    gather(planes, 32, u, 2, 1, lanes);
    return out;
  }
  const small = out as Uint8Array | Uint16Array | Uint32Array;
  for (let i = 0; i < lanes; i++) {
    const w = i >>> 5;
    const s = i & 31;
    let x = 0;
    for (let j = 0; j < width; j++) x |= (((planes[j] as Uint32Array)[w] as number) >>> s & 1) << j;
    small[i] = x >>> 0;
  }
  return out;
}

function gather(planes: readonly Uint32Array[], base: number, u: Uint32Array, stride: number, offset: number, lanes: number): void {
  for (let i = 0; i < lanes; i++) {
    const w = i >>> 5;
    const s = i & 31;
    let x = 0;
    for (let j = 0; j < 32; j++) x |= (((planes[base + j] as Uint32Array)[w] as number) >>> s & 1) << j;
    u[i * stride + offset] = x >>> 0;
  }
}
