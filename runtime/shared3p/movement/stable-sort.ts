/**
 * The opened stable sorting permutation of a private vector at one party
 * (`stable_sort_T_vec(pd, a, __ref perm [, ascending])`, the stdlib's unsafeSort):
 * perm[i] is the index in a of the i-th element in order, equal elements in index
 * order, exactly as the emulator's (runtime/emulator/permutations.ts).
 *
 * Quicksort with opened comparisons: per level, every element of every unsorted
 * segment is compared with its segment's middle element in one vectorised
 * less-than, the outcomes are opened, and the segments split locally. Ties are
 * broken by the (public) original index, so each opened bit says only "x comes
 * before the pivot in the stable order", which the output permutation reveals
 * anyway: the syscall leaks nothing beyond its result (and the result of a shuffled
 * vector reveals only which elements are equal, as the stdlib documents). For
 * x before the pivot p in index order, "x first" is ¬(p < x); otherwise x < p
 * (descending: the roles swap), so each lane is one less-than of gathered shares,
 * negated in the clear after opening. Expected O(log n) levels of one comparison
 * and one opening each; all parties take the same branches because they act only
 * on opened bits. Floats compare with a circuit (floatLessCircuit): numeric order,
 * NaN last.
 */
import { allOnes, gatherShares, xorShares } from "../local-ops.js";
import type { PartyOps } from "../handler.js";
import { allocShares, getBit, type ShareType, type ShareVector } from "../share-types.js";
import { compareFloats } from "../float/compare.js";
import { formatOf } from "../float/format.js";
import { compile, protocolParty, runCircuit, type CompiledCircuit } from "../float/run.js";

/**
 * The float order of the sort: IEEE-754 numeric order (−0 = +0), every NaN after
 * every other value and NaNs equal to each other (so in index order), descending
 * the reverse. One circuit: u < v, or v is NaN and u is not.
 */
function floatLessCircuit(w: 32 | 64): CompiledCircuit {
  const secret = { width: w, isPublic: false };
  return compile(`sort-lt${w}`, [secret, secret], (c, [u, v]) => {
    const o = compareFloats(c, formatOf(w), u!, v!);
    return [[c.or(o.lt, c.and(c.not(o.a.isNaN), o.b.isNaN))]];
  });
}

/** The protocol deciding u < v on sharings of `t` (bool: ¬u ∧ v through and<1>; floats: a circuit of and<1>). */
export function lessKey(t: ShareType): string {
  if (t.rep.cls === "float") return "and<1>";
  switch (t.sharing) {
    case "bits":
      return "and<1>";
    case "xor":
      return `ltx<${t.width}>`;
    case "additive":
      return `${t.signed ? "lts" : "ltu"}<${t.width}>`;
  }
}

/** Shares of u < v, lane-wise. */
async function less(p: PartyOps, t: ShareType, u: ShareVector, v: ShareVector, lanes: number): Promise<ShareVector> {
  if (t.rep.cls === "float") return (await runCircuit(floatLessCircuit(t.width as 32 | 64), protocolParty(p.runner), lanes, [u, v]))[0] as ShareVector;
  if (t.sharing === "bits") {
    const nu = allocShares(1, lanes);
    if (p.party === 0) xorShares(1, u, allOnes(1, lanes), nu, lanes);
    else xorShares(1, u, nu, nu, lanes);
    u = nu;
  }
  return (await p.runner.run(lessKey(t), lanes, [u, v])) as ShareVector;
}

/** The stable ascending (or descending) order of the n elements of `a`, as indices into a. */
export async function stableOrder(p: PartyOps, t: ShareType, a: ShareVector, n: number, ascending: boolean): Promise<Uint32Array> {
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // unsorted segments [start, end) of `order`, two elements or more
  let segments: number[] = n >= 2 ? [0, n] : [];
  while (segments.length > 0) {
    let lanes = 0;
    for (let s = 0; s < segments.length; s += 2) lanes += (segments[s + 1] as number) - (segments[s] as number) - 1;
    const uIdx = new Uint32Array(lanes);
    const vIdx = new Uint32Array(lanes);
    const negate = new Uint8Array(lanes);
    let k = 0;
    for (let s = 0; s < segments.length; s += 2) {
      const start = segments[s] as number;
      const end = segments[s + 1] as number;
      const mid = start + ((end - start) >>> 1);
      const pivot = order[mid] as number;
      for (let i = start; i < end; i++) {
        if (i === mid) continue;
        const x = order[i] as number;
        // ascending: x first iff x < pivot, ties by index; descending: iff pivot < x, ties by index
        const tieFirst = x < pivot;
        const [u, v] = ascending === tieFirst ? [pivot, x] : [x, pivot];
        uIdx[k] = u;
        vIdx[k] = v;
        negate[k] = tieFirst ? 1 : 0;
        k++;
      }
    }
    const bits = await less(p, t, gatherShares(t.width, a, uIdx), gatherShares(t.width, a, vIdx), lanes);
    const opened = (await p.runner.run("xopen<1>", lanes, [bits])) as Uint32Array;
    const next = new Uint32Array(n);
    next.set(order);
    const nextSegments: number[] = [];
    k = 0;
    for (let s = 0; s < segments.length; s += 2) {
      const start = segments[s] as number;
      const end = segments[s + 1] as number;
      const mid = start + ((end - start) >>> 1);
      const first: number[] = [];
      const last: number[] = [];
      for (let i = start; i < end; i++) {
        if (i === mid) continue;
        const before = (getBit(opened, k) ^ (negate[k] as number)) === 1;
        (before ? first : last).push(order[i] as number);
        k++;
      }
      let o = start;
      for (const x of first) next[o++] = x;
      next[o++] = order[mid] as number;
      for (const x of last) next[o++] = x;
      if (first.length >= 2) nextSegments.push(start, start + first.length);
      if (last.length >= 2) nextSegments.push(end - last.length, end);
    }
    order = next;
    segments = nextSegments;
  }
  return order;
}
