/**
 * Types of the generated protocol catalogue (generated/catalog.ts), for the shared3p
 * backend that maps SecreC syscalls to protocol instances.
 */
import type { PartyContext } from "./context.js";

/** A (sharing) kind: A additive, X XOR (width 1 = bool, bit-sliced), Z held by some parties, Pub public, Key shuffle key. */
export type ProtocolKind = "A" | "X" | "Z" | "Pub" | "Key";

export interface ProtocolParam {
  readonly name: string;
  readonly kind: ProtocolKind;
  readonly width: number;
  /** Party indices (0..2) that pass a value. */
  readonly holders: readonly number[];
}

export interface ProtocolEntry {
  /** Cost-table key, e.g. "mul<32>". */
  readonly key: string;
  readonly name: string;
  /** Generated function name, e.g. "mul_32". */
  readonly instance: string;
  readonly statics: readonly (number | string)[];
  readonly params: readonly ProtocolParam[];
  readonly outputs: readonly { readonly kind: ProtocolKind; readonly width: number }[];
  readonly rounds: number;
  readonly bytesPerLane: readonly number[];
  /** True if the function returns its result directly (no communication). */
  readonly sync: boolean;
  readonly fn: (ctx: PartyContext, lanes: number, ...args: never[]) => unknown;
}
