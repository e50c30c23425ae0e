/**
 * The plane interpreter: runs a plane table (table-jit.ts describes the layout) without
 * compiling it. A plane operation covers 32 lanes per word, so one pass of an operation
 * over a block of words is cheap next to the cost of compiling thousands of them into a
 * JavaScript function. The table is expanded once into quadruples (operation, d, a, b)
 * and executed block by block over the plane words (BLOCK words at a time), so a block's
 * operands stay in the first-level cache; temporaries live in scratch slots of one
 * block each (shared by all calls: the interpreter runs synchronously).
 */
import { type Registers, TYPE_PLANE } from "./machine.js";

/** Plane words per block. */
const BLOCK = 64;

const AND = 0;
const OR = 1;
const XOR = 2;
const NOT = 3;
const COPY = 4;
const CONST = 13;

let scratch = new Uint32Array(0);

/** A runnable plane table from its numbers (table[0] is the loop kind, then runs). */
export function planeProgram(code: readonly number[]): (R: Registers) => void {
  const quads: number[] = [];
  const consts: number[] = [];
  let slots = 0;
  let pc = 1;
  while (pc < code.length) {
    const opcode = code[pc] as number;
    const count = code[pc + 1] as number;
    const [dd, da, db] = count > 1 ? [code[pc + 5] as number, code[pc + 6] as number, code[pc + 7] as number] : [0, 0, 0];
    if ((opcode & 7) !== TYPE_PLANE) throw new Error(`plane table: opcode ${opcode} is not a plane operation`);
    for (let k = 0; k < count; k++) {
      const op = opcode >>> 3;
      const d = (code[pc + 2] as number) + k * dd;
      const a = (code[pc + 3] as number) + k * da;
      const b = (code[pc + 4] as number) + k * db;
      if (op === CONST) consts.push(~d, a | 0);
      else if (op > COPY) throw new Error(`plane table: bad operation ${op}`);
      else quads.push(op, d, a, op === NOT || op === COPY ? a : b);
      for (const x of [d, a, b]) if (x < 0) slots = Math.max(slots, ~x + 1);
    }
    pc += count > 1 ? 8 : 5;
  }
  const q = Int32Array.from(quads);
  return (R) => run(R, q, consts, slots);
}

function run(R: Registers, q: Int32Array, consts: readonly number[], slots: number): void {
  if (scratch.length < slots * BLOCK) scratch = new Uint32Array(slots * BLOCK);
  const S = scratch;
  for (let i = 0; i < consts.length; i += 2) S.fill(consts[i + 1] as number, (consts[i] as number) * BLOCK, ((consts[i] as number) + 1) * BLOCK);
  const P = R.files[TYPE_PLANE] as Uint32Array[];
  const W = R.W;
  for (let j0 = 0; j0 < W; j0 += BLOCK) {
    const n = Math.min(BLOCK, W - j0);
    for (let pc = 0; pc < q.length; pc += 4) {
      const d = q[pc + 1] as number;
      const a = q[pc + 2] as number;
      const b = q[pc + 3] as number;
      const D = d >= 0 ? (P[d] as Uint32Array) : S;
      const A = a >= 0 ? (P[a] as Uint32Array) : S;
      const B = b >= 0 ? (P[b] as Uint32Array) : S;
      step(q[pc] as number, n, D, d >= 0 ? j0 : ~d * BLOCK, A, a >= 0 ? j0 : ~a * BLOCK, B, b >= 0 ? j0 : ~b * BLOCK);
    }
  }
}

function step(op: number, n: number, D: Uint32Array, od: number, A: Uint32Array, oa: number, B: Uint32Array, ob: number): void {
  switch (op) {
    case AND:
      for (let i = 0; i < n; i++) D[od + i] = (A[oa + i] as number) & (B[ob + i] as number);
      return;
    case OR:
      for (let i = 0; i < n; i++) D[od + i] = (A[oa + i] as number) | (B[ob + i] as number);
      return;
    case XOR:
      for (let i = 0; i < n; i++) D[od + i] = (A[oa + i] as number) ^ (B[ob + i] as number);
      return;
    case NOT:
      for (let i = 0; i < n; i++) D[od + i] = ~(A[oa + i] as number);
      return;
    default:
      for (let i = 0; i < n; i++) D[od + i] = A[oa + i] as number;
  }
}
