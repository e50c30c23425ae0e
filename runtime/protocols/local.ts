/**
 * Local (communication-free) operations on shares, per protocols.md §1.2: they need
 * no DSL compilation because each party works on its own share alone. Additive shares
 * wrap modulo 2^n through the typed-array store; 64-bit shares use BigInt.asUintN.
 * Public constants are added by P1 (party 0) only.
 */
import type { PartyId } from "../net/transport.js";
import { type WordArray, allocWords, type Width } from "./shares.js";

function widthOf(a: WordArray): Width {
  return a instanceof BigUint64Array ? 64 : a instanceof Uint32Array ? 32 : a instanceof Uint16Array ? 16 : 8;
}

/** Sum of all lanes (vector sum): one lane. */
export function sumShares(a: WordArray): WordArray {
  const out = allocWords(widthOf(a), 1);
  if (a instanceof BigUint64Array) {
    let s = 0n;
    for (let i = 0; i < a.length; i++) s = BigInt.asUintN(64, s + (a[i] as bigint));
    (out as BigUint64Array)[0] = s;
  } else {
    let s = 0;
    for (let i = 0; i < a.length; i++) s = (s + (a[i] as number)) | 0;
    (out as Uint32Array)[0] = s;
  }
  return out;
}

/** Inclusive prefix sums over lanes. */
export function prefixSumShares(a: WordArray): WordArray {
  const out = allocWords(widthOf(a), a.length);
  if (a instanceof BigUint64Array) {
    let s = 0n;
    for (let i = 0; i < a.length; i++) (out as BigUint64Array)[i] = s = BigInt.asUintN(64, s + (a[i] as bigint));
  } else {
    let s = 0;
    for (let i = 0; i < a.length; i++) (out as Uint32Array)[i] = s = (s + (a[i] as number)) | 0;
  }
  return out;
}

/** Lane-wise x + y (additive shares). */
export function addShares(x: WordArray, y: WordArray): WordArray {
  const out = allocWords(widthOf(x), x.length);
  if (x instanceof BigUint64Array) for (let i = 0; i < x.length; i++) (out as BigUint64Array)[i] = BigInt.asUintN(64, (x[i] as bigint) + ((y as BigUint64Array)[i] as bigint));
  else for (let i = 0; i < x.length; i++) (out as Uint32Array)[i] = (x[i] as number) + ((y as Uint32Array)[i] as number);
  return out;
}

/** Lane-wise x - y (additive shares). */
export function subShares(x: WordArray, y: WordArray): WordArray {
  const out = allocWords(widthOf(x), x.length);
  if (x instanceof BigUint64Array) for (let i = 0; i < x.length; i++) (out as BigUint64Array)[i] = BigInt.asUintN(64, (x[i] as bigint) - ((y as BigUint64Array)[i] as bigint));
  else for (let i = 0; i < x.length; i++) (out as Uint32Array)[i] = (x[i] as number) - ((y as Uint32Array)[i] as number);
  return out;
}

/** Lane-wise c · x for a public vector c (every party multiplies). */
export function mulPublic(x: WordArray, c: WordArray): WordArray {
  const out = allocWords(widthOf(x), x.length);
  if (x instanceof BigUint64Array) for (let i = 0; i < x.length; i++) (out as BigUint64Array)[i] = BigInt.asUintN(64, (x[i] as bigint) * ((c as BigUint64Array)[i] as bigint));
  else for (let i = 0; i < x.length; i++) (out as Uint32Array)[i] = Math.imul(x[i] as number, (c as Uint32Array)[i] as number);
  return out;
}

/** x + c for a public vector c: only P1 adds. */
export function addPublic(party: PartyId, x: WordArray, c: WordArray): WordArray {
  return party === 0 ? addShares(x, c) : x.slice();
}

/** The sharing (c, 0, 0) of a public vector (classify of a public value). */
export function classifyPublic(party: PartyId, c: WordArray): WordArray {
  return party === 0 ? c.slice() : allocWords(widthOf(c), c.length);
}

/** XOR of shares (words or bit-sliced bools): local for XOR sharings. */
export function xorShares<T extends Uint8Array | Uint16Array | Uint32Array>(x: T, y: T): T {
  const out = x.slice() as T;
  for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) ^ (y[i] as number);
  return out;
}

/** NOT of an XOR sharing: only P1 flips the bits. */
export function notShares<T extends Uint8Array | Uint16Array | Uint32Array>(party: PartyId, x: T): T {
  const out = x.slice() as T;
  if (party === 0) for (let i = 0; i < x.length; i++) out[i] = ~(x[i] as number);
  return out;
}
