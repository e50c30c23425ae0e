/**
 * Jump threading: a jump or branch to a block that holds no instructions and only
 * jumps on is redirected to that jump's final target (following chains, stopping
 * at cycles such as an empty `while (true) {}`). Leaves the emptied blocks for
 * removeUnreachable.
 */
import type { IrBlock, IrProc, IrTerminator } from "../ir.js";

export function threadJumps(proc: IrProc): void {
  const finalTarget = (start: number): number => {
    let id = start;
    const seen = new Set<number>();
    for (;;) {
      const b: IrBlock = proc.blocks[id]!;
      const t = b.terminator;
      if (b.instrs.length > 0 || t === undefined || t.kind !== "jump" || seen.has(id)) return id;
      seen.add(id);
      id = t.to;
    }
  };
  for (const b of proc.blocks) {
    const t = b.terminator;
    if (t === undefined) continue;
    b.terminator = retarget(t, finalTarget);
  }
}

/** `t` with every successor block id mapped by `f`. */
export function retarget(t: IrTerminator, f: (id: number) => number): IrTerminator {
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
