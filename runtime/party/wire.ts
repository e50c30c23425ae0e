/**
 * Message formats of the party process, carried in frames (runtime/net/tcp.ts).
 *
 * Between parties (control frames): `hello` = magic "S3PH", protocol version u32,
 * party id u8, 32-byte program SHA-256; `seed` = a 16-byte pair key; `abort` = JSON
 * {party, cause, message}; `inputs` = JSON argument summary (inputs.ts). Between a party and the client (frame instance = message
 * type, round 0): `start` (client → party: JSON header + the record stream of this
 * party's arguments), `output` (a print line, UTF-8), `result` (one published record,
 * this party's share for private values), `done` (JSON statistics), `error` (JSON
 * PartyFailure).
 */
import { decodeRecords, encodeRecords } from "../io/record-stream.js";
import type { DataRecord } from "../../vm/host.js";

/** Version of the party-to-party and client protocols; parties must agree. */
export const PROTOCOL_VERSION = 2;
const HELLO_MAGIC = 0x48503353; // "S3PH" little-endian

export interface Hello {
  readonly version: number;
  readonly party: number;
  /** Hex SHA-256 of the program. */
  readonly programHash: string;
}

export function encodeHello(h: Hello): Uint8Array {
  const out = new Uint8Array(4 + 4 + 1 + 32);
  const v = new DataView(out.buffer);
  v.setUint32(0, HELLO_MAGIC, true);
  v.setUint32(4, h.version, true);
  out[8] = h.party;
  out.set(Buffer.from(h.programHash, "hex").subarray(0, 32), 9);
  return out;
}

/** The hello in a frame payload, or undefined when it is not one. */
export function decodeHello(p: Uint8Array): Hello | undefined {
  if (p.length !== 41) return undefined;
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  if (v.getUint32(0, true) !== HELLO_MAGIC) return undefined;
  return { version: v.getUint32(4, true), party: p[8] as number, programHash: Buffer.from(p.subarray(9, 41)).toString("hex") };
}

/**
 * Why a party stopped: its own program or input, the handshake, its client, a
 * connection problem it saw, a peer's abort; "lost" is the client's observation
 * that a party disappeared without a report (crash, kill).
 */
export type FailureCause = "program" | "input" | "handshake" | "peer" | "connection" | "client" | "lost";

/** A failure reported by (or about) one party. */
export interface PartyFailure {
  readonly party: number;
  readonly cause: FailureCause;
  readonly message: string;
  /** A failure of the program: its call stack, innermost first (`PROC at POS`). */
  readonly trace?: readonly string[];
}

/** The call stack of a failure received from elsewhere: kept only when it is a list of strings. */
export function failureTrace(f: PartyFailure | undefined): readonly string[] {
  const t: unknown = f?.trace;
  return Array.isArray(t) && t.every((x) => typeof x === "string") ? t : [];
}

/** Client message types (frame instance). */
export const ClientMessage = {
  start: 1,
  output: 2,
  result: 3,
  done: 4,
  error: 5,
} as const;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export function encodeJson(x: unknown): Uint8Array {
  return utf8.encode(JSON.stringify(x));
}

export function decodeJson<T>(p: Uint8Array): T {
  return JSON.parse(fromUtf8.decode(p)) as T;
}

export function encodeText(s: string): Uint8Array {
  return utf8.encode(s);
}

export function decodeText(p: Uint8Array): string {
  return fromUtf8.decode(p);
}

/** What the client tells a party before it runs. */
export interface StartHeader {
  readonly version: number;
  readonly party: number;
  readonly programHash: string;
}

export function encodeStart(h: StartHeader, args: readonly DataRecord[]): Uint8Array {
  const head = encodeJson(h);
  const body = encodeRecords(args);
  const out = new Uint8Array(4 + head.length + body.length);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  out.set(body, 4 + head.length);
  return out;
}

export function decodeStart(p: Uint8Array): { header: StartHeader; args: DataRecord[] } {
  if (p.length < 4) throw new Error("truncated start message");
  const n = new DataView(p.buffer, p.byteOffset, p.byteLength).getUint32(0, true);
  if (4 + n > p.length) throw new Error("truncated start message");
  const header = decodeJson<StartHeader>(p.subarray(4, 4 + n));
  if (typeof header !== "object" || header === null || typeof header.programHash !== "string" || typeof header.version !== "number") {
    throw new Error("malformed start message");
  }
  return { header, args: decodeRecords(p.subarray(4 + n)) };
}

export function encodeResult(r: DataRecord): Uint8Array {
  return encodeRecords([r]);
}

export function decodeResult(p: Uint8Array): DataRecord {
  const rs = decodeRecords(p);
  if (rs.length !== 1) throw new Error(`a result message holds ${rs.length} records`);
  return rs[0] as DataRecord;
}
