/**
 * What the optimising passes need to know about one IR instruction, derived from
 * the instruction table (vm/isa.ts) plus a few facts the table does not state:
 * - `defs`/`uses`: registers written and read (a syscall's `ref` and `return`
 *   arguments are written, `ref` ones are also read; `store`/`pstore`/`fset`
 *   change their `dst` object in place, so it is read, not defined);
 * - `writes`: registers whose *object* the instruction changes in place (arrays,
 *   private values and structs are objects held by reference, vm/isa.ts);
 * - `isPure`: no effect besides defining its registers and it never stops the
 *   program, so it may be removed when its result is unused;
 * - `isEffect`: the instruction is observable (output, globals, calls, the outside
 *   world, protocols whose order or outcome the parties see) and keeps its order
 *   relative to every other effect and every instruction that may fail.
 * Instructions not listed as pure may fail at run time (bounds, shapes, division).
 */
import type { SysArg } from "../../../vm/bytecode.js";
import type { IrInstr } from "../ir.js";
import { definedOperand, forEachUse } from "./coalesce-moves.js";

/** Instructions that never fail on defined operands and have no effect but their destination. */
const PURE = new Set([
  "nop",
  "const",
  "mov",
  "copy",
  "unop",
  "cast",
  "tostring",
  "strlen",
  "strbytes",
  "bytesstr",
  "anew",
  "alit",
  "vunop",
  "vcast",
  "size",
  "shape",
  "pnew",
  "classify",
  "domainid",
  "snew",
  "fget",
  "fpuget",
]);

/** Observable instructions: their order is kept exactly. */
const EFFECTS = new Set(["call", "gget", "gset", "print", "assert", "error", "declassify", "pfree", "fpuset", "syscall"]);

/** Binary operators that may fail (division by zero, MIN / -1). */
const FAILING_BINOPS = new Set(["div", "mod"]);

/** Registers an instruction defines. */
export function defsOf(ins: IrInstr): number[] {
  const out: number[] = [];
  const d = definedOperand(ins.op);
  if (d >= 0 && typeof ins.args[d] === "number" && (ins.args[d] as number) >= 0) out.push(ins.args[d] as number);
  if (ins.op === "syscall") for (const s of ins.args[1] as readonly SysArg[]) if (s.mode === "ref" || s.mode === "return") out.push(s.reg);
  return out;
}

/** Registers an instruction reads (a syscall's `return` register is not read). */
export function usesOf(ins: IrInstr): number[] {
  if (ins.op === "syscall") return (ins.args[1] as readonly SysArg[]).filter((s) => s.mode !== "return").map((s) => s.reg);
  const out: number[] = [];
  forEachUse(ins, (r) => out.push(r));
  return out;
}

/** Registers whose object the instruction changes in place. */
export function writesOf(ins: IrInstr): number[] {
  switch (ins.op) {
    case "store":
    case "pstore":
    case "fset":
      return [ins.args[0] as number];
    case "pfree":
      return [ins.args[0] as number];
    case "syscall":
      return (ins.args[1] as readonly SysArg[]).filter((s) => s.mode === "push" || s.mode === "ref").map((s) => s.reg);
    default:
      return [];
  }
}

/** True when the instruction is observable (kept in order with effects and failures). */
export function isEffect(ins: IrInstr): boolean {
  return EFFECTS.has(ins.op);
}

/** True when the instruction has no effect besides its destination and never fails. */
export function isPure(ins: IrInstr): boolean {
  if (PURE.has(ins.op)) return true;
  if (ins.op === "binop") return !FAILING_BINOPS.has(ins.args[0] as string);
  return false;
}
