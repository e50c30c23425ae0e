/**
 * Control-flow helpers for the IR passes: successors of a terminator, predecessor
 * lists, dominator sets and natural loops (a back edge L → H where H dominates L;
 * the loop is H plus every block that reaches L without passing through H).
 */
import type { IrProc, IrTerminator } from "../ir.js";

export function successors(t: IrTerminator | undefined): number[] {
  if (t === undefined) return [];
  switch (t.kind) {
    case "jump":
      return [t.to];
    case "branch":
      return t.ifTrue === t.ifFalse ? [t.ifTrue] : [t.ifTrue, t.ifFalse];
    case "return":
    case "fail":
      return [];
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** Predecessor block ids of every block (each edge once). */
export function predecessors(proc: IrProc): number[][] {
  const preds: number[][] = proc.blocks.map(() => []);
  for (const b of proc.blocks) for (const s of successors(b.terminator)) preds[s]!.push(b.id);
  return preds;
}

/** Reachable block ids in reverse postorder from the entry block. */
export function reversePostorder(proc: IrProc): number[] {
  const seen = new Set<number>([0]);
  const post: number[] = [];
  const stack: { id: number; next: number[] }[] = [{ id: 0, next: successors(proc.blocks[0]!.terminator) }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const s = top.next.shift();
    if (s === undefined) {
      post.push(top.id);
      stack.pop();
    } else if (!seen.has(s)) {
      seen.add(s);
      stack.push({ id: s, next: successors(proc.blocks[s]!.terminator) });
    }
  }
  return post.reverse();
}

/**
 * For every block, the set of blocks dominating it (itself included); unreachable
 * blocks get every block. Iterates in reverse postorder, so a few passes suffice.
 */
export function dominators(proc: IrProc): Set<number>[] {
  const preds = predecessors(proc);
  // undefined: not yet known, i.e. every block (the iteration's starting point)
  const dom: (Set<number> | undefined)[] = proc.blocks.map((b) => (b.id === 0 ? new Set([0]) : undefined));
  const order = reversePostorder(proc).filter((id) => id !== 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of order) {
      let next: Set<number> | undefined;
      for (const p of preds[i]!) {
        const dp = dom[p];
        if (dp === undefined) continue;
        if (next === undefined) next = new Set(dp);
        else for (const x of next) if (!dp.has(x)) next.delete(x);
      }
      if (next === undefined) continue;
      next.add(i);
      if (dom[i] === undefined || next.size !== dom[i]!.size) {
        dom[i] = next;
        changed = true;
      }
    }
  }
  const all = new Set<number>(proc.blocks.map((b) => b.id));
  return dom.map((d) => d ?? all);
}

export interface NaturalLoop {
  readonly header: number;
  readonly latches: readonly number[];
  /** Every block of the loop, header included, in ascending id order. */
  readonly blocks: readonly number[];
}

/** The natural loops of a procedure, one per header, smallest first. */
export function naturalLoops(proc: IrProc): NaturalLoop[] {
  const dom = dominators(proc);
  const preds = predecessors(proc);
  const byHeader = new Map<number, { latches: number[]; blocks: Set<number> }>();
  for (const b of proc.blocks) {
    for (const s of successors(b.terminator)) {
      if (!dom[b.id]!.has(s)) continue;
      const entry = byHeader.get(s) ?? { latches: [], blocks: new Set([s]) };
      byHeader.set(s, entry);
      entry.latches.push(b.id);
      const work = [b.id];
      for (let x = work.pop(); x !== undefined; x = work.pop()) {
        if (entry.blocks.has(x)) continue;
        entry.blocks.add(x);
        for (const p of preds[x]!) work.push(p);
      }
    }
  }
  const loops = [...byHeader].map(([header, e]): NaturalLoop => ({ header, latches: e.latches, blocks: [...e.blocks].sort((a, b) => a - b) }));
  return loops.sort((a, b) => a.blocks.length - b.blocks.length || a.header - b.header);
}
