/**
 * Test support for protocol property tests: lane vectors biased towards edge values,
 * share splitting with a seeded source, running the three parties over the in-memory
 * transport, and reconstruction. Specifications are written in the tests themselves.
 */
import fc from "fast-check";
import { createHash } from "node:crypto";
import { type LocalCluster, localCluster, runParties } from "../../../runtime/protocols/local-cluster.js";
import type { PartyContext } from "../../../runtime/protocols/context.js";
import { type Width, type WordArray, reconstructBits, reconstructWords, splitBits, splitWords } from "../../../runtime/protocols/shares.js";

export const WIDTHS: readonly Width[] = [8, 16, 32, 64];

/** A word of `width` bits biased towards 0, 1, 2^(n-1)-1, 2^(n-1), 2^n-1. */
export function word(width: number): fc.Arbitrary<bigint> {
  const n = BigInt(width);
  const edges = [0n, 1n, (1n << (n - 1n)) - 1n, 1n << (n - 1n), (1n << n) - 1n, 2n];
  return fc.oneof(fc.constantFrom(...edges), fc.bigInt({ min: 0n, max: (1n << n) - 1n }));
}

/** Lane counts 0..70, crossing the 32- and 64-lane packing boundaries. */
export const lanes = fc.oneof(fc.constantFrom(0, 1, 31, 32, 33, 63, 64, 65), fc.integer({ min: 0, max: 70 }));

/** `count` vectors of `width`-bit words with a common random length; some lanes repeat operands. */
export function vectors(width: number, count: number): fc.Arbitrary<bigint[][]> {
  return lanes.chain((l) =>
    fc.tuple(...Array.from({ length: count }, () => fc.array(word(width), { minLength: l, maxLength: l })), fc.array(fc.boolean(), { minLength: l, maxLength: l })).map((vs) => {
      const flags = vs[vs.length - 1] as boolean[];
      const out = (vs.slice(0, -1) as bigint[][]).map((v) => [...v]);
      // Equal operands in flagged lanes.
      if (out.length > 1) flags.forEach((f, i) => f && out.slice(1).forEach((v) => (v[i] = (out[0] as bigint[])[i] as bigint)));
      return out;
    }),
  );
}

let counter = 0;
/** A seeded random byte source (deterministic per test run). */
export function seeded(label: string): (n: number) => Uint8Array {
  let state = createHash("sha256").update(`${label}:${counter++}`).digest();
  return (n) => {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      state = createHash("sha256").update(state).digest();
      out.set(state.subarray(0, Math.min(32, n - filled)), filled);
      filled += 32;
    }
    return out;
  };
}

export const cluster: LocalCluster = localCluster("protocol-tests");

export function additive(width: Width, values: bigint[]): [WordArray, WordArray, WordArray] {
  return splitWords("additive", width, values, seeded("a"));
}

export function xor(width: Width, values: bigint[]): [WordArray, WordArray, WordArray] {
  return splitWords("xor", width, values, seeded("x"));
}

export function bits(values: boolean[]): [Uint32Array, Uint32Array, Uint32Array] {
  return splitBits(values, seeded("b"));
}

export function run<T>(f: (ctx: PartyContext, p: 0 | 1 | 2) => T | Promise<T>): Promise<[T, T, T]> {
  return runParties(cluster, f);
}

export function openAdditive(width: Width, shares: readonly unknown[]): bigint[] {
  return reconstructWords("additive", width, shares as [WordArray, WordArray, WordArray]);
}

export function openXor(width: Width, shares: readonly unknown[]): bigint[] {
  return reconstructWords("xor", width, shares as [WordArray, WordArray, WordArray]);
}

export function openBits(shares: readonly unknown[], l: number): boolean[] {
  return reconstructBits(shares as [Uint32Array, Uint32Array, Uint32Array], l);
}

export const mod = (width: number, x: bigint): bigint => BigInt.asUintN(width, x);

/** Looks a generated function up by instance name, e.g. `mul_32`. */
export function fnOf(module: Record<string, unknown>, name: string): (...args: unknown[]) => unknown {
  const f = module[name];
  if (typeof f !== "function") throw new Error(`no generated function ${name}`);
  return f as (...args: unknown[]) => unknown;
}
