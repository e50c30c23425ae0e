/**
 * Test helper: the bound expressions of a procedure body in evaluation order
 * (pre-order), so tests can find the calls, classifications and reshapes the checker
 * made explicit.
 */
import type { BoundExpr, BoundStmt } from "../../../compiler/semantic/bound.js";
import { forEachExprInStmt } from "../../../compiler/semantic/bound-walk.js";

export function exprsOf(s: BoundStmt): BoundExpr[] {
  const out: BoundExpr[] = [];
  forEachExprInStmt(s, (e) => out.push(e));
  return out;
}
