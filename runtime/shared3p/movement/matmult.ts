/**
 * Matrix products of private matrices at one party (`mat_mult_T_vec`,
 * `mat_multx_T_vec`: (pd, a, b, out, m, n, p), row-major a of m × n, b of n × p):
 * every product a[i,k]·b[k,j] in one vectorised multiplication (mul<n> on additive
 * shares, and<n> on XOR shares) over m·p·n lanes laid out cell by cell, then the
 * local sum (XOR) of each cell's n lanes. One protocol call, its rounds, and
 * m·p·n lanes of traffic. Lanes that are already in place (a for p = 1, b for
 * m = 1) are not copied. The emulator also defines mat_mult on XOR types (ring
 * arithmetic on the values) and mat_multx on additive ones (AND and XOR on the
 * values); those convert the operands first (x2a<n> or bits<n>) and the result
 * back, so the stdlib template that names both syscalls runs for every type.
 */
import { gatherShares, sumChunks, xorChunks } from "../local-ops.js";
import type { PartyOps } from "../handler.js";
import { allocShares, type ShareType, type ShareVector } from "../share-types.js";

/** Where a product is computed: additive (mul, sums) or XOR (and, XOR sums). */
type Ring = "additive" | "xor";

/** The conversion into the sharing `to` for values of width n. */
const convertKey = (to: Ring, n: number): string => `${to === "xor" ? "bits" : "x2a"}<${n}>`;

/** Protocols one product of `t` runs (xor: mat_multx); `t` is additive or XOR-shared. */
export function matMultProtocols(t: ShareType, xor: boolean): string[] {
  const ring: Ring = xor ? "xor" : "additive";
  const product = `${xor ? "and" : "mul"}<${t.width}>`;
  return t.sharing === ring ? [product] : [convertKey(ring, t.width), product, convertKey(t.sharing === "xor" ? "xor" : "additive", t.width)];
}

/** Lane (i·p + j)·n + k takes a[i·n + k] (left) or b[k·p + j] (right); null when that is the identity. */
function layout(m: number, n: number, p: number, left: boolean): Uint32Array | null {
  if (left ? p === 1 : m === 1 && p === 1) return null;
  const idx = new Uint32Array(m * p * n);
  let o = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) for (let k = 0; k < n; k++) idx[o++] = left ? i * n + k : k * p + j;
  return idx;
}

/**
 * The m × p product of a (m × n) and b (n × p), as this party's shares: ring
 * arithmetic, or with `xor` AND for products and XOR for sums.
 */
export async function matMult(party: PartyOps, t: ShareType, a: ShareVector, b: ShareVector, m: number, n: number, p: number, xor: boolean): Promise<ShareVector> {
  const lanes = m * p * n;
  const w = t.width;
  const out = allocShares(w, m * p);
  if (lanes === 0) return out;
  const ring: Ring = xor ? "xor" : "additive";
  const native: Ring = t.sharing === "xor" ? "xor" : "additive";
  const convert = async (v: ShareVector, to: Ring, count: number): Promise<ShareVector> => (await party.runner.run(convertKey(to, w), count, [v])) as ShareVector;
  const [ca, cb] = ring === native ? [a, b] : [await convert(a, ring, m * n), await convert(b, ring, n * p)];
  const la = layout(m, n, p, true);
  const lb = layout(m, n, p, false);
  const x = la === null ? ca : gatherShares(w, ca, la);
  const y = lb === null ? cb : gatherShares(w, cb, lb);
  const prod = (await party.runner.run(`${xor ? "and" : "mul"}<${w}>`, lanes, [x, y])) as ShareVector;
  if (xor) xorChunks(w, prod, lanes, out, m * p);
  else sumChunks(w, prod, lanes, out, m * p);
  return ring === native ? out : convert(out, native, m * p);
}
