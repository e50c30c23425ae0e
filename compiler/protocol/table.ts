/**
 * Tables: the compact form in which the generated code carries its lane-wise
 * computation (as text, see tableText) (runtime/protocols/table-jit.ts compiles each into a fused loop on first
 * use; the operations and their operands are described there).
 *
 * One instruction is (opcode, d, a, b) with opcode = operation·8 + type; operands are
 * registers (≥ 0) or temporaries (encoded ~slot, < 0) of their type. A table is its loop
 * kind followed by runs: opcode, count, d, a, b and, if count > 1, the strides dd, da,
 * db — the run stands for the `count` instructions (opcode, d + k·dd, a + k·da, b + k·db).
 * Word-wise operations over n planes elaborate to n consecutive instructions whose
 * registers advance together, and so do the same operation on consecutive words, so
 * runs are long.
 *
 * Temporary slots (locals of the fused loop) live within one table; a slot is freed
 * after its last use and the lowest free slot is taken next, which keeps the slots of a
 * vector's planes consecutive and the runs long. Constants hold their slots for the
 * whole table.
 */

/** Types of vectors; must agree with TYPE_* in runtime/protocols/machine.ts (a test pins them). */
export const TYPES = { plane: 0, w8: 1, w16: 2, w32: 3, w64: 4 } as const;
export type VecType = (typeof TYPES)[keyof typeof TYPES];

/** Operations; must agree with OPS in runtime/protocols/table-jit.ts (a test pins them). */
export const OPS = { and: 0, or: 1, xor: 2, not: 3, copy: 4, add: 5, sub: 6, mul: 7, neg: 8, shl: 9, shr: 10, lift: 11, conv: 12, const: 13 } as const;

/** The loop of a table (its first number): over plane words or over lanes. */
export const LOOPS = { planes: 0, lanes: 1 } as const;
export type TableOp = keyof typeof OPS;

export interface Instr {
  readonly op: TableOp;
  /** The type of the destination. */
  readonly type: VecType;
  readonly d: number;
  readonly a: number;
  readonly b: number;
}

/** The 64 characters of the text form of a table (runtime/protocols/table-jit.ts decodes it). */
export const TABLE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * A table's numbers as text: each number zigzag-encoded (0, -1, 1, -2, … → 0, 1, 2, 3, …)
 * in groups of 5 bits, least significant first, a character per group with 32 added
 * when more groups follow. Small numbers take one character.
 */
export function tableText(numbers: readonly number[]): string {
  let out = "";
  for (const x of numbers) {
    let z = x >= 0 ? 2 * x : -2 * x - 1;
    do {
      const low = z & 31;
      z = Math.floor(z / 32);
      out += TABLE_ALPHABET[low + (z > 0 ? 32 : 0)];
    } while (z > 0);
  }
  return out;
}

/** Encodes a temporary slot as an operand. */
export function tempOperand(slot: number): number {
  return ~slot;
}

/** Greedy run-length encoding with constant strides; operands of a run keep their sign. */
export function encodeRuns(loop: number, code: readonly Instr[]): number[] {
  const out: number[] = [loop];
  let i = 0;
  while (i < code.length) {
    const first = code[i] as Instr;
    let count = 1;
    let dd = 0;
    let da = 0;
    let db = 0;
    const next = code[i + 1];
    if (next !== undefined && next.op === first.op && next.type === first.type && sameSigns(first, next)) {
      dd = next.d - first.d;
      da = next.a - first.a;
      db = next.b - first.b;
      count = 2;
      for (let j = i + 2; j < code.length; j++) {
        const c = code[j] as Instr;
        const k = j - i;
        if (c.op !== first.op || c.type !== first.type || c.d !== first.d + k * dd || c.a !== first.a + k * da || c.b !== first.b + k * db || !sameSigns(first, c)) break;
        count++;
      }
    }
    out.push(OPS[first.op] * 8 + first.type, count, first.d, first.a, first.b);
    if (count > 1) out.push(dd, da, db);
    i += count;
  }
  return out;
}

function sameSigns(x: Instr, y: Instr): boolean {
  return x.d < 0 === y.d < 0 && x.a < 0 === y.a < 0 && x.b < 0 === y.b < 0;
}

/** Temporary slots, lowest free first. */
export class TempSlots {
  private readonly used: boolean[] = [];

  /** Number of slots ever used. */
  get size(): number {
    return this.used.length;
  }

  take(): number {
    let s = this.used.indexOf(false);
    if (s < 0) s = this.used.length;
    this.used[s] = true;
    return s;
  }

  free(slot: number): void {
    this.used[slot] = false;
  }
}
