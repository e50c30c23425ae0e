/**
 * Move coalescing: lowering computes values into fresh temporaries and then moves
 * them into variables (`binop add r8, r1, r7; mov r1, r8`). When a temporary is
 * written by exactly one instruction, read only by the `mov` right after it, and is
 * not a parameter, the instruction writes the variable directly and the `mov` goes.
 * Safe because every VM instruction reads its operands before writing its
 * destination. Which operand an instruction defines comes from the instruction
 * table (the operand named `dst`; for `store`, `pstore` and `fset` that operand is
 * changed in place, i.e. read).
 */
import type { SliceItem, SysArg } from "../../../vm/bytecode.js";
import { INSTRUCTION_BY_NAME } from "../../../vm/isa.js";
import type { IrArg, IrInstr, IrProc, IrTerminator } from "../ir.js";

const IN_PLACE = new Set(["store", "pstore", "fset"]);

/** Index of the operand an instruction defines, or -1. */
export function definedOperand(op: string): number {
  if (IN_PLACE.has(op)) return -1;
  const d = INSTRUCTION_BY_NAME.get(op);
  if (d === undefined) return -1;
  const i = d.names.indexOf("dst");
  return i >= 0 && (d.operands[i] === "reg" || d.operands[i] === "optreg") ? i : -1;
}

/** Calls `f` for every register an instruction reads (and for registers syscalls write through). */
export function forEachUse(ins: IrInstr, f: (reg: number) => void): void {
  const d = INSTRUCTION_BY_NAME.get(ins.op);
  if (d === undefined) return;
  const def = definedOperand(ins.op);
  d.operands.forEach((kind, i) => {
    if (i === def) return;
    const a: IrArg | undefined = ins.args[i];
    switch (kind) {
      case "reg":
        f(a as number);
        return;
      case "optreg":
        if ((a as number | null) !== null && (a as number) >= 0) f(a as number);
        return;
      case "regs":
        for (const r of a as readonly number[]) f(r);
        return;
      case "slices":
        for (const it of a as readonly SliceItem[]) {
          if (it.kind === "index") f(it.reg);
          else {
            if (it.lo >= 0) f(it.lo);
            if (it.hi >= 0) f(it.hi);
          }
        }
        return;
      case "sysargs":
        for (const s of a as readonly SysArg[]) f(s.reg);
        return;
      default:
        return;
    }
  });
}

function terminatorUses(t: IrTerminator | undefined, f: (reg: number) => void): void {
  if (t === undefined) return;
  if (t.kind === "branch") f(t.cond);
  else if (t.kind === "return" && t.src !== null) f(t.src);
}

export function coalesceMoves(proc: IrProc): void {
  const uses = new Map<number, number>();
  const defs = new Map<number, number>();
  const count = (m: Map<number, number>, r: number): void => void m.set(r, (m.get(r) ?? 0) + 1);
  for (const b of proc.blocks) {
    for (const ins of b.instrs) {
      forEachUse(ins, (r) => count(uses, r));
      const def = definedOperand(ins.op);
      if (def >= 0 && typeof ins.args[def] === "number") count(defs, ins.args[def] as number);
      if (ins.op === "syscall") for (const s of ins.args[1] as readonly SysArg[]) if (s.mode === "ref" || s.mode === "return") count(defs, s.reg);
    }
    terminatorUses(b.terminator, (r) => count(uses, r));
  }
  for (const b of proc.blocks) {
    const out: IrInstr[] = [];
    for (const ins of b.instrs) {
      const prev = out[out.length - 1];
      if (ins.op === "mov" && prev !== undefined) {
        const [dst, src] = ins.args as [number, number];
        const def = definedOperand(prev.op);
        if (
          def >= 0 &&
          prev.args[def] === src &&
          src !== dst &&
          src >= proc.params &&
          uses.get(src) === 1 &&
          defs.get(src) === 1
        ) {
          const args = [...prev.args];
          args[def] = dst;
          out[out.length - 1] = { op: prev.op, args, span: prev.span };
          continue;
        }
      }
      out.push(ins);
    }
    b.instrs.length = 0;
    b.instrs.push(...out);
  }
}
