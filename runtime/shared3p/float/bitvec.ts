/**
 * Helpers on bit vectors (Bit[], least significant bit first) over a Circuit:
 * constants, lane-wise NOT/AND/mux, OR and AND reductions as balanced trees
 * (AND-depth ⌈log2 n⌉), and resizing.
 */
import { ONE, ZERO, type Bit, type Circuit } from "./circuit.js";

export type Bits = Bit[];

/** The n-bit constant k (bits of a non-negative bigint or number). */
export function constBits(k: number | bigint, n: number): Bits {
  const v = BigInt(k);
  const out: Bits = [];
  for (let i = 0; i < n; i++) out.push(((v >> BigInt(i)) & 1n) === 1n ? ONE : ZERO);
  return out;
}

export function notBits(c: Circuit, a: Bits): Bits {
  return a.map((x) => c.not(x));
}

/** Every bit of a ANDed with the single bit s. */
export function andBit(c: Circuit, a: Bits, s: Bit): Bits {
  return a.map((x) => c.and(x, s));
}

/** s ? a : b lane-wise (one AND per bit). */
export function muxBits(c: Circuit, s: Bit, a: Bits, b: Bits): Bits {
  return a.map((x, i) => c.mux(s, x, b[i] as Bit));
}

/** The OR of all bits as a balanced tree. */
export function orAll(c: Circuit, a: readonly Bit[]): Bit {
  return reduce(a, ZERO, (x, y) => c.or(x, y));
}

/** The AND of all bits as a balanced tree. */
export function andAll(c: Circuit, a: readonly Bit[]): Bit {
  return reduce(a, ONE, (x, y) => c.and(x, y));
}

function reduce(a: readonly Bit[], empty: Bit, f: (x: Bit, y: Bit) => Bit): Bit {
  if (a.length === 0) return empty;
  let level = [...a];
  while (level.length > 1) {
    const next: Bit[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(f(level[i] as Bit, level[i + 1] as Bit));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Bit);
    level = next;
  }
  return level[0] as Bit;
}

/** The low n bits of a, zero-extended when shorter. */
export function resize(a: Bits, n: number): Bits {
  const out = a.slice(0, n);
  while (out.length < n) out.push(ZERO);
  return out;
}

/** out[i] = a[i] ∨ a[i+1] ∨ … (Sklansky network, AND-depth ⌈log2 n⌉). */
export function suffixOr(c: Circuit, a: Bits): Bits {
  const x = [...a].reverse();
  const n = x.length;
  for (let k = 0; 1 << k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (((i >> k) & 1) === 0) continue;
      x[i] = c.or(x[i] as Bit, x[((i >> k) << k) - 1] as Bit);
    }
  }
  return x.reverse();
}
