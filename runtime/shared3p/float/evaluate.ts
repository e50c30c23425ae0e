/**
 * Evaluates a Circuit on bit planes at one party: every node's value is a plane of
 * `words` Uint32 words (32 lanes per word, bit-sliced), public nodes hold the value
 * itself and secret nodes this party's XOR share. XOR and NOT are local (a public
 * constant is XORed in by party 0 only), an AND with a public side is local, and all
 * interactive ANDs of one AND-depth level are concatenated into a single protocol
 * call, so one evaluation takes as many rounds as the circuit's AND-depth (a level
 * too large for one call is split, see MAX_CALL_WORDS). Only
 * nodes that an output depends on are computed; a plane is dropped after its last
 * use.
 */
import { Circuit, ONE, ZERO, type Bit } from "./circuit.js";

/**
 * Words per operand of one AND protocol call (16 MiB): a level larger than this
 * (only with about 10^5 lanes or more) is split into sequential calls, trading a
 * few rounds for bounded memory.
 */
let MAX_CALL_WORDS = 1 << 22;

/** Sets the per-call limit (benchmarks and tests); returns the previous one. */
export function setMaxCallWords(words: number): number {
  const old = MAX_CALL_WORDS;
  MAX_CALL_WORDS = words;
  return old;
}

/** Lane-wise AND of secret planes: u and v hold `count` planes of `words` words each; resolves to the same layout. */
export type AndPlanes = (u: Uint32Array, v: Uint32Array, count: number, words: number) => Promise<Uint32Array>;

export interface EvalParty {
  /** 0 for the party that applies public constants to secret values. */
  readonly party: number;
  readonly and: AndPlanes;
}

/** What one evaluation needs beyond the inputs, computed once per circuit and outputs. */
export interface EvalPlan {
  readonly circuit: Circuit;
  readonly outputs: readonly Bit[];
  /** Needed nodes by AND-depth: the interactive ANDs, then the local nodes in creation order. */
  readonly levels: readonly { readonly ands: readonly Bit[]; readonly locals: readonly Bit[] }[];
  /** Uses of each node by needed nodes and outputs. */
  readonly uses: Int32Array;
}

export function planEvaluation(c: Circuit, outputs: readonly Bit[]): EvalPlan {
  const uses = new Int32Array(c.size);
  const needed = markNeeded(c, outputs, uses);
  for (const o of outputs) uses[o] = (uses[o] as number) + 1;
  const levels = bucketByDepth(c, needed).map((level) => ({ ands: level.filter((x) => c.interactive(x)), locals: level.filter((x) => !c.interactive(x)) }));
  return { circuit: c, outputs, levels, uses };
}

/** Runs a plan on input planes of `words` words each. */
export async function evaluatePlan(plan: EvalPlan, inputs: ReadonlyMap<Bit, Uint32Array>, words: number, p: EvalParty): Promise<Uint32Array[]> {
  const c = plan.circuit;
  const uses = plan.uses.slice();
  const values: (Uint32Array | undefined)[] = new Array(c.size);
  values[ZERO] = new Uint32Array(words);
  values[ONE] = new Uint32Array(words).fill(0xffffffff);
  for (const [node, plane] of inputs) values[node] = plane;

  const release = (x: Bit): void => {
    const left = (uses[x] as number) - 1;
    uses[x] = left;
    if (left === 0 && x > ONE) values[x] = undefined;
  };
  for (const { ands, locals } of plan.levels) {
    // one protocol call per level, split only when a call would exceed MAX_CALL_WORDS per operand
    const perCall = Math.max(1, Math.floor(MAX_CALL_WORDS / Math.max(1, words)));
    for (let from = 0; from < ands.length; from += perCall) {
      const batch = ands.slice(from, from + perCall);
      const u = new Uint32Array(batch.length * words);
      const v = new Uint32Array(batch.length * words);
      batch.forEach((x, i) => {
        const [a, b] = c.operands(x);
        u.set(values[a] as Uint32Array, i * words);
        v.set(values[b] as Uint32Array, i * words);
      });
      const r = await p.and(u, v, batch.length, words);
      batch.forEach((x, i) => {
        values[x] = r.subarray(i * words, (i + 1) * words);
        const [a, b] = c.operands(x);
        release(a);
        release(b);
      });
    }
    for (const x of locals) {
      const kind = c.kind(x);
      if (kind === "input") {
        if (values[x] === undefined) throw new Error(`circuit input ${x} has no value`);
        continue;
      }
      if (kind === "const") continue;
      const [a, b] = c.operands(x);
      values[x] = kind === "xor" ? xorPlane(c, p.party, a, b, values, words) : andPlane(values[a] as Uint32Array, values[b] as Uint32Array, words);
      release(a);
      release(b);
    }
  }
  return plan.outputs.map((o) => values[o] as Uint32Array);
}

/** Marks the nodes the outputs depend on and counts their uses. */
function markNeeded(c: Circuit, outputs: readonly Bit[], uses: Int32Array): Uint8Array {
  const needed = new Uint8Array(c.size);
  const stack = [...outputs];
  while (stack.length > 0) {
    const x = stack.pop() as Bit;
    if (needed[x]) continue;
    needed[x] = 1;
    const k = c.kind(x);
    if (k === "xor" || k === "and") {
      const [a, b] = c.operands(x);
      uses[a] = (uses[a] as number) + 1;
      uses[b] = (uses[b] as number) + 1;
      stack.push(a, b);
    }
  }
  return needed;
}

/** Needed nodes grouped by AND-depth, each group in creation (topological) order. */
function bucketByDepth(c: Circuit, needed: Uint8Array): Bit[][] {
  const levels: Bit[][] = [];
  for (let x = 2; x < c.size; x++) {
    if (!needed[x]) continue;
    const d = c.depth(x);
    while (levels.length <= d) levels.push([]);
    (levels[d] as Bit[]).push(x);
  }
  return levels;
}

function xorPlane(c: Circuit, party: number, a: Bit, b: Bit, values: readonly (Uint32Array | undefined)[], words: number): Uint32Array {
  const x = values[a] as Uint32Array;
  const y = values[b] as Uint32Array;
  const pa = c.isPublic(a);
  const pb = c.isPublic(b);
  // a public value enters a secret one at party 0 only
  if (pa !== pb && party !== 0) return pa ? y : x;
  const out = new Uint32Array(words);
  for (let i = 0; i < words; i++) out[i] = (x[i] as number) ^ (y[i] as number);
  return out;
}

function andPlane(x: Uint32Array, y: Uint32Array, words: number): Uint32Array {
  const out = new Uint32Array(words);
  for (let i = 0; i < words; i++) out[i] = (x[i] as number) & (y[i] as number);
  return out;
}

/** Plaintext evaluation (one "party" holding every value): for tests and cost counting. */
export const plainParty: EvalParty = {
  party: 0,
  and: async (u, v) => {
    const out = new Uint32Array(u.length);
    for (let i = 0; i < u.length; i++) out[i] = (u[i] as number) & (v[i] as number);
    return out;
  },
};
