/**
 * Oblivious shuffles of the rows of a private matrix (a vector is one column) at one
 * party, through the generated `shuffle<n>` / `unshuffle<n>` protocols (protocols.md
 * §3.1), with a fresh key or a shared one (shuffle-key.ts).
 *
 * The protocols permute additive lanes. Each column is shuffled by its own protocol
 * call over `rows` lanes under the same key, so all columns move alike; the calls
 * are issued together (instance ids in program order) and finish in the protocol's
 * rounds. XOR-shared values go through the additive protocol bit plane by bit plane:
 * an XOR share bit b_i, taken as an additive share in Z_256, gives a sharing whose
 * sum has b_1 ⊕ b_2 ⊕ b_3 as its lowest bit (carries only move upwards), and the
 * lowest bits of the shuffled additive shares are again XOR shares of the permuted
 * bits. So bool costs one shuffle<8> lane per element, xor_uintN N of them.
 *
 * Statistics of the concurrent calls are kept by a runner of their own (catalogue
 * byte counts) and added to the party's.
 */
import { ProtocolRunner, type ProtocolStats } from "../protocol-runner.js";
import type { PartyOps } from "../handler.js";
import { allocShares, getBit, type ShareType, type ShareVector, type Width } from "../share-types.js";
import { gatherShares, scatterShares } from "../local-ops.js";
import { KEY_INSTANCE, keyedContext } from "./shuffle-key.js";

/** A fresh random permutation, or the one a shared key's share determines. */
export type ShuffleKey = { readonly kind: "fresh" } | { readonly kind: "shared"; readonly share: Uint8Array };

/** The width of the additive protocol that shuffles values of `t`. */
export function shuffleWidth(t: ShareType): Width {
  return t.sharing === "additive" ? t.width : 8;
}

/** Protocol keys one shuffle of `t` runs. */
export function shuffleProtocol(t: ShareType, inverse: boolean): string {
  return `${inverse ? "unshuffle" : "shuffle"}<${shuffleWidth(t)}>`;
}

/** The additive vectors (planes) that carry one column of `t` through the protocol. */
function toPlanes(t: ShareType, col: ShareVector, rows: number): ShareVector[] {
  if (t.sharing === "additive") return [col];
  if (t.sharing === "bits") {
    const plane = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) plane[i] = getBit(col as Uint32Array, i);
    return [plane];
  }
  const planes: ShareVector[] = [];
  const words = wordsOf(t.width, col, rows);
  const per = t.width === 64 ? 2 : 1;
  for (let j = 0; j < t.width; j++) {
    const plane = new Uint8Array(rows);
    const half = j >>> 5;
    const bit = j & 31;
    for (let i = 0; i < rows; i++) plane[i] = ((words[i * per + half] as number) >>> bit) & 1;
    planes.push(plane);
  }
  return planes;
}

/** The 32-bit words of a word vector (64-bit lanes as two little-endian words). */
function wordsOf(width: Width, v: ShareVector, rows: number): Uint32Array | Uint16Array | Uint8Array {
  if (width === 64) return new Uint32Array(v.buffer, v.byteOffset, 2 * rows);
  return v as Uint32Array | Uint16Array | Uint8Array;
}

/** The column of `t` whose planes came back from the protocol. */
function fromPlanes(t: ShareType, planes: readonly ShareVector[], rows: number): ShareVector {
  if (t.sharing === "additive") return planes[0] as ShareVector;
  const out = allocShares(t.width, rows);
  if (t.sharing === "bits") {
    const p = planes[0] as Uint8Array;
    const o = out as Uint32Array;
    for (let i = 0; i < rows; i++) if (((p[i] as number) & 1) !== 0) o[i >>> 5] = ((o[i >>> 5] as number) | (1 << (i & 31))) >>> 0;
    return out;
  }
  const words = wordsOf(t.width, out, rows);
  const per = t.width === 64 ? 2 : 1;
  for (let j = 0; j < t.width; j++) {
    const p = planes[j] as Uint8Array;
    const half = j >>> 5;
    const bit = j & 31;
    for (let i = 0; i < rows; i++) words[i * per + half] = ((words[i * per + half] as number) | (((p[i] as number) & 1) << bit)) >>> 0;
  }
  return out;
}

/** Adds the statistics of `from` to `into`. */
function mergeStats(into: Map<string, ProtocolStats>, from: ReadonlyMap<string, ProtocolStats>): void {
  for (const [k, s] of from) {
    const t = into.get(k);
    if (t === undefined) {
      into.set(k, { ...s });
      continue;
    }
    t.calls += s.calls;
    t.lanes += s.lanes;
    t.rounds += s.rounds;
    t.bytesSent += s.bytesSent;
    t.bytesReceived += s.bytesReceived;
    t.milliseconds += s.milliseconds;
  }
}

/**
 * Shuffles (or, with `inverse`, unshuffles) the rows of `data`, a row-major matrix
 * of `rows` × `cols` elements of `t`; resolves to the permuted matrix. All three
 * parties must call it at the same point with the same shape and key kind.
 */
export async function shuffleRows(p: PartyOps, t: ShareType, data: ShareVector, rows: number, cols: number, key: ShuffleKey, inverse: boolean): Promise<ShareVector> {
  if (rows === 0 || cols === 0) return allocShares(t.width, 0);
  const base = p.runner.ctx;
  const ctx = key.kind === "fresh" ? base : await keyedContext(base, key.share);
  const keyNumber = key.kind === "fresh" ? base.newInstance() : KEY_INSTANCE;
  const protocol = shuffleProtocol(t, inverse);
  const columns: Uint32Array[] = [];
  const planes: ShareVector[][] = [];
  for (let c = 0; c < cols; c++) {
    const idx = new Uint32Array(rows);
    for (let r = 0; r < rows; r++) idx[r] = r * cols + c;
    columns.push(idx);
    planes.push(toPlanes(t, cols === 1 ? data : gatherShares(t.width, data, idx), rows));
  }
  const calls = planes.flat();
  // one call: the party's runner (transport byte counts); several: their own runner, merged
  const runner = calls.length === 1 && ctx === base ? p.runner : new ProtocolRunner(ctx);
  const results = (await Promise.all(calls.map((v) => runner.run(protocol, rows, [v, keyNumber])))) as ShareVector[];
  if (runner !== p.runner) mergeStats(p.runner.stats, runner.stats);
  const out = allocShares(t.width, rows * cols);
  let next = 0;
  for (let c = 0; c < cols; c++) {
    const n = (planes[c] as ShareVector[]).length;
    const col = fromPlanes(t, results.slice(next, next + n), rows);
    next += n;
    if (cols === 1) return col;
    scatterShares(t.width, out, columns[c] as Uint32Array, col);
  }
  return out;
}
