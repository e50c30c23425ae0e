/**
 * Linkers for public arrays: anew, alit, vbinop, vunop, vcast (element-wise kernels
 * generated per operator and type), size and shape (of any value), reshape, cat,
 * index and store (multi-dimensional indexing, slices, slice assignment).
 */
import type { Instruction, SliceItem } from "../bytecode.js";
import { BytecodeError, VmError } from "../errors.js";
import { concatOrder, elementOffset, isElementAccess, select } from "../indexing.js";
import { BINARY_OPS, BROADCAST_MODES, DATA_TYPES, UNARY_OPS, type DataTypeName } from "../isa.js";
import { arrayBinary, arrayCast, arrayUnary, isComparison } from "../kernels.js";
import type { LinkContext, Op } from "../link.js";
import {
  PrivValue,
  PubArray,
  StructValue,
  fillVector,
  newVector,
  readElement,
  sameShape,
  shapeSize,
  shapeValue,
  storable,
  toIndex,
  type PublicScalar,
  type Shape,
  type TypedVector,
  type Value,
} from "../values.js";

function shapeMismatch(): never {
  throw new VmError("Mismatching shapes in arithmetic expression");
}

/** Reads shape registers into extents. */
export function readShape(r: readonly Value[], regs: readonly number[]): number[] {
  return regs.map((x) => toIndex(r[x]));
}

function noStrings(type: DataTypeName, op: string): void {
  if (type === "string") throw new BytecodeError(`${op}: arrays of strings are not supported`);
}

export function linkArrayOp(ins: Instruction, pc: number, _ctx: LinkContext): Op | null {
  const a = ins.args as readonly number[];
  const next = pc + 1;
  switch (ins.op) {
    case "anew": {
      const type = DATA_TYPES[a[0]!]!;
      noStrings(type, "anew");
      const d = a[1]!;
      const fill = a[2]!;
      const shapeRegs = ins.args[3] as readonly number[];
      return (m, r) => {
        const shape = readShape(r, shapeRegs);
        const data = newVector(type, shapeSize(shape)); // zero-filled: the default of every array type
        if (fill >= 0) fillVector(data, r[fill] as PublicScalar);
        r[d] = new PubArray(type, shape, data);
        return next;
      };
    }
    case "alit": {
      const type = DATA_TYPES[a[0]!]!;
      noStrings(type, "alit");
      const d = a[1]!;
      const elems = ins.args[2] as readonly number[];
      return (m, r) => {
        const data = newVector(type, elems.length);
        for (let i = 0; i < elems.length; i++) data[i] = storable(r[elems[i]!] as PublicScalar);
        r[d] = new PubArray(type, [elems.length], data);
        return next;
      };
    }
    case "vbinop":
      return linkVbinop(a, next);
    case "vunop": {
      const op = UNARY_OPS[a[0]!]!;
      const type = DATA_TYPES[a[1]!]!;
      const k = arrayUnary(op, type);
      if (k === null) throw new BytecodeError(`vunop ${op} is not defined on ${type}`);
      const [, , d, s] = a as [number, number, number, number];
      return (m, r) => {
        const x = r[s] as PubArray;
        const n = x.data.length;
        const o = newVector(type, n);
        k(o, x.data, n);
        r[d] = new PubArray(type, x.shape, o);
        return next;
      };
    }
    case "vcast": {
      const from = DATA_TYPES[a[0]!]!;
      const to = DATA_TYPES[a[1]!]!;
      noStrings(to, "vcast");
      const k = arrayCast(from, to);
      if (k === null) throw new BytecodeError(`no cast from ${from} to ${to}`);
      const [, , d, s] = a as [number, number, number, number];
      return (m, r) => {
        const x = r[s] as PubArray;
        const n = x.data.length;
        const o = newVector(to, n);
        k(o, x.data, n);
        r[d] = new PubArray(to, x.shape, o);
        return next;
      };
    }
    case "size": {
      const [d, s] = a as [number, number];
      return (m, r) => {
        r[d] = BigInt(shapeSize(shapeOf(r[s])));
        return next;
      };
    }
    case "shape": {
      const [d, s] = a as [number, number];
      return (m, r) => {
        r[d] = shapeValue(shapeOf(r[s]));
        return next;
      };
    }
    case "reshape": {
      const type = DATA_TYPES[a[0]!]!;
      noStrings(type, "reshape");
      const [, d, s] = a as [number, number, number];
      const shapeRegs = ins.args[3] as readonly number[];
      return (m, r) => {
        r[d] = reshapePublic(type, r[s], readShape(r, shapeRegs));
        return next;
      };
    }
    case "cat": {
      const [d, x, y, dim] = a as [number, number, number, number];
      return (m, r) => {
        r[d] = catPublic(r[x] as PubArray, r[y] as PubArray, dim);
        return next;
      };
    }
    case "index":
      return linkIndex(a[0]!, a[1]!, ins.args[2] as readonly SliceItem[], next);
    case "store":
      return linkStore(a[0]!, ins.args[1] as readonly SliceItem[], a[2]!, next);
    default:
      return null;
  }
}

/** The shape of any value (scalars: []). */
export function shapeOf(v: Value): Shape {
  if (v instanceof PubArray || v instanceof PrivValue) return v.shape;
  if (v instanceof StructValue) throw new VmError("internal: shape of a struct");
  return [];
}

function linkVbinop(a: readonly number[], next: number): Op {
  const op = BINARY_OPS[a[0]!]!;
  const type = DATA_TYPES[a[1]!]!;
  const mode = BROADCAST_MODES[a[2]!]!;
  const [, , , d, x, y] = a as [number, number, number, number, number, number];
  const k = arrayBinary(op, type, mode);
  if (k === null) throw new BytecodeError(`vbinop ${op} is not defined on ${type}`);
  const out: DataTypeName = isComparison(op) ? "bool" : type;
  switch (mode) {
    case "aa":
      return (m, r) => {
        const p = r[x] as PubArray;
        const q = r[y] as PubArray;
        if (!sameShape(p.shape, q.shape)) shapeMismatch();
        const n = p.data.length;
        const o = newVector(out, n);
        k(o, p.data, q.data, n);
        r[d] = new PubArray(out, p.shape, o);
        return next;
      };
    case "as":
      return (m, r) => {
        const p = r[x] as PubArray;
        const n = p.data.length;
        const o = newVector(out, n);
        k(o, p.data, storable(r[y] as PublicScalar), n);
        r[d] = new PubArray(out, p.shape, o);
        return next;
      };
    case "sa":
      return (m, r) => {
        const q = r[y] as PubArray;
        const n = q.data.length;
        const o = newVector(out, n);
        k(o, storable(r[x] as PublicScalar), q.data, n);
        r[d] = new PubArray(out, q.shape, o);
        return next;
      };
    default: {
      const never: never = mode;
      return never;
    }
  }
}

/** Public reshape; to the scalar shape [] it yields the element itself. */
export function reshapePublic(type: DataTypeName, v: Value, shape: number[]): PubArray | PublicScalar {
  const n = shapeSize(shape);
  if (shape.length === 0) {
    if (!(v instanceof PubArray)) return v as PublicScalar;
    if (v.data.length !== 1) throw new VmError("ERROR: Mismatching sizes in reshape");
    return readElement(v.type, v.data, 0);
  }
  if (!(v instanceof PubArray)) {
    const data = newVector(type, n);
    fillVector(data, v as PublicScalar);
    return new PubArray(type, shape, data);
  }
  if (v.data.length !== n) throw new VmError("ERROR: Mismatching sizes in reshape");
  return new PubArray(v.type, shape, v.data.slice());
}

function catPublic(p: PubArray, q: PubArray, dim: number): PubArray {
  const { shape, order } = concatOrder(p.shape, q.shape, dim);
  const n = p.data.length + q.data.length;
  const data = newVector(p.type, n);
  data.set(p.data as never, 0);
  data.set(q.data as never, p.data.length);
  if (order === null) return new PubArray(p.type, shape, data);
  const out = newVector(p.type, n);
  for (let i = 0; i < n; i++) out[i] = data[order[i]!]!;
  return new PubArray(p.type, shape, out);
}

/** A vector index register as a number (uint64 bigints beyond 2^53 stay out of bounds). */
function vectorIndex(raw: Value): number {
  return typeof raw === "bigint" ? Number(raw) : (raw as number);
}

function linkIndex(d: number, s: number, items: readonly SliceItem[], next: number): Op {
  const first = items[0];
  if (items.length === 1 && first !== undefined && first.kind === "index") {
    const ir = first.reg;
    return (m, r) => {
      const v = r[s] as PubArray;
      const i = vectorIndex(r[ir]);
      if (v.shape.length !== 1 || !(i >= 0 && i < v.data.length)) elementOffset(v.shape, items, r);
      r[d] = v.type === "bool" ? v.data[i] === 1 : v.data[i];
      return next;
    };
  }
  if (isElementAccess(items)) {
    return (m, r) => {
      const v = r[s] as PubArray;
      r[d] = readElement(v.type, v.data, elementOffset(v.shape, items, r));
      return next;
    };
  }
  return (m, r) => {
    const v = r[s] as PubArray;
    const sel = select(v.shape, items, r);
    const n = sel.indices.length;
    const data = newVector(v.type, n);
    const src = v.data;
    const idx = sel.indices;
    for (let i = 0; i < n; i++) data[i] = src[idx[i]!]!;
    r[d] = new PubArray(v.type, sel.shape, data);
    return next;
  };
}

function linkStore(d: number, items: readonly SliceItem[], s: number, next: number): Op {
  const first = items[0];
  if (items.length === 1 && first !== undefined && first.kind === "index") {
    const ir = first.reg;
    return (m, r) => {
      const v = r[d] as PubArray;
      const i = vectorIndex(r[ir]);
      if (v.shape.length !== 1 || !(i >= 0 && i < v.data.length)) elementOffset(v.shape, items, r);
      const x = r[s];
      v.data[i] = typeof x === "boolean" ? (x ? 1 : 0) : (x as number);
      return next;
    };
  }
  if (isElementAccess(items)) {
    return (m, r) => {
      const v = r[d] as PubArray;
      v.data[elementOffset(v.shape, items, r)] = storable(r[s] as PublicScalar);
      return next;
    };
  }
  return (m, r) => {
    const v = r[d] as PubArray;
    const sel = select(v.shape, items, r);
    storeSelection(v.data, sel.indices, sel.shape, r[s]);
    return next;
  };
}

/** Writes a scalar (fill) or an array of the selection's shape into `data` at `indices`. */
function storeSelection(data: TypedVector, indices: Uint32Array, shape: Shape, src: Value): void {
  const n = indices.length;
  if (src instanceof PubArray) {
    if (!sameShape(src.shape, shape)) throw new VmError("Mismatching shapes in assignment");
    const from = src.data;
    for (let i = 0; i < n; i++) data[indices[i]!] = from[i]!;
    return;
  }
  const x = storable(src as PublicScalar);
  for (let i = 0; i < n; i++) data[indices[i]!] = x;
}
