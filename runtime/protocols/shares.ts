/**
 * Share representations and the helpers that split a plaintext vector into three
 * shares and reconstruct it (for tests, the emulator and the client side).
 *
 * - Additive and XOR word shares of width n: Uint8Array / Uint16Array / Uint32Array /
 *   BigUint64Array for n = 8 / 16 / 32 / 64, one lane per element.
 * - Bits (bool): bit-sliced, lane j is bit (j mod 32) of word ⌊j/32⌋ of a Uint32Array of
 *   ⌈L/32⌉ words. Bits beyond the last lane are don't-care.
 * Plaintext vectors are passed as bigint[] (words) or boolean[] (bits) so the helpers
 * are width-generic; the hot path never uses them.
 */
import { randomBytes } from "node:crypto";

export type Width = 8 | 16 | 32 | 64;
export type WordArray = Uint8Array | Uint16Array | Uint32Array | BigUint64Array;
export type SharingKind = "additive" | "xor";

/** A source of uniformly random bytes (crypto by default; seeded in tests). */
export type RandomBytes = (n: number) => Uint8Array;

export const cryptoRandom: RandomBytes = (n) => new Uint8Array(randomBytes(n));

export function allocWords(width: Width, lanes: number): WordArray {
  switch (width) {
    case 8:
      return new Uint8Array(lanes);
    case 16:
      return new Uint16Array(lanes);
    case 32:
      return new Uint32Array(lanes);
    case 64:
      return new BigUint64Array(lanes);
  }
}

/** Number of Uint32 words holding `lanes` bit-sliced lanes. */
export function bitWords(lanes: number): number {
  return (lanes + 31) >>> 5;
}

function randomWords(width: Width, lanes: number, rand: RandomBytes): WordArray {
  const bytes = rand(lanes * (width / 8));
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  switch (width) {
    case 8:
      return copy;
    case 16:
      return new Uint16Array(copy.buffer, 0, lanes);
    case 32:
      return new Uint32Array(copy.buffer, 0, lanes);
    case 64:
      return new BigUint64Array(copy.buffer, 0, lanes);
  }
}

export function wordsToBigints(a: WordArray): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < a.length; i++) out.push(BigInt(a[i] as number | bigint));
  return out;
}

export function setWord(a: WordArray, i: number, v: bigint): void {
  if (a instanceof BigUint64Array) a[i] = BigInt.asUintN(64, v);
  else (a as Uint32Array)[i] = Number(BigInt.asUintN(32, v));
}

export function bigintsToWords(width: Width, values: readonly bigint[]): WordArray {
  const a = allocWords(width, values.length);
  values.forEach((v, i) => setWord(a, i, v));
  return a;
}

/** Splits words into three additive (mod 2^n) or XOR shares. */
export function splitWords(kind: SharingKind, width: Width, values: readonly bigint[], rand: RandomBytes = cryptoRandom): [WordArray, WordArray, WordArray] {
  const s0 = randomWords(width, values.length, rand);
  const s1 = randomWords(width, values.length, rand);
  const s2 = allocWords(width, values.length);
  const mod = 1n << BigInt(width);
  for (let i = 0; i < values.length; i++) {
    const a = BigInt(s0[i] as number | bigint);
    const b = BigInt(s1[i] as number | bigint);
    const v = values[i] as bigint;
    setWord(s2, i, kind === "additive" ? (((v - a - b) % mod) + mod) % mod : BigInt.asUintN(width, v) ^ a ^ b);
  }
  return [s0, s1, s2];
}

/** Reconstructs words from three additive or XOR shares. */
export function reconstructWords(kind: SharingKind, width: Width, shares: readonly [WordArray, WordArray, WordArray]): bigint[] {
  const out: bigint[] = [];
  const [a, b, c] = shares;
  for (let i = 0; i < a.length; i++) {
    const x = BigInt(a[i] as number | bigint);
    const y = BigInt(b[i] as number | bigint);
    const z = BigInt(c[i] as number | bigint);
    out.push(kind === "additive" ? BigInt.asUintN(width, x + y + z) : x ^ y ^ z);
  }
  return out;
}

/** Packs booleans into a bit-sliced Uint32Array. */
export function packBits(values: readonly boolean[]): Uint32Array {
  const out = new Uint32Array(bitWords(values.length));
  values.forEach((v, i) => {
    if (v) out[i >>> 5] = ((out[i >>> 5] as number) | (1 << (i & 31))) >>> 0;
  });
  return out;
}

export function unpackBits(words: Uint32Array, lanes: number): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < lanes; i++) out.push((((words[i >>> 5] as number) >>> (i & 31)) & 1) === 1);
  return out;
}

/** Splits booleans into three bit-sliced XOR shares. */
export function splitBits(values: readonly boolean[], rand: RandomBytes = cryptoRandom): [Uint32Array, Uint32Array, Uint32Array] {
  const w = bitWords(values.length);
  const s0 = new Uint32Array(w);
  const s1 = new Uint32Array(w);
  s0.set(new Uint32Array(Uint8Array.from(rand(4 * w)).buffer, 0, w));
  s1.set(new Uint32Array(Uint8Array.from(rand(4 * w)).buffer, 0, w));
  const plain = packBits(values);
  const s2 = new Uint32Array(w);
  for (let i = 0; i < w; i++) s2[i] = ((plain[i] as number) ^ (s0[i] as number) ^ (s1[i] as number)) >>> 0;
  return [s0, s1, s2];
}

export function reconstructBits(shares: readonly [Uint32Array, Uint32Array, Uint32Array], lanes: number): boolean[] {
  const w = bitWords(lanes);
  const x = new Uint32Array(w);
  for (let i = 0; i < w; i++) x[i] = ((shares[0][i] as number) ^ (shares[1][i] as number) ^ (shares[2][i] as number)) >>> 0;
  return unpackBits(x, lanes);
}
