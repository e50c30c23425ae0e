/**
 * Control-flow facts over the syntax tree: whether a statement always returns
 * (definite return of non-void procedures). A loop whose condition is the literal
 * `true` (or a `for` without condition) and that contains no `break` of its own
 * never falls through, so it counts as returning.
 */
import type * as ast from "../syntax/ast.js";

function isTrue(e: ast.Expr | undefined): boolean {
  if (!e) return true;
  if (e.kind === "Paren") return isTrue(e.expr);
  return e.kind === "BoolLiteral" && e.value;
}

/** Whether `s` contains a `break` that leaves `s` itself (not one of an inner loop). */
function breaksOut(s: ast.Stmt): boolean {
  switch (s.kind) {
    case "Break":
      return true;
    case "Block":
      return s.stmts.some(breaksOut);
    case "If":
      return breaksOut(s.then) || (s.else !== undefined && breaksOut(s.else));
    default:
      return false;
  }
}

/** Whether every path through `s` ends in a `return` (or never ends). */
export function alwaysReturns(s: ast.Stmt): boolean {
  switch (s.kind) {
    case "Return":
      return true;
    case "Block":
      return s.stmts.some(alwaysReturns);
    case "If":
      return s.else !== undefined && alwaysReturns(s.then) && alwaysReturns(s.else);
    case "While":
      return isTrue(s.cond) && !breaksOut(s.body);
    case "For":
      return isTrue(s.cond) && !breaksOut(s.body);
    case "DoWhile":
      return alwaysReturns(s.body) || (isTrue(s.cond) && !breaksOut(s.body));
    default:
      return false;
  }
}
