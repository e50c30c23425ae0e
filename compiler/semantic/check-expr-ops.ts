/**
 * Unary and binary operators and C-style casts at use sites.
 *
 * On public operands the built-in table of secrec-reference.md §3.2 applies (with
 * signed bitwise `& | ^` allowed, language.md §2); operands must have the same data
 * type, and arrays of equal dimensionality or a scalar broadcast. As soon as one
 * operand is private, the operation must come from an operator or cast definition
 * (operators.ts) — private data has no built-in operations. `&&`/`||` are public only.
 */
import { Security } from "../diagnostics/messages/security.js";
import { Types } from "../diagnostics/messages/types.js";
import type * as ast from "../syntax/ast.js";
import type { BoundExpr } from "./bound.js";
import { checkExpr, checkSiblings, errorExpr } from "./check-expr.js";
import type { BodyContext } from "./context.js";
import { checkFloatLiteral, checkIntLiteral } from "./literals.js";
import { resolveCastUse, resolveOperatorUse, tryPublicOperatorUse } from "./operators.js";
import type { DataType, Expected, SecType, Type } from "./types.js";
import { coerce } from "./conversions.js";
import {
  PUBLIC,
  domainSec,
  isBool,
  isError,
  isInteger,
  isNumeric,
  isSignedInt,
  isString,
  isUnsignedInt,
  isVoid,
  mkType,
  prim,
  typeName,
} from "./types.js";

const relational = new Set<ast.BinaryOp>(["==", "!=", "<", ">", "<=", ">="]);
const logical = new Set<ast.BinaryOp>(["&&", "||"]);

/** Why the built-in public `op` does not apply to data type `d` (undefined when it does). */
function builtinBinaryProblem(op: ast.BinaryOp, d: DataType): "shift" | "type" | undefined {
  switch (op) {
    case "+":
      return isNumeric(d) || isString(d) ? undefined : "type";
    case "-":
    case "*":
    case "/":
    case "%":
      return isNumeric(d) ? undefined : "type";
    case "&":
    case "|":
    case "^":
      return isInteger(d) || isBool(d) ? undefined : "type";
    case "<<":
    case ">>":
      return isUnsignedInt(d) ? undefined : isSignedInt(d) ? "shift" : "type";
    case "==":
    case "!=":
    case "<":
    case ">":
    case "<=":
    case ">=":
      return d.tag === "prim" ? undefined : "type";
    case "&&":
    case "||":
      return isBool(d) ? undefined : "type";
    default: {
      const never: never = op;
      return never;
    }
  }
}

function operandExpectation(op: ast.BinaryOp, expected: Expected | undefined): Expected | undefined {
  if (logical.has(op)) return { sec: PUBLIC, data: prim("bool") };
  if (relational.has(op)) return undefined;
  return expected && { sec: expected.sec, data: expected.data };
}

export function checkBinary(cx: BodyContext, e: ast.BinaryExpr, expected: Expected | undefined): BoundExpr {
  const [left, right] = checkSiblings(cx, e.left, e.right, operandExpectation(e.op, expected));
  return applyBinary(cx, e.op, left, right, e);
}

/** Applies binary `op` to already-checked operands (also used for `+=` and `++`). */
export function applyBinary(cx: BodyContext, op: ast.BinaryOp, left: BoundExpr, right: BoundExpr, syntax: ast.Node): BoundExpr {
  const lt = left.type;
  const rt = right.type;
  if (isError(lt) || isError(rt)) return errorExpr(syntax);
  for (const x of [left, right]) {
    if (isVoid(x.type)) {
      cx.report(Types.voidValue.at(cx.span(x.syntax)));
      return errorExpr(syntax);
    }
  }
  if (lt.sec.tag === "public" && rt.sec.tag === "public") {
    return tryPublicOperatorUse(cx, op, [left, right], syntax) ?? builtinBinary(cx, op, left, right, syntax);
  }
  if (logical.has(op)) {
    cx.report(Security.logicalOnPrivate.at(cx.span(syntax), op));
    return errorExpr(syntax);
  }
  if (lt.sec.tag === "domain" && rt.sec.tag === "domain" && lt.sec.domain !== rt.sec.domain) {
    cx.report(Security.domainMismatch.at(cx.span(syntax), lt.sec.domain.name, rt.sec.domain.name));
    return errorExpr(syntax);
  }
  return resolveOperatorUse(cx, op, [left, right], syntax);
}

function builtinBinary(cx: BodyContext, op: ast.BinaryOp, left: BoundExpr, right: BoundExpr, syntax: ast.Node): BoundExpr {
  const lt = left.type;
  const rt = right.type;
  if (lt.data !== rt.data) {
    cx.report(Types.operatorNotApplicable.at(cx.span(syntax), op, `\`${typeName(lt)}\` and \`${typeName(rt)}\``));
    return errorExpr(syntax);
  }
  if (lt.dim > 0 && rt.dim > 0 && lt.dim !== rt.dim) {
    cx.report(Types.dimMismatch.at(cx.span(syntax), typeName(lt), typeName(rt)));
    return errorExpr(syntax);
  }
  const problem = builtinBinaryProblem(op, lt.data);
  if (problem === "shift") {
    cx.report(Types.shiftSigned.at(cx.span(syntax), op, typeName(lt)));
    return errorExpr(syntax);
  }
  if (problem === "type") {
    cx.report(Types.operatorNotApplicable.at(cx.span(syntax), op, `\`${typeName(lt)}\` and \`${typeName(rt)}\``));
    return errorExpr(syntax);
  }
  const dim = Math.max(lt.dim, rt.dim);
  const data = relational.has(op) ? prim("bool") : lt.data;
  return { kind: "BuiltinBinary", op, left, right, type: mkType(PUBLIC, data, dim), syntax };
}

/** Strips parentheses. */
function unparen(e: ast.Expr): ast.Expr {
  return e.kind === "Paren" ? unparen(e.expr) : e;
}

export function checkUnary(cx: BodyContext, e: ast.UnaryExpr, expected: Expected | undefined): BoundExpr {
  const inner = unparen(e.operand);
  if (e.op === "-" && inner.kind === "IntLiteral" && inner.suffix === undefined) {
    return checkIntLiteral(cx, inner, expected, true, e);
  }
  if (e.op === "-" && inner.kind === "FloatLiteral" && inner.suffix === undefined) {
    return checkFloatLiteral(cx, inner, expected, true, e);
  }
  const operand = checkExpr(cx, e.operand, e.op === "!" ? { data: prim("bool") } : expected && { sec: expected.sec, data: expected.data });
  return applyUnary(cx, e.op, operand, e);
}

function builtinUnaryOk(op: ast.UnaryExpr["op"], d: DataType): boolean {
  switch (op) {
    case "-":
      return isNumeric(d);
    case "!":
      return isBool(d);
    case "~":
      return isUnsignedInt(d) || isBool(d);
    default: {
      const never: never = op;
      return never;
    }
  }
}

export function applyUnary(cx: BodyContext, op: ast.UnaryExpr["op"], operand: BoundExpr, syntax: ast.Node): BoundExpr {
  const t = operand.type;
  if (isError(t)) return errorExpr(syntax);
  if (isVoid(t)) {
    cx.report(Types.voidValue.at(cx.span(operand.syntax)));
    return errorExpr(syntax);
  }
  if (t.sec.tag === "domain") return resolveOperatorUse(cx, op, [operand], syntax);
  const defined = tryPublicOperatorUse(cx, op, [operand], syntax);
  if (defined) return defined;
  if (!builtinUnaryOk(op, t.data)) {
    cx.report(Types.operatorNotApplicable.at(cx.span(syntax), op, `\`${typeName(t)}\``));
    return errorExpr(syntax);
  }
  return { kind: "BuiltinUnary", op, operand, type: t, syntax };
}

function castable(d: DataType): boolean {
  return isNumeric(d) || isBool(d);
}

/** The security type named by `(D) e`, the old classification cast, when the "type" is a domain. */
function domainCastTarget(cx: BodyContext, t: ast.DataTypeExpr): SecType | undefined {
  if (t.kind !== "NamedType" || t.typeArgs) return undefined;
  const qb = cx.quantifierBinding(t.name.name);
  if (qb) return qb.b.sort === "domain" ? qb.b.sec : undefined;
  if (cx.scope.struct(t.name.name) || cx.scope.kindType(t.name.name)) return undefined;
  const d = cx.scope.domain(t.name.name);
  if (d) cx.ck.recordReference(t.name, d);
  return d ? domainSec(d) : undefined;
}

/** `(D) e`: gives `e` the security context D and classifies a public value to it. */
function checkDomainCast(cx: BodyContext, e: ast.CastExpr, sec: SecType, expected: Expected | undefined): BoundExpr {
  const operand = checkExpr(cx, e.operand, { sec, data: expected?.data, dim: expected?.dim });
  const t = operand.type;
  if (isError(t)) return operand;
  const converted = coerce(cx, operand, mkType(sec, t.data, t.dim), "branch");
  return converted.kind === "Classify" ? { ...converted, syntax: e } : converted;
}

export function checkCast(cx: BodyContext, e: ast.CastExpr, expected: Expected | undefined): BoundExpr {
  const sec = domainCastTarget(cx, e.type);
  if (sec) return checkDomainCast(cx, e, sec, expected);
  const target = cx.resolveDataType(e.type);
  const operand = checkExpr(cx, e.operand, expected && expected.sec ? { sec: expected.sec } : undefined);
  if (target.tag === "error" || isError(operand.type)) return errorExpr(e);
  return applyCast(cx, operand, target, e);
}

/** Converts `operand` to data type `target`, keeping its security type and dimensionality. */
export function applyCast(cx: BodyContext, operand: BoundExpr, target: DataType, syntax: ast.Node): BoundExpr {
  const from: Type = operand.type;
  if (isVoid(from)) {
    cx.report(Types.voidValue.at(cx.span(operand.syntax)));
    return errorExpr(syntax);
  }
  if (from.data === target) return operand;
  if (from.sec.tag === "domain") return resolveCastUse(cx, operand, target, syntax);
  const to = mkType(PUBLIC, target, from.dim);
  if (!castable(from.data) || !castable(target)) {
    cx.report(Types.castNotAllowed.at(cx.span(syntax), typeName(from), typeName(to)));
    return errorExpr(syntax);
  }
  return { kind: "PublicCast", operand, type: to, syntax };
}

