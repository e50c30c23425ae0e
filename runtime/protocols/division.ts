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
 * A public divisor (the divc/modc syscalls) takes divstepc<n>, which gets d << i and
 * the fits mask in the clear (so its generate and its final test are local); steps
 * whose d << i overflows in every lane are skipped. All three parties run the same
 * calls in the same order. `run` executes a protocol by catalogue key (the backend's
 * ProtocolRunner).
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
  const step = divisor === "private" ? [`topzeros<${width}>`, `divstep<${width}>`] : [`divstepc<${width}>`];
  return [`bits<${width}>`, ...step, `divout<${width}>`];
}

/**
 * x / d and x % d lane-wise (unsigned, n-bit), with 0 for both when d == 0.
 * `want` selects which results to compute.
 */
export async function divide(run: RunProtocol, party: 0 | 1 | 2, width: Width, x: WordArray, divisor: Divisor, lanes: number, want: { quotient: boolean; remainder: boolean }): Promise<DivisionResult> {
  const n = width;
  const steps = divisor.kind === "private" ? await privateSteps(run, party, n, x, divisor.share, lanes) : await publicSteps(run, party, n, x, divisor.words, lanes);
  const out: { quotient?: WordArray; remainder?: WordArray } = {};
  if (want.quotient) out.quotient = (await run(`divout<${n}>`, lanes, [fromPlanes(n, lanes, steps.quotientBits), steps.isZero])) as WordArray;
  if (want.remainder) out.remainder = (await run(`divout<${n}>`, lanes, [steps.remainder, steps.isZero])) as WordArray;
  return out;
}

/** After the steps: quotient bit planes (0 for skipped steps), remainder bits, and d == 0 as a bool sharing. */
interface Steps {
  readonly quotientBits: (Uint32Array | number)[];
  readonly remainder: WordArray;
  readonly isZero: Uint32Array;
}

/** The steps for a private divisor: bits of x and d in one call, topzeros, n divsteps. */
async function privateSteps(run: RunProtocol, party: 0 | 1 | 2, n: Width, x: WordArray, d: WordArray, lanes: number): Promise<Steps> {
  const both = allocWords(n, 2 * lanes);
  copyInto(both, x, 0, lanes);
  copyInto(both, d, lanes, lanes);
  const bb = (await run(`bits<${n}>`, 2 * lanes, [both])) as WordArray;
  const db = bb.subarray(lanes, 2 * lanes) as WordArray;
  const tz = planesOf((await run(`topzeros<${n}>`, lanes, [db])) as WordArray, n, lanes);
  const alwaysFits = new Uint32Array(bitWords(lanes));
  if (party === 0) alwaysFits.fill(0xffffffff);
  const quotientBits: (Uint32Array | number)[] = Array.from({ length: n }, () => 0);
  let r = bb.subarray(0, lanes) as WordArray;
  for (let i = n - 1; i >= 0; i--) {
    const fits = i === 0 ? alwaysFits : (tz[n - i] as Uint32Array);
    const [next, take] = (await run(`divstep<${n}>`, lanes, [r, shiftLeft(n, db, i, lanes), fits])) as [WordArray, Uint32Array];
    r = next;
    quotientBits[i] = take;
  }
  return { quotientBits, remainder: r, isZero: tz[0] as Uint32Array };
}

/**
 * The steps for a public divisor (the same words at every party): divstepc with
 * d << i and its fits mask in the clear, skipping the steps where d << i overflows
 * in every lane; d == 0 is held by party 0.
 */
async function publicSteps(run: RunProtocol, party: 0 | 1 | 2, n: Width, x: WordArray, words: WordArray, lanes: number): Promise<Steps> {
  const d = broadcastWords(n, words, lanes);
  const lengths = new Uint8Array(lanes);
  let shortest: number = n;
  for (let j = 0; j < lanes; j++) {
    lengths[j] = bitLength(wordAt(d, j));
    shortest = Math.min(shortest, lengths[j] as number);
  }
  const quotientBits: (Uint32Array | number)[] = Array.from({ length: n }, () => 0);
  let r = (await run(`bits<${n}>`, lanes, [x])) as WordArray;
  for (let i = lanes === 0 ? -1 : Math.min(n - 1, n - shortest); i >= 0; i--) {
    const fits = allocWords(n, lanes);
    for (let j = 0; j < lanes; j++) if ((lengths[j] as number) + i <= n) setAllOnes(fits, j);
    const [next, take] = (await run(`divstepc<${n}>`, lanes, [r, shiftLeft(n, d, i, lanes), fits])) as [WordArray, Uint32Array];
    r = next;
    quotientBits[i] = take;
  }
  const isZero = new Uint32Array(bitWords(lanes));
  if (party === 0) for (let j = 0; j < lanes; j++) if (lengths[j] === 0) isZero[j >>> 5] = ((isZero[j >>> 5] as number) | (1 << (j & 31))) >>> 0;
  return { quotientBits, remainder: r, isZero };
}

function setAllOnes(v: WordArray, j: number): void {
  if (v instanceof BigUint64Array) v[j] = 0xffffffffffffffffn;
  else (v as Uint32Array)[j] = 0xffffffff;
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

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}
