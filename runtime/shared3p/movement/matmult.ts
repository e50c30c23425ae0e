/**
 * Matrix products of private matrices at one party (`mat_mult_T_vec`,
 * `mat_multx_T_vec`: (pd, a, b, out, m, n, p), row-major a of m × n, b of n × p):
 * every product a[i,k]·b[k,j] in one vectorised multiplication (mul<n> on additive
 * shares, and<n> on XOR shares) over m·p·n lanes laid out cell by cell, then the
 * local sum (XOR) of each cell's n lanes. One protocol call, its rounds, and
 * m·p·n lanes of traffic. Lanes that are already in place (a for p = 1, b for
 * m = 1) are not copied.
 */
import { gatherShares, sumChunks, xorChunks } from "../local-ops.js";
import type { PartyOps } from "../handler.js";
import { allocShares, type ShareType, type ShareVector } from "../share-types.js";

/** The protocol that multiplies lanes of `t` for a product (mat_multx: AND). */
export function matMultProtocol(t: ShareType): string {
  return `${t.sharing === "additive" ? "mul" : "and"}<${t.width}>`;
}

/** Lane (i·p + j)·n + k takes a[i·n + k] (left) or b[k·p + j] (right); null when that is the identity. */
function layout(m: number, n: number, p: number, left: boolean): Uint32Array | null {
  if (left ? p === 1 : m === 1 && p === 1) return null;
  const idx = new Uint32Array(m * p * n);
  let o = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) for (let k = 0; k < n; k++) idx[o++] = left ? i * n + k : k * p + j;
  return idx;
}

/** The m × p product of a (m × n) and b (n × p), as this party's shares. */
export async function matMult(party: PartyOps, t: ShareType, a: ShareVector, b: ShareVector, m: number, n: number, p: number): Promise<ShareVector> {
  const lanes = m * p * n;
  const out = allocShares(t.width, m * p);
  if (lanes === 0) return out;
  const la = layout(m, n, p, true);
  const lb = layout(m, n, p, false);
  const x = la === null ? a : gatherShares(t.width, a, la);
  const y = lb === null ? b : gatherShares(t.width, b, lb);
  const prod = (await party.runner.run(matMultProtocol(t), lanes, [x, y])) as ShareVector;
  if (t.sharing === "additive") sumChunks(t.width, prod, lanes, out, m * p);
  else xorChunks(t.width, prod, lanes, out, m * p);
  return out;
}
