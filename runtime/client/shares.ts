/**
 * The client's secret sharing of argument records and reconstruction of result
 * records (protocols.md §1.4, §1.5). A private record (non-empty domain) of a
 * shared3p type is split into three fresh uniform shares — additive mod 2^n for
 * uintN/intN/fixN, XOR for xor_uintN and bool (one byte 0/1 per element) — so each
 * party receives only its own share; public records go to all three unchanged.
 * Results come back as one record list per party, in publish order; names, domains
 * and types must agree, public data must be identical, private data is combined.
 * Data bytes are little-endian elements as in the record stream.
 */
import { randomBytes } from "node:crypto";
import type { DataRecord } from "../../vm/host.js";
import { elementBytes, shareTypeOf, type ShareType } from "../shared3p/share-types.js";

/** Bad client input or inconsistent results; the message is for the user. */
export class ClientDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClientDataError";
  }
}

function typeOf(r: DataRecord, what: string): ShareType {
  const t = shareTypeOf(r.type);
  if (t === undefined) throw new ClientDataError(`${what} "${r.name}": private ${r.type} values are not available in the three-party runtime yet`);
  const size = elementBytes(t);
  if (r.data.length % size !== 0) throw new ClientDataError(`${what} "${r.name}": ${r.data.length} bytes is not a whole number of ${r.type} values`);
  return t;
}

/** Per-party argument records: shares of private records, public records as they are. */
export function shareRecords(records: readonly DataRecord[]): [DataRecord[], DataRecord[], DataRecord[]] {
  const out: [DataRecord[], DataRecord[], DataRecord[]] = [[], [], []];
  for (const r of records) {
    if (r.domain === "") {
      for (const list of out) list.push(r);
      continue;
    }
    const shares = splitData(typeOf(r, "argument"), r.data);
    shares.forEach((data, p) => out[p]!.push({ name: r.name, domain: r.domain, type: r.type, data }));
  }
  return out;
}

/** Three uniform shares of plaintext record bytes. */
export function splitData(t: ShareType, data: Uint8Array): [Uint8Array, Uint8Array, Uint8Array] {
  const n = data.length;
  const s0 = new Uint8Array(randomBytes(n));
  const s1 = new Uint8Array(randomBytes(n));
  const s2 = new Uint8Array(n);
  if (t.sharing !== "additive") {
    const mask = t.width === 1 ? 1 : 0xff;
    for (let i = 0; i < n; i++) {
      s0[i] = (s0[i] as number) & mask;
      s1[i] = (s1[i] as number) & mask;
      const x = t.width === 1 ? ((data[i] as number) !== 0 ? 1 : 0) : (data[i] as number);
      s2[i] = x ^ (s0[i] as number) ^ (s1[i] as number);
    }
    return [s0, s1, s2];
  }
  combineAdditive(t, data, s0, s1, s2, -1);
  return [s0, s1, s2];
}

/** out = x + sign·(a + b) lane-wise in Z_2^n (sign -1: splitting, +1: reconstructing). */
function combineAdditive(t: ShareType, x: Uint8Array, a: Uint8Array, b: Uint8Array, out: Uint8Array, sign: 1 | -1): void {
  const lanes = x.length / (t.width / 8);
  const copy = (u: Uint8Array): Uint8Array => (u.byteOffset % 8 === 0 ? u : u.slice());
  const [xx, aa, bb] = [copy(x), copy(a), copy(b)];
  if (t.width === 64) {
    const X = new BigUint64Array(xx.buffer, xx.byteOffset, lanes);
    const A = new BigUint64Array(aa.buffer, aa.byteOffset, lanes);
    const B = new BigUint64Array(bb.buffer, bb.byteOffset, lanes);
    const O = new BigUint64Array(lanes);
    if (sign < 0) for (let i = 0; i < lanes; i++) O[i] = (X[i] as bigint) - (A[i] as bigint) - (B[i] as bigint);
    else for (let i = 0; i < lanes; i++) O[i] = (X[i] as bigint) + (A[i] as bigint) + (B[i] as bigint);
    out.set(new Uint8Array(O.buffer));
    return;
  }
  const make = (u: Uint8Array): Uint8Array | Uint16Array | Uint32Array =>
    t.width === 8 ? u : t.width === 16 ? new Uint16Array(u.buffer, u.byteOffset, lanes) : new Uint32Array(u.buffer, u.byteOffset, lanes);
  const X = make(xx);
  const A = make(aa);
  const B = make(bb);
  const O = t.width === 8 ? new Uint8Array(lanes) : t.width === 16 ? new Uint16Array(lanes) : new Uint32Array(lanes);
  if (sign < 0) for (let i = 0; i < lanes; i++) O[i] = (X[i] as number) - (A[i] as number) - (B[i] as number);
  else for (let i = 0; i < lanes; i++) O[i] = (X[i] as number) + (A[i] as number) + (B[i] as number);
  out.set(new Uint8Array(O.buffer, 0, x.length));
}

/** Combines three parties' share bytes of one private result. */
export function reconstructData(t: ShareType, shares: readonly [Uint8Array, Uint8Array, Uint8Array]): Uint8Array {
  const [a, b, c] = shares;
  const out = new Uint8Array(a.length);
  if (t.sharing !== "additive") {
    for (let i = 0; i < a.length; i++) out[i] = ((a[i] as number) ^ (b[i] as number) ^ (c[i] as number)) & (t.width === 1 ? 1 : 0xff);
    return out;
  }
  combineAdditive(t, a, b, c, out, 1);
  return out;
}

/** Published records from the three parties combined into plaintext results. */
export function reconstructRecords(perParty: readonly [readonly DataRecord[], readonly DataRecord[], readonly DataRecord[]]): DataRecord[] {
  const [r0, r1, r2] = perParty;
  for (const p of [1, 2] as const) {
    if (perParty[p].length !== r0.length) {
      throw new ClientDataError(`party ${p} published ${perParty[p].length} results, party 0 published ${r0.length}`);
    }
  }
  return r0.map((a, i) => {
    const b = r1[i] as DataRecord;
    const c = r2[i] as DataRecord;
    for (const [p, x] of [[1, b], [2, c]] as const) {
      if (x.name !== a.name || x.domain !== a.domain || x.type !== a.type) {
        throw new ClientDataError(`result ${i + 1}: party ${p} published ${describe(x)}, party 0 published ${describe(a)}`);
      }
      if (x.data.length !== a.data.length) throw new ClientDataError(`result "${a.name}": party ${p} sent ${x.data.length} bytes, party 0 sent ${a.data.length}`);
    }
    if (a.domain === "") {
      for (const [p, x] of [[1, b], [2, c]] as const) {
        if (!sameBytes(a.data, x.data)) throw new ClientDataError(`public result "${a.name}" differs between party 0 and party ${p}`);
      }
      return a;
    }
    return { name: a.name, domain: a.domain, type: a.type, data: reconstructData(typeOf(a, "result"), [a.data, b.data, c.data]) };
  });
}

function describe(r: DataRecord): string {
  return `"${r.name}" (${r.domain === "" ? "public" : r.domain} ${r.type})`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
