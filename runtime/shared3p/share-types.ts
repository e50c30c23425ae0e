/**
 * How each shared3p data type is held by one party (protocols.md §1.1): additive
 * shares for uintN/intN/fixN (one unsigned lane per element, N bits), XOR shares for
 * xor_uintN, and bool as XOR shares bit-sliced 32 lanes per Uint32 word (bits past
 * the last lane are don't-care), float32/float64 as XOR shares of their IEEE-754 bit
 * patterns (32/64-bit words). A share vector is the typed array itself; its lane
 * count travels beside it (every SecretBackend call passes it).
 *
 * Also the conversions between a party's share vector and the record-stream bytes
 * of its share (little-endian lanes, bool one byte 0/1 per element), and between
 * plaintext vectors in the emulator's representation (runtime/emulator/
 * representation.ts, so public constants and opened values convert exactly as the
 * emulator's do) and word/bit vectors.
 */
import { bytesOf, type TypedVector } from "../../vm/values.js";
import { newStorage, repByName, type Rep } from "../emulator/representation.js";
import { allocWords, bitWords, type WordArray } from "../protocols/shares.js";

export type Sharing = "additive" | "xor" | "bits";
export type Width = 1 | 8 | 16 | 32 | 64;
/** A party's share vector: words (width 8..64) or bit-sliced words (width 1). */
export type ShareVector = WordArray;

export interface ShareType {
  readonly name: string;
  readonly sharing: Sharing;
  readonly width: Width;
  /** True for intN (comparisons and casts differ from uintN). */
  readonly signed: boolean;
  /** The emulator representation of the plaintext (fix types, public counterparts). */
  readonly rep: Rep;
}

const TYPES = new Map<string, ShareType>();

function add(name: string, sharing: Sharing, width: Width, signed = false): void {
  TYPES.set(name, { name, sharing, width, signed, rep: repByName(name) as Rep });
}

add("bool", "bits", 1);
for (const w of [8, 16, 32, 64] as const) {
  add(`uint${w}`, "additive", w);
  add(`int${w}`, "additive", w, true);
  add(`xor_uint${w}`, "xor", w);
}
add("fix32", "additive", 32, true);
add("fix64", "additive", 64, true);
// floats: XOR shares of the IEEE-754 bit pattern, operated on by circuits (runtime/shared3p/float/)
add("float32", "xor", 32);
add("float64", "xor", 64);

/** Every shared3p type name with a share representation. */
export const SHARE_TYPE_NAMES: readonly string[] = [...TYPES.keys()];

/** The share type of a shared3p type name, or undefined. */
export function shareTypeOf(name: string): ShareType | undefined {
  return TYPES.get(name);
}

/** Number of typed-array elements holding `lanes` lanes. */
export function storageLength(t: ShareType, lanes: number): number {
  return t.width === 1 ? bitWords(lanes) : lanes;
}

/** A zero share vector of `lanes` lanes (bools bit-sliced, 32 lanes per word). */
export function allocShares(width: Width, lanes: number): ShareVector {
  return width === 1 ? new Uint32Array(bitWords(lanes)) : allocWords(width, lanes);
}

/** Bytes per element in the record stream. */
export function elementBytes(t: ShareType): number {
  return t.width === 1 ? 1 : t.width / 8;
}

/** Lane i of a bit-sliced vector. */
export function getBit(v: Uint32Array, i: number): number {
  return ((v[i >>> 5] as number) >>> (i & 31)) & 1;
}

/** Sets lane i of a bit-sliced vector to b (0/1). */
export function setBit(v: Uint32Array, i: number, b: number): void {
  const w = i >>> 5;
  const m = 1 << (i & 31);
  v[w] = b !== 0 ? ((v[w] as number) | m) >>> 0 : ((v[w] as number) & ~m) >>> 0;
}

/** Record bytes of a share vector (a fresh buffer). */
export function shareBytes(t: ShareType, v: ShareVector, lanes: number): Uint8Array {
  if (t.width === 1) {
    const out = new Uint8Array(lanes);
    for (let i = 0; i < lanes; i++) out[i] = getBit(v as Uint32Array, i);
    return out;
  }
  return new Uint8Array(v.buffer, v.byteOffset, lanes * (t.width / 8)).slice();
}

/** Writes record bytes of a share into `out` (of `lanes` lanes); false when the byte count is wrong. */
export function setShareBytes(t: ShareType, out: ShareVector, lanes: number, bytes: Uint8Array): boolean {
  if (bytes.length !== lanes * elementBytes(t)) return false;
  if (t.width === 1) {
    const words = out as Uint32Array;
    words.fill(0);
    for (let i = 0; i < lanes; i++) if ((bytes[i] as number) & 1) words[i >>> 5] = ((words[i >>> 5] as number) | (1 << (i & 31))) >>> 0;
    return true;
  }
  new Uint8Array(out.buffer, out.byteOffset, bytes.length).set(bytes);
  return true;
}

/** A word/bit vector holding a plaintext vector given in the emulator representation. */
export function fromPlain(t: ShareType, plain: TypedVector): ShareVector {
  const lanes = plain.length;
  if (t.width === 1) {
    const out = allocShares(1, lanes) as Uint32Array;
    for (let i = 0; i < lanes; i++) if (plain[i] !== 0) out[i >>> 5] = ((out[i >>> 5] as number) | (1 << (i & 31))) >>> 0;
    return out;
  }
  const out = allocShares(t.width, lanes);
  new Uint8Array(out.buffer).set(bytesOf(plain));
  return out;
}

/** The plaintext vector (emulator representation of `t`) of a word/bit vector. */
export function toPlain(t: ShareType, v: ShareVector, lanes: number): TypedVector {
  const out = newStorage(t.rep, lanes);
  if (t.width === 1) {
    for (let i = 0; i < lanes; i++) out[i] = getBit(v as Uint32Array, i);
    return out;
  }
  bytesOf(out).set(new Uint8Array(v.buffer, v.byteOffset, lanes * (t.width / 8)));
  return out;
}
