/**
 * Byte-level reading and writing for the bytecode format: unsigned LEB128, bytes,
 * little-endian 64-bit integers and doubles, length-prefixed UTF-8 strings. The
 * Reader never reads past its end: every read is bounds-checked and throws a
 * BytecodeError with the offset, so truncated input is a clean error.
 */
import { BytecodeError } from "./errors.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

export class Writer {
  private buf = new Uint8Array(256);
  private len = 0;

  get length(): number {
    return this.len;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.len++] = v & 0xff;
  }

  /** Unsigned LEB128 of a non-negative safe integer. */
  uleb(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`uleb: bad value ${v}`);
    do {
      let byte = v % 128;
      v = Math.floor(v / 128);
      if (v > 0) byte |= 0x80;
      this.u8(byte);
    } while (v > 0);
  }

  u32(v: number): void {
    this.reserve(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setUint32(this.len, v, true);
    this.len += 4;
  }

  i64(v: bigint): void {
    this.reserve(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setBigInt64(this.len, BigInt.asIntN(64, v), true);
    this.len += 8;
  }

  f64(v: number): void {
    this.reserve(8);
    new DataView(this.buf.buffer, this.buf.byteOffset).setFloat64(this.len, v, true);
    this.len += 8;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  str(s: string): void {
    const b = encoder.encode(s);
    this.uleb(b.length);
    this.bytes(b);
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export class Reader {
  pos: number;
  constructor(
    private readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  private need(n: number, what: string): void {
    if (this.pos + n > this.end) throw new BytecodeError(`truncated ${what}`, this.pos);
  }

  u8(what = "byte"): number {
    this.need(1, what);
    return this.buf[this.pos++]!;
  }

  uleb(what = "integer"): number {
    let result = 0;
    let scale = 1;
    const start = this.pos;
    for (;;) {
      const byte = this.u8(what);
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) break;
      scale *= 128;
      if (scale > 2 ** 49) throw new BytecodeError(`${what} too large`, start);
    }
    return result;
  }

  u32(what = "u32"): number {
    this.need(4, what);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset).getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  i64(what = "int64"): bigint {
    this.need(8, what);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset).getBigInt64(this.pos, true);
    this.pos += 8;
    return v;
  }

  f64(what = "float64"): number {
    this.need(8, what);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset).getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  bytes(n: number, what = "bytes"): Uint8Array {
    this.need(n, what);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  str(what = "string"): string {
    const n = this.uleb(`${what} length`);
    const start = this.pos;
    const b = this.bytes(n, what);
    try {
      return decoder.decode(b);
    } catch {
      throw new BytecodeError(`invalid UTF-8 in ${what}`, start);
    }
  }
}
