/**
 * Values of program arguments and results as people write and read them: the
 * public data type behind a record's type name (a kind type such as `xor_uint32`
 * or `fix32` maps to its public counterpart through the program's kinds), the
 * conversion between plain values and the bytes the emulator keeps as "shares"
 * (its raw representation: the value itself, fixed point as scaled integers), and
 * the text and JSON renderings of values.
 */
import type { Module } from "../../vm/bytecode.js";
import { isDataTypeName, type DataTypeName } from "../../vm/isa.js";
import { formatScalar } from "../../vm/format.js";
import { bytesOf, newVector } from "../../vm/values.js";
import { fromPublic, repByName, toPublic } from "../emulator/representation.js";
import { decodeValues, encodeValues, type PublicElement } from "../io/record-stream.js";

/** The public data type of values of `type` in protection domain `domain` ("" = public). */
export function publicTypeFor(module: Module, domain: string, type: string): DataTypeName | undefined {
  if (domain === "") return isDataTypeName(type) ? type : undefined;
  const d = module.domains.find((x) => x.name === domain);
  const kind = d === undefined ? undefined : module.kinds[d.kind];
  const entry = kind?.types.find((t) => t.name === type);
  if (entry !== undefined) return entry.publicType ?? undefined;
  return isDataTypeName(type) ? type : undefined;
}

/** Data bytes of a record from plain values: public bytes, or the emulator's share bytes for a private type. */
export function encodeForEmulator(domain: string, type: string, pub: DataTypeName, values: readonly PublicElement[]): Uint8Array {
  const bytes = encodeValues(pub, values);
  if (domain === "" || pub === "string") return bytes;
  const rep = repByName(type);
  if (rep === undefined || rep.publicType !== pub) return bytes;
  const data = newVector(pub, values.length);
  new Uint8Array(data.buffer, data.byteOffset, data.byteLength).set(bytes);
  return bytesOf(fromPublic(rep, data)).slice();
}

/** Plain values of a record's data bytes (the inverse of encodeForEmulator). */
export function decodeFromEmulator(domain: string, type: string, pub: DataTypeName, data: Uint8Array): PublicElement[] {
  const rep = domain === "" ? undefined : repByName(type);
  if (rep === undefined || rep.publicType !== pub || pub === "string") return decodeValues(pub, data);
  const raw = newVector(rep.storage, data.length / rawSize(rep.storage));
  new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength).set(data);
  const plain = toPublic(rep, raw);
  return decodeValues(pub, bytesOf(plain));
}

function rawSize(t: DataTypeName): number {
  return newVector(t, 1).byteLength;
}

/** A value as `tostring` prints it; vectors as `{1, 2, 3}`. */
export function valueText(pub: DataTypeName, value: PublicElement | readonly PublicElement[]): string {
  if (Array.isArray(value)) return `{${value.map((v) => formatScalar(pub, v)).join(", ")}}`;
  return formatScalar(pub, value as PublicElement);
}

export type JsonValue = boolean | number | string | readonly JsonValue[];

/** A value for JSON output: 64-bit integers as decimal strings, non-finite floats as strings. */
export function jsonValue(value: PublicElement | readonly PublicElement[]): JsonValue {
  if (Array.isArray(value)) return value.map((v) => jsonScalar(v));
  return jsonScalar(value as PublicElement);
}

function jsonScalar(v: PublicElement): JsonValue {
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v;
}
