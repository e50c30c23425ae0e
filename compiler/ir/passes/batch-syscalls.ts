/**
 * Round merging: inside each block, independent lane-wise private syscalls of the
 * same operation, type and domain (lane-wise.ts) become one vector syscall, so the
 * block needs as many rounds as its longest chain of dependent protocol runs.
 *
 * 1. Candidates: `syscall OP(push dom, push in..., push res)` whose inputs and
 *    result are 1-D with the same known length (block-facts.ts), whose `res` was
 *    created by a `pnew` earlier in the block and not touched before the call, and
 *    whose `dom` comes from a `domainid` in the block. Such a call cannot fail and
 *    writes only `res`; communicating ones are batched, local ones (add, sub...)
 *    are only free to move.
 * 2. Dependencies: registers are renamed so every definition in the block writes a
 *    fresh register (the last value of each register is moved back at the end), so
 *    only true data dependencies remain; objects (arrays, private values, structs are
 *    shared by reference) add an edge from every write to later reads and writes of
 *    the same object: objects created in the block are told apart, everything else
 *    (and any object stored into or read out of a struct) is one shared object.
 *    Effects and instructions that may stop the program keep their order
 *    (instr-info.ts), so output, declassification and the first runtime error are
 *    unchanged; candidates are neither.
 * 3. Levels: a candidate's level is the number of candidates on the longest
 *    dependency path before it. Candidates with one key and one level are
 *    independent; each such group becomes: the inputs concatenated (`pcat`, a
 *    balanced tree), one result `pnew`, one syscall, and each member's result cut
 *    back out with `pindex res[lo:hi]`.
 * 4. The block is re-emitted in a topological order of the merged graph, taking
 *    the earliest original instruction first, so the output is deterministic.
 */
import type { SliceItem, SysArg } from "../../../vm/bytecode.js";
import type { IrBlock, IrInstr, IrProc } from "../ir.js";
import { walkBlock } from "./block-facts.js";
import { mapRegisters } from "./inline-calls.js";
import { definedOperand } from "./coalesce-moves.js";
import { defsOf, isEffect, isPure, usesOf, writesOf } from "./instr-info.js";
import { isBatchable, laneWiseInputs } from "./lane-wise.js";

interface Candidate {
  readonly index: number;
  readonly key: string;
  readonly lanes: number;
  readonly inputs: readonly number[];
  readonly dom: number;
  readonly result: number;
  readonly pnew: IrInstr;
  /** Communicating, so worth batching (lane-wise.ts); local ones only move freely. */
  readonly batchable: boolean;
}

/** Instructions that create a new object (or a scalar) in their destination. */
const FRESH = new Set([
  "const", "copy", "gget", "binop", "unop", "cast", "tostring", "strlen", "strbytes", "bytesstr", "anew", "alit", "vbinop", "vunop", "vcast",
  "size", "shape", "reshape", "cat", "index", "pnew", "classify", "declassify", "pindex", "preshape", "pcat", "domainid", "snew", "call", "fpuget",
]);

function findCandidates(instrs: readonly IrInstr[], shapesBefore: readonly (ReadonlyMap<number, readonly number[]> | undefined)[]): Map<number, Candidate> {
  const out = new Map<number, Candidate>();
  const lastDef = new Map<number, number>();
  const lastUse = new Map<number, number>();
  instrs.forEach((ins, i) => {
    const c = ins.op === "syscall" ? candidate(instrs, i, shapesBefore[i], lastDef, lastUse) : undefined;
    if (c !== undefined) out.set(i, c);
    for (const r of usesOf(ins)) lastUse.set(r, i);
    for (const r of defsOf(ins)) lastDef.set(r, i);
  });
  return out;
}

function candidate(
  instrs: readonly IrInstr[],
  i: number,
  shapes: ReadonlyMap<number, readonly number[]> | undefined,
  lastDef: ReadonlyMap<number, number>,
  lastUse: ReadonlyMap<number, number>,
): Candidate | undefined {
  const ins = instrs[i]!;
  const name = ins.args[0] as string;
  const args = ins.args[1] as readonly SysArg[];
  const k = laneWiseInputs(name);
  if (k === 0 || shapes === undefined || args.length !== k + 2 || !args.every((a) => a.mode === "push")) return undefined;
  const regs = args.map((a) => a.reg);
  const dom = regs[0]!;
  const result = regs[k + 1]!;
  const inputs = regs.slice(1, k + 1);
  if (inputs.includes(result)) return undefined;
  const lens = [...inputs, result].map((r) => shapes.get(r));
  const lanes = lens[0]?.[0];
  if (lanes === undefined || !lens.every((s) => s !== undefined && s.length === 1 && s[0] === lanes)) return undefined;
  const pi = lastDef.get(result);
  const di = lastDef.get(dom);
  if (pi === undefined || di === undefined) return undefined;
  const pnew = instrs[pi]!;
  const domDef = instrs[di]!;
  if (pnew.op !== "pnew" || domDef.op !== "domainid" || (lastUse.get(result) ?? -1) > pi) return undefined;
  const key = `${name}|${String(domDef.args[1])}|${String(pnew.args[0])}|${String(pnew.args[1])}`;
  return { index: i, key, lanes, inputs, dom, result, pnew, batchable: isBatchable(name) };
}

/** The dependency graph of a block after renaming; `preds[i]` are instruction indices. */
interface Graph {
  readonly instrs: IrInstr[];
  readonly preds: Set<number>[];
  /** Final `mov original, renamed` instructions. */
  readonly tail: IrInstr[];
}

function buildGraph(proc: IrProc, instrs: readonly IrInstr[], safe: readonly boolean[], cands: ReadonlyMap<number, Candidate>): Graph {
  const pinned = new Set<number>();
  for (const ins of instrs) if (ins.op === "syscall") for (const s of ins.args[1] as readonly SysArg[]) if (s.mode === "ref") pinned.add(s.reg);
  const current = new Map<number, number>();
  const cur = (r: number): number => current.get(r) ?? r;
  const renamed: IrInstr[] = [];
  const preds: Set<number>[] = [];
  const lastDef = new Map<number, number>();
  const readers = new Map<number, number[]>();
  // objects: fresh ids for objects created in the block, HEAP for all others
  const HEAP = -1;
  const objOf = new Map<number, number>();
  const escaped = new Set<number>();
  const obj = (r: number): number => {
    const o = objOf.get(r) ?? HEAP;
    return escaped.has(o) ? HEAP : o;
  };
  const objWriter = new Map<number, number>();
  const objReaders = new Map<number, number[]>();
  let lastOrdered = -1;
  instrs.forEach((orig, i) => {
    const p = new Set<number>();
    const ins = mapUses(orig, cur);
    const uses = usesOf(ins);
    for (const r of uses) {
      const d = lastDef.get(r);
      if (d !== undefined) p.add(d);
      if (!readers.has(r)) readers.set(r, []);
      readers.get(r)!.push(i);
    }
    const readObj = (o: number): void => {
      const w = objWriter.get(o);
      if (w !== undefined) p.add(w);
      if (!objReaders.has(o)) objReaders.set(o, []);
      objReaders.get(o)!.push(i);
    };
    const writeObj = (o: number): void => {
      const w = objWriter.get(o);
      if (w !== undefined) p.add(w);
      for (const x of objReaders.get(o) ?? []) p.add(x);
      objReaders.set(o, []);
      objWriter.set(o, i);
    };
    const cand = cands.get(i);
    const resultReg = cand === undefined ? undefined : cur(cand.result);
    for (const r of uses) if (r !== resultReg) readObj(obj(r));
    if (cand !== undefined) writeObj(obj(resultReg!));
    else for (const r of writesOf(ins)) writeObj(obj(r));
    if (ins.op === "fset" || ins.op === "fget") {
      const s = ins.args[ins.op === "fset" ? 2 : 1] as number;
      const o = obj(s);
      writeObj(o);
      if (o !== HEAP) escaped.add(o);
    }
    if (cand === undefined && (isEffect(ins) || !(isPure(ins) || safe[i] === true))) {
      if (lastOrdered >= 0) p.add(lastOrdered);
      lastOrdered = i;
    }
    // definitions: fresh registers, except pinned ones (which keep write-after-read order)
    const defs = defsOf(ins);
    const rename = new Map<number, number>();
    for (const r of defs) {
      if (pinned.has(r)) {
        const d = lastDef.get(r);
        if (d !== undefined) p.add(d);
        for (const x of readers.get(r) ?? []) p.add(x);
        readers.set(r, []);
        lastDef.set(r, i);
        continue;
      }
      const fresh = proc.registers++;
      rename.set(r, fresh);
    }
    const out = rename.size === 0 ? ins : mapDefs(ins, rename);
    for (const [r, fresh] of rename) {
      current.set(r, fresh);
      lastDef.set(fresh, i);
      objOf.set(fresh, FRESH.has(ins.op) ? fresh : ins.op === "mov" ? obj(ins.args[1] as number) : HEAP);
    }
    p.delete(i);
    renamed.push(out);
    preds.push(p);
  });
  const tail: IrInstr[] = [];
  for (const [r, fresh] of [...current].sort((a, b) => a[0] - b[0])) tail.push({ op: "mov", args: [r, fresh], span: undefined });
  return { instrs: renamed, preds, tail };
}

/** `ins` with the registers it reads mapped (its definition untouched). */
function mapUses(ins: IrInstr, f: (r: number) => number): IrInstr {
  if (ins.op === "syscall") {
    const args = (ins.args[1] as readonly SysArg[]).map((s): SysArg => (s.mode === "return" ? s : { ...s, reg: f(s.reg) }));
    return { op: ins.op, args: [ins.args[0]!, args], span: ins.span };
  }
  const di = definedOperand(ins.op);
  const mapped = mapRegisters(ins, f);
  if (di < 0) return mapped;
  const args = [...mapped.args];
  args[di] = ins.args[di]!;
  return { op: ins.op, args, span: ins.span };
}

/** `ins` (uses already mapped) with its definitions renamed. */
function mapDefs(ins: IrInstr, rename: ReadonlyMap<number, number>): IrInstr {
  if (ins.op === "syscall") {
    const args = (ins.args[1] as readonly SysArg[]).map((s): SysArg => (s.mode === "return" && rename.has(s.reg) ? { ...s, reg: rename.get(s.reg)! } : s));
    return { op: ins.op, args: [ins.args[0]!, args], span: ins.span };
  }
  const di = definedOperand(ins.op);
  if (di < 0 || !rename.has(ins.args[di] as number)) return ins;
  const args = [...ins.args];
  args[di] = rename.get(ins.args[di] as number)!;
  return { op: ins.op, args, span: ins.span };
}

/** Levels (candidates on the longest path before each instruction). */
function levels(g: Graph, cands: ReadonlyMap<number, Candidate>): number[] {
  const level: number[] = [];
  g.preds.forEach((ps, i) => {
    let l = 0;
    for (const p of ps) l = Math.max(l, level[p]! + (cands.get(p)?.batchable === true ? 1 : 0));
    level.push(l);
  });
  return level;
}

/** Groups of two or more candidates with one key and level, each sorted by index. */
function groups(cands: ReadonlyMap<number, Candidate>, level: readonly number[]): Candidate[][] {
  const byKey = new Map<string, Candidate[]>();
  for (const c of [...cands.values()].sort((a, b) => a.index - b.index)) {
    if (!c.batchable) continue;
    const k = `${c.key}@${level[c.index]}`;
    if (!byKey.has(k)) byKey.set(k, []);
    byKey.get(k)!.push(c);
  }
  return [...byKey.values()].filter((g) => g.length >= 2);
}

/** A binary min-heap of numbers. */
class MinHeap {
  private readonly a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  push(x: number): void {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]! <= a[i]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): number {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/** The batched replacement of one group (renamed instructions in `g`). */
function emitGroup(proc: IrProc, g: Graph, members: readonly Candidate[], out: IrInstr[]): void {
  const first = g.instrs[members[0]!.index]!;
  const name = first.args[0] as string;
  const firstArgs = first.args[1] as readonly SysArg[];
  const k = firstArgs.length - 2;
  const span = first.span;
  const reg = (): number => proc.registers++;
  const argsOf = (m: Candidate): readonly SysArg[] => g.instrs[m.index]!.args[1] as readonly SysArg[];
  const concat = (regs: readonly number[]): number => {
    if (regs.length === 1) return regs[0]!;
    const half = regs.length >> 1;
    const a = concat(regs.slice(0, half));
    const b = concat(regs.slice(half));
    const r = reg();
    out.push({ op: "pcat", args: [r, a, b, 0], span });
    return r;
  };
  const inputs: number[] = [];
  for (let q = 1; q <= k; q++) inputs.push(concat(members.map((m) => argsOf(m)[q]!.reg)));
  const total = members.reduce((acc, m) => acc + m.lanes, 0);
  const count = reg();
  out.push({ op: "const", args: ["uint64", count, BigInt(total)], span });
  const res = reg();
  const pnew = members[0]!.pnew;
  out.push({ op: "pnew", args: [pnew.args[0]!, pnew.args[1]!, res, null, [count]], span });
  const sysargs: SysArg[] = [firstArgs[0]!, ...inputs.map((r, q): SysArg => ({ ...firstArgs[q + 1]!, reg: r })), { ...firstArgs[k + 1]!, reg: res }];
  out.push({ op: "syscall", args: [name, sysargs], span });
  let lo = 0;
  for (const m of members) {
    const ml = m.lanes;
    const a = reg();
    const b = reg();
    out.push({ op: "const", args: ["uint64", a, BigInt(lo)], span: g.instrs[m.index]!.span });
    out.push({ op: "const", args: ["uint64", b, BigInt(lo + ml)], span: g.instrs[m.index]!.span });
    const slice: SliceItem = { kind: "slice", lo: a, hi: b };
    out.push({ op: "pindex", args: [argsOf(m)[k + 1]!.reg, res, [slice]], span: g.instrs[m.index]!.span });
    lo += ml;
  }
}

/** Re-emits the block in a topological order of the merged graph. */
function schedule(proc: IrProc, g: Graph, gs: readonly Candidate[][]): IrInstr[] {
  const n = g.instrs.length;
  const rep = Array.from({ length: n }, (_, i) => i);
  const groupOf = new Map<number, Candidate[]>();
  for (const members of gs) {
    const r = members[0]!.index;
    groupOf.set(r, members);
    for (const m of members) rep[m.index] = r;
  }
  const succs: Set<number>[] = Array.from({ length: n }, () => new Set());
  const indeg = new Array<number>(n).fill(0);
  g.preds.forEach((ps, i) => {
    const to = rep[i]!;
    for (const p of ps) {
      const from = rep[p]!;
      if (from === to || succs[from]!.has(to)) continue;
      succs[from]!.add(to);
      indeg[to]!++;
    }
  });
  const ready = new MinHeap();
  for (let i = 0; i < n; i++) if (rep[i] === i && indeg[i] === 0) ready.push(i);
  const out: IrInstr[] = [];
  while (ready.size > 0) {
    const i = ready.pop();
    const members = groupOf.get(i);
    if (members !== undefined) emitGroup(proc, g, members, out);
    else out.push(g.instrs[i]!);
    for (const s of succs[i]!) if (--indeg[s]! === 0) ready.push(s);
  }
  if (out.length < n - [...groupOf.values()].reduce((acc, m) => acc + m.length - 1, 0)) throw new Error("internal: batch-syscalls found a cycle");
  return [...out, ...g.tail];
}

function batchBlock(proc: IrProc, b: IrBlock): void {
  const walk = walkBlock(b, undefined, (ins) => ins.op === "syscall" && laneWiseInputs(ins.args[0] as string) > 0);
  const cands = findCandidates(walk.instrs, walk.shapesBefore);
  if ([...cands.values()].filter((c) => c.batchable).length < 2) return;
  const g = buildGraph(proc, walk.instrs, walk.safe, cands);
  const gs = groups(cands, levels(g, cands));
  if (gs.length === 0) return;
  const instrs = schedule(proc, g, gs);
  b.instrs.length = 0;
  b.instrs.push(...instrs);
}

/** Merges independent lane-wise syscalls in every block of `proc`. */
export function batchSyscalls(proc: IrProc): void {
  for (const b of proc.blocks) batchBlock(proc, b);
}
