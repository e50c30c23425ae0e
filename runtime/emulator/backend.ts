/**
 * The plain-text emulator backend: private values are kept in the clear, one
 * process, for every kind (kind "*"): classify and declassify are the identity on
 * values, so programs defining their own kinds with declassify-based operators run,
 * and shared3p's syscalls (vm syscall names `shared3p::..._vec`) have plain-text
 * semantics identical to what the protocols compute. A handle is the typed vector
 * of the type's representation (runtime/emulator/representation.ts).
 *
 * Reference behaviours kept on purpose: private integer division and modulo by zero
 * give 0 (the reference emulator returned 0 for 6/0), fixed-point products are
 * floored after the shift.
 *
 * Public permutations: `stable_sort_T_vec(pd, a, __ref perm [, ascending])` and
 * `gen_rand_pub_perm(pd, __ref perm)`; conventions in permutations.ts. Checksums:
 * `crc16_xor_vec` / `crc32_xor_vec(pd, data, out)`, parameters in checksums.ts.
 *
 * Every syscall and built-in operation is counted (invocations, lanes) and priced
 * through the optional cost lookup (rounds, bytes of a three-party run).
 */
import type { SecretBackend, SyscallArg, SyscallResult } from "../../vm/backend.js";
import type { PrivateType, PublicScalar, TypedVector } from "../../vm/values.js";
import { CostCounter, type CostLookup } from "./costs.js";
import { fromPublic, newStorage, repOf, toPublic } from "./representation.js";
import { emulatorSupports, runKindSyscall } from "./syscalls.js";

export interface EmulatorOptions {
  /** Prices operations (rounds, bytes); counts are kept regardless. */
  readonly costs?: CostLookup;
}

export class EmulatorBackend implements SecretBackend {
  readonly kind = "*";
  readonly costs: CostCounter;

  constructor(options: EmulatorOptions = {}) {
    this.costs = new CostCounter(options.costs);
  }

  alloc(type: PrivateType, length: number, fill: PublicScalar | null): TypedVector {
    const r = repOf(type);
    const out = newStorage(r, length);
    if (fill !== null && fill !== false && fill !== 0 && fill !== 0n) {
      const pub = newStorage(repOf({ ...type, name: r.publicType }), 1);
      pub[0] = (typeof fill === "boolean" ? 1 : fill) as never;
      const v = fromPublic(r, pub)[0]!;
      (out as { fill(x: number | bigint): unknown }).fill(v);
    }
    this.costs.record(`new_${type.name}`, length);
    return out;
  }

  classify(type: PrivateType, data: TypedVector): TypedVector {
    this.costs.record(`classify_${type.name}`, data.length);
    return fromPublic(repOf(type), data);
  }

  declassify(type: PrivateType, handle: unknown, length: number): TypedVector {
    this.costs.record(`declassify_${type.name}`, length);
    return toPublic(repOf(type), handle as TypedVector);
  }

  copy(type: PrivateType, handle: unknown): TypedVector {
    return (handle as TypedVector).slice();
  }

  free(): void {}

  gather(type: PrivateType, src: unknown, indices: Uint32Array): TypedVector {
    const s = src as TypedVector;
    const out = newStorage(repOf(type), indices.length);
    for (let i = 0; i < indices.length; i++) out[i] = s[indices[i]!]!;
    return out;
  }

  scatter(type: PrivateType, dst: unknown, indices: Uint32Array, src: unknown): void {
    const d = dst as TypedVector;
    const s = src as TypedVector;
    for (let i = 0; i < indices.length; i++) d[indices[i]!] = s[i]!;
  }

  concat(type: PrivateType, a: unknown, alen: number, b: unknown, blen: number): TypedVector {
    const out = newStorage(repOf(type), alen + blen);
    out.set(a as never, 0);
    out.set(b as never, alen);
    return out;
  }

  supports(name: string): boolean {
    return emulatorSupports(name);
  }

  syscall(name: string, args: readonly SyscallArg[]): SyscallResult {
    const { result, lanes } = runKindSyscall(name, args);
    this.costs.record(name.slice(name.indexOf("::") + 2), lanes);
    return result;
  }
}

