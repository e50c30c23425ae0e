/**
 * A forward analysis of one basic block: which registers hold known integer or
 * bool constants and which hold values of known shape, before each instruction,
 * and which instructions provably cannot fail (an index within known extents, a
 * reshape of a known element count, a lane-wise syscall whose inputs and result
 * have the same known length). Facts come only from the block's own instructions;
 * a register defined elsewhere is unknown. Shapes are kept per register: objects
 * change shape only through syscalls (`set_shares` resizes its handle), so any
 * syscall other than a verified lane-wise one forgets every array shape.
 *
 * Used by fold-constants.ts (constants, `size`, `shape` extents, `assert true`)
 * and batch-syscalls.ts (lengths of batched operands, which instructions must keep
 * their order because they may stop the program).
 */
import type { SliceItem, SysArg } from "../../../vm/bytecode.js";
import type { DataTypeName } from "../../../vm/isa.js";
import type { IrBlock, IrInstr } from "../ir.js";
import { defsOf, usesOf } from "./instr-info.js";
import { intWidth, wrapInt } from "./int-wrap.js";
import { laneWiseInputs } from "./lane-wise.js";

export type ConstValue = bigint | boolean;

/** What is known just before an instruction. */
export interface FactsView {
  /** Known integer or bool constants. */
  readonly consts: ReadonlyMap<number, ConstValue>;
  /** Known shapes (extent lists; [] for scalars). */
  readonly shapes: ReadonlyMap<number, readonly number[]>;
  /** Extents held by arrays produced by `shape` of a value of known shape. */
  readonly shapeArrays: ReadonlyMap<number, readonly number[]>;
}

/** Rewrites an instruction given the facts before it; null removes it. */
export type Rewrite = (ins: IrInstr, facts: FactsView) => IrInstr | null;

export interface WalkResult {
  /** The block's instructions after rewriting. */
  readonly instrs: IrInstr[];
  /** Per (rewritten) instruction: true when it cannot stop the program. */
  readonly safe: boolean[];
  /** Per (rewritten) instruction: its operands' shapes known just before it (only when asked). */
  readonly shapesBefore: (ReadonlyMap<number, readonly number[]> | undefined)[];
}

const lanesOf = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

class State {
  readonly consts = new Map<number, ConstValue>();
  readonly shapes = new Map<number, readonly number[]>();
  readonly shapeArrays = new Map<number, readonly number[]>();

  kill(r: number): void {
    this.consts.delete(r);
    this.shapes.delete(r);
    this.shapeArrays.delete(r);
  }

  uint(r: number): number | undefined {
    const v = this.consts.get(r);
    return typeof v === "bigint" && v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : undefined;
  }

  extents(regs: readonly number[]): number[] | undefined {
    const out: number[] = [];
    for (const r of regs) {
      const v = this.uint(r);
      if (v === undefined) return undefined;
      out.push(v);
    }
    return out;
  }
}

/** Shape of `src[items]` when every item is a constant index within known extents (all-index: a scalar). */
function indexedShape(st: State, src: number, items: readonly SliceItem[]): { shape: number[]; inBounds: boolean } | undefined {
  const shape = st.shapes.get(src);
  if (!items.every((it) => it.kind === "index")) return undefined;
  if (shape === undefined || shape.length !== items.length) return { shape: [], inBounds: false };
  const inBounds = items.every((it, d) => {
    const v = st.uint((it as { reg: number }).reg);
    return v !== undefined && v < shape[d]!;
  });
  return { shape: [], inBounds };
}

function syscallStep(st: State, ins: IrInstr): boolean {
  const name = ins.args[0] as string;
  const args = ins.args[1] as readonly SysArg[];
  const k = laneWiseInputs(name);
  if (k > 0 && args.length === k + 2 && args.every((a) => a.mode === "push")) {
    const shapes = args.slice(1).map((a) => st.shapes.get(a.reg));
    const first = shapes[0];
    if (first !== undefined && first.length === 1 && shapes.every((s) => s !== undefined && s.length === 1 && s[0] === first[0])) return true;
  }
  for (const r of defsOf(ins)) st.kill(r);
  for (const r of [...st.shapes.keys()]) if (!st.consts.has(r)) st.shapes.delete(r);
  return false;
}

function step(st: State, ins: IrInstr): boolean {
  const a = ins.args;
  switch (ins.op) {
    case "const": {
      st.kill(a[1] as number);
      // the VM converts an integer constant to its type (wrapping)
      if (typeof a[2] === "bigint" && intWidth(a[0] as DataTypeName) !== undefined) st.consts.set(a[1] as number, wrapInt(a[0] as DataTypeName, a[2]));
      else if (typeof a[2] === "boolean" && a[0] === "bool") st.consts.set(a[1] as number, a[2]);
      st.shapes.set(a[1] as number, []);
      return true;
    }
    case "mov": {
      const [d, s] = a as [number, number];
      const c = st.consts.get(s);
      const sh = st.shapes.get(s);
      const sa = st.shapeArrays.get(s);
      st.kill(d);
      if (c !== undefined) st.consts.set(d, c);
      if (sh !== undefined) st.shapes.set(d, sh);
      if (sa !== undefined) st.shapeArrays.set(d, sa);
      return true;
    }
    case "copy":
    case "classify":
    case "declassify": {
      const d = (ins.op === "classify" ? a[2] : a[0]) as number;
      const s = (ins.op === "classify" ? a[3] : a[1]) as number;
      const sh = st.shapes.get(s);
      st.kill(d);
      if (sh !== undefined) st.shapes.set(d, sh);
      return ins.op !== "declassify";
    }
    case "pnew":
    case "anew": {
      const d = (ins.op === "pnew" ? a[2] : a[1]) as number;
      const ext = st.extents((ins.op === "pnew" ? a[4] : a[3]) as readonly number[]);
      st.kill(d);
      if (ext !== undefined) st.shapes.set(d, ext);
      return true;
    }
    case "alit": {
      st.kill(a[1] as number);
      st.shapes.set(a[1] as number, [(a[2] as readonly number[]).length]);
      return true;
    }
    case "preshape": {
      const [d, s, regs] = a as [number, number, readonly number[]];
      const ext = st.extents(regs);
      const src = st.shapes.get(s);
      st.kill(d);
      if (ext !== undefined) st.shapes.set(d, ext);
      return ext !== undefined && src !== undefined && (lanesOf(src) === lanesOf(ext) || (src.length === 0 && lanesOf(ext) >= 0));
    }
    case "pindex":
    case "index": {
      const [d, s, items] = a as [number, number, readonly SliceItem[]];
      const r = indexedShape(st, s, items);
      const sa = st.shapeArrays.get(s);
      const idx = items.length === 1 && items[0]!.kind === "index" ? st.uint(items[0]!.reg) : undefined;
      st.kill(d);
      if (r !== undefined) st.shapes.set(d, r.shape);
      if (ins.op === "index" && sa !== undefined && idx !== undefined && idx < sa.length) st.consts.set(d, BigInt(sa[idx]!));
      return r?.inBounds === true;
    }
    case "pstore": {
      const [d, items, s] = a as [number, readonly SliceItem[], number];
      const r = indexedShape(st, d, items);
      const src = st.shapes.get(s);
      return r?.inBounds === true && src !== undefined && src.length === 0;
    }
    case "size": {
      const [d, s] = a as [number, number];
      const sh = st.shapes.get(s);
      st.kill(d);
      if (sh !== undefined) st.consts.set(d, BigInt(lanesOf(sh)));
      st.shapes.set(d, []);
      return true;
    }
    case "shape": {
      const [d, s] = a as [number, number];
      const sh = st.shapes.get(s);
      st.kill(d);
      if (sh !== undefined) {
        st.shapeArrays.set(d, sh);
        st.shapes.set(d, [sh.length]);
      }
      return true;
    }
    case "domainid": {
      st.kill(a[0] as number);
      st.shapes.set(a[0] as number, []);
      return true;
    }
    case "syscall":
      return syscallStep(st, ins);
    default: {
      for (const r of defsOf(ins)) st.kill(r);
      return false;
    }
  }
}

/** The known shapes of `regs` only (a snapshot that stays small in long blocks). */
function known(shapes: ReadonlyMap<number, readonly number[]>, regs: readonly number[]): Map<number, readonly number[]> {
  const out = new Map<number, readonly number[]>();
  for (const r of regs) {
    const s = shapes.get(r);
    if (s !== undefined) out.set(r, s);
  }
  return out;
}

/**
 * Walks a block forward, rewriting each instruction with `rewrite` (when given)
 * before taking in its facts. `wantShapes(ins)` asks for the shapes of the
 * instruction's operands known before it.
 */
export function walkBlock(b: IrBlock, rewrite?: Rewrite, wantShapes?: (ins: IrInstr) => boolean): WalkResult {
  const st = new State();
  const instrs: IrInstr[] = [];
  const safe: boolean[] = [];
  const shapesBefore: (ReadonlyMap<number, readonly number[]> | undefined)[] = [];
  for (const original of b.instrs) {
    const ins = rewrite === undefined ? original : rewrite(original, st);
    if (ins === null) continue;
    instrs.push(ins);
    shapesBefore.push(wantShapes?.(ins) === true ? known(st.shapes, usesOf(ins)) : undefined);
    safe.push(step(st, ins));
  }
  return { instrs, safe, shapesBefore };
}
