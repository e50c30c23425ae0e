/**
 * Unsigned multiplication of bit vectors: the partial products (one AND each, all
 * in one layer; local when one factor is public), a Dadda tree of full and half
 * adders (one AND each: full-adder carry = ((a⊕c)∧(b⊕c))⊕c, sums are XORs) that
 * reduces every column to two bits in one adder layer per stage (stage targets 2,
 * 3, 4, 6, 9, 13, …), and a final parallel-prefix adder. AND-depth ≈ 1 + stages +
 * 1 + ⌈log2 2n⌉.
 */
import type { Bit, Circuit } from "./circuit.js";
import { addBits } from "./adder.js";
import { resize, type Bits } from "./bitvec.js";

/** a·b with a.length + b.length bits. */
export function multiplyBits(c: Circuit, a: Bits, b: Bits): Bits {
  const n = a.length + b.length;
  let columns: Bit[][] = Array.from({ length: n }, () => []);
  a.forEach((x, i) => b.forEach((y, j) => (columns[i + j] as Bit[]).push(c.and(x, y))));
  for (const target of daddaTargets(Math.max(...columns.map((col) => col.length)))) columns = daddaStage(c, columns, target);
  const row0 = columns.map((col) => col[0] ?? 0);
  const row1 = columns.map((col) => col[1] ?? 0);
  return resize(addBits(c, row0, row1).sum, n);
}

/** The stage targets below `height`, largest first. */
function daddaTargets(height: number): number[] {
  const ds = [2];
  while (Math.floor((ds[ds.length - 1] as number) * 1.5) < height) ds.push(Math.floor((ds[ds.length - 1] as number) * 1.5));
  return ds.reverse();
}

/** Reduces every column to at most `target` bits, counting the carries this stage sends into it. */
function daddaStage(c: Circuit, columns: Bit[][], target: number): Bit[][] {
  const n = columns.length;
  const out: Bit[][] = Array.from({ length: n }, () => []);
  const carriesIn: Bit[][] = Array.from({ length: n + 1 }, () => []);
  for (let w = 0; w < n; w++) {
    const bits = [...(columns[w] as Bit[])];
    let h = bits.length + (carriesIn[w] as Bit[]).length;
    while (h > target && bits.length >= 2) {
      if (h - target >= 2 && bits.length >= 3) {
        const [x, y, z] = bits.splice(0, 3) as [Bit, Bit, Bit];
        (out[w] as Bit[]).push(c.xor(c.xor(x, y), z));
        (carriesIn[w + 1] as Bit[]).push(c.xor(c.and(c.xor(x, z), c.xor(y, z)), z));
        h -= 2;
      } else {
        const [x, y] = bits.splice(0, 2) as [Bit, Bit];
        (out[w] as Bit[]).push(c.xor(x, y));
        (carriesIn[w + 1] as Bit[]).push(c.and(x, y));
        h -= 1;
      }
    }
    (out[w] as Bit[]).push(...bits, ...(carriesIn[w] as Bit[]));
  }
  return out;
}
