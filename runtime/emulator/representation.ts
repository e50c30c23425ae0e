/**
 * How the emulator stores each private data type in the clear: a typed vector per
 * type (bool as 0/1 bytes; uintN, intN, xor_uintN as N-bit integers, xor types
 * unsigned; float32/64 as floats; fix32/fix64 as raw two's-complement fixed point in
 * a uint32/uint64 ring with 16/32 fractional bits). Also the conversions between
 * public values and this representation (classify/declassify, public operands) and
 * the value-level conversions behind conv_S_to_T / reshare_S_to_T.
 */
import type { DataTypeName } from "../../vm/isa.js";
import { VmError } from "../../vm/errors.js";
import { bigToFloat32 } from "../../vm/numeric.js";
import type { PrivateType, TypedVector } from "../../vm/values.js";

export type RepClass = "bool" | "uint" | "int" | "xor" | "float" | "fix";

export interface Rep {
  readonly name: string;
  readonly cls: RepClass;
  /** Bit width of the stored integer (bool: 1; floats 32/64). */
  readonly bits: number;
  /** The typed-array element type storing it. */
  readonly storage: DataTypeName;
  /** Public counterpart. */
  readonly publicType: DataTypeName;
  /** Fractional bits (fix types only). */
  readonly frac: number;
  /** True when elements are bigints. */
  readonly big: boolean;
}

function rep(name: string, cls: RepClass, bits: number, storage: DataTypeName, publicType: DataTypeName, frac = 0): Rep {
  return { name, cls, bits, storage, publicType, frac, big: storage === "int64" || storage === "uint64" };
}

const BUILTIN: ReadonlyMap<string, Rep> = new Map(
  [
    rep("bool", "bool", 1, "bool", "bool"),
    rep("uint8", "uint", 8, "uint8", "uint8"),
    rep("uint16", "uint", 16, "uint16", "uint16"),
    rep("uint32", "uint", 32, "uint32", "uint32"),
    rep("uint64", "uint", 64, "uint64", "uint64"),
    rep("int8", "int", 8, "int8", "int8"),
    rep("int16", "int", 16, "int16", "int16"),
    rep("int32", "int", 32, "int32", "int32"),
    rep("int64", "int", 64, "int64", "int64"),
    rep("xor_uint8", "xor", 8, "uint8", "uint8"),
    rep("xor_uint16", "xor", 16, "uint16", "uint16"),
    rep("xor_uint32", "xor", 32, "uint32", "uint32"),
    rep("xor_uint64", "xor", 64, "uint64", "uint64"),
    rep("float32", "float", 32, "float32", "float32"),
    rep("float64", "float", 64, "float64", "float64"),
    rep("fix32", "fix", 32, "uint32", "float32", 16),
    rep("fix64", "fix", 64, "uint64", "float64", 32),
  ].map((r) => [r.name, r]),
);

/** The shared3p type names the emulator knows, longest first (for name parsing). */
export const KNOWN_TYPES: readonly string[] = [...BUILTIN.keys()].sort((a, b) => b.length - a.length);

export function repByName(name: string): Rep | undefined {
  return BUILTIN.get(name);
}

/** The representation of a private type: a known name, else its public counterpart's. */
export function repOf(type: PrivateType): Rep {
  const known = BUILTIN.get(type.name);
  if (known !== undefined) return known;
  if (type.publicType !== null && type.publicType !== "string") {
    const base = BUILTIN.get(type.publicType)!;
    return { ...base, name: type.name };
  }
  throw new VmError(`the emulator cannot store type ${type.name} of kind ${type.kind}: it has no public counterpart`);
}

export function newStorage(r: Rep, n: number): TypedVector {
  switch (r.storage) {
    case "bool":
    case "uint8":
      return new Uint8Array(n);
    case "uint16":
      return new Uint16Array(n);
    case "uint32":
      return new Uint32Array(n);
    case "uint64":
      return new BigUint64Array(n);
    case "int8":
      return new Int8Array(n);
    case "int16":
      return new Int16Array(n);
    case "int32":
      return new Int32Array(n);
    case "int64":
      return new BigInt64Array(n);
    case "float32":
      return new Float32Array(n);
    case "float64":
      return new Float64Array(n);
    default:
      throw new Error(`no storage for ${r.name}`);
  }
}

// ---------------------------------------------------------------- fixed point

/** The real value of a raw fixed-point element. */
export function fixToNumber(r: Rep, raw: number | bigint): number {
  if (r.bits === 32) return ((raw as number) | 0) / 65536;
  return Number(BigInt.asIntN(64, raw as bigint)) / 2 ** 32;
}

/** The raw fixed-point element nearest to x (wrapping in the ring). */
export function numberToFix(r: Rep, x: number): number | bigint {
  if (!Number.isFinite(x)) x = 0;
  // beyond 2^1023 the scaled value overflows; it is then a multiple of 2^n, i.e. 0 mod 2^n
  const scaled = Math.round(x * (r.bits === 32 ? 65536 : 2 ** 32));
  const raw = Number.isFinite(scaled) ? BigInt(scaled) : 0n;
  return r.bits === 32 ? Number(BigInt.asUintN(32, raw)) : BigInt.asUintN(64, raw);
}

/**
 * An exact order-preserving key of a stored element: the element itself for
 * integer, xor, bool and float storage (typed arrays already hold them signed or
 * unsigned as the type is), the signed raw integer for fixed point (so fix64 keeps
 * all 64 bits instead of rounding through a double).
 */
export function orderKey(r: Rep): (x: number | bigint) => number | bigint {
  if (r.cls !== "fix") return (x) => x;
  if (r.bits === 32) return (x) => (x as number) | 0;
  return (x) => BigInt.asIntN(64, x as bigint);
}

// ---------------------------------------------------------------- public <-> representation

/** A fresh vector in representation `r` from public elements (of r.publicType). */
export function fromPublic(r: Rep, data: TypedVector): TypedVector {
  const out = newStorage(r, data.length);
  if (r.cls === "fix") {
    for (let i = 0; i < data.length; i++) out[i] = numberToFix(r, data[i] as number);
    return out;
  }
  copyConverted(out, data);
  return out;
}

/** Public elements (a vector of r.publicType) of a vector in representation `r`. */
export function toPublic(r: Rep, data: TypedVector): TypedVector {
  if (r.cls === "fix") {
    const out = r.publicType === "float32" ? new Float32Array(data.length) : new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = fixToNumber(r, data[i]!);
    return out;
  }
  return data.slice();
}

/** Copies between vectors whose element kinds may differ (number <-> bigint), wrapping. */
export function copyConverted(out: TypedVector, data: ArrayLike<number | bigint>): void {
  const outBig = out instanceof BigInt64Array || out instanceof BigUint64Array;
  for (let i = 0; i < out.length; i++) {
    const v = data[i]!;
    if (outBig) out[i] = typeof v === "bigint" ? v : BigInt(Math.trunc(v));
    else out[i] = typeof v === "bigint" ? Number(BigInt.asIntN(64, v) & 0xffffffffn) : v;
  }
}

// ---------------------------------------------------------------- value conversions

/** An element as a value: bigint for bool/integer classes, number for float and fix. */
export function elementValue(r: Rep, v: number | bigint): number | bigint {
  switch (r.cls) {
    case "float":
      return v as number;
    case "fix":
      return fixToNumber(r, v);
    default:
      return typeof v === "bigint" ? v : BigInt(v);
  }
}

/** Stores a value (from elementValue of any rep) into representation `r`: the conv_S_to_T semantics. */
export function valueToElement(r: Rep, v: number | bigint): number | bigint {
  switch (r.cls) {
    case "bool":
      return (typeof v === "bigint" ? v !== 0n : v !== 0) ? 1 : 0;
    case "float":
      if (typeof v !== "bigint") return v;
      return r.bits === 32 ? bigToFloat32(v) : Number(v);
    case "fix":
      return numberToFix(r, typeof v === "bigint" ? Number(v) : v);
    default: {
      const i = typeof v === "bigint" ? v : Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
      const w = r.cls === "int" ? BigInt.asIntN(r.bits, i) : BigInt.asUintN(r.bits, i);
      return r.big ? w : Number(w);
    }
  }
}

/**
 * The public values of an emulator "share" record (a private result's data bytes):
 * the bytes are the representation's little-endian elements, so xor types decode
 * as unsigned integers and fix32/fix64 are scaled back to float32/float64.
 * Undefined for type names the emulator does not know.
 */
export function sharesToPublic(typeName: string, bytes: Uint8Array): TypedVector | undefined {
  const r = repByName(typeName);
  if (r === undefined) return undefined;
  const size = newStorage(r, 1).BYTES_PER_ELEMENT;
  if (bytes.length % size !== 0) throw new VmError(`${bytes.length} bytes is not a whole number of ${typeName} values`);
  const data = newStorage(r, bytes.length / size);
  new Uint8Array(data.buffer).set(bytes);
  return toPublic(r, data);
}
