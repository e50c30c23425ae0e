/**
 * Matrix products of private integer matrices at one party (`mat_mult_T_vec`,
 * `mat_multx_T_vec`: (pd, a, b, out, m, n, p), row-major a of m × n, b of n × p).
 *
 * Ring products (mat_mult on additive shares): one rep<w> over a and b
 * concatenated (one round; each party sends its re-randomised a and b once:
 * (m·n + n·p)·w bits), the local product on the replicated pairs
 * (replicated.ts), then reshare<w> (a zero-sharing, no messages). This never sends
 * more than the lane-wise product mul<w> over all m·n·p partial products
 * (2·m·n·p·w bits): m·n + n·p ≤ 2·m·n·p whenever n ≥ 1, with equality only for dot
 * products (m = p = 1), where both send 2n words in one round.
 *
 * AND products (mat_multx on XOR shares) the same way over GF(2): one xrep<w> over a
 * and b, the local AND-XOR product on the pairs (xor-replicated.ts), xreshare<w>:
 * (m·n + n·p)·w bits per party instead of the lane-wise and<w>'s 2·m·n·p·w.
 *
 * The emulator also defines mat_mult on XOR types (ring arithmetic on the values)
 * and mat_multx on additive ones (AND and XOR on the values); those convert the
 * operands first (x2a<w> or bits<w>, one run over a and b together) and the result
 * back, so the stdlib template that names both syscalls runs for every type.
 */
import { concatShares } from "../local-ops.js";
import type { PartyOps } from "../handler.js";
import { allocShares, type ShareType, type ShareVector } from "../share-types.js";
import { replicate, replicatedProduct, slicePair } from "./replicated.js";
import type { RingWidth } from "./ring-matmul.js";
import { xorReplicatedProduct } from "./xor-replicated.js";

/** Where a product is computed: additive (rep, local products) or XOR (and, XOR sums). */
type Ring = "additive" | "xor";

/** The conversion into the sharing `to` for values of width w. */
const convertKey = (to: Ring, w: number): string => `${to === "xor" ? "bits" : "x2a"}<${w}>`;

/** The protocols of one product in `ring` at width w, in the order they run. */
function productKeys(ring: Ring, w: number): string[] {
  return ring === "xor" ? [`xrep<${w}>`, `xreshare<${w}>`] : [`rep<${w}>`, `reshare<${w}>`];
}

/** Protocols one product of `t` runs (xor: mat_multx); `t` is additive or XOR-shared. */
export function matMultProtocols(t: ShareType, xor: boolean): string[] {
  const ring: Ring = xor ? "xor" : "additive";
  const native: Ring = t.sharing === "xor" ? "xor" : "additive";
  const product = productKeys(ring, t.width);
  return ring === native ? product : [convertKey(ring, t.width), ...product, convertKey(native, t.width)];
}

/**
 * The additive share of A·B modulo 2^w (A m × n, B n × p) from additive sharings
 * of A and B: rep<w> over both, the local product, reshare<w>.
 */
export async function ringMatMult(party: PartyOps, w: RingWidth, a: ShareVector, b: ShareVector, m: number, n: number, p: number): Promise<ShareVector> {
  const pair = await replicate(party, w, concatShares(w, a, m * n, b, n * p), m * n + n * p);
  const local = replicatedProduct(w, [{ x: slicePair(pair, 0, m * n), y: slicePair(pair, m * n, n * p) }], m, n, p);
  return (await party.runner.run(`reshare<${w}>`, m * p, [local])) as ShareVector;
}

/** The XOR share of the m × p AND-XOR product of XOR sharings: xrep<w> over both, the local product, xreshare<w>. */
async function andMatMult(party: PartyOps, w: RingWidth, a: ShareVector, b: ShareVector, m: number, n: number, p: number): Promise<ShareVector> {
  const pair = await replicate(party, w, concatShares(w, a, m * n, b, n * p), m * n + n * p, true);
  const local = xorReplicatedProduct(w, slicePair(pair, 0, m * n), slicePair(pair, m * n, n * p), m, n, p);
  return (await party.runner.run(`xreshare<${w}>`, m * p, [local])) as ShareVector;
}

/**
 * The m × p product of a (m × n) and b (n × p), as this party's shares: ring
 * arithmetic, or with `xor` AND for products and XOR for sums.
 */
export async function matMult(party: PartyOps, t: ShareType, a: ShareVector, b: ShareVector, m: number, n: number, p: number, xor: boolean): Promise<ShareVector> {
  const w = t.width as RingWidth;
  // an empty result, or sums of no terms: zeros, without sending anything
  if (m * p === 0 || n === 0) return allocShares(w, m * p);
  const ring: Ring = xor ? "xor" : "additive";
  const native: Ring = t.sharing === "xor" ? "xor" : "additive";
  const product = (x: ShareVector, y: ShareVector) => (ring === "xor" ? andMatMult(party, w, x, y, m, n, p) : ringMatMult(party, w, x, y, m, n, p));
  if (ring === native) return product(a, b);
  const both = (await party.runner.run(convertKey(ring, w), m * n + n * p, [concatShares(w, a, m * n, b, n * p)])) as ShareVector;
  const out = await product(both.subarray(0, m * n), both.subarray(m * n));
  return (await party.runner.run(convertKey(native, w), m * p, [out])) as ShareVector;
}
