/**
 * Block merging: a block ending in `jump S`, where S is not the entry block and has
 * no other predecessor, absorbs S's instructions and terminator. Straight-line code
 * split by lowering (`for` steps, inlined calls, unrolled iterations) becomes one
 * block, the unit batch-syscalls.ts schedules. Leaves the absorbed blocks
 * unreachable for removeUnreachable.
 */
import type { IrProc } from "../ir.js";
import { predecessors } from "./cfg.js";

export function mergeBlocks(proc: IrProc): void {
  const preds = predecessors(proc);
  const absorbed = new Set<number>();
  for (const b of proc.blocks) {
    if (absorbed.has(b.id)) continue;
    for (;;) {
      const t = b.terminator;
      if (t === undefined || t.kind !== "jump") break;
      const s = t.to;
      if (s === 0 || s === b.id || absorbed.has(s) || preds[s]!.length !== 1) break;
      const sb = proc.blocks[s]!;
      b.instrs.push(...sb.instrs);
      b.terminator = sb.terminator;
      absorbed.add(s);
      sb.instrs.length = 0;
      sb.terminator = { kind: "fail", message: "internal: merged block", span: undefined };
    }
  }
}
