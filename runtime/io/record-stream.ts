/**
 * The argument/result record stream of SecreC programs (language.md §4): a sequence
 * of records, each four fields (name, protection-domain name or "" for public, type
 * name, data bytes), every field prefixed by its byte length as a little-endian
 * uint64. Vector data is little-endian elements, bool one byte each, strings their
 * UTF-8 bytes. Also: typed encoding/decoding of public data bytes, and reading a
 * whole stream from any async byte source (file, stdin, socket).
 */
import type { DataRecord } from "../../vm/host.js";
import { DATA_TYPE_SIZE, isDataTypeName, type DataTypeName } from "../../vm/isa.js";

export type { DataRecord } from "../../vm/host.js";

export class RecordStreamError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset} of the record stream)`);
    this.name = "RecordStreamError";
  }
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Encodes records into one byte stream. */
export function encodeRecords(records: readonly DataRecord[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const field = (b: Uint8Array): void => {
    const len = new Uint8Array(8);
    new DataView(len.buffer).setBigUint64(0, BigInt(b.length), true);
    parts.push(len, b);
    total += 8 + b.length;
  };
  for (const r of records) {
    field(utf8.encode(r.name));
    field(utf8.encode(r.domain));
    field(utf8.encode(r.type));
    field(r.data);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Decodes a complete byte stream into records; truncation is a RecordStreamError. */
export function decodeRecords(bytes: Uint8Array): DataRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: DataRecord[] = [];
  let pos = 0;
  const field = (what: string): Uint8Array => {
    if (pos + 8 > bytes.length) throw new RecordStreamError(`truncated length of the ${what} field`, pos);
    const len = view.getBigUint64(pos, true);
    if (len > BigInt(bytes.length - pos - 8)) throw new RecordStreamError(`the ${what} field is longer than the stream`, pos);
    pos += 8;
    const b = bytes.subarray(pos, pos + Number(len));
    pos += Number(len);
    return b;
  };
  const text = (what: string): string => {
    const at = pos;
    const b = field(what);
    try {
      return fromUtf8.decode(b);
    } catch {
      throw new RecordStreamError(`the ${what} field is not UTF-8`, at);
    }
  };
  while (pos < bytes.length) {
    const name = text("name");
    const domain = text("protection domain");
    const type = text("type");
    const data = new Uint8Array(field("data"));
    out.push({ name, domain, type, data });
  }
  return out;
}

/** Reads a whole stream (file, stdin, socket) and decodes its records. */
export async function readRecords(source: AsyncIterable<Uint8Array | string>): Promise<DataRecord[]> {
  const chunks: Uint8Array[] = [];
  for await (const c of source) chunks.push(typeof c === "string" ? utf8.encode(c) : c);
  return decodeRecords(Buffer.concat(chunks));
}

export type PublicElement = boolean | number | bigint | string;

/** Little-endian data bytes of public values of `type` (a string: its UTF-8 bytes). */
export function encodeValues(type: DataTypeName, values: readonly PublicElement[]): Uint8Array {
  if (type === "string") return utf8.encode(values.map(String).join(""));
  const size = DATA_TYPE_SIZE[type];
  const out = new Uint8Array(size * values.length);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => writeElement(view, i * size, type, v));
  return out;
}

/** Decodes data bytes of `type` into values (bigint for 64-bit integers). */
export function decodeValues(type: DataTypeName, data: Uint8Array): PublicElement[] {
  if (type === "string") return [fromUtf8.decode(data)];
  const size = DATA_TYPE_SIZE[type];
  if (data.length % size !== 0) throw new RecordStreamError(`${data.length} bytes is not a whole number of ${type} values`, 0);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: PublicElement[] = [];
  for (let o = 0; o < data.length; o += size) out.push(readElement(view, o, type));
  return out;
}

/** The public data type of a record's type name, or undefined (e.g. `xor_uint8`). */
export function publicTypeOf(typeName: string): DataTypeName | undefined {
  return isDataTypeName(typeName) ? typeName : undefined;
}

function writeElement(view: DataView, o: number, type: DataTypeName, v: PublicElement): void {
  switch (type) {
    case "bool":
      return view.setUint8(o, v === true || v === 1 || v === 1n ? 1 : 0);
    case "int8":
      return view.setInt8(o, Number(v));
    case "uint8":
      return view.setUint8(o, Number(v));
    case "int16":
      return view.setInt16(o, Number(v), true);
    case "uint16":
      return view.setUint16(o, Number(v), true);
    case "int32":
      return view.setInt32(o, Number(v), true);
    case "uint32":
      return view.setUint32(o, Number(v), true);
    case "int64":
      return view.setBigInt64(o, BigInt.asIntN(64, BigInt(v)), true);
    case "uint64":
      return view.setBigUint64(o, BigInt.asUintN(64, BigInt(v)), true);
    case "float32":
      return view.setFloat32(o, Number(v), true);
    case "float64":
      return view.setFloat64(o, Number(v), true);
    case "string":
      throw new Error("strings are not element types");
    default: {
      const never: never = type;
      return never;
    }
  }
}

function readElement(view: DataView, o: number, type: DataTypeName): PublicElement {
  switch (type) {
    case "bool":
      return view.getUint8(o) !== 0;
    case "int8":
      return view.getInt8(o);
    case "uint8":
      return view.getUint8(o);
    case "int16":
      return view.getInt16(o, true);
    case "uint16":
      return view.getUint16(o, true);
    case "int32":
      return view.getInt32(o, true);
    case "uint32":
      return view.getUint32(o, true);
    case "int64":
      return view.getBigInt64(o, true);
    case "uint64":
      return view.getBigUint64(o, true);
    case "float32":
      return view.getFloat32(o, true);
    case "float64":
      return view.getFloat64(o, true);
    case "string":
      throw new Error("strings are not element types");
    default: {
      const never: never = type;
      return never;
    }
  }
}
