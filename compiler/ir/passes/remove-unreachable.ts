/**
 * Removes blocks no path from the entry block reaches (code after `return`,
 * `break` or `continue`, blocks emptied by jump threading) and renumbers the rest
 * in their original order, so block ids stay indices into `blocks`.
 */
import type { IrBlock, IrProc, IrTerminator } from "../ir.js";
import { successors } from "./cfg.js";

export function removeUnreachable(proc: IrProc): void {
  const reachable = new Set<number>([0]);
  const work = [0];
  for (let id = work.pop(); id !== undefined; id = work.pop()) {
    for (const s of successors(proc.blocks[id]!.terminator)) {
      if (!reachable.has(s)) {
        reachable.add(s);
        work.push(s);
      }
    }
  }
  const kept = proc.blocks.filter((b) => reachable.has(b.id));
  const newId = new Map<number, number>(kept.map((b, i) => [b.id, i]));
  const map = (id: number): number => newId.get(id)!;
  proc.blocks = kept.map((b, i): IrBlock => ({ id: i, instrs: b.instrs, terminator: renumber(b.terminator, map) }));
}

function renumber(t: IrTerminator | undefined, f: (id: number) => number): IrTerminator | undefined {
  if (t === undefined) return undefined;
  switch (t.kind) {
    case "jump":
      return { ...t, to: f(t.to) };
    case "branch":
      return { ...t, ifTrue: f(t.ifTrue), ifFalse: f(t.ifFalse) };
    case "return":
    case "fail":
      return t;
    default: {
      const never: never = t;
      return never;
    }
  }
}
