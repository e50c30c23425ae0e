/**
 * Inlining of small procedures (the operator and cast definitions around one
 * syscall, `choose`, small helpers), so their syscalls land in the caller's blocks
 * where batch-syscalls.ts can merge them.
 *
 * Procedures are visited callees first; a call is inlined when the callee, after its
 * own inlining, contains no call and at most MAX_CALLEE_INSTRS instructions, and the
 * caller stays under MAX_CALLER_INSTRS. The call `call q, dst, args` becomes: the
 * caller's block split at the call, q's blocks copied with fresh registers and block
 * ids, `return src` turned into `mov dst, src` and a jump to the rest of the block.
 *
 * The VM clones reference arguments on `call` (callees may change them): a parameter
 * the callee only reads (never redefined, written in place, moved, stored by
 * reference, returned, pushed to a syscall that may write it, or given out as a field
 * reference by `fget`) is replaced by the caller's argument register; every other parameter starts as a `copy` of the
 * argument, which is what the call did. An argument register passed twice is copied
 * for the repeated parameters (a syscall seeing one handle twice may run a different
 * protocol, e.g. square instead of mul). Instructions keep their source positions, so
 * runtime error messages are unchanged, and their spans record where they were inlined
 * (IrSpan.inlined: the callee's name, the call's span, and the call's own inline site
 * when the call was inlined code), so a runtime error's call stack still shows the
 * inlined procedures. A `nop` with the call's span marks the call site.
 */
import type { SliceItem, SysArg } from "../../../vm/bytecode.js";
import { INSTRUCTION_BY_NAME } from "../../../vm/isa.js";
import type { InlineSite, IrArg, IrBlock, IrInstr, IrProc, IrProgram, IrSpan, IrTerminator } from "../ir.js";
import { defsOf, writesOf } from "./instr-info.js";
import { writesOnlyLastPush } from "./lane-wise.js";

const MAX_CALLEE_INSTRS = 80;
const MAX_CALLER_INSTRS = 20000;

function instrCount(p: IrProc): number {
  let n = 0;
  for (const b of p.blocks) n += b.instrs.length;
  return n;
}

function hasCall(p: IrProc): boolean {
  return p.blocks.some((b) => b.instrs.some((i) => i.op === "call"));
}

/** Procedure indices, callees before callers (cycles broken at the back edge). */
function calleesFirst(program: IrProgram): number[] {
  const order: number[] = [];
  const state = new Map<number, "active" | "done">();
  const visit = (i: number): void => {
    if (state.has(i)) return;
    state.set(i, "active");
    for (const b of program.procs[i]!.blocks) for (const ins of b.instrs) if (ins.op === "call") visit(ins.args[0] as number);
    state.set(i, "done");
    order.push(i);
  };
  program.procs.forEach((_, i) => visit(i));
  return order;
}

/** Parameters the callee only reads (see the header). */
function readOnlyParams(p: IrProc): boolean[] {
  const ro = Array.from({ length: p.params }, () => true);
  const spoil = (r: number): void => {
    if (r < p.params) ro[r] = false;
  };
  for (const b of p.blocks) {
    for (const ins of b.instrs) {
      for (const r of defsOf(ins)) spoil(r);
      for (const r of writesOf(ins)) {
        if (ins.op !== "syscall") spoil(r);
      }
      if (ins.op === "syscall") spoilSyscall(ins, spoil);
      if (ins.op === "mov") spoil(ins.args[1] as number);
      if (ins.op === "fset") spoil(ins.args[2] as number);
      if (ins.op === "fget") spoil(ins.args[1] as number);
    }
    const t = b.terminator;
    if (t !== undefined && t.kind === "return" && t.src !== null) spoil(t.src);
  }
  return ro;
}

function spoilSyscall(ins: IrInstr, spoil: (r: number) => void): void {
  const args = ins.args[1] as readonly SysArg[];
  const pushes = args.filter((s) => s.mode === "push");
  const safe = writesOnlyLastPush(ins.args[0] as string);
  for (const s of args) {
    if (s.mode === "ref" || s.mode === "return") spoil(s.reg);
    else if (s.mode === "push" && (!safe || s === pushes[pushes.length - 1])) spoil(s.reg);
  }
}

/** A copy of `ins` with every register operand mapped. */
export function mapRegisters(ins: IrInstr, f: (r: number) => number): IrInstr {
  const d = INSTRUCTION_BY_NAME.get(ins.op);
  if (d === undefined) return ins;
  const args: IrArg[] = ins.args.map((a, i) => {
    switch (d.operands[i]) {
      case "reg":
        return f(a as number);
      case "optreg":
        return a === null || (a as number) < 0 ? a : f(a as number);
      case "regs":
        return (a as readonly number[]).map(f);
      case "slices":
        return (a as readonly SliceItem[]).map(
          (it): SliceItem => (it.kind === "index" ? { kind: "index", reg: f(it.reg) } : { kind: "slice", lo: it.lo >= 0 ? f(it.lo) : it.lo, hi: it.hi >= 0 ? f(it.hi) : it.hi }),
        );
      case "sysargs":
        return (a as readonly SysArg[]).map((s): SysArg => ({ ...s, reg: f(s.reg) }));
      default:
        return a;
    }
  });
  return { op: ins.op, args, span: ins.span };
}

type SpanMap = (s: IrSpan | undefined) => IrSpan | undefined;

/**
 * Maps the spans of `callee`'s code to the same positions marked as inlined at `call`:
 * the callee's own sites (from inlining into it) get the new site appended at their
 * outer end. Memoised, so the copies of one span share one object.
 */
function inlinedSpans(callee: string, call: IrSpan | undefined): SpanMap {
  const outer: InlineSite = { callee, call, parent: call?.inlined };
  const sites = new Map<InlineSite, InlineSite>();
  const rebase = (site: InlineSite | undefined): InlineSite => {
    if (site === undefined) return outer;
    let r = sites.get(site);
    if (r === undefined) {
      r = { callee: site.callee, call: site.call, parent: rebase(site.parent) };
      sites.set(site, r);
    }
    return r;
  };
  const spans = new Map<IrSpan, IrSpan>();
  return (s) => {
    if (s === undefined) return undefined;
    let r = spans.get(s);
    if (r === undefined) {
      r = { file: s.file, start: s.start, end: s.end, inlined: rebase(s.inlined) };
      spans.set(s, r);
    }
    return r;
  };
}

function inlineOne(caller: IrProc, block: IrBlock, at: number, callee: IrProc, ro: readonly boolean[]): void {
  const call = block.instrs[at]!;
  const dst = call.args[1] as number | null;
  const args = call.args[2] as readonly number[];
  const base = caller.registers;
  caller.registers += callee.registers;
  const regMap = (r: number): number => r + base;
  const paramReg: number[] = [];
  // a `nop` keeps the call's position in the line table (disassembly, debuggers)
  const prologue: IrInstr[] = [{ op: "nop", args: [], span: call.span }];
  const seen = new Set<number>();
  args.forEach((a, i) => {
    if (ro[i] === true && !seen.has(a)) paramReg.push(a);
    else {
      paramReg.push(regMap(i));
      prologue.push({ op: "copy", args: [regMap(i), a], span: call.span });
    }
    seen.add(a);
  });
  const f = (r: number): number => (r < callee.params ? paramReg[r]! : regMap(r));
  const blockBase = caller.blocks.length;
  const cont: IrBlock = { id: blockBase + callee.blocks.length, instrs: block.instrs.slice(at + 1), terminator: block.terminator };
  const mark = inlinedSpans(callee.name, call.span);
  for (const cb of callee.blocks) {
    const instrs = cb.instrs.map((ins): IrInstr => ({ ...mapRegisters(ins, f), span: mark(ins.span) }));
    const terminator = mapTerminator(cb.terminator, instrs, f, blockBase, cont.id, dst, call, mark);
    caller.blocks.push({ id: blockBase + cb.id, instrs, terminator });
  }
  caller.blocks.push(cont);
  block.instrs.length = at;
  block.instrs.push(...prologue);
  block.terminator = { kind: "jump", to: blockBase, span: call.span };
}

function mapTerminator(
  t: IrTerminator | undefined,
  instrs: IrInstr[],
  f: (r: number) => number,
  blockBase: number,
  cont: number,
  dst: number | null,
  call: IrInstr,
  mark: SpanMap,
): IrTerminator | undefined {
  if (t === undefined) return undefined;
  const span = mark(t.span);
  switch (t.kind) {
    case "jump":
      return { ...t, to: t.to + blockBase, span };
    case "branch":
      return { ...t, cond: f(t.cond), ifTrue: t.ifTrue + blockBase, ifFalse: t.ifFalse + blockBase, span };
    case "return":
      if (dst !== null && dst >= 0 && t.src !== null) instrs.push({ op: "mov", args: [dst, f(t.src)], span: call.span });
      return { kind: "jump", to: cont, span };
    case "fail":
      return { ...t, span };
    default: {
      const never: never = t;
      return never;
    }
  }
}

function inlinable(callee: IrProc): boolean {
  return !hasCall(callee) && instrCount(callee) <= MAX_CALLEE_INSTRS;
}

/** Inlines small call-free procedures into their callers (whole program). */
export function inlineCalls(program: IrProgram): void {
  for (const i of calleesFirst(program)) {
    const caller = program.procs[i]!;
    const roCache = new Map<number, boolean[]>();
    for (let b = 0; b < caller.blocks.length; b++) {
      const block = caller.blocks[b]!;
      for (let k = 0; k < block.instrs.length; k++) {
        const ins = block.instrs[k]!;
        if (ins.op !== "call") continue;
        const q = ins.args[0] as number;
        const callee = program.procs[q]!;
        if (q === i || !inlinable(callee) || instrCount(caller) + instrCount(callee) > MAX_CALLER_INSTRS) continue;
        let ro = roCache.get(q);
        if (ro === undefined) {
          ro = readOnlyParams(callee);
          roCache.set(q, ro);
        }
        inlineOne(caller, block, k, callee, ro);
        break;
      }
    }
  }
}
