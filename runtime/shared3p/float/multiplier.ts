/**
 * Unsigned multiplication of bit vectors: the partial products (one AND each, all
 * in one layer; local when one factor is public), a Wallace tree of full adders
 * (one AND per adder: carry = ((a⊕c)∧(b⊕c))⊕c) down to two rows, and a final
 * parallel-prefix adder.
 */
import type { Bit, Circuit } from "./circuit.js";
import { addBits } from "./adder.js";
import { resize, type Bits } from "./bitvec.js";

/** a·b with a.length + b.length bits. */
export function multiplyBits(c: Circuit, a: Bits, b: Bits): Bits {
  const n = a.length + b.length;
  let columns: Bit[][] = Array.from({ length: n }, () => []);
  a.forEach((x, i) => b.forEach((y, j) => (columns[i + j] as Bit[]).push(c.and(x, y))));
  while (columns.some((col) => col.length > 2)) {
    const next: Bit[][] = Array.from({ length: n }, () => []);
    columns.forEach((col, w) => {
      let i = 0;
      for (; i + 3 <= col.length; i += 3) {
        const [x, y, z] = [col[i] as Bit, col[i + 1] as Bit, col[i + 2] as Bit];
        (next[w] as Bit[]).push(c.xor(c.xor(x, y), z));
        if (w + 1 < n) (next[w + 1] as Bit[]).push(c.xor(c.and(c.xor(x, z), c.xor(y, z)), z));
      }
      for (; i < col.length; i++) (next[w] as Bit[]).push(col[i] as Bit);
    });
    columns = next;
  }
  const row0 = columns.map((col) => col[0] ?? 0);
  const row1 = columns.map((col) => col[1] ?? 0);
  return resize(addBits(c, row0, row1).sum, n);
}
