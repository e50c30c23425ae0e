/**
 * Lowering of statements: blocks, declarations (default values, shapes and
 * initialisers), control flow as basic blocks (`if`, the three loops, `break`,
 * `continue`, `return`), `assert`, `print` (one output line of the arguments
 * converted as by `tostring` and concatenated) and `__syscall` with its argument
 * forms.
 */
import type { SliceItem, SysArg } from "../../vm/bytecode.js";
import type { DataTypeName } from "../../vm/isa.js";
import type { BoundExpr, BoundStmt, BoundSyscall, BoundVarDecl } from "../semantic/bound.js";
import type { Type } from "../semantic/types.js";
import type { ProcLowering } from "./lower-context.js";
import { concatStrings, lowerAsString, lowerDiscarded, lowerExpr, lowerOwned } from "./lower-expr.js";
import { lowerSyscallTarget } from "./lower-places.js";
import { dtypeOf, emitDefault, emitSized, isPrivateType } from "./lower-types.js";

export function lowerStmt(p: ProcLowering, s: BoundStmt): void {
  const saved = p.b.span;
  p.at(s.syntax);
  try {
    lowerStmtNode(p, s);
  } finally {
    p.b.span = saved;
  }
}

function lowerStmtNode(p: ProcLowering, s: BoundStmt): void {
  switch (s.kind) {
    case "Block":
      for (const x of s.stmts) lowerStmt(p, x);
      return;
    case "VarDecl":
      lowerVarDecl(p, s);
      return;
    case "If": {
      const c = lowerExpr(p, s.cond);
      const thenB = p.b.newBlock();
      const join = p.b.newBlock();
      const elseB = s.else === undefined ? join : p.b.newBlock();
      p.b.branch(c.reg, thenB, elseB);
      p.b.switchTo(thenB);
      lowerStmt(p, s.then);
      p.b.jump(join);
      if (s.else !== undefined) {
        p.b.switchTo(elseB);
        lowerStmt(p, s.else);
        p.b.jump(join);
      }
      p.b.switchTo(join);
      return;
    }
    case "While":
      lowerLoop(p, false, s.cond, undefined, s.body);
      return;
    case "For":
      if (s.init !== undefined) {
        if (s.init.kind === "VarDecl") lowerVarDecl(p, s.init);
        else lowerDiscarded(p, s.init);
      }
      lowerLoop(p, false, s.cond, s.step, s.body);
      return;
    case "DoWhile":
      lowerLoop(p, true, s.cond, undefined, s.body);
      return;
    case "Break":
    case "Continue": {
      const loop = p.loops[p.loops.length - 1];
      if (loop === undefined) throw new Error(`internal: ${s.kind} outside a loop`);
      p.b.jump(s.kind === "Break" ? loop.breakTo : loop.continueTo);
      return;
    }
    case "Return": {
      const v = s.value === undefined ? null : lowerExpr(p, s.value).reg;
      p.b.terminate({ kind: "return", src: v, span: p.b.span });
      return;
    }
    case "Assert": {
      const c = lowerExpr(p, s.cond);
      p.b.emit("assert", c.reg);
      return;
    }
    case "Print": {
      const parts = s.args.map((a) => lowerAsString(p, a));
      p.b.emit("print", concatStrings(p, parts));
      return;
    }
    case "Syscall":
      lowerSyscall(p, s);
      return;
    case "ExprStmt":
      lowerDiscarded(p, s.expr);
      return;
    default: {
      const never: never = s;
      return never;
    }
  }
}

/**
 * A loop: `head` tests `cond` (absent: forever), `body` runs the body, `step` the
 * step expression, then back to `head`. A do-while loop enters at the body.
 * `continue` goes to the step, `break` to the exit.
 */
function lowerLoop(
  p: ProcLowering,
  doWhile: boolean,
  cond: BoundExpr | undefined,
  step: BoundExpr | undefined,
  body: BoundStmt,
): void {
  const head = p.b.newBlock();
  const bodyB = p.b.newBlock();
  const stepB = p.b.newBlock();
  const exit = p.b.newBlock();
  p.b.jump(doWhile ? bodyB : head);
  p.b.switchTo(head);
  if (cond !== undefined) p.b.branch(lowerExpr(p, cond).reg, bodyB, exit);
  else p.b.jump(bodyB);
  p.b.switchTo(bodyB);
  p.loops.push({ breakTo: exit, continueTo: stepB });
  lowerStmt(p, body);
  p.loops.pop();
  p.b.jumpAndSwitch(stepB);
  if (step !== undefined) lowerDiscarded(p, step);
  p.b.jump(head);
  p.b.switchTo(exit);
}

function allSlices(dim: number): SliceItem[] {
  return Array.from({ length: dim }, (): SliceItem => ({ kind: "slice", lo: -1, hi: -1 }));
}

/**
 * The initial value of a variable of type `t` in a fresh register: with extents, a
 * new array of that shape, filled or checked-and-copied from `init`; without, a
 * copy of `init` (a scalar `init` fills the empty array), or the default value.
 */
export function lowerInitialValue(
  p: ProcLowering,
  t: Type,
  shape: readonly BoundExpr[] | undefined,
  init: BoundExpr | undefined,
): number {
  if (shape !== undefined && shape.length > 0) {
    const extents = shape.map((x) => lowerExpr(p, x).reg);
    const r = p.b.reg();
    emitSized(p, t, r, extents);
    if (init !== undefined) {
      const v = lowerExpr(p, init);
      p.b.emit(isPrivateType(t) ? "pstore" : "store", r, allSlices(t.dim), v.reg);
    }
    return r;
  }
  if (init !== undefined && (init.type.dim === t.dim || t.dim === 0)) return lowerOwned(p, init);
  const r = p.b.reg();
  emitDefault(p, t, r);
  if (init !== undefined) {
    const v = lowerExpr(p, init);
    p.b.emit(isPrivateType(t) ? "pstore" : "store", r, allSlices(t.dim), v.reg);
  }
  return r;
}

function lowerVarDecl(p: ProcLowering, s: BoundVarDecl): void {
  for (const d of s.declarators) {
    const saved = p.b.span;
    p.at(d.syntax);
    const r = lowerInitialValue(p, d.symbol.type, d.shape, d.init);
    p.b.emit("mov", p.varReg(d.symbol), r);
    p.b.span = saved;
  }
}

/** The public scalar VM type of an expression, or null (arrays, private values, strings by reference). */
function scalarType(t: Type): DataTypeName | null {
  if (isPrivateType(t) || t.dim > 0 || t.data.tag !== "prim") return null;
  return dtypeOf(t.data);
}

function lowerSyscall(p: ProcLowering, s: BoundSyscall): void {
  const args: SysArg[] = [];
  const after: (() => void)[] = [];
  for (const a of s.args) {
    switch (a.mode) {
      case "push":
      case "readonly":
      case "cref": {
        const v = lowerExpr(p, a.expr);
        args.push({ mode: a.mode, reg: v.reg, type: a.mode === "readonly" ? null : scalarType(a.expr.type) });
        break;
      }
      case "ref": {
        const ref = lowerSyscallTarget(p, a.expr);
        args.push({ mode: "ref", reg: ref.reg, type: scalarType(a.expr.type) });
        after.push(() => ref.commit());
        break;
      }
      case "return": {
        const t = scalarType(a.expr.type);
        if (t === null) throw new Error("internal: __return of a value that is not a public scalar");
        const ref = lowerSyscallTarget(p, a.expr);
        args.push({ mode: "return", reg: ref.reg, type: t });
        after.push(() => ref.commit());
        break;
      }
      default: {
        const never: never = a.mode;
        return never;
      }
    }
  }
  p.b.emit("syscall", s.name, args);
  for (const f of after) f();
}

