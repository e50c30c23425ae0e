/**
 * Dead-code removal: instructions that are pure (instr-info.ts: no effect, never
 * fail) and define only registers no later instruction or terminator reads are
 * removed, using register liveness over the control-flow graph (iterated to a fixed
 * point, then one backward sweep per block).
 */
import type { IrBlock, IrProc, IrTerminator } from "../ir.js";
import { successors } from "./cfg.js";
import { defsOf, isPure, usesOf } from "./instr-info.js";

function terminatorUses(t: IrTerminator | undefined): number[] {
  if (t === undefined) return [];
  if (t.kind === "branch") return [t.cond];
  if (t.kind === "return" && t.src !== null) return [t.src];
  return [];
}

/** Registers live at the start of `b` given those live at its end. */
function liveIn(b: IrBlock, liveOut: ReadonlySet<number>): Set<number> {
  const live = new Set(liveOut);
  for (const r of terminatorUses(b.terminator)) live.add(r);
  for (let i = b.instrs.length - 1; i >= 0; i--) {
    const ins = b.instrs[i]!;
    for (const r of defsOf(ins)) live.delete(r);
    for (const r of usesOf(ins)) live.add(r);
  }
  return live;
}

export function removeDeadCode(proc: IrProc): void {
  const ins: Set<number>[] = proc.blocks.map(() => new Set());
  const outOf = (b: IrBlock): Set<number> => {
    const out = new Set<number>();
    for (const s of successors(b.terminator)) for (const r of ins[s]!) out.add(r);
    return out;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = proc.blocks.length - 1; k >= 0; k--) {
      const b = proc.blocks[k]!;
      const next = liveIn(b, outOf(b));
      if (next.size !== ins[k]!.size) {
        ins[k] = next;
        changed = true;
      }
    }
  }
  for (const b of proc.blocks) {
    const live = outOf(b);
    for (const r of terminatorUses(b.terminator)) live.add(r);
    const kept = [];
    for (let i = b.instrs.length - 1; i >= 0; i--) {
      const x = b.instrs[i]!;
      const defs = defsOf(x);
      if (isPure(x) && defs.length > 0 && defs.every((r) => !live.has(r))) continue;
      for (const r of defs) live.delete(r);
      for (const r of usesOf(x)) live.add(r);
      kept.push(x);
    }
    kept.reverse();
    b.instrs.length = 0;
    b.instrs.push(...kept);
  }
}
