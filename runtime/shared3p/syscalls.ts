/**
 * The shared3p syscalls of the standard library (`shared3p::<op>_<type>_vec` with
 * arguments `(pd, inputs..., output)`, public operands by `__cref` or pushed) mapped
 * to local share arithmetic or to generated protocols by catalogue key.
 *
 * The core operations (linear arithmetic, multiplication, bit operations,
 * comparisons, min/max, reductions, data exchange with the client) are defined
 * here; conversions, integer operations beyond the core, data movement
 * (shuffles, gathers), fixed-point inv/sqrt and floating point come from
 * conversions.ts and the ops-*.ts
 * files, AES from aes.ts. `syscallStatus` answers, without running anything, whether a name is
 * executable here: the party process uses it to refuse at load time a program that
 * reaches an operation whose protocol does not exist yet, and the backend uses it at
 * call time.
 */
import type { MaybePromise, SyscallArg, SyscallResult } from "../../vm/backend.js";
import { VmError } from "../../vm/errors.js";
import { parseAesSyscall } from "../emulator/aes.js";
import { parseSyscallName } from "../emulator/call.js";
import { aesHandler } from "./aes.js";
import { addShares, allOnes, broadcast, mulPublic, negShares, subShares, sumChunks, xorShares } from "./local-ops.js";
import { convNeeds, runConvert } from "./conversions.js";
import {
  EXCHANGE_HANDLERS,
  additiveOnly,
  fail,
  key,
  localBinary,
  noFix,
  output,
  privates,
  protocolBinary,
  publicWords,
  shareOperand,
  store,
  xorOnly,
  type Handler,
  type PartyOps,
} from "./handler.js";
import { FIXMATH_HANDLERS } from "./ops-fixmath.js";
import { FLOAT_HANDLERS } from "./ops-float.js";
import { INTEGER_HANDLERS } from "./ops-integer.js";
import { MOVEMENT_HANDLERS } from "./ops-movement.js";
import { hasProtocol } from "./protocol-runner.js";
import { tournament } from "./tournament.js";
import { allocShares, setBit, shareTypeOf, type ShareType, type ShareVector } from "./share-types.js";

export { openKey, openPublic, type PartyOps } from "./handler.js";

const CORE_HANDLERS: Record<string, Handler> = {
  add: { needs: additiveOnly(), run: localBinary((t, _p, a, b, o, n) => addShares(t.width, a, b, o, n)) },
  sub: { needs: additiveOnly(), run: localBinary((t, _p, a, b, o, n) => subShares(t.width, a, b, o, n)) },
  xor: { needs: xorOnly(), run: localBinary((t, _p, a, b, o, n) => xorShares(t.width, a, b, o, n)) },
  neg: {
    needs: additiveOnly(),
    run: (p, c) => {
      const o = output(c);
      negShares(c.type.width, shareOperand(p, c, 0, c.type, o.lanes), o.handle, o.lanes);
    },
  },
  not: {
    needs: xorOnly(),
    run: (p, c) => {
      const o = output(c);
      const a = shareOperand(p, c, 0, c.type, o.lanes);
      if (p.party === 0) xorShares(c.type.width, a, allOnes(c.type.width, o.lanes), o.handle, o.lanes);
      else store(c.type, o.handle, o.lanes, a);
    },
  },
  mulc: {
    needs: (t) => (t.sharing !== "additive" ? `${t.name} is not additively shared` : noFix(t)),
    run: (p, c) => {
      const o = output(c);
      const priv = c.args[0]?.tag === "private" ? 0 : 1;
      const pub = c.args[1 - priv];
      if (pub === undefined || pub.tag === "private") fail(c, "expects a private and a public operand");
      mulPublic(c.type.width, shareOperand(p, c, priv, c.type, o.lanes), publicWords(c, pub, c.type), o.handle, o.lanes);
    },
  },
  mul: {
    needs: (t) => (t.sharing !== "additive" ? `${t.name} is not additively shared` : t.rep.cls === "fix" ? noFix(t) : [key("mul", t), key("square", t)]),
    run: (p, c) => {
      const [x, y] = c.args;
      if (x?.tag === "private" && y?.tag === "private") return protocolBinary((t, same) => key(same ? "square" : "mul", t))(p, c);
      const o = output(c);
      const priv = x?.tag === "private" ? 0 : 1;
      const pub = c.args[1 - priv] as SyscallArg;
      mulPublic(c.type.width, shareOperand(p, c, priv, c.type, o.lanes), publicWords(c, pub, c.type), o.handle, o.lanes);
      return undefined;
    },
  },
  and: { needs: xorOnly((t) => [key("and", t)]), run: protocolBinary((t) => key("and", t)) },
  min: minMaxHandler(true),
  max: minMaxHandler(false),
  vecmin: vecMinMaxHandler(true),
  vecmax: vecMinMaxHandler(false),
  product: reductionHandler(
    (t) => (t.sharing !== "additive" ? `${t.name} is not additively shared` : t.rep.cls === "fix" ? noFix(t) : [key("mul", t)]),
    (p, t) => async (a, b, lanes) => (await p.runner.run(key("mul", t), lanes, [a, b])) as ShareVector,
  ),
  eq: compareHandler("eq"),
  lt: compareHandler("lt"),
  gt: compareHandler("gt"),
  lte: compareHandler("lte"),
  gte: compareHandler("gte"),
  choose: {
    needs: (t) => [key(t.sharing === "additive" ? "choose" : "xchoose", t)],
    run: async (p, c) => {
      const o = output(c);
      const cond = c.args[0];
      if (cond?.tag !== "private" || cond.type.name !== "bool") fail(c, "the condition must be a private bool vector");
      const args = [broadcast(1, cond.handle as ShareVector, cond.length, o.lanes), shareOperand(p, c, 1, c.type, o.lanes), shareOperand(p, c, 2, c.type, o.lanes)];
      const k = c.type.sharing === "additive" ? key("choose", c.type) : key("xchoose", c.type);
      store(c.type, o.handle, o.lanes, (await p.runner.run(k, o.lanes, args)) as ShareVector);
    },
  },
  bit_extract: {
    needs: (t) => (t.sharing === "xor" ? [] : `bit extraction of ${t.name} needs its XOR sharing first`),
    run: (_p, c) => {
      const [a] = privates(c);
      const o = output(c);
      const n = c.type.width;
      if (a === undefined || o.lanes !== a.lanes * n) fail(c, `the output must have ${(a?.lanes ?? 0) * n} elements`);
      // bit j of an XOR sharing is the XOR sharing of bit j: each party splits its own share
      const bits = o.handle as Uint32Array;
      bits.fill(0);
      for (let i = 0; i < a.lanes; i++) {
        const word = a.handle[i] as number | bigint;
        for (let j = 0; j < n; j++) {
          const bit = typeof word === "bigint" ? Number((word >> BigInt(j)) & 1n) : (word >>> j) & 1;
          if (bit !== 0) setBit(bits, i * n + j, 1);
        }
      }
    },
  },
  prefix_sum: {
    needs: additiveOnly(),
    run: (p, c) => {
      const o = output(c);
      prefixSums(c.type.width, shareOperand(p, c, 0, c.type, o.lanes), o.handle, o.lanes, false);
    },
  },
  inv_prefix_sum: {
    needs: additiveOnly(),
    run: (p, c) => {
      const o = output(c);
      prefixSums(c.type.width, shareOperand(p, c, 0, c.type, o.lanes), o.handle, o.lanes, true);
    },
  },
  or: { needs: xorOnly((t) => [key("or", t)]), run: protocolBinary((t) => key("or", t)) },
  sum: {
    needs: (t) => (t.sharing === "additive" ? [] : t.sharing === "bits" ? ["b2a<64>"] : `${t.name} is not additively shared`),
    run: async (p, c) => {
      const [a] = privates(c);
      const o = output(c);
      if (a === undefined || o.lanes === 0 || a.lanes % o.lanes !== 0) fail(c, "cannot split the input into the output's chunks");
      if (c.type.sharing !== "bits") {
        sumChunks(c.type.width, a.handle, a.lanes, o.handle, o.lanes);
        return;
      }
      // counting true bools: lift to additive uint64 (b2a), then sum locally
      const lifted = (await p.runner.run("b2a<64>", a.lanes, [a.handle])) as ShareVector;
      sumChunks(64, lifted, a.lanes, o.handle, o.lanes);
    },
  },
  conv: { needs: convNeeds, run: runConvert },
  reshare: { needs: convNeeds, run: runConvert },
  ...EXCHANGE_HANDLERS,
};


/** Every operation on integer, bool and fixed-point types; float types use FLOAT_HANDLERS. */
// `inv` of an XOR-shared word is its bitwise complement (the fixed-point `inv` is 1/x, in FIX_HANDLERS)
const HANDLERS: Record<string, Handler> = { ...CORE_HANDLERS, inv: CORE_HANDLERS.not as Handler, ...INTEGER_HANDLERS, ...MOVEMENT_HANDLERS };

/** Fixed-point types: the fixed-point operations (ops-fixmath.ts) first, then every other. */
const FIX_HANDLERS: Record<string, Handler> = { ...HANDLERS, ...FIXMATH_HANDLERS };

type Comparison = "eq" | "lt" | "gt" | "lte" | "gte";

/** The protocol computing u < v (or u == v) on sharings of `t`; bool is handled locally or by and<1>. */
function compareKey(op: "eq" | "lt", t: ShareType): string | null {
  if (t.sharing === "bits") return op === "eq" ? null : key("and", t);
  if (t.sharing === "xor") return key(op === "eq" ? "eqx" : "ltx", t);
  if (op === "eq") return key("eq", t);
  return key(t.signed ? "lts" : "ltu", t);
}

/**
 * Comparisons give bools: eq directly; gt(a, b) = lt(b, a), lte(a, b) = ¬lt(b, a),
 * gte(a, b) = ¬lt(a, b), with the negation local (party 0 flips its share). On bools,
 * a == b is ¬(a ⊕ b) and a < b is ¬a ∧ b.
 */
function compareHandler(op: Comparison): Handler {
  const base: "eq" | "lt" = op === "eq" ? "eq" : "lt";
  const swap = op === "gt" || op === "lte";
  const negate = op === "lte" || op === "gte";
  return {
    needs: (t) => {
      const k = compareKey(base, t);
      return k === null ? [] : [k];
    },
    run: async (p, c) => {
      const o = output(c);
      const bool = shareTypeOf("bool") as ShareType;
      let u = shareOperand(p, c, swap ? 1 : 0, c.type, o.lanes);
      const v = shareOperand(p, c, swap ? 0 : 1, c.type, o.lanes);
      const k = compareKey(base, c.type);
      let r: ShareVector;
      if (k === null) {
        // bool equality: ¬(u ⊕ v)
        r = allocShares(1, o.lanes);
        xorShares(1, u, v, r, o.lanes);
        if (p.party === 0) xorShares(1, r, allOnes(1, o.lanes), r, o.lanes);
      } else {
        if (c.type.sharing === "bits") {
          // bool less-than: ¬u ∧ v
          const nu = allocShares(1, o.lanes);
          if (p.party === 0) xorShares(1, u, allOnes(1, o.lanes), nu, o.lanes);
          else xorShares(1, u, nu, nu, o.lanes);
          u = nu;
        }
        r = (await p.runner.run(k, o.lanes, [u, v])) as ShareVector;
      }
      if (negate && p.party === 0) xorShares(1, r, allOnes(1, o.lanes), r, o.lanes);
      store(bool, o.handle, o.lanes, r);
    },
  };
}

/** Protocols behind min/max of `t`: less-than and choice; the reason when `t` has none. */
function minMaxNeeds(t: ShareType): readonly string[] | string {
  if (t.sharing === "bits") return "min and max of bools are & and |";
  return [compareKey("lt", t) as string, key(t.sharing === "additive" ? "choose" : "xchoose", t)];
}

/** Lane-wise min (or max) of two share vectors: lt, then choose. */
async function minMax(p: PartyOps, t: ShareType, a: ShareVector, b: ShareVector, lanes: number, min: boolean): Promise<ShareVector> {
  const lt = (await p.runner.run(compareKey("lt", t) as string, lanes, [a, b])) as ShareVector;
  const k = key(t.sharing === "additive" ? "choose" : "xchoose", t);
  return (await p.runner.run(k, lanes, min ? [lt, a, b] : [lt, b, a])) as ShareVector;
}

function minMaxHandler(min: boolean): Handler {
  return {
    needs: minMaxNeeds,
    run: async (p, c) => {
      const o = output(c);
      const r = await minMax(p, c.type, shareOperand(p, c, 0, c.type, o.lanes), shareOperand(p, c, 1, c.type, o.lanes), o.lanes, min);
      store(c.type, o.handle, o.lanes, r);
    },
  };
}

/** A reduction over the output's k chunks through `tournament`. */
function reductionHandler(needs: Handler["needs"], combine: (p: PartyOps, t: ShareType) => (a: ShareVector, b: ShareVector, lanes: number) => Promise<ShareVector>): Handler {
  return {
    needs,
    run: async (p, c) => {
      const [a] = privates(c);
      const o = output(c);
      const k = o.lanes;
      if (a === undefined || k === 0 || a.lanes % k !== 0 || a.lanes === 0) fail(c, "cannot split the input into the output's chunks");
      store(c.type, o.handle, k, await tournament(c.type.width, a.handle, a.lanes, k, combine(p, c.type)));
    },
  };
}

/** min (or max) over each of k equal chunks of a vector. */
function vecMinMaxHandler(min: boolean): Handler {
  return reductionHandler(minMaxNeeds, (p, t) => (a, b, lanes) => minMax(p, t, a, b, lanes, min));
}

/** out[i] = a[0] + ... + a[i] (or, inverted, a[i] - a[i-1]); linear, hence local on additive shares. */
function prefixSums(width: number, a: ShareVector, out: ShareVector, lanes: number, inverse: boolean): void {
  if (width === 64) {
    const x = a as BigUint64Array;
    const o = out as BigUint64Array;
    for (let i = lanes - 1; inverse && i >= 0; i--) o[i] = (x[i] as bigint) - (i > 0 ? (x[i - 1] as bigint) : 0n);
    for (let i = 0; !inverse && i < lanes; i++) o[i] = (x[i] as bigint) + (i > 0 ? (o[i - 1] as bigint) : 0n);
    return;
  }
  const x = a as Uint32Array;
  const o = out as Uint32Array;
  for (let i = lanes - 1; inverse && i >= 0; i--) o[i] = (x[i] as number) - (i > 0 ? (x[i - 1] as number) : 0);
  for (let i = 0; !inverse && i < lanes; i++) o[i] = (x[i] as number) + (i > 0 ? (o[i - 1] as number) : 0);
}

interface Decoded {
  readonly op: string;
  readonly type: ShareType;
  readonly to: ShareType | undefined;
  readonly handler: Handler;
  /** null when runnable, else why not. */
  readonly unavailable: string | null;
}

const decoded = new Map<string, Decoded | string>();

/** Parses a syscall name (cached), or says why it cannot run here. */
function decode(name: string): Decoded | string {
  let d = decoded.get(name);
  if (d === undefined) {
    d = decodeName(name);
    decoded.set(name, d);
  }
  return d;
}

function decodeName(name: string): Decoded | string {
  const sep = name.indexOf("::");
  const bare = sep >= 0 ? name.slice(sep + 2) : name;
  const aes = parseAesSyscall(bare);
  if (aes !== undefined) return { op: bare, type: shareTypeOf("xor_uint32") as ShareType, to: undefined, handler: aesHandler(aes.bits, aes.op), unavailable: null };
  const parsed = parseSyscallName(bare);
  if (parsed === undefined) return "unknown operation";
  const type = shareTypeOf(parsed.type.name);
  if (type === undefined) return `private ${parsed.type.name} values have no protocols yet`;
  const to = parsed.to === undefined ? undefined : shareTypeOf(parsed.to.name);
  if (parsed.to !== undefined && to === undefined) return `private ${parsed.to.name} values have no protocols yet`;
  const table = type.rep.cls === "float" || to?.rep.cls === "float" ? FLOAT_HANDLERS : type.rep.cls === "fix" && to === undefined ? FIX_HANDLERS : HANDLERS;
  const handler = table[parsed.op];
  if (handler === undefined) return `the operation ${parsed.op} has no protocol yet`;
  const needs = handler.needs(type, to);
  const missing = typeof needs === "string" ? [] : needs.filter((k) => !hasProtocol(k));
  const unavailable = typeof needs === "string" ? needs : missing.length === 0 ? null : `protocol ${missing.join(", ")} is not generated yet`;
  return { op: parsed.op, type, to, handler, unavailable };
}

/** null when `name` can run in the three-party runtime, else why not. */
export function syscallStatus(name: string): string | null {
  const d = decode(name);
  return typeof d === "string" ? d : d.unavailable;
}

/** The error for a syscall that cannot run here. */
export function unavailableError(name: string, why: string): VmError {
  return new VmError(`not available in the three-party runtime yet: ${name} (${why})`);
}

/** Runs a shared3p syscall at one party. */
export function runSyscall(p: PartyOps, name: string, all: readonly SyscallArg[]): MaybePromise<SyscallResult> {
  const d = decode(name);
  if (typeof d === "string") throw unavailableError(name, d);
  if (d.unavailable !== null) throw unavailableError(name, d.unavailable);
  const first = all[0];
  const args = first !== undefined && first.tag === "scalar" ? all.slice(1) : all;
  const r = d.handler.run(p, { name, op: d.op, type: d.type, to: d.to, args });
  return r instanceof Promise ? r.then((x) => x ?? undefined) : (r ?? undefined);
}

