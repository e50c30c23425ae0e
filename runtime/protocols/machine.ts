/**
 * The table machine the generated protocol code computes with.
 *
 * A party function names its vectors by register numbers in five files, one per type:
 * bit planes (Uint32Array of W = ⌈L/32⌉ words, 32 lanes per word), and words of 8, 16,
 * 32 and 64 bits (Uint8Array / Uint16Array / Uint32Array / BigUint64Array of L lanes).
 * Registers are views into received frames, keystream blocks and outgoing frames, the
 * caller's inputs, or fresh vectors. The lane-wise computation comes as constant tables:
 * table-jit.ts compiles word tables into fused loops on first use, plane-interpreter.ts
 * runs plane tables.
 */
import { fromPlanes, toPlanes } from "./kernels.js";
import type { WordArray } from "./shares.js";

export const TYPE_PLANE = 0;
export const TYPE_W8 = 1;
export const TYPE_W16 = 2;
export const TYPE_W32 = 3;
export const TYPE_W64 = 4;

type Vec = Uint32Array | Uint16Array | Uint8Array | BigUint64Array;

/** The register files of one party function call. */
export class Registers {
  /** files[type][register] */
  readonly files: Vec[][] = [[], [], [], [], []];
  readonly W: number;

  constructor(readonly L: number) {
    this.W = (L + 31) >>> 5;
  }

  /** Registers first.. of `type` become views of `count` consecutive vectors of `buf` from byte `offset`. */
  views(type: number, first: number, count: number, buf: Uint8Array, offset: number): void {
    const f = this.files[type] as Vec[];
    const n = type === TYPE_PLANE ? this.W : this.L;
    const bytes = type === TYPE_W8 ? 1 : type === TYPE_W16 ? 2 : type === TYPE_W64 ? 8 : 4;
    for (let i = 0; i < count; i++) {
      const at = buf.byteOffset + offset + bytes * n * i;
      f[first + i] = type === TYPE_W8 ? new Uint8Array(buf.buffer, at, n) : type === TYPE_W16 ? new Uint16Array(buf.buffer, at, n) : type === TYPE_W64 ? new BigUint64Array(buf.buffer, at, n) : new Uint32Array(buf.buffer, at, n);
    }
  }

  /** Registers first.. of `type` become `count` fresh zero vectors. */
  fresh(type: number, first: number, count: number): void {
    const f = this.files[type] as Vec[];
    const n = type === TYPE_PLANE ? this.W : this.L;
    for (let i = 0; i < count; i++) f[first + i] = type === TYPE_W8 ? new Uint8Array(n) : type === TYPE_W16 ? new Uint16Array(n) : type === TYPE_W64 ? new BigUint64Array(n) : new Uint32Array(n);
  }

  /** Register `r` of `type` is the caller's vector `v` (a bool input, or words). */
  input(type: number, r: number, v: WordArray): void {
    (this.files[type] as Vec[])[r] = v;
  }

  /** Register `r` of `type` as a vector the caller may keep (a copy if `copy`). */
  result(type: number, r: number, copy: boolean): WordArray {
    const v = (this.files[type] as Vec[])[r] as Vec;
    return copy ? v.slice() : v;
  }

  /** Register `r` of `type` as its word array. */
  words(type: number, r: number): WordArray {
    return (this.files[type] as Vec[])[r] as Vec;
  }

  /**
   * Bit planes of register `src` (words of `type`) into plane registers: plane k goes to
   * map[k] (skipped if map[k] < 0 or beyond the map).
   */
  toPlanes(type: number, src: number, map: readonly number[]): void {
    const P = this.files[TYPE_PLANE] as Uint32Array[];
    const width = type === TYPE_W8 ? 8 : type === TYPE_W16 ? 16 : type === TYPE_W64 ? 64 : 32;
    const out: (Uint32Array | null)[] = [];
    for (let k = 0; k < width; k++) out.push((map[k] ?? -1) < 0 ? null : (P[map[k] as number] as Uint32Array));
    toPlanes((this.files[type] as Vec[])[src] as WordArray, width, this.L, out);
  }

  /** A plane (register, or -1 / -2 for the constant 0 / all ones) as a fresh vector. */
  plane(r: number): Uint32Array {
    if (r < 0) return new Uint32Array(this.W).fill(r === -1 ? 0 : -1);
    return ((this.files[TYPE_PLANE] as Vec[])[r] as Uint32Array).slice();
  }

  /** Words of `width` bits from planes (registers, or -1 / -2 for constant planes). */
  fromPlanes(width: number, planes: readonly number[]): WordArray {
    const P = this.files[TYPE_PLANE] as Uint32Array[];
    return fromPlanes(width, this.L, planes.map((r) => (r === -1 ? 0 : r === -2 ? -1 : (P[r] as Uint32Array))));
  }
}

