/**
 * Fixed-point matrix products at one party (`mat_mult_fix32_vec`,
 * `mat_mult_fix64_vec`), equal bit for bit to the emulator: the exact sum S of the
 * exact products of the signed scaled values, then one floor shift by the f
 * fractional bits, modulo 2^w: out = floor(S / 2^f) mod 2^w (f = w/2).
 *
 * fix32: floor(S / 2^16) mod 2^32 depends only on S mod 2^48, so the 64-bit ring
 * suffices: sext<32,64> over a and b together, the replicated product modulo 2^64
 * (replicated.ts: one rep<64>, local products, reshare<64>), the exact shift
 * shr<64,16> and the low 32 bits (local: reduction is a ring homomorphism).
 *
 * fix64 needs S mod 2^96, beyond the ring, so every operand is split exactly as
 * x = xh·2^32 + x1·2^16 + x0 (xh = floor(x / 2^32) signed, 0 ≤ x1, x0 < 2^16) with
 * two exact shifts of x + 2^63 (shr<64,32>, shr<64,16>). With xl = x1·2^16 + x0:
 *   floor(S / 2^32) = Σ (xh·y + xl·yh + x1·y1) + floor((2^16·P + Q) / 2^32),
 *   P = Σ (x1·y0 + x0·y1) < n·2^33,  Q = Σ x0·y0 < n·2^32,
 * where the first sum is needed only modulo 2^64, and P and Q are exact in the ring
 * for n < 2^31. Splitting P = Ph·2^16 + Pl (Ph by shr<64,16>) leaves
 * floor((2^16·Pl + Q) / 2^32), whose argument is below 2^32·(n + 1), so one more
 * shr<64,32> gives it exactly. One rep<64> replicates xh, x1 and x0 of a and b in
 * one round; the three sums are local products, re-shared before they are shifted.
 */
import { concatShares } from "../local-ops.js";
import type { PartyOps } from "../handler.js";
import { allocShares, type ShareVector } from "../share-types.js";
import { replicate, replicatedProduct, slicePair, type Pair } from "./replicated.js";

/** The protocols a fixed-point product of width w runs, in order. */
export function fixMatMultProtocols(w: 32 | 64): string[] {
  return w === 32
    ? ["sext<32,64>", "rep<64>", "reshare<64>", "shr<64,16>"]
    : ["shr<64,32>", "shr<64,16>", "rep<64>", "reshare<64>", "shr<64,16>", "shr<64,32>", "reshare<64>"];
}

/** Σ c·v lane-wise, modulo 2^64. */
function linear(lanes: number, terms: readonly (readonly [ShareVector, bigint])[]): BigUint64Array {
  const out = new BigUint64Array(lanes);
  for (const [v, c] of terms) {
    const x = v as BigUint64Array;
    for (let i = 0; i < lanes; i++) out[i] = (out[i] as bigint) + c * (x[i] as bigint);
  }
  return out;
}

/** Σ c·v lane-wise plus a public `constant` (added by party 0 only). */
function affine(party: PartyOps, lanes: number, terms: readonly (readonly [ShareVector, bigint])[], constant = 0n): BigUint64Array {
  const out = linear(lanes, terms);
  if (party.party === 0 && constant !== 0n) for (let i = 0; i < lanes; i++) out[i] = (out[i] as bigint) + constant;
  return out;
}

/** The same linear map of pairs, component by component (constants go in before replication). */
function combine(lanes: number, terms: readonly (readonly [Pair, bigint])[]): Pair {
  return { cur: linear(lanes, terms.map(([p, c]) => [p.cur, c] as const)), prev: linear(lanes, terms.map(([p, c]) => [p.prev, c] as const)) };
}

async function run(party: PartyOps, key: string, lanes: number, v: ShareVector): Promise<BigUint64Array> {
  return (await party.runner.run(key, lanes, [v])) as BigUint64Array;
}

/** fix32: the 64-bit product of the sign-extended operands, shifted by 16, low half. */
async function fix32(party: PartyOps, a: ShareVector, b: ShareVector, m: number, n: number, p: number): Promise<ShareVector> {
  const lanes = m * n + n * p;
  const wide = await run(party, "sext<32,64>", lanes, concatShares(32, a, m * n, b, n * p));
  const pair = await replicate(party, 64, wide, lanes);
  const local = replicatedProduct(64, [{ x: slicePair(pair, 0, m * n), y: slicePair(pair, m * n, n * p) }], m, n, p);
  const shifted = await run(party, "shr<64,16>", m * p, await run(party, "reshare<64>", m * p, local));
  return Uint32Array.from(shifted, (x) => Number(BigInt.asUintN(32, x)));
}

/** fix64: the exact split product described in the header. */
async function fix64(party: PartyOps, a: ShareVector, b: ShareVector, m: number, n: number, p: number): Promise<ShareVector> {
  if (n >= 2 ** 31) throw new RangeError(`a fix64 matrix product over ${n} terms exceeds the exact range (2^31)`);
  const lanes = m * n + n * p;
  const x = concatShares(64, a, m * n, b, n * p);
  const offset = affine(party, lanes, [[x, 1n]], 1n << 63n);
  const h32 = await run(party, "shr<64,32>", lanes, offset);
  const h16 = await run(party, "shr<64,16>", lanes, offset);
  const xh = affine(party, lanes, [[h32, 1n]], -(1n << 31n));
  const x1 = affine(party, lanes, [[h16, 1n], [h32, -(1n << 16n)]]);
  const x0 = affine(party, lanes, [[x, 1n], [h16, -(1n << 16n)]], 1n << 63n);
  const parts = new BigUint64Array(3 * lanes);
  parts.set(xh, 0);
  parts.set(x1, lanes);
  parts.set(x0, 2 * lanes);
  const pair = await replicate(party, 64, parts, 3 * lanes);
  const part = (k: number, left: boolean): Pair => slicePair(pair, k * lanes + (left ? 0 : m * n), left ? m * n : n * p);
  const [ah, a1, a0] = [part(0, true), part(1, true), part(2, true)];
  const [bh, b1, b0] = [part(0, false), part(1, false), part(2, false)];
  const al = combine(m * n, [[a1, 1n << 16n], [a0, 1n]]);
  const bFull = combine(n * p, [[bh, 1n << 32n], [b1, 1n << 16n], [b0, 1n]]);
  const t = replicatedProduct(64, [{ x: ah, y: bFull }, { x: al, y: bh }, { x: a1, y: b1 }], m, n, p) as BigUint64Array;
  const pLocal = replicatedProduct(64, [{ x: a1, y: b0 }, { x: a0, y: b1 }], m, n, p);
  const qLocal = replicatedProduct(64, [{ x: a0, y: b0 }], m, n, p);
  const cells = m * p;
  const pq = await run(party, "reshare<64>", 2 * cells, concatShares(64, pLocal, cells, qLocal, cells));
  const pShared = pq.subarray(0, cells);
  const ph = await run(party, "shr<64,16>", cells, pShared);
  const rest = affine(party, cells, [[pShared, 1n << 16n], [ph, -(1n << 32n)], [pq.subarray(cells), 1n]]);
  const carry = await run(party, "shr<64,32>", cells, rest);
  return run(party, "reshare<64>", cells, affine(party, cells, [[t, 1n], [ph, 1n], [carry, 1n]]));
}

/** The m × p fixed-point product (w = 32 or 64, w/2 fractional bits) of a (m × n) and b (n × p). */
export async function fixMatMult(party: PartyOps, w: 32 | 64, a: ShareVector, b: ShareVector, m: number, n: number, p: number): Promise<ShareVector> {
  // an empty result, or sums of no terms: zeros, without sending anything
  if (m * p === 0 || n === 0) return allocShares(w, m * p);
  return w === 32 ? fix32(party, a, b, m, n, p) : fix64(party, a, b, m, n, p);
}
