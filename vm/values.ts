/**
 * Runtime values of the VM. Public scalars are plain JS values (boolean; number for
 * 8..32-bit integers and floats; bigint for 64-bit integers; string). Public arrays
 * are PubArray (typed-array data in row-major order plus a shape; bool arrays are
 * Uint8Array of 0/1). Private values are PrivValue (backend handle plus a public
 * shape kept by the VM). Structs are StructValue. Shapes are immutable number
 * arrays and may be shared between values.
 */
import type { DataTypeName } from "./isa.js";
import { VmError } from "./errors.js";

export type PublicScalar = boolean | number | bigint | string;

export type TypedVector =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint16Array
  | Uint32Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

export type Shape = readonly number[];

export class PubArray {
  constructor(
    readonly type: DataTypeName,
    readonly shape: Shape,
    readonly data: TypedVector,
  ) {}
}

/** What the VM knows of a private value's type (resolved from the module's kinds). */
export interface PrivateType {
  readonly kind: string;
  readonly domain: string;
  /** Runtime domain id (the value of `__domainid`). */
  readonly domainId: number;
  /** Kind type name: `uint32`, `xor_uint32`, `fix32`, or a user kind's type. */
  readonly name: string;
  /** The public counterpart, or null when the type has none. */
  readonly publicType: DataTypeName | null;
}

export class PrivValue {
  constructor(
    readonly type: PrivateType,
    readonly shape: Shape,
    /** The backend's handle; never inspected by the VM. */
    readonly handle: unknown,
  ) {}

  get length(): number {
    return shapeSize(this.shape);
  }
}

export class StructValue {
  constructor(
    readonly layout: number,
    readonly fields: Value[],
  ) {}
}

export type Value = PublicScalar | PubArray | PrivValue | StructValue | undefined;

/** Number of elements of a shape (1 for the scalar shape []). */
export function shapeSize(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Largest number of elements of one array. */
export const MAX_ELEMENTS = 2 ** 31 - 1;

/** A zero-filled typed vector of `n` elements of a public (non-string) type. */
export function newVector(type: DataTypeName, n: number): TypedVector {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_ELEMENTS) {
    throw new VmError(`cannot allocate an array of ${n} elements (the limit is ${MAX_ELEMENTS})`);
  }
  switch (type) {
    case "bool":
    case "uint8":
      return new Uint8Array(n);
    case "int8":
      return new Int8Array(n);
    case "int16":
      return new Int16Array(n);
    case "int32":
      return new Int32Array(n);
    case "int64":
      return new BigInt64Array(n);
    case "uint16":
      return new Uint16Array(n);
    case "uint32":
      return new Uint32Array(n);
    case "uint64":
      return new BigUint64Array(n);
    case "float32":
      return new Float32Array(n);
    case "float64":
      return new Float64Array(n);
    case "string":
      throw new VmError("arrays of strings are not supported");
    default: {
      const never: never = type;
      throw new VmError(`unknown type ${String(never)}`);
    }
  }
}

/** The default scalar of a public type: 0, 0n, false or "". */
export function defaultScalar(type: DataTypeName): PublicScalar {
  switch (type) {
    case "bool":
      return false;
    case "int64":
    case "uint64":
      return 0n;
    case "string":
      return "";
    default:
      return 0;
  }
}

/** Reads element i of a vector as a scalar register value of `type`. */
export function readElement(type: DataTypeName, data: TypedVector, i: number): PublicScalar {
  const v = data[i]!;
  return type === "bool" ? v === 1 : v;
}

/** Converts a scalar register value to what a typed vector stores (bool -> 0/1). */
export function storable(v: PublicScalar): number | bigint {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") throw new VmError("a string cannot be stored in an array");
  return v;
}

/** Fills a vector with one scalar (typed-array fill works for every element type). */
export function fillVector(data: TypedVector, v: PublicScalar): void {
  (data as { fill(x: number | bigint): unknown }).fill(storable(v));
}

/** A byte view of a typed vector (shares its memory). */
export function bytesOf(data: TypedVector): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Converts a JS index value (uint64 bigint or number) to a safe number. */
export function toIndex(v: Value): number {
  if (typeof v === "bigint") {
    if (v < 0n || v > 9007199254740991n) throw new VmError("Index out of bounds");
    return Number(v);
  }
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  throw new VmError("internal: an index, shape or size register does not hold an unsigned integer");
}

/** Shape as a public uint64 vector value. */
export function shapeValue(shape: Shape): PubArray {
  const data = new BigUint64Array(shape.length);
  for (let i = 0; i < shape.length; i++) data[i] = BigInt(shape[i]!);
  return new PubArray("uint64", [shape.length], data);
}
