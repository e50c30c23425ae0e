/**
 * The shared3p SecretBackend of one computing party: private values are this
 * party's share vectors (runtime/shared3p/share-types.ts), public constants enter as
 * the sharing (c, 0, 0) (protocols.md §1.4), data movement is local, declassify runs
 * the open protocol, and kind syscalls go through runtime/shared3p/syscalls.ts to
 * local arithmetic or generated protocols. The three parties run the same program,
 * so protocol instance ids (PartyContext) agree by construction.
 *
 * Types without protocols (private float32/float64) fail with a clear VmError at
 * their first use; `checkProgram` (runtime/shared3p/availability.ts) reports such
 * uses before the program starts.
 */
import type { SecretBackend, SyscallArg, SyscallResult, MaybePromise } from "../../vm/backend.js";
import { VmError } from "../../vm/errors.js";
import { fillVector, newVector, type PrivateType, type PublicScalar, type TypedVector } from "../../vm/values.js";
import { fromPublic } from "../emulator/representation.js";
import type { PartyContext } from "../protocols/context.js";
import { broadcast, concatShares, copyShares, gatherShares, scatterShares } from "./local-ops.js";
import { ProtocolRunner, type TrafficCounter } from "./protocol-runner.js";
import { allocShares, fromPlain, shareTypeOf, type ShareType, type ShareVector } from "./share-types.js";
import { openPublic, runSyscall, type PartyOps } from "./syscalls.js";

export interface Shared3pOptions {
  /** Transport byte counters for the statistics (else the catalogue's figures). */
  readonly traffic?: TrafficCounter;
}

export class Shared3pBackend implements SecretBackend, PartyOps {
  readonly kind = "shared3p";
  readonly party: 0 | 1 | 2;
  readonly runner: ProtocolRunner;

  constructor(ctx: PartyContext, options: Shared3pOptions = {}) {
    this.party = ctx.party;
    this.runner = new ProtocolRunner(ctx, options.traffic);
  }

  alloc(type: PrivateType, length: number, fill: PublicScalar | null): ShareVector {
    const t = shareType(type);
    const out = allocShares(t.width, length);
    if (fill === null || this.party !== 0 || fill === false || fill === 0 || fill === 0n) return out;
    const one = newVector(t.rep.publicType, 1);
    fillVector(one, fill);
    return broadcast(t.width, fromPlain(t, fromPublic(t.rep, one)), 1, length);
  }

  classify(type: PrivateType, data: TypedVector): ShareVector {
    const t = shareType(type);
    if (this.party !== 0) return allocShares(t.width, data.length);
    return fromPlain(t, fromPublic(t.rep, data));
  }

  declassify(type: PrivateType, handle: unknown, length: number): Promise<TypedVector> {
    return openPublic(this, shareType(type), handle as ShareVector, length);
  }

  copy(type: PrivateType, handle: unknown, length: number): ShareVector {
    return copyShares(shareType(type).width, handle as ShareVector, length);
  }

  free(): void {}

  gather(type: PrivateType, src: unknown, indices: Uint32Array): ShareVector {
    return gatherShares(shareType(type).width, src as ShareVector, indices);
  }

  scatter(type: PrivateType, dst: unknown, indices: Uint32Array, src: unknown): void {
    scatterShares(shareType(type).width, dst as ShareVector, indices, src as ShareVector);
  }

  concat(type: PrivateType, a: unknown, alen: number, b: unknown, blen: number): ShareVector {
    return concatShares(shareType(type).width, a as ShareVector, alen, b as ShareVector, blen);
  }

  syscall(name: string, args: readonly SyscallArg[]): MaybePromise<SyscallResult> {
    return runSyscall(this, name, args);
  }
}

function shareType(type: PrivateType): ShareType {
  const t = shareTypeOf(type.name);
  if (t === undefined) throw new VmError(`not available in the three-party runtime yet: private ${type.name} values (domain ${type.domain})`);
  return t;
}
