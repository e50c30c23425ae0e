/**
 * Walking bound trees: `boundChildren` lists an expression's direct sub-expressions
 * in evaluation order, `forEachExprInStmt` visits every expression of a statement
 * (pre-order). Used to build the language server's side tables lazily and by tests.
 */
import type { BoundExpr, BoundStmt } from "./bound.js";

/** The direct sub-expressions of `e`, in evaluation order. */
export function boundChildren(e: BoundExpr): BoundExpr[] {
  switch (e.kind) {
    case "Classify":
    case "ToVector":
    case "BuiltinUnary":
    case "PublicCast":
    case "CastCall":
      return [e.operand];
    case "BuiltinBinary":
      return [e.left, e.right];
    case "OperatorCall":
    case "Call":
    case "Builtin":
      return [...e.args];
    case "ArrayLiteral":
      return [...e.elements];
    case "Ternary":
      return [e.cond, e.then, e.else];
    case "Assign":
      return [e.target, e.value];
    case "CompoundAssign":
    case "IncDec":
      return [e.target, e.combined];
    case "Comma":
      return [e.left, e.right];
    case "Index": {
      const out = [e.target];
      for (const i of e.indices) {
        if (i.kind !== "Slice") out.push(i);
        else {
          if (i.lo) out.push(i.lo);
          if (i.hi) out.push(i.hi);
        }
      }
      return out;
    }
    case "Member":
      return [e.target];
    case "Interpolation":
      return e.parts.filter((p): p is BoundExpr => typeof p !== "string");
    case "Literal":
    case "Var":
    case "TargetValue":
    case "Error":
      return [];
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Visits `e` and all its sub-expressions, pre-order. */
export function forEachExpr(e: BoundExpr, fn: (e: BoundExpr) => void): void {
  fn(e);
  for (const c of boundChildren(e)) forEachExpr(c, fn);
}

/** Visits every expression of a statement, pre-order, in evaluation order. */
export function forEachExprInStmt(s: BoundStmt, fn: (e: BoundExpr) => void): void {
  switch (s.kind) {
    case "Block":
      for (const x of s.stmts) forEachExprInStmt(x, fn);
      return;
    case "VarDecl":
      for (const d of s.declarators) {
        for (const e of d.shape ?? []) forEachExpr(e, fn);
        if (d.init) forEachExpr(d.init, fn);
      }
      return;
    case "If":
      forEachExpr(s.cond, fn);
      forEachExprInStmt(s.then, fn);
      if (s.else) forEachExprInStmt(s.else, fn);
      return;
    case "While":
      forEachExpr(s.cond, fn);
      forEachExprInStmt(s.body, fn);
      return;
    case "DoWhile":
      forEachExprInStmt(s.body, fn);
      forEachExpr(s.cond, fn);
      return;
    case "For":
      if (s.init) {
        if (s.init.kind === "VarDecl") forEachExprInStmt(s.init, fn);
        else forEachExpr(s.init, fn);
      }
      if (s.cond) forEachExpr(s.cond, fn);
      forEachExprInStmt(s.body, fn);
      if (s.step) forEachExpr(s.step, fn);
      return;
    case "Return":
      if (s.value) forEachExpr(s.value, fn);
      return;
    case "Assert":
      forEachExpr(s.cond, fn);
      return;
    case "Print":
      for (const a of s.args) forEachExpr(a, fn);
      return;
    case "Syscall":
      for (const a of s.args) forEachExpr(a.expr, fn);
      return;
    case "ExprStmt":
      forEachExpr(s.expr, fn);
      return;
    case "Break":
    case "Continue":
      return;
    default: {
      const never: never = s;
      return never;
    }
  }
}
