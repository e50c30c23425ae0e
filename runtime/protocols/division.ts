/**
 * Unsigned division with remainder of additively shared n-bit words, composed from
 * the generated protocols of stdlib/protocols/integer.tripl (protocols.md §2.14,
 * restoring long division on bits):
 *
 *   1. bits<n> of x (and of a private divisor d, in the same call);
 *   2. topzeros<n> of d: bit j says d >> j == 0, so d << i fits n bits exactly when
 *      bit n - i is set (i ≥ 1), and bit 0 says d == 0;
 *   3. for i = n-1 … 0: divstep<n>(r, d << i, fits_i) subtracts d << i from the
 *      remainder r when it fits and r ≥ d << i; the bit it returns is quotient bit i;
 *   4. divout<n>: quotient and remainder bits cleared when d == 0 (the emulator's
 *      x / 0 = x % 0 = 0), converted to additive sharings.
 *
 * A public divisor (the divc/modc syscalls) is XOR-shared as (d, 0, 0) and its
 * topzeros word and d == 0 are computed in the clear; steps whose d << i overflows in
 * every lane are skipped. All three parties run the same calls in the same order.
 * `run` executes a protocol by catalogue key (the backend's ProtocolRunner).
 */
import { fromPlanes, toPlanes } from "./kernels.js";
import { allocWords, bitWords, type Width, type WordArray } from "./shares.js";

/** Runs a catalogue protocol (`divstep<32>`) over `lanes` lanes at this party. */
export type RunProtocol = (key: string, lanes: number, args: readonly unknown[]) => Promise<unknown>;

/** The divisor: this party's additive share, or the public words (one lane broadcasts). */
export type Divisor = { readonly kind: "private"; readonly share: WordArray } | { readonly kind: "public"; readonly words: WordArray };

export interface DivisionResult {
  readonly quotient?: WordArray;
  readonly remainder?: WordArray;
}

/** The protocol keys a division of width n runs. */
export function divisionKeys(width: Width, divisor: "private" | "public"): string[] {
  const keys = [`bits<${width}>`, `divstep<${width}>`, `divout<${width}>`];
  return divisor === "private" ? [...keys, `topzeros<${width}>`] : keys;
}

/**
 * x / d and x % d lane-wise (unsigned, n-bit), with 0 for both when d == 0.
 * `want` selects which results to compute.
 */
export async function divide(run: RunProtocol, party: 0 | 1 | 2, width: Width, x: WordArray, divisor: Divisor, lanes: number, want: { quotient: boolean; remainder: boolean }): Promise<DivisionResult> {
  const n = width;
  const W = bitWords(lanes);
  let xb: WordArray;
  let dWords: WordArray;
  let tzPlanes: Uint32Array[];
  let lastStep = n - 1;
  if (divisor.kind === "private") {
    const both = allocWords(n, 2 * lanes);
    copyInto(both, x, 0, lanes);
    copyInto(both, divisor.share, lanes, lanes);
    const bb = (await run(`bits<${n}>`, 2 * lanes, [both])) as WordArray;
    xb = bb.subarray(0, lanes) as WordArray;
    const db = bb.subarray(lanes, 2 * lanes) as WordArray;
    dWords = db;
    tzPlanes = planesOf((await run(`topzeros<${n}>`, lanes, [db])) as WordArray, n, lanes);
  } else {
    xb = (await run(`bits<${n}>`, lanes, [x])) as WordArray;
    const d = broadcastWords(n, divisor.words, lanes);
    const tz = topZerosPublic(n, d, lanes);
    // only party 0 holds the public values; the others hold zero shares
    dWords = party === 0 ? d : allocWords(n, lanes);
    tzPlanes = party === 0 ? planesOf(tz, n, lanes) : zeroPlanes(n, W);
    lastStep = lanes === 0 ? -1 : n - minBitLength(n, d, lanes);
  }
  const alwaysFits = new Uint32Array(W);
  if (party === 0) alwaysFits.fill(0xffffffff);
  const qPlanes: (Uint32Array | number)[] = Array.from({ length: n }, () => 0);
  let r = xb;
  for (let i = Math.min(lastStep, n - 1); i >= 0; i--) {
    const fits = i === 0 ? alwaysFits : (tzPlanes[n - i] as Uint32Array);
    const [next, take] = (await run(`divstep<${n}>`, lanes, [r, shiftLeft(n, dWords, i, lanes), fits])) as [WordArray, Uint32Array];
    r = next;
    qPlanes[i] = take;
  }
  const isZero = tzPlanes[0] as Uint32Array;
  const out: { quotient?: WordArray; remainder?: WordArray } = {};
  if (want.quotient) out.quotient = (await run(`divout<${n}>`, lanes, [fromPlanes(n, lanes, qPlanes), isZero])) as WordArray;
  if (want.remainder) out.remainder = (await run(`divout<${n}>`, lanes, [r, isZero])) as WordArray;
  return out;
}

function copyInto(dst: WordArray, src: WordArray, at: number, lanes: number): void {
  (dst as Uint32Array).set((src as Uint32Array).subarray(0, lanes), at);
}

/** Words shifted left by i (mod 2^n); 64-bit words through their 32-bit halves. */
function shiftLeft(n: Width, v: WordArray, i: number, lanes: number): WordArray {
  const out = allocWords(n, lanes);
  if (n !== 64) {
    const src = v as Uint32Array;
    const dst = out as Uint32Array;
    for (let j = 0; j < lanes; j++) dst[j] = (src[j] as number) << i;
    return out;
  }
  const src = new Uint32Array(v.buffer, v.byteOffset, 2 * lanes);
  const dst = new Uint32Array(out.buffer, 0, 2 * lanes);
  for (let j = 0; j < lanes; j++) {
    const lo = src[2 * j] as number;
    const hi = src[2 * j + 1] as number;
    if (i === 0) {
      dst[2 * j] = lo;
      dst[2 * j + 1] = hi;
    } else if (i < 32) {
      dst[2 * j] = lo << i;
      dst[2 * j + 1] = (hi << i) | (lo >>> (32 - i));
    } else dst[2 * j + 1] = lo << (i - 32);
  }
  return out;
}

function planesOf(v: WordArray, n: number, lanes: number): Uint32Array[] {
  const planes = zeroPlanes(n, bitWords(lanes));
  toPlanes(v, n, lanes, planes);
  return planes;
}

function zeroPlanes(n: number, words: number): Uint32Array[] {
  return Array.from({ length: n }, () => new Uint32Array(words));
}

function broadcastWords(n: Width, v: WordArray, lanes: number): WordArray {
  if (v.length === lanes) return v;
  const out = allocWords(n, lanes);
  if (out instanceof BigUint64Array) out.fill((v as BigUint64Array)[0] ?? 0n);
  else (out as Uint32Array).fill(((v as Uint32Array)[0] as number | undefined) ?? 0);
  return out;
}

function wordAt(v: WordArray, i: number): bigint {
  return BigInt(v[i] as number | bigint);
}

/** Public topzeros: bit j of lane i set when d_i >> j == 0. */
function topZerosPublic(n: Width, d: WordArray, lanes: number): WordArray {
  const out = allocWords(n, lanes);
  const all = (1n << BigInt(n)) - 1n;
  for (let i = 0; i < lanes; i++) {
    const len = bitLength(wordAt(d, i));
    // bits j >= len are set
    const word = all & ~((1n << BigInt(len)) - 1n);
    if (out instanceof BigUint64Array) out[i] = word;
    else (out as Uint32Array)[i] = Number(word);
  }
  return out;
}

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** The smallest bit length over the lanes (0 when some lane is 0). */
function minBitLength(n: number, d: WordArray, lanes: number): number {
  let min = n;
  for (let i = 0; i < lanes && min > 0; i++) min = Math.min(min, bitLength(wordAt(d, i)));
  return min;
}
