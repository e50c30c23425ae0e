/**
 * Three shared3p backends in one process over the in-memory transport, with helpers
 * to share plaintext vectors (the client's splitting), run one syscall or backend
 * method at all three parties at once, and reconstruct a private result.
 */
import { localCluster } from "../../../runtime/protocols/local-cluster.js";
import { reconstructBits, reconstructWords, splitBits, splitWords, type Width as WordWidth } from "../../../runtime/protocols/shares.js";
import { Shared3pBackend } from "../../../runtime/shared3p/backend.js";
import type { ShareVector } from "../../../runtime/shared3p/share-types.js";
import type { SyscallArg, SyscallResult } from "../../../vm/backend.js";
import type { DataTypeName } from "../../../vm/isa.js";
import type { PrivateType } from "../../../vm/values.js";

export type Party = 0 | 1 | 2;

export function makeBackends(seed = "shared3p-tests"): [Shared3pBackend, Shared3pBackend, Shared3pBackend] {
  const cluster = localCluster(seed);
  return cluster.parties.map((ctx) => new Shared3pBackend(ctx)) as [Shared3pBackend, Shared3pBackend, Shared3pBackend];
}

const PUBLIC: Record<string, DataTypeName> = {
  bool: "bool",
  xor_uint8: "uint8",
  xor_uint16: "uint16",
  xor_uint32: "uint32",
  xor_uint64: "uint64",
  fix32: "float32",
  fix64: "float64",
};

export function ptype(name: string): PrivateType {
  return { kind: "shared3p", domain: "pd_shared3p", domainId: 0, name, publicType: PUBLIC[name] ?? (name as DataTypeName) };
}

/** Width and sharing of a type name. */
export function widthOf(name: string): 1 | 8 | 16 | 32 | 64 {
  if (name === "bool") return 1;
  return Number(/(\d+)$/.exec(name)![1]) as 8 | 16 | 32 | 64;
}

/** A private value at the three parties: one share vector each, plus its lane count. */
export interface Shared {
  readonly type: string;
  readonly lanes: number;
  readonly shares: [ShareVector, ShareVector, ShareVector];
}

/** Splits plaintext words (bigint, taken mod 2^n) or bools into fresh shares. */
export function share(type: string, values: readonly (bigint | boolean)[]): Shared {
  const w = widthOf(type);
  if (w === 1) return { type, lanes: values.length, shares: splitBits(values as boolean[]) };
  const kind = type.startsWith("xor_") ? "xor" : "additive";
  return { type, lanes: values.length, shares: splitWords(kind, w as WordWidth, values as bigint[]) };
}

/** Reconstructs a private value: bigints (unsigned) or bools. */
export function open(v: Shared): (bigint | boolean)[] {
  const w = widthOf(v.type);
  if (w === 1) return reconstructBits(v.shares as [Uint32Array, Uint32Array, Uint32Array], v.lanes);
  return reconstructWords(v.type.startsWith("xor_") ? "xor" : "additive", w as WordWidth, v.shares as never);
}

/** A zero-filled private output of `lanes` lanes at each party. */
export function outputOf(backends: readonly Shared3pBackend[], type: string, lanes: number): Shared {
  return { type, lanes, shares: backends.map((b) => b.alloc(ptype(type), lanes, null)) as [ShareVector, ShareVector, ShareVector] };
}

/** The SyscallArg of party p's share. */
export function priv(v: Shared, p: Party): SyscallArg {
  return { tag: "private", type: ptype(v.type), handle: v.shares[p], length: v.lanes };
}

export const pd: SyscallArg = { tag: "scalar", type: "uint64", value: 0n };

/** Runs a syscall at the three parties concurrently with per-party arguments. */
export async function syscallAll(
  backends: readonly Shared3pBackend[],
  name: string,
  args: (p: Party) => SyscallArg[],
): Promise<[SyscallResult, SyscallResult, SyscallResult]> {
  return (await Promise.all(backends.map((b, p) => b.syscall(name, [pd, ...args(p as Party)])))) as [SyscallResult, SyscallResult, SyscallResult];
}

/** Unsigned value of a bigint in n bits. */
export function mod(n: number, v: bigint): bigint {
  return BigInt.asUintN(n, v);
}
