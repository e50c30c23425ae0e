/**
 * Adders on bit vectors: a Sklansky parallel-prefix adder (AND-depth 1 + ⌈log2 n⌉,
 * about n/2·log2 n prefix combines) and what is built from it: subtraction,
 * negation, unsigned and signed comparison, incrementing by a bit. Generate and
 * propagate are disjoint, so the prefix OR is an XOR.
 */
import { ONE, ZERO, type Bit, type Circuit } from "./circuit.js";
import { constBits, notBits, type Bits } from "./bitvec.js";

/** a + b + cin (same width n): the n sum bits and the carry out. */
export function addBits(c: Circuit, a: Bits, b: Bits, cin: Bit = ZERO): { sum: Bits; carry: Bit } {
  const n = a.length;
  const p = a.map((x, i) => c.xor(x, b[i] as Bit));
  const g = a.map((x, i) => c.and(x, b[i] as Bit));
  if (n === 0) return { sum: [], carry: cin };
  // fold the carry in into position 0
  g[0] = c.xor(g[0] as Bit, c.and(p[0] as Bit, cin));
  const G = [...g];
  const P = [...p];
  for (let k = 0; 1 << k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (((i >> k) & 1) === 0) continue;
      const j = ((i >> k) << k) - 1;
      G[i] = c.xor(G[i] as Bit, c.and(P[i] as Bit, G[j] as Bit));
      P[i] = c.and(P[i] as Bit, P[j] as Bit);
    }
  }
  const sum = p.map((x, i) => c.xor(x, i === 0 ? cin : (G[i - 1] as Bit)));
  return { sum, carry: G[n - 1] as Bit };
}

/** x + y + z mod 2^n: one carry-save layer (a full adder per bit, one AND each), then one adder. */
export function add3Bits(c: Circuit, x: Bits, y: Bits, z: Bits): Bits {
  const sum = x.map((a, i) => c.xor(c.xor(a, y[i] as Bit), z[i] as Bit));
  const carry = [ZERO, ...x.slice(0, -1).map((a, i) => c.xor(c.and(c.xor(a, z[i] as Bit), c.xor(y[i] as Bit, z[i] as Bit)), z[i] as Bit))];
  return addBits(c, sum, carry).sum;
}

/** a − b mod 2^n, with borrow = (a < b) unsigned. */
export function subBits(c: Circuit, a: Bits, b: Bits): { diff: Bits; borrow: Bit } {
  const r = addBits(c, a, notBits(c, b), ONE);
  return { diff: r.sum, borrow: c.not(r.carry) };
}

/** s ? −a : a mod 2^n (conditional two's complement negation). */
export function condNegBits(c: Circuit, a: Bits, s: Bit): Bits {
  return addBits(
    c,
    a.map((x) => c.xor(x, s)),
    constBits(0, a.length),
    s,
  ).sum;
}

/** a + bit mod 2^n, and the carry out. */
export function incrementBits(c: Circuit, a: Bits, bit: Bit): { sum: Bits; carry: Bit } {
  return addBits(c, a, constBits(0, a.length), bit);
}

/** a < b, unsigned. */
export function lessThan(c: Circuit, a: Bits, b: Bits): Bit {
  return subBits(c, a, b).borrow;
}

/** a < 0 for a two's complement vector. */
export function isNegative(a: Bits): Bit {
  return a[a.length - 1] as Bit;
}
