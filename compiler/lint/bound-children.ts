/**
 * The direct children of bound expressions and statements, for analyses that walk
 * every node of a bound body (lints, cost estimation) without caring about most kinds.
 */
import type { BoundExpr, BoundStmt } from "../semantic/bound.js";

/** The sub-expressions of an expression, in evaluation order (the checker's own walker). */
export { boundChildren as exprChildren } from "../semantic/bound-walk.js";

/** The expressions directly inside a statement (not inside its sub-statements). */
export function stmtExprs(s: BoundStmt): readonly BoundExpr[] {
  switch (s.kind) {
    case "Block":
    case "Break":
    case "Continue":
      return [];
    case "VarDecl":
      return s.declarators.flatMap((d) => [...(d.shape ?? []), ...(d.init !== undefined ? [d.init] : [])]);
    case "If":
    case "While":
    case "DoWhile":
    case "Assert":
      return [s.cond];
    case "For":
      return [...(s.init !== undefined && s.init.kind !== "VarDecl" ? [s.init as BoundExpr] : []), ...(s.cond ? [s.cond] : []), ...(s.step ? [s.step] : [])];
    case "Return":
      return s.value !== undefined ? [s.value] : [];
    case "Print":
      return s.args;
    case "Syscall":
      return s.args.map((a) => a.expr);
    case "ExprStmt":
      return [s.expr];
  }
}

/** The statements directly inside a statement. */
export function stmtChildren(s: BoundStmt): readonly BoundStmt[] {
  switch (s.kind) {
    case "Block":
      return s.stmts;
    case "If":
      return s.else !== undefined ? [s.then, s.else] : [s.then];
    case "While":
    case "DoWhile":
      return [s.body];
    case "For":
      return s.init !== undefined && s.init.kind === "VarDecl" ? [s.init, s.body] : [s.body];
    default:
      return [];
  }
}
