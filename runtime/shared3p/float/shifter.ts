/**
 * Shifts of bit vectors by secret amounts (barrel shifters, one mux layer per
 * amount bit), the right shift that also gathers the shifted-out bits into a sticky
 * bit (for rounding), and the leading-zero count (a tree of muxes, AND-depth
 * ⌈log2 n⌉) with the normalising left shift built on it.
 */
import { ZERO, type Bit, type Circuit } from "./circuit.js";
import { andBit, muxBits, orAll, type Bits } from "./bitvec.js";

/** a << amount (width kept; amount LSB first, any width). */
export function shiftLeft(c: Circuit, a: Bits, amount: Bits): Bits {
  const n = a.length;
  let x = a;
  let tooFar: Bit = ZERO;
  amount.forEach((s, k) => {
    const d = 2 ** k;
    if (d >= n) {
      tooFar = c.or(tooFar, s);
      return;
    }
    const shifted = x.map((_, i) => (i >= d ? (x[i - d] as Bit) : ZERO));
    x = muxBits(c, s, shifted, x);
  });
  return andBit(c, x, c.not(tooFar));
}

/**
 * a >> amount (logical) and the OR of every bit shifted out. The largest shifts go
 * first, so each stage's shifted-out bits are ORed from a value only a few muxes
 * deep and the sticky bit is ready soon after the shifted value.
 */
export function shiftRightSticky(c: Circuit, a: Bits, amount: Bits): { value: Bits; sticky: Bit } {
  const n = a.length;
  const stickies: Bit[] = [];
  let tooFar: Bit = ZERO;
  amount.forEach((s, k) => {
    if (2 ** k >= n) tooFar = c.or(tooFar, s);
  });
  stickies.push(c.and(tooFar, orAll(c, a)));
  let x = a;
  for (let k = amount.length - 1; k >= 0; k--) {
    const d = 2 ** k;
    if (d >= n) continue;
    const s = amount[k] as Bit;
    stickies.push(c.and(s, orAll(c, x.slice(0, d))));
    const shifted = x.map((_, i) => (i + d < n ? (x[i + d] as Bit) : ZERO));
    x = muxBits(c, s, shifted, x);
  }
  return { value: andBit(c, x, c.not(tooFar)), sticky: orAll(c, stickies) };
}

/**
 * Leading zeros of a (counted from the top bit): `count` (⌈log2 n⌉ bits, valid when
 * a ≠ 0) and `zero` (a = 0).
 */
export function leadingZeros(c: Circuit, a: Bits): { count: Bits; zero: Bit } {
  let m = 1;
  while (m < a.length) m *= 2;
  // MSB first, padded with zeros at the bottom to a power of two
  const msbFirst = [...a].reverse();
  while (msbFirst.length < m) msbFirst.push(ZERO);
  let nodes = msbFirst.map((x) => ({ zero: c.not(x), count: [] as Bits }));
  while (nodes.length > 1) {
    const next: { zero: Bit; count: Bits }[] = [];
    for (let i = 0; i < nodes.length; i += 2) {
      const hi = nodes[i] as { zero: Bit; count: Bits };
      const lo = nodes[i + 1] as { zero: Bit; count: Bits };
      next.push({ zero: c.and(hi.zero, lo.zero), count: [...muxBits(c, hi.zero, lo.count, hi.count), hi.zero] });
    }
    nodes = next;
  }
  const top = nodes[0] as { zero: Bit; count: Bits };
  return { count: top.count, zero: top.zero };
}

/**
 * One-hot decoding of an unsigned value: out[j] = (v = j) for j < n (all zero when
 * v ≥ n), by recursive halving of v's bits (about n ANDs, AND-depth ⌈log2 k⌉ + 1).
 */
export function decode(c: Circuit, v: Bits, n: number): Bits {
  const k = Math.max(1, Math.ceil(Math.log2(n)));
  const low = v.slice(0, k);
  while (low.length < k) low.push(ZERO);
  const high = orAll(c, v.slice(k));
  const table = decodeAll(c, low);
  return table.slice(0, n).map((x) => c.and(x, c.not(high)));
}

function decodeAll(c: Circuit, v: Bits): Bits {
  if (v.length === 1) return [c.not(v[0] as Bit), v[0] as Bit];
  const h = v.length >> 1;
  const lo = decodeAll(c, v.slice(0, h));
  const hi = decodeAll(c, v.slice(h));
  const out: Bits = [];
  for (const y of hi) for (const x of lo) out.push(c.and(x, y));
  return out;
}

/**
 * a shifted left by min(leading zeros of a, limit): a marker bit `limit` places
 * below the top stops the leading-zero count there (limit is secret, decoded in
 * parallel with whatever computes a).
 */
export function normalizeLimited(c: Circuit, a: Bits, limit: Bits): { value: Bits; shift: Bits } {
  const n = a.length;
  const marker = decode(c, limit, n);
  const marked = a.map((x, j) => c.or(x, marker[n - 1 - j] as Bit));
  const lz = leadingZeros(c, marked);
  return { value: shiftLeft(c, a, lz.count), shift: lz.count };
}

/** a shifted left until its top bit is set (unchanged when a = 0), with the shift. */
export function normalize(c: Circuit, a: Bits): { value: Bits; shift: Bits; zero: Bit } {
  const lz = leadingZeros(c, a);
  return { value: shiftLeft(c, a, lz.count), shift: lz.count, zero: lz.zero };
}

