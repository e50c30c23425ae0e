/**
 * Test helper: collects the bound expressions of a procedure body in evaluation
 * order (pre-order), so tests can find the calls, classifications and reshapes the
 * checker made explicit.
 */
import type { BoundExpr, BoundStmt } from "../../../compiler/semantic/bound.js";

export function exprsOf(s: BoundStmt, out: BoundExpr[] = []): BoundExpr[] {
  switch (s.kind) {
    case "Block":
      for (const x of s.stmts) exprsOf(x, out);
      break;
    case "VarDecl":
      for (const d of s.declarators) {
        for (const e of d.shape ?? []) walk(e, out);
        if (d.init) walk(d.init, out);
      }
      break;
    case "If":
      walk(s.cond, out);
      exprsOf(s.then, out);
      if (s.else) exprsOf(s.else, out);
      break;
    case "While":
    case "DoWhile":
      walk(s.cond, out);
      exprsOf(s.body, out);
      break;
    case "For":
      if (s.init) "declarators" in s.init ? exprsOf(s.init, out) : walk(s.init, out);
      if (s.cond) walk(s.cond, out);
      if (s.step) walk(s.step, out);
      exprsOf(s.body, out);
      break;
    case "Return":
      if (s.value) walk(s.value, out);
      break;
    case "Assert":
      walk(s.cond, out);
      break;
    case "Print":
      for (const a of s.args) walk(a, out);
      break;
    case "Syscall":
      for (const a of s.args) walk(a.expr, out);
      break;
    case "ExprStmt":
      walk(s.expr, out);
      break;
    case "Break":
    case "Continue":
      break;
  }
  return out;
}

function walk(e: BoundExpr, out: BoundExpr[]): void {
  out.push(e);
  for (const c of children(e)) walk(c, out);
}

function children(e: BoundExpr): BoundExpr[] {
  switch (e.kind) {
    case "Classify":
    case "ToVector":
    case "BuiltinUnary":
    case "PublicCast":
      return [e.operand];
    case "CastCall":
      return [e.operand];
    case "BuiltinBinary":
      return [e.left, e.right];
    case "OperatorCall":
    case "Call":
    case "ArrayLiteral":
      return "args" in e ? [...e.args] : [...e.elements];
    case "Builtin":
      return [...e.args];
    case "Ternary":
      return [e.cond, e.then, e.else];
    case "Assign":
      return [e.target, e.value];
    case "CompoundAssign":
    case "IncDec":
      return [e.target, e.combined];
    case "Comma":
      return [e.left, e.right];
    case "Index":
      return [e.target, ...e.indices.flatMap((i) => (i.kind === "Slice" ? [i.lo, i.hi].filter((x) => x !== undefined) : [i]))];
    case "Member":
      return [e.target];
    case "Interpolation":
      return e.parts.filter((p): p is BoundExpr => typeof p !== "string");
    default:
      return [];
  }
}
