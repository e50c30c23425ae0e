/**
 * Full unrolling of counted loops whose trip count is a compile-time constant, so
 * the iterations' independent private operations end up in one block (merge-blocks)
 * where batch-syscalls.ts can run them in one round.
 *
 * A loop qualifies when (as lowering produces for `for (T i = c0; i OP c1; i += c2)`):
 * - its header H has two predecessors, the preheader P (ending in `jump H`) and one
 *   latch L, and ends in a branch with one successor inside the loop and the exit
 *   outside; no other block of the loop leaves it (a `fail` does not leave);
 * - H contains only `const`s and the comparison `binop OP T cond, x, y` with x or y
 *   the induction register r and the other a constant (defined by a `const` in H,
 *   or unchanged in the loop and a constant at the end of P);
 * - r is defined in the loop only once, in L, by `binop add|sub T r, r, k` with k a
 *   `const` defined before it in L; P's last definition of r is a `const`.
 * The trip count is found by running the comparison and the step on the constants
 * with the VM's wrapping arithmetic (at most MAX_TRIPS iterations and
 * MAX_UNROLLED_INSTRS instructions in all). The iterations are copies of the loop's
 * blocks chained in order: each copy of H jumps into its body, each copy of L to the
 * next copy of H, the copy after the last iteration jumps to the exit. Registers are
 * shared between copies, so the copies compute exactly what the iterations did.
 * Innermost loops go first; the pass repeats until no loop qualifies.
 */
import type { DataTypeName } from "../../../vm/isa.js";
import type { IrBlock, IrInstr, IrProc } from "../ir.js";
import { naturalLoops, predecessors, successors, type NaturalLoop } from "./cfg.js";
import { defsOf } from "./instr-info.js";
import { intWidth, wrapInt } from "./int-wrap.js";
import { retarget } from "./thread-jumps.js";

const MAX_TRIPS = 1024;
const MAX_UNROLLED_INSTRS = 12000;

const wrap = wrapInt;

/** The constant `reg` holds after the first `end` instructions of `b`, when the last definition there is a `const`. */
function constAt(b: IrBlock, end: number, reg: number): bigint | undefined {
  for (let i = end - 1; i >= 0; i--) {
    const ins = b.instrs[i]!;
    if (!defsOf(ins).includes(reg)) continue;
    return ins.op === "const" && typeof ins.args[2] === "bigint" ? (ins.args[2] as bigint) : undefined;
  }
  return undefined;
}

function compare(op: string, a: bigint, b: bigint): boolean | undefined {
  switch (op) {
    case "lt":
      return a < b;
    case "le":
      return a <= b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
    case "ne":
      return a !== b;
    case "eq":
      return a === b;
    default:
      return undefined;
  }
}

interface Counted {
  readonly loop: NaturalLoop;
  readonly preheader: number;
  readonly latch: number;
  readonly bodyEntry: number;
  readonly exit: number;
  readonly trips: number;
}

function writtenInLoop(proc: IrProc, loop: NaturalLoop, reg: number): IrInstr[] {
  const out: IrInstr[] = [];
  for (const id of loop.blocks) for (const ins of proc.blocks[id]!.instrs) if (defsOf(ins).includes(reg)) out.push(ins);
  return out;
}

function analyse(proc: IrProc, loop: NaturalLoop, preds: number[][]): Counted | undefined {
  const h = proc.blocks[loop.header]!;
  const inLoop = new Set(loop.blocks);
  if (loop.latches.length !== 1 || loop.header === 0) return undefined;
  const latch = loop.latches[0]!;
  const hp = preds[loop.header]!;
  if (hp.length !== 2) return undefined;
  const preheader = hp[0] === latch ? hp[1]! : hp[0]!;
  const p = proc.blocks[preheader]!;
  if (p.terminator?.kind !== "jump" || inLoop.has(preheader)) return undefined;
  const t = h.terminator;
  if (t === undefined || t.kind !== "branch") return undefined;
  const trueIn = inLoop.has(t.ifTrue);
  if (trueIn === inLoop.has(t.ifFalse)) return undefined;
  for (const id of loop.blocks) {
    const bt = proc.blocks[id]!.terminator;
    if (bt?.kind === "return") return undefined;
    if (id !== loop.header && successors(bt).some((s) => !inLoop.has(s))) return undefined;
  }
  if (h.instrs.some((i) => i.op !== "const" && i.op !== "binop")) return undefined;
  const cmp = h.instrs[h.instrs.length - 1];
  if (cmp === undefined || cmp.op !== "binop" || cmp.args[2] !== t.cond) return undefined;
  if (h.instrs.filter((i) => i.op === "binop").length !== 1) return undefined;
  const [op, type, , x, y] = cmp.args as [string, DataTypeName, number, number, number];
  if (intWidth(type) === undefined) return undefined;
  const bound = (reg: number): bigint | undefined => constAt(h, h.instrs.length - 1, reg) ?? (writtenInLoop(proc, loop, reg).length === 0 ? constAt(p, p.instrs.length, reg) : undefined);
  const step = (r: number): { k: bigint; sign: 1n | -1n } | undefined => {
    const defs = writtenInLoop(proc, loop, r);
    const lb = proc.blocks[latch]!;
    const idx = lb.instrs.findIndex((i) => defsOf(i).includes(r));
    if (defs.length !== 1 || idx < 0) return undefined;
    const s = lb.instrs[idx]!;
    if (s.op !== "binop" || s.args[1] !== type || s.args[3] !== r || (s.args[0] !== "add" && s.args[0] !== "sub")) return undefined;
    const k = constAt(lb, idx, s.args[4] as number);
    return k === undefined ? undefined : { k, sign: s.args[0] === "add" ? 1n : -1n };
  };
  for (const [r, other, flipped] of [
    [x, y, false],
    [y, x, true],
  ] as const) {
    const limit = bound(other);
    const st = step(r);
    const start = constAt(p, p.instrs.length, r);
    if (limit === undefined || st === undefined || start === undefined) continue;
    const trips = countTrips(op, type, wrap(type, start), wrap(type, limit), st.k * st.sign, flipped, trueIn);
    if (trips === undefined) return undefined;
    return { loop, preheader, latch, bodyEntry: trueIn ? t.ifTrue : t.ifFalse, exit: trueIn ? t.ifFalse : t.ifTrue, trips };
  }
  return undefined;
}

function countTrips(op: string, type: DataTypeName, start: bigint, limit: bigint, delta: bigint, flipped: boolean, trueIn: boolean): number | undefined {
  let i = start;
  for (let n = 0; n <= MAX_TRIPS; n++) {
    const c = flipped ? compare(op, limit, i) : compare(op, i, limit);
    if (c === undefined) return undefined;
    if (c !== trueIn) return n;
    i = wrap(type, i + delta);
  }
  return undefined;
}

function unroll(proc: IrProc, c: Counted): void {
  const copyHeader = (next: number): number => {
    const h = proc.blocks[c.loop.header]!;
    const id = proc.blocks.length;
    proc.blocks.push({ id, instrs: [...h.instrs], terminator: { kind: "jump", to: next, span: h.terminator?.span } });
    return id;
  };
  // built from the last iteration backwards, so each copy knows where it continues
  let next = copyHeader(c.exit);
  for (let it = c.trips - 1; it >= 0; it--) {
    const ids = new Map<number, number>();
    for (const id of c.loop.blocks) ids.set(id, proc.blocks.length + ids.size);
    const continueAt = next;
    const map = (id: number): number => (id === c.loop.header ? continueAt : (ids.get(id) ?? id));
    for (const id of c.loop.blocks) {
      const b = proc.blocks[id]!;
      proc.blocks.push({ id: ids.get(id)!, instrs: [...b.instrs], terminator: undefined });
    }
    for (const id of c.loop.blocks) {
      const b = proc.blocks[id]!;
      const copy = proc.blocks[ids.get(id)!]!;
      copy.terminator = id === c.loop.header ? { kind: "jump", to: map(c.bodyEntry), span: b.terminator?.span } : (b.terminator === undefined ? undefined : retarget(b.terminator, map));
    }
    next = ids.get(c.loop.header)!;
  }
  const p = proc.blocks[c.preheader]!;
  p.terminator = p.terminator === undefined ? undefined : retarget(p.terminator, (id) => (id === c.loop.header ? next : id));
}

function loopInstrs(proc: IrProc, loop: NaturalLoop): number {
  let n = 0;
  for (const id of loop.blocks) n += proc.blocks[id]!.instrs.length;
  return n;
}

function totalInstrs(proc: IrProc): number {
  let n = 0;
  for (const b of proc.blocks) n += b.instrs.length;
  return n;
}

/**
 * Unrolls one qualifying loop; returns true when it did. Leaves the old loop
 * blocks unreachable (removeUnreachable drops them).
 */
function unrollOne(proc: IrProc): boolean {
  const preds = predecessors(proc);
  for (const loop of naturalLoops(proc)) {
    const c = analyse(proc, loop, preds);
    if (c === undefined) continue;
    if (totalInstrs(proc) + c.trips * loopInstrs(proc, loop) > MAX_UNROLLED_INSTRS) continue;
    unroll(proc, c);
    return true;
  }
  return false;
}

/** Unrolls every qualifying loop, innermost first, cleaning unreachable blocks between rounds. */
export function unrollLoops(proc: IrProc, clean: (p: IrProc) => void): void {
  for (let round = 0; round < 64 && unrollOne(proc); round++) clean(proc);
}
