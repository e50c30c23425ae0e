/**
 * What every shared3p syscall handler is made of: the decoded call, the party it runs
 * at, the Handler contract (`needs`: protocol keys or why a type is unsupported;
 * `run`: the work at one party), and the helpers that read operands (private
 * handles, public operands shared as (c, 0, 0)), store results and run protocols by
 * catalogue key. The handler tables (runtime/shared3p/syscalls.ts and the ops-*.ts
 * files it merges) are built from these; EXCHANGE_HANDLERS (classify, declassify,
 * fill, assign, share import/export, type size) work alike for every share type and
 * are merged into each table.
 */
import type { MaybePromise, SyscallArg, SyscallResult } from "../../vm/backend.js";
import { VmError } from "../../vm/errors.js";
import { fillVector, newVector, type TypedVector } from "../../vm/values.js";
import { fromPublic, toPublic } from "../emulator/representation.js";
import { broadcast } from "./local-ops.js";
import type { ProtocolRunner } from "./protocol-runner.js";
import { allocShares, elementBytes, fromPlain, setShareBytes, shareBytes, toPlain, type ShareType, type ShareVector } from "./share-types.js";

/** One decoded call: operation, types, arguments after the protection-domain id. */
export interface Call {
  readonly name: string;
  readonly op: string;
  readonly type: ShareType;
  readonly to: ShareType | undefined;
  readonly args: readonly SyscallArg[];
}

/** What a handler may use of the party. */
export interface PartyOps {
  readonly party: 0 | 1 | 2;
  readonly runner: ProtocolRunner;
}

export interface Handler {
  /** Protocol keys needed for this type (and target type), or the reason it is unsupported. */
  needs(t: ShareType, to: ShareType | undefined): readonly string[] | string;
  run(p: PartyOps, c: Call): MaybePromise<SyscallResult | void>;
}

export const additiveOnly = (extra: (t: ShareType) => readonly string[] = () => []) => (t: ShareType): readonly string[] | string =>
  t.sharing === "additive" ? extra(t) : `${t.name} is not additively shared`;
export const xorOnly = (extra: (t: ShareType) => readonly string[] = () => []) => (t: ShareType): readonly string[] | string =>
  t.sharing !== "additive" ? extra(t) : `${t.name} is not XOR-shared`;
export const noFix = (t: ShareType): readonly string[] | string => (t.rep.cls === "fix" ? "fixed-point arithmetic needs truncation protocols" : []);

export function fail(c: Call, message: string): never {
  throw new VmError(`syscall ${c.name}: ${message}`);
}

/** The private arguments (handle and lanes) in order. */
export function privates(c: Call): { handle: ShareVector; lanes: number; type: string }[] {
  const out: { handle: ShareVector; lanes: number; type: string }[] = [];
  for (const a of c.args) if (a.tag === "private") out.push({ handle: a.handle as ShareVector, lanes: a.length, type: a.type.name });
  return out;
}

export function output(c: Call): { handle: ShareVector; lanes: number } {
  const p = privates(c);
  const o = p[p.length - 1];
  if (o === undefined) fail(c, "expects a private output vector");
  return o;
}

/** A public operand (pushed scalar or __cref vector) as plaintext words of `t`. */
export function publicWords(c: Call, a: SyscallArg, t: ShareType): ShareVector {
  const pubType = t.rep.publicType;
  let data: TypedVector;
  if (a.tag === "scalar") {
    data = newVector(pubType, 1);
    fillVector(data, a.value);
  } else if (a.tag === "cref" || a.tag === "ref") {
    if (a.type !== pubType) fail(c, `public operand of type ${a.type} where ${pubType} is expected`);
    data = a.data;
  } else return fail(c, "internal: not a public operand");
  return fromPlain(t, fromPublic(t.rep, data));
}

/**
 * Input i (0-based, after pd) as a share vector of `lanes` lanes: a private handle
 * (one lane broadcasts) or a public operand shared as (c, 0, 0).
 */
export function shareOperand(p: PartyOps, c: Call, i: number, t: ShareType, lanes: number): ShareVector {
  const a = c.args[i];
  if (a === undefined) fail(c, `missing argument ${i + 2}`);
  if (a.tag === "private") return broadcast(t.width, a.handle as ShareVector, a.length, lanes);
  const words = publicWords(c, a, t);
  const have = words.length === 1 && lanes !== 1 ? 1 : lanes;
  if (p.party !== 0) return allocShares(t.width, lanes);
  return broadcast(t.width, words, have, lanes);
}

/** Copies a protocol's result into the output handle. */
export function store(t: ShareType, out: ShareVector, lanes: number, v: ShareVector): void {
  const n = t.width === 1 ? (lanes + 31) >>> 5 : lanes;
  (out as Uint32Array).set((v as Uint32Array).subarray(0, n));
}

export const key = (name: string, t: ShareType): string => `${name}<${t.width}>`;

/** A local binary operation on two share operands. */
export function localBinary(f: (t: ShareType, party: number, a: ShareVector, b: ShareVector, o: ShareVector, lanes: number, aPub: boolean, bPub: boolean) => void): Handler["run"] {
  return (p, c) => {
    const o = output(c);
    const a = shareOperand(p, c, 0, c.type, o.lanes);
    const b = shareOperand(p, c, 1, c.type, o.lanes);
    f(c.type, p.party, a, b, o.handle, o.lanes, c.args[0]?.tag !== "private", c.args[1]?.tag !== "private");
  };
}

/** A binary protocol on two private operands (public operands are shared as constants). */
export function protocolBinary(name: (t: ShareType, same: boolean) => string): Handler["run"] {
  return async (p, c) => {
    const o = output(c);
    const x = c.args[0];
    const y = c.args[1];
    const same = x?.tag === "private" && y?.tag === "private" && x.handle === y.handle;
    const a = shareOperand(p, c, 0, c.type, o.lanes);
    const k = name(c.type, same);
    const args = same ? [a] : [a, shareOperand(p, c, 1, c.type, o.lanes)];
    store(c.type, o.handle, o.lanes, (await p.runner.run(k, o.lanes, args)) as ShareVector);
  };
}

/** The protocol that re-randomises a sharing of `t` (no communication). */
export function reshareKey(t: ShareType): string {
  return t.sharing === "additive" ? key("reshare", t) : key("xreshare", t);
}

/** The protocol that opens a sharing of `t` to the three parties. */
export function openKey(t: ShareType): string {
  return t.sharing === "additive" ? key("open", t) : key("xopen", t);
}

/** Opens a share vector; resolves to public elements of the type's public counterpart. */
export async function openPublic(p: PartyOps, t: ShareType, v: ShareVector, lanes: number): Promise<TypedVector> {
  const words = (await p.runner.run(openKey(t), lanes, [v])) as ShareVector;
  return toPublic(t.rep, toPlain(t, words, lanes));
}


/** out = operand 0 (private copied, public shared as (c, 0, 0)): classify, fill, assign. */
export function runFill(p: PartyOps, c: Call): void {
  const o = output(c);
  store(c.type, o.handle, o.lanes, shareOperand(p, c, 0, c.type, o.lanes));
}

/** Data exchange with the client, the same for every share type. */
export const EXCHANGE_HANDLERS: Readonly<Record<string, Handler>> = {
  get_type_size: { needs: () => [], run: (_p, c) => BigInt(elementBytes(c.type)) },
  get_shares: {
    needs: (t) => [reshareKey(t)],
    run: async (p, c) => {
      const [a] = privates(c);
      if (a === undefined) fail(c, "needs a private vector");
      const buf = c.args.find((x) => x.tag === "ref");
      if (buf === undefined || buf.tag !== "ref") return BigInt(a.lanes * elementBytes(c.type));
      // the exported share leaves the party: re-randomise it with a fresh zero-sharing first (protocols.md §1.5)
      const fresh = (await p.runner.run(reshareKey(c.type), a.lanes, [a.handle])) as ShareVector;
      const bytes = shareBytes(c.type, fresh, a.lanes);
      buf.bytes.set(bytes.subarray(0, Math.min(bytes.length, buf.bytes.length)));
      return BigInt(bytes.length);
    },
  },
  set_shares: {
    needs: () => [],
    run: (_p, c) => {
      const src = c.args.find((x) => x.tag === "cref" || x.tag === "ref");
      if (src === undefined || (src.tag !== "cref" && src.tag !== "ref")) fail(c, "needs a __cref byte vector");
      const size = elementBytes(c.type);
      if (src.bytes.length % size !== 0) fail(c, `${src.bytes.length} bytes is not a whole number of ${c.type.name} shares`);
      const [out] = privates(c);
      if (out !== undefined && !setShareBytes(c.type, out.handle, out.lanes, src.bytes)) {
        fail(c, `the argument holds ${src.bytes.length / size} ${c.type.name} shares where ${out.lanes} are expected`);
      }
      return BigInt(src.bytes.length / size);
    },
  },
  classify: { needs: () => [], run: runFill },
  fill: { needs: () => [], run: runFill },
  assign: { needs: () => [], run: runFill },
  declassify: {
    needs: (t) => [openKey(t)],
    run: async (p, c) => {
      const [a] = privates(c);
      const out = c.args.find((x) => x.tag === "ref");
      if (a === undefined || out === undefined || out.tag !== "ref") fail(c, "needs (pd, a, __ref out)");
      // typed-array set: the public vector and the opened elements are of one kind
      (out.data as Uint32Array).set((await openPublic(p, c.type, a.handle, a.lanes)) as unknown as Uint32Array);
    },
  },
};
