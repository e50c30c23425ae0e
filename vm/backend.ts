/**
 * The SecretBackend interface: how the VM hands private values and private
 * operations to a protection-domain kind's implementation (the plain-text emulator,
 * the three-party shared3p runtime). One backend instance serves one kind (all its
 * domains). The VM keeps every private value's public shape; the backend owns the
 * storage behind an opaque handle, always a flat vector in row-major order whose
 * length the VM passes along. Backends never resize a handle.
 *
 * Every method may return a Promise (a three-party backend talks to its peers); the
 * VM awaits only when one does. Element load/store are gathers/scatters of one
 * index; reshape is VM-side metadata plus `copy`.
 */
import type { DataTypeName } from "./isa.js";
import type { PrivateType, PublicScalar, TypedVector } from "./values.js";

export type MaybePromise<T> = T | Promise<T>;

/** One argument of a syscall, as SecreC's `__syscall` forms pass it. */
export type SyscallArg =
  /** A public scalar pushed by value (`__domainid(D)` is a uint64 scalar). */
  | { readonly tag: "scalar"; readonly type: DataTypeName; readonly value: PublicScalar }
  /** A private value (pushed or `__readonly`): the backend's handle and its length. */
  | { readonly tag: "private"; readonly type: PrivateType; readonly handle: unknown; readonly length: number }
  /**
   * `__ref` (writable: write into `data`/`bytes`, the VM copies scalars back) or
   * `__cref` (read-only). `data` is the value's elements (a length-1 vector for a
   * scalar; for a string its UTF-8 bytes, plus a NUL for `__cref`), `bytes` the
   * same memory as bytes. `value` is the scalar itself for scalar references.
   */
  | {
      readonly tag: "ref" | "cref";
      readonly type: DataTypeName;
      readonly data: TypedVector;
      readonly bytes: Uint8Array;
      readonly scalar: boolean;
      readonly value: PublicScalar | undefined;
    };

/** What a syscall returns into its `__return` register (converted to its type by the VM). */
export type SyscallResult = PublicScalar | undefined;

export interface SecretBackend {
  /** The kind this backend implements (`shared3p`, or any for the emulator). */
  readonly kind: string;

  /** A private vector of `length` elements, all `fill` (a scalar of the public type) or zero. */
  alloc(type: PrivateType, length: number, fill: PublicScalar | null): MaybePromise<unknown>;
  /** A private vector holding `data` (elements of the type's public counterpart). */
  classify(type: PrivateType, data: TypedVector): MaybePromise<unknown>;
  /** The public elements (a vector of the public counterpart type) of a private vector. */
  declassify(type: PrivateType, handle: unknown, length: number): MaybePromise<TypedVector>;
  /** An independent copy. */
  copy(type: PrivateType, handle: unknown, length: number): MaybePromise<unknown>;
  /** Releases the storage; the handle is not used afterwards. */
  free(type: PrivateType, handle: unknown): MaybePromise<void>;
  /** A new vector of `src[indices[i]]` (indices are in range). */
  gather(type: PrivateType, src: unknown, indices: Uint32Array): MaybePromise<unknown>;
  /** `dst[indices[i]] = src[i]` in place (indices in range, src of indices.length elements). */
  scatter(type: PrivateType, dst: unknown, indices: Uint32Array, src: unknown): MaybePromise<void>;
  /** A new vector: a (alen elements) followed by b (blen elements). */
  concat(type: PrivateType, a: unknown, alen: number, b: unknown, blen: number): MaybePromise<unknown>;
  /**
   * A kind syscall by its full name (`shared3p::add_uint32_vec`). Unknown names must
   * throw an Error whose message names the syscall.
   */
  syscall(name: string, args: readonly SyscallArg[]): MaybePromise<SyscallResult>;
  /** Optional: whether `syscall(name)` is implemented (for checks before a run). */
  supports?(name: string): boolean;
}

/** True for a Promise or any thenable. */
export function isPromise<T>(x: MaybePromise<T>): x is Promise<T> {
  return typeof x === "object" && x !== null && typeof (x as { then?: unknown }).then === "function";
}
