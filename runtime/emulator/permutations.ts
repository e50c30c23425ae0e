/**
 * Public permutations computed by the emulator:
 *
 * - `stable_sort_T_vec(pd, a, __ref perm [, ascending])`: perm (a public integer
 *   vector, normally uint64, of a's length) receives the stable sorting
 *   permutation of the private vector a: perm[i] is the index in a of the i-th
 *   element in order, equal elements keeping their index order. Ascending unless
 *   a pushed `false` follows. Ordering is exact (signed raw values for fixed
 *   point, typed elements otherwise; floats in numeric order with every NaN last,
 *   first when descending, as the three-party circuit orders them). Revealing this permutation is the point of
 *   the syscall (the stdlib's `unsafeSort`).
 * - `gen_rand_pub_perm(pd, __ref perm)`: perm (public integer vector of length n)
 *   receives a uniformly random permutation of 0..n-1 (Fisher-Yates on blocks of
 *   system random words, see movement.ts).
 */
import type { SyscallArg } from "../../vm/backend.js";
import { VmError } from "../../vm/errors.js";
import type { TypedVector } from "../../vm/values.js";
import type { Call } from "./call.js";
import { permutation, systemWords } from "./movement.js";
import { orderKey } from "./representation.js";

function store(out: TypedVector, order: ArrayLike<number>): void {
  const big = out instanceof BigInt64Array || out instanceof BigUint64Array;
  for (let i = 0; i < order.length; i++) out[i] = big ? BigInt(order[i]!) : order[i]!;
}

function refOut(args: readonly SyscallArg[], name: string): TypedVector {
  const out = args.find((a) => a.tag === "ref");
  if (out === undefined || out.tag !== "ref" || out.type === "string" || out.type === "bool" || out.type === "float32" || out.type === "float64") {
    throw new VmError(`syscall ${name}: needs a __ref public integer vector for the permutation`);
  }
  return out.data;
}

/** The sort's order: numeric (−0 = +0), every NaN after every other value and NaNs equal to each other. */
function compareKeys(x: number | bigint, y: number | bigint): number {
  const xNaN = x !== x;
  const yNaN = y !== y;
  if (xNaN || yNaN) return xNaN === yNaN ? 0 : xNaN ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function runStableSort(c: Call): void {
  const [a] = c.privates();
  if (a === undefined) return c.fail("needs (pd, a, __ref perm [, ascending])");
  const out = refOut(c.args, c.name);
  const n = a.data.length;
  if (out.length !== n) c.fail(`the permutation vector must have ${n} elements, it has ${out.length}`);
  const flag = c.args.find((x) => x.tag === "scalar");
  const ascending = flag === undefined || flag.tag !== "scalar" || flag.value !== false;
  const key = orderKey(c.type);
  const keys = Array.from(a.data as ArrayLike<number | bigint>, key);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => {
    const x = keys[i]!;
    const y = keys[j]!;
    const cmp = compareKeys(x, y);
    return (ascending ? cmp : -cmp) || i - j;
  });
  store(out, order);
}

/** Returns n, the permutation's length. */
export function runRandPubPerm(name: string, args: readonly SyscallArg[]): number {
  const out = refOut(args, name);
  store(out, permutation(out.length, systemWords));
  return out.length;
}
