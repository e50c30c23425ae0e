/**
 * The shared3p handlers for data movement, with the emulator's argument conventions
 * (runtime/emulator/movement.ts):
 *
 * - vecshuf / vecshufkey / vecshufinv (pd, a [, out] [, key]) and matshuf /
 *   matshufkey / matshufinv (pd, a [, out], cols [, key]): oblivious shuffles of
 *   elements (rows of `cols` elements) through shuffle<n> / unshuffle<n>
 *   (movement/shuffle.ts; keys in movement/shuffle-key.ts); in place when no output
 *   is given. The key is the last private argument.
 * - randomize (pd, out): a uniformly random sharing (random<n>, xrandom<n>).
 * - gather / scatter (pd, src, out, __cref indices): out[i] = src[idx[i]] /
 *   out[idx[i]] = src[i] by public indices, local at every party.
 * - mat_mult / mat_multx (pd, a, b, out, m, n, p): matrix products, ring
 *   arithmetic / AND-XOR on the values of any integer type (movement/matmult.ts),
 *   fixed point exactly (movement/matmult-fix.ts), floats with rounded products
 *   and pairwise sums (movement/matmult-float.ts, FLOAT_MOVEMENT_HANDLERS).
 * - stable_sort (pd, a, __ref perm [, ascending]): the opened stable sorting
 *   permutation (movement/stable-sort.ts), floats included.
 */
import type { SyscallArg } from "../../vm/backend.js";
import { gatherShares, scatterShares } from "./local-ops.js";
import { fail, key, output, privates, store, type Call, type Handler } from "./handler.js";
import { matMult, matMultProtocols } from "./movement/matmult.js";
import { fixMatMult, fixMatMultProtocols } from "./movement/matmult-fix.js";
import { floatMatMult } from "./movement/matmult-float.js";
import { shuffleProtocol, shuffleRows, type ShuffleKey } from "./movement/shuffle.js";
import { lessKey, stableOrder } from "./movement/stable-sort.js";
import { shareBytes, shareTypeOf, type ShareType, type ShareVector } from "./share-types.js";

/** Which shuffle a syscall is: over rows, keyed, inverse. */
interface ShuffleShape {
  readonly matrix: boolean;
  readonly keyed: boolean;
  readonly inverse: boolean;
}

/** A public integer argument (pushed scalar or one-element reference) as a non-negative safe integer. */
function publicCount(c: Call, a: SyscallArg | undefined, what: string): number {
  let v: unknown;
  if (a?.tag === "scalar") v = a.value;
  else if ((a?.tag === "cref" || a?.tag === "ref") && a.data.length === 1) v = a.data[0];
  else return fail(c, `expects ${what} as a public integer`);
  const n = typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : NaN;
  if (!Number.isSafeInteger(n) || n < 0) fail(c, `${what} ${String(v)} is not a valid count`);
  return n;
}

/** The public (non-private) arguments in order. */
function publics(c: Call): SyscallArg[] {
  return c.args.filter((a) => a.tag !== "private");
}

function shuffleHandler(shape: ShuffleShape): Handler {
  return {
    needs: (t) => [shuffleProtocol(t, shape.inverse)],
    run: async (p, c) => {
      const privs = privates(c);
      const keyArg = shape.keyed ? privs.pop() : undefined;
      const src = privs[0];
      if (src === undefined || (shape.keyed && keyArg === undefined)) fail(c, "missing private arguments");
      const dst = privs[1] ?? src;
      if (dst.lanes !== src.lanes) fail(c, `the output has ${dst.lanes} elements, the input ${src.lanes}`);
      const cols = shape.matrix ? publicCount(c, publics(c)[0], "the row length") : 1;
      if (cols === 0 ? src.lanes !== 0 : src.lanes % cols !== 0) fail(c, `cannot split ${src.lanes} elements into rows of ${cols}`);
      const rows = cols === 0 ? 0 : src.lanes / cols;
      let k: ShuffleKey = { kind: "fresh" };
      if (keyArg !== undefined) {
        const kt = shareTypeOf(keyArg.type);
        if (kt === undefined) fail(c, `a ${keyArg.type} key has no shares here`);
        k = { kind: "shared", share: shareBytes(kt, keyArg.handle, keyArg.lanes) };
      }
      const r = await shuffleRows(p, c.type, src.handle, rows, cols, k, shape.inverse);
      store(c.type, dst.handle, src.lanes, r);
    },
  };
}

/** The random-sharing protocol of `t`. */
function randomKey(t: ShareType): string {
  return key(t.sharing === "additive" ? "random" : "xrandom", t);
}

/** Public indices (a __cref integer vector), each checked against `bound`. */
function indices(c: Call, bound: number): Uint32Array {
  const a = c.args.find((x) => x.tag === "cref" || x.tag === "ref");
  if (a === undefined || (a.tag !== "cref" && a.tag !== "ref") || a.type === "bool" || a.type === "string" || a.type.startsWith("float")) {
    return fail(c, "needs a __cref public integer index vector");
  }
  const out = new Uint32Array(a.data.length);
  for (let i = 0; i < out.length; i++) {
    const x = a.data[i] as number | bigint;
    const v = typeof x === "bigint" ? (x >= 0n && x < BigInt(bound) ? Number(x) : -1) : x;
    if (!Number.isInteger(v) || v < 0 || v >= bound) fail(c, `index ${String(x)} is out of range (${bound} elements)`);
    out[i] = v;
  }
  return out;
}

/** The two private vectors (source, output) of gather/scatter. */
function srcOut(c: Call): { src: { handle: ShareVector; lanes: number }; out: { handle: ShareVector; lanes: number } } {
  const [src, out] = privates(c);
  if (src === undefined || out === undefined) return fail(c, "needs (pd, src, out, __cref indices)");
  return { src, out };
}

/** The dimensions (m, n, p) of a matrix product call, checked against its vectors. */
function matMultShape(c: Call): { a: ShareVector; b: ShareVector; out: ShareVector; m: number; n: number; p: number } {
  const [a, b, o] = privates(c);
  if (a === undefined || b === undefined || o === undefined) return fail(c, "needs (pd, a, b, out, m, n, p)");
  const [mArg, nArg, pArg] = publics(c);
  const m = publicCount(c, mArg, "m");
  const n = publicCount(c, nArg, "n");
  const p = publicCount(c, pArg, "p");
  if (a.lanes !== m * n || b.lanes !== n * p || o.lanes !== m * p) fail(c, `dimensions ${m} x ${n} x ${p} do not match vectors of ${a.lanes}, ${b.lanes} and ${o.lanes} elements`);
  return { a: a.handle, b: b.handle, out: o.handle, m, n, p };
}

/** mat_mult / mat_multx of integers (movement/matmult.ts) and mat_mult of fixed point (movement/matmult-fix.ts). */
function matMultHandler(xor: boolean): Handler {
  return {
    needs: (t) => {
      if (t.sharing === "bits") return "matrix products of bool are not defined";
      // mat_multx of fixed point is AND-XOR on the raw words, as for intN
      if (t.rep.cls === "fix" && !xor) return fixMatMultProtocols(t.width as 32 | 64);
      return matMultProtocols(t, xor);
    },
    run: async (party, c) => {
      const { a, b, out, m, n, p } = matMultShape(c);
      if (xor && m * n * p > 2 ** 31) fail(c, `a product of ${m} x ${n} x ${p} is too large for one call`);
      const r = c.type.rep.cls === "fix" && !xor ? await fixMatMult(party, c.type.width as 32 | 64, a, b, m, n, p) : await matMult(party, c.type, a, b, m, n, p, xor);
      store(c.type, out, m * p, r);
    },
  };
}

/** mat_mult of float32/float64 (movement/matmult-float.ts): circuits over and<1>. */
const floatMatMultHandler: Handler = {
  needs: () => ["and<1>"],
  run: async (party, c) => {
    const { a, b, out, m, n, p } = matMultShape(c);
    if (m * n * p > 2 ** 31) fail(c, `a product of ${m} x ${n} x ${p} is too large for one call`);
    store(c.type, out, m * p, await floatMatMult(party, c.type.width as 32 | 64, a, b, m, n, p));
  },
};

/** stable_sort (pd, a, __ref perm [, ascending]): the opened stable sorting permutation (movement/stable-sort.ts). */
const stableSortHandler: Handler = {
  needs: (t) => [lessKey(t), "xopen<1>"],
  run: async (p, c) => {
    const [a] = privates(c);
    if (a === undefined) fail(c, "needs (pd, a, __ref perm [, ascending])");
    const out = permutationOut(c);
    if (out.data.length !== a.lanes) fail(c, `the permutation vector must have ${a.lanes} elements, it has ${out.data.length}`);
    const flag = c.args.find((x) => x.tag === "scalar");
    const ascending = flag === undefined || flag.tag !== "scalar" || flag.value !== false;
    const order = await stableOrder(p, c.type, a.handle, a.lanes, ascending);
    const big = out.data instanceof BigInt64Array || out.data instanceof BigUint64Array;
    for (let i = 0; i < order.length; i++) out.data[i] = big ? BigInt(order[i] as number) : (order[i] as number);
  },
};

/** The public integer vector (__ref) receiving a permutation. */
function permutationOut(c: Call): Extract<SyscallArg, { tag: "ref" | "cref" }> {
  const out = c.args.find((a) => a.tag === "ref");
  if (out === undefined || out.tag !== "ref" || out.type === "string" || out.type === "bool" || out.type.startsWith("float")) {
    return fail(c, "needs a __ref public integer vector for the permutation");
  }
  return out as Extract<SyscallArg, { tag: "ref" | "cref" }>;
}

export const MOVEMENT_HANDLERS: Record<string, Handler> = {
  vecshuf: shuffleHandler({ matrix: false, keyed: false, inverse: false }),
  vecshufkey: shuffleHandler({ matrix: false, keyed: true, inverse: false }),
  vecshufinv: shuffleHandler({ matrix: false, keyed: true, inverse: true }),
  matshuf: shuffleHandler({ matrix: true, keyed: false, inverse: false }),
  matshufkey: shuffleHandler({ matrix: true, keyed: true, inverse: false }),
  matshufinv: shuffleHandler({ matrix: true, keyed: true, inverse: true }),
  randomize: {
    needs: (t) => [randomKey(t)],
    run: async (p, c) => {
      const o = output(c);
      store(c.type, o.handle, o.lanes, (await p.runner.run(randomKey(c.type), o.lanes, [])) as ShareVector);
    },
  },
  gather: {
    needs: () => [],
    run: (_p, c) => {
      const { src, out } = srcOut(c);
      const idx = indices(c, src.lanes);
      if (idx.length !== out.lanes) fail(c, `${idx.length} indices for an output of ${out.lanes} elements`);
      store(c.type, out.handle, out.lanes, gatherShares(c.type.width, src.handle, idx));
    },
  },
  scatter: {
    needs: () => [],
    run: (_p, c) => {
      const { src, out } = srcOut(c);
      const idx = indices(c, out.lanes);
      if (idx.length !== src.lanes) fail(c, `${idx.length} indices for a source of ${src.lanes} elements`);
      scatterShares(c.type.width, out.handle, idx, src.handle);
    },
  },
  stable_sort: stableSortHandler,
  mat_mult: matMultHandler(false),
  mat_multx: matMultHandler(true),
};

/**
 * The movement handlers of floats: those that act on the XOR words of the bit
 * patterns as for xor_uintN, and the float matrix product and stable sort.
 */
export const FLOAT_MOVEMENT_HANDLERS: Record<string, Handler> = {
  ...Object.fromEntries(["gather", "scatter", "vecshuf", "vecshufkey", "vecshufinv", "matshuf", "matshufkey", "matshufinv", "randomize"].map((name) => [name, MOVEMENT_HANDLERS[name] as Handler])),
  stable_sort: stableSortHandler,
  mat_mult: floatMatMultHandler,
};
