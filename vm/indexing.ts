/**
 * Index and slice resolution shared by public and private arrays: from a shape and
 * the `slices` operand (one item per dimension: an index register or a slice with
 * optional bounds), computes the result shape (the extents of the slice dimensions)
 * and the row-major flat indices of the selected elements. Bounds are checked:
 * an index >= extent, a slice with lo > hi or hi > extent is "Index out of bounds".
 */
import type { SliceItem } from "./bytecode.js";
import { VmError } from "./errors.js";
import { toIndex, type Shape, type Value } from "./values.js";

export interface Selection {
  /** Extents of the slice dimensions (empty: one element, a scalar). */
  readonly shape: number[];
  /** Flat row-major indices into the source, in result order. */
  readonly indices: Uint32Array;
}

function outOfBounds(): never {
  throw new VmError("Index out of bounds");
}

function checkArity(shape: Shape, items: readonly SliceItem[]): void {
  if (items.length !== shape.length) {
    throw new VmError(`internal: ${items.length} indices for a ${shape.length}-dimensional value`);
  }
}

/** Flat offset of an element when every item is an index (no slices). */
export function elementOffset(shape: Shape, items: readonly SliceItem[], r: readonly Value[]): number {
  checkArity(shape, items);
  let off = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const n = shape[k]!;
    const i = toIndex(r[(it as { reg: number }).reg]);
    if (i >= n) outOfBounds();
    off = off * n + i;
  }
  return off;
}

/** True when the items contain no slice (the result is one element). */
export function isElementAccess(items: readonly SliceItem[]): boolean {
  return items.every((it) => it.kind === "index");
}

/** Resolves a general selection. */
export function select(shape: Shape, items: readonly SliceItem[], r: readonly Value[]): Selection {
  checkArity(shape, items);
  const d = items.length;
  const lo = new Array<number>(d);
  const ext = new Array<number>(d);
  const out: number[] = [];
  let count = 1;
  for (let k = 0; k < d; k++) {
    const it = items[k]!;
    const n = shape[k]!;
    if (it.kind === "index") {
      const i = toIndex(r[it.reg]);
      if (i >= n) outOfBounds();
      lo[k] = i;
      ext[k] = 1;
    } else {
      const a = it.lo < 0 ? 0 : toIndex(r[it.lo]);
      const b = it.hi < 0 ? n : toIndex(r[it.hi]);
      if (a > b || b > n) outOfBounds();
      lo[k] = a;
      ext[k] = b - a;
      out.push(b - a);
    }
    count *= ext[k]!;
  }
  const indices = new Uint32Array(count);
  if (count === 0) return { shape: out, indices };
  const strides = new Array<number>(d);
  let s = 1;
  for (let k = d - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k]!;
  }
  // odometer over the selection, innermost dimension fastest
  const pos = new Array<number>(d).fill(0);
  let base = 0;
  for (let k = 0; k < d; k++) base += lo[k]! * strides[k]!;
  const inner = d - 1;
  const innerExt = d === 0 ? 1 : ext[inner]!;
  const innerStride = d === 0 ? 0 : strides[inner]!;
  let w = 0;
  for (;;) {
    for (let j = 0; j < innerExt; j++) indices[w++] = base + j * innerStride;
    let k = inner - 1;
    for (; k >= 0; k--) {
      pos[k]!++;
      base += strides[k]!;
      if (pos[k]! < ext[k]!) break;
      base -= pos[k]! * strides[k]!;
      pos[k] = 0;
    }
    if (k < 0) break;
  }
  return { shape: out, indices };
}

/**
 * Row-major indices into the flat concatenation [a; b] that give `cat(a, b, dim)`.
 * Shapes must agree except along `dim` ("Different sized dimensions in concat").
 */
export function concatOrder(a: Shape, b: Shape, dim: number): { shape: number[]; order: Uint32Array | null } {
  if (a.length !== b.length || dim >= a.length) {
    throw new VmError(`internal: cat of ${a.length}- and ${b.length}-dimensional values along dimension ${dim}`);
  }
  for (let k = 0; k < a.length; k++) {
    if (k !== dim && a[k] !== b[k]) throw new VmError("Different sized dimensions in concat");
  }
  const shape = a.slice();
  shape[dim] = a[dim]! + b[dim]!;
  if (dim === 0) return { shape, order: null };
  let outer = 1;
  for (let k = 0; k < dim; k++) outer *= a[k]!;
  let blockA = 1;
  let blockB = 1;
  for (let k = dim; k < a.length; k++) {
    blockA *= a[k]!;
    blockB *= b[k]!;
  }
  const aLen = outer * blockA;
  const order = new Uint32Array(outer * (blockA + blockB));
  let w = 0;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < blockA; j++) order[w++] = o * blockA + j;
    for (let j = 0; j < blockB; j++) order[w++] = aLen + o * blockB + j;
  }
  return { shape, order };
}
