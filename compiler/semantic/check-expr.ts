/**
 * Expression checking: the dispatcher and the structural expressions (names,
 * literals, parentheses, array literals, `?:`, assignment, `,`, `::`, indexing,
 * fields, `++`/`--`). Operators and casts are in check-expr-ops.ts, built-ins and
 * string literals in check-expr-builtins.ts, calls in check-expr-call.ts.
 *
 * `checkExpr(cx, e, expected)` returns the bound expression; `expected` is what the
 * context wants (literal typing, return-type overloading) — it is a hint, not a
 * requirement: callers convert the result with `coerce`. An expression whose type is
 * an error never causes another diagnostic.
 */
import { Names } from "../diagnostics/messages/names.js";
import { Security } from "../diagnostics/messages/security.js";
import { Types } from "../diagnostics/messages/types.js";
import type * as ast from "../syntax/ast.js";
import { PROTOCOL_COSTS } from "../../vm/protocol-costs.js";
import type { BoundExpr, BoundSlice } from "./bound.js";
import { applyBinary, checkBinary, checkCast, checkUnary } from "./check-expr-ops.js";
import { checkBuiltin, checkStringLiteral } from "./check-expr-builtins.js";
import { checkCall } from "./check-expr-call.js";
import type { BodyContext } from "./context.js";
import { classifiable, classify, coerce } from "./conversions.js";
import { checkFloatLiteral, checkIntLiteral, isContextTyped } from "./literals.js";
import { resolveDim, resolveSec, substDim, substSec } from "./resolve-types.js";
import { publicData } from "./resolve-types.js";
import type { Expected, Type } from "./types.js";
import {
  ERROR_TYPE,
  PUBLIC,
  PUB_BOOL,
  PUB_UINT,
  isError,
  isFloat,
  isVoid,
  mkType,
  prim,
  sameSec,
  typeName,
} from "./types.js";

export function errorExpr(syntax: ast.Node): BoundExpr {
  return { kind: "Error", type: ERROR_TYPE, syntax };
}

/** Checks an expression (its type reaches the side tables through the bound tree). */
export function checkExpr(cx: BodyContext, e: ast.Expr, expected?: Expected): BoundExpr {
  switch (e.kind) {
    case "IntLiteral":
      return checkIntLiteral(cx, e, expected, false, e);
    case "FloatLiteral":
      return checkFloatLiteral(cx, e, expected, false, e);
    case "BoolLiteral":
      return { kind: "Literal", type: PUB_BOOL, value: e.value, syntax: e };
    case "StringLiteral":
      return checkStringLiteral(cx, e, "value");
    case "Name":
      return checkName(cx, e);
    case "Paren":
      return checkExpr(cx, e.expr, expected);
    case "ArrayLiteral":
      return checkArrayLiteral(cx, e, expected);
    case "Unary":
      return checkUnary(cx, e, expected);
    case "IncDec":
      return checkIncDec(cx, e);
    case "Cast":
      return checkCast(cx, e, expected);
    case "Binary":
      return checkBinary(cx, e, expected);
    case "Ternary":
      return checkTernary(cx, e, expected);
    case "Assign":
      return checkAssign(cx, e);
    case "Comma": {
      const left = checkExpr(cx, e.left);
      const right = checkExpr(cx, e.right, expected);
      return { kind: "Comma", type: right.type, left, right, syntax: e };
    }
    case "Annotated":
      return checkAnnotated(cx, e);
    case "Call":
      return checkCall(cx, e, expected);
    case "Index":
      return checkIndex(cx, e);
    case "Member":
      return checkMember(cx, e);
    case "Builtin":
      return checkBuiltin(cx, e, expected);
    case "ErrorExpr":
      return errorExpr(e);
    default: {
      const never: never = e;
      return never;
    }
  }
}

function checkName(cx: BodyContext, e: ast.NameExpr): BoundExpr {
  const local = cx.locals.lookup(e.name);
  const v = local ?? cx.scope.global(e.name);
  if (v) {
    if (!local && cx.globalsReady && v.module === cx.module && !cx.globalsReady.has(v)) {
      cx.report(Names.globalBeforeInit.at(cx.span(e), e.name));
    }
    return { kind: "Var", type: v.type, symbol: v, syntax: e };
  }
  const what = describeNonValue(cx, e.name);
  if (what) cx.report(Names.notAValue.at(cx.span(e), e.name, what));
  else cx.report(Names.unknownName.at(cx.span(e), e.name));
  return errorExpr(e);
}

function describeNonValue(cx: BodyContext, name: string): string | undefined {
  const q = cx.quants.get(name);
  if (q) return `${q.sort} parameter`;
  if (cx.scope.procedures(name).length > 0) return "procedure";
  if (cx.scope.domain(name)) return "protection domain";
  if (cx.scope.struct(name)) return "struct";
  if (cx.scope.kind(name)) return "kind";
  return undefined;
}

/**
 * Brings two values to a common type where SecreC joins types (`?:` branches,
 * `cat`, array literal elements): same data type and dimensionality; a public side
 * is classified to the other's domain. Reports and returns undefined on mismatch.
 */
export function joinPair(
  cx: BodyContext,
  a: BoundExpr,
  b: BoundExpr,
  at: ast.Node,
  sameDim = true,
): { a: BoundExpr; b: BoundExpr; type: Type } | undefined {
  const ta = a.type;
  const tb = b.type;
  if (isError(ta) || isError(tb)) return undefined;
  for (const x of [a, b]) {
    if (isVoid(x.type)) {
      cx.report(Types.voidValue.at(cx.span(x.syntax)));
      return undefined;
    }
  }
  if (sameDim && ta.dim !== tb.dim) {
    cx.report(Types.dimMismatch.at(cx.span(at), typeName(ta), typeName(tb)));
    return undefined;
  }
  if (sameSec(ta.sec, tb.sec)) {
    if (ta.data !== tb.data) {
      cx.report(Types.mismatch.at(cx.span(b.syntax), typeName(ta), typeName(tb)));
      return undefined;
    }
    return { a, b, type: ta };
  }
  if (ta.sec.tag === "domain" && tb.sec.tag === "domain") {
    cx.report(Security.domainMismatch.at(cx.span(at), ta.sec.domain.name, tb.sec.domain.name));
    return undefined;
  }
  const [priv, pub] = ta.sec.tag === "domain" ? [a, b] : [b, a];
  if (!classifiable(pub.type, priv.type.sec, priv.type.data)) {
    cx.report(Types.mismatch.at(cx.span(pub.syntax), typeName(priv.type), typeName(pub.type)));
    return undefined;
  }
  const lifted = classify(pub, priv.type.sec, priv.type.data);
  const type = mkType(priv.type.sec, priv.type.data, ta.dim);
  return priv === a ? { a, b: lifted, type } : { a: lifted, b, type };
}

/** Checks two sibling expressions so that a context-typed literal takes the other's type. */
export function checkSiblings(
  cx: BodyContext,
  l: ast.Expr,
  r: ast.Expr,
  expected: Expected | undefined,
): [BoundExpr, BoundExpr] {
  if (isContextTyped(l) && !isContextTyped(r)) {
    const right = checkExpr(cx, r, expected);
    const left = checkExpr(cx, l, siblingExpectation(right.type, expected));
    return [left, right];
  }
  const left = checkExpr(cx, l, expected);
  const right = checkExpr(cx, r, isContextTyped(r) ? siblingExpectation(left.type, expected) : expected);
  return [left, right];
}

function siblingExpectation(t: Type, fallback: Expected | undefined): Expected | undefined {
  if (isError(t) || isVoid(t)) return fallback;
  return { sec: t.sec, data: t.data };
}

function checkTernary(cx: BodyContext, e: ast.TernaryExpr, expected: Expected | undefined): BoundExpr {
  const cond = checkCondition(cx, e.cond, "a `?:` expression");
  const [then, otherwise] = checkSiblings(cx, e.then, e.else, expected);
  const joined = joinPair(cx, then, otherwise, e);
  if (!joined) return { kind: "Ternary", type: ERROR_TYPE, cond, then, else: otherwise, syntax: e };
  return { kind: "Ternary", type: joined.type, cond, then: joined.a, else: joined.b, syntax: e };
}

/** Checks a condition: a public bool scalar. */
export function checkCondition(cx: BodyContext, e: ast.Expr, what: string): BoundExpr {
  const b = checkExpr(cx, e, { sec: PUBLIC, data: prim("bool"), dim: 0 });
  requireCondition(cx, b, what);
  return b;
}

export function requireCondition(cx: BodyContext, b: BoundExpr, what: string): void {
  const t = b.type;
  if (isError(t)) return;
  if (t.sec.tag === "domain") {
    cx.report(
      Security.secretCondition.with(
        cx.span(b.syntax),
        {
          label: "private condition",
          help: [
            "branching on a secret would reveal it; compute both results and select obliviously with `choose(cond, a, b)` (stdlib `oblivious`/`shared3p`)",
            chooseCost(t.sec.domain.kindSym?.name),
          ],
        },
        what,
        t.sec.domain.name,
      ),
    );
    return;
  }
  if (t.data.tag !== "prim" || t.data.name !== "bool" || t.dim !== 0) {
    cx.report(Types.conditionNotBool.at(cx.span(b.syntax), what, typeName(t)));
  }
}

/** What an oblivious select costs, from the protocol cost table when the kind is shared3p. */
function chooseCost(kind: string | undefined): string {
  const c = kind === "shared3p" ? PROTOCOL_COSTS["choose<32>"] : undefined;
  if (!c) return "an oblivious select costs about one private multiplication per element";
  const rounds = `${c.rounds} communication round${c.rounds === 1 ? "" : "s"}`;
  return `on shared3p, \`choose\` of 32-bit values takes ${rounds} and about ${c.avgBytesPerLane.toFixed(1)} bytes per element per party`;
}

/** Whether a bound expression can be assigned to. */
export function isLValue(b: BoundExpr): boolean {
  switch (b.kind) {
    case "Var":
      return true;
    case "Index":
    case "Member":
      return isLValue(b.target);
    default:
      return false;
  }
}

function checkTarget(cx: BodyContext, e: ast.Expr, what: string): BoundExpr {
  const target = checkExpr(cx, e);
  if (!isError(target.type) && !isLValue(target)) {
    cx.report(Types.notAssignable.at(cx.span(e), what));
    return errorExpr(e);
  }
  return target;
}

const compoundOps: Record<Exclude<ast.AssignOp, "=">, ast.BinaryOp> = {
  "+=": "+",
  "-=": "-",
  "*=": "*",
  "/=": "/",
  "%=": "%",
  "&=": "&",
  "|=": "|",
  "^=": "^",
};

function checkAssign(cx: BodyContext, e: ast.AssignExpr): BoundExpr {
  const target = checkTarget(cx, e.target, "assignment");
  const tt = target.type;
  const expected = isError(tt) ? undefined : { sec: tt.sec, data: tt.data, dim: tt.dim };
  if (e.op === "=") {
    const value = checkExpr(cx, e.value, expected);
    const converted = coerce(cx, value, tt, "assign");
    return { kind: "Assign", type: tt, target, value: converted, syntax: e };
  }
  const rhs = checkExpr(cx, e.value, expected && { sec: expected.sec, data: expected.data });
  const current: BoundExpr = { kind: "TargetValue", type: tt, syntax: e.target };
  const combined = applyBinary(cx, compoundOps[e.op], current, rhs, e);
  const converted = coerce(cx, combined, tt, "assign");
  return { kind: "CompoundAssign", op: e.op, type: tt, target, combined: converted, syntax: e };
}

function checkIncDec(cx: BodyContext, e: ast.IncDecExpr): BoundExpr {
  const target = checkTarget(cx, e.operand, `\`${e.op}\``);
  const tt = target.type;
  if (isError(tt)) return errorExpr(e);
  const pub = publicData(tt.data, tt.sec);
  if (!pub || pub.tag !== "prim") {
    cx.report(Types.operatorNotApplicable.at(cx.span(e), e.op, `\`${typeName(tt)}\``));
    return errorExpr(e);
  }
  const one: BoundExpr = { kind: "Literal", type: mkType(PUBLIC, pub), value: isFloat(pub) ? 1 : 1n, syntax: e.operand };
  const current: BoundExpr = { kind: "TargetValue", type: tt, syntax: e.operand };
  const combined = applyBinary(cx, e.op === "++" ? "+" : "-", current, one, e);
  const converted = coerce(cx, combined, tt, "assign");
  return { kind: "IncDec", op: e.op, prefix: e.prefix, type: tt, target, combined: converted, syntax: e };
}

function checkArrayLiteral(cx: BodyContext, e: ast.ArrayLiteral, expected: Expected | undefined): BoundExpr {
  const elemExpected: Expected | undefined = expected && { sec: expected.sec, data: expected.data, dim: 0 };
  let elements = e.elements.map((el) => checkExpr(cx, el, elemExpected));
  if (elements.some((el) => isError(el.type))) return { kind: "ArrayLiteral", type: ERROR_TYPE, elements, syntax: e };
  for (const el of elements) {
    if (el.type.dim !== 0 || isVoid(el.type)) {
      cx.report(Types.arrayLiteralElement.at(cx.span(el.syntax), typeName(el.type)));
      return { kind: "ArrayLiteral", type: ERROR_TYPE, elements, syntax: e };
    }
  }
  if (elements.length === 0) {
    if (!expected?.data) return { kind: "ArrayLiteral", type: ERROR_TYPE, elements, syntax: e };
    return { kind: "ArrayLiteral", type: mkType(PUBLIC, expected.data, 1), elements, syntax: e };
  }
  // the common type: the first private element's type, else the first element's
  const lead = elements.find((el) => el.type.sec.tag === "domain") ?? (elements[0] as BoundExpr);
  const out: BoundExpr[] = [];
  for (const el of elements) {
    if (el === lead) {
      out.push(el);
      continue;
    }
    const j = joinPair(cx, lead, el, el.syntax);
    if (!j) return { kind: "ArrayLiteral", type: ERROR_TYPE, elements, syntax: e };
    out.push(j.b);
  }
  elements = out;
  const t = lead.type;
  if (t.data.tag === "prim" && t.data.name === "string") {
    cx.report(Types.arrayOfStrings.at(cx.span(e)));
    return { kind: "ArrayLiteral", type: ERROR_TYPE, elements, syntax: e };
  }
  if (t.data.tag === "struct") {
    cx.report(Types.arrayOfStructs.at(cx.span(e)));
    return { kind: "ArrayLiteral", type: ERROR_TYPE, elements, syntax: e };
  }
  return { kind: "ArrayLiteral", type: mkType(t.sec, t.data, 1), elements, syntax: e };
}

function checkAnnotated(cx: BodyContext, e: ast.AnnotatedExpr): BoundExpr {
  const a = e.type;
  const secP = a.security ? resolveSec(cx.ck, cx, a.security) : undefined;
  const sec = secP ? substSec(secP, cx.bindings) : undefined;
  const data = a.data ? cx.resolveDataType(a.data) : undefined;
  const dimP = a.dim ? resolveDim(cx.ck, cx, a.dim) : undefined;
  const dim = dimP ? substDim(dimP, cx.bindings) : undefined;
  if ((a.security && !sec) || (a.data && (!data || data.tag === "error")) || (a.dim && dim === undefined)) {
    checkExpr(cx, e.expr);
    return errorExpr(e);
  }
  const value = checkExpr(cx, e.expr, { sec, data, dim });
  const t = value.type;
  if (isError(t)) return value;
  const secOk = !sec || sameSec(sec, t.sec);
  const dataOk = !data || data === t.data;
  const dimOk = dim === undefined || dim === t.dim;
  if (dataOk && dimOk && !secOk && sec && t.sec.tag === "public" && classifiable(t, sec, t.data)) {
    return classify(value, sec, t.data);
  }
  if (!secOk || !dataOk || !dimOk) {
    const written = cx.module.file.text.slice(a.start, a.end);
    cx.report(Types.annotationMismatch.at(cx.span(e), written, typeName(t)));
    return errorExpr(e);
  }
  return value;
}

function checkIndex(cx: BodyContext, e: ast.IndexExpr): BoundExpr {
  const target = checkExpr(cx, e.target);
  const indices: (BoundExpr | BoundSlice)[] = e.indices.map((ix) =>
    ix.kind === "Slice"
      ? {
          kind: "Slice",
          lo: ix.lo ? checkIndexValue(cx, ix.lo) : undefined,
          hi: ix.hi ? checkIndexValue(cx, ix.hi) : undefined,
          syntax: ix,
        }
      : checkIndexValue(cx, ix),
  );
  const t = target.type;
  if (isError(t)) return { kind: "Index", type: ERROR_TYPE, target, indices, syntax: e };
  if (t.dim === 0) {
    cx.report(Types.notIndexable.at(cx.span(e.target), typeName(t)));
    return { kind: "Index", type: ERROR_TYPE, target, indices, syntax: e };
  }
  if (indices.length !== t.dim) {
    cx.report(Types.wrongIndexCount.at(cx.span(e), t.dim, indices.length));
    return { kind: "Index", type: ERROR_TYPE, target, indices, syntax: e };
  }
  const dim = indices.filter((i) => i.kind === "Slice").length;
  return { kind: "Index", type: mkType(t.sec, t.data, dim), target, indices, syntax: e };
}

/** An index, slice bound, extent or similar: a public uint64 scalar. */
export function checkIndexValue(cx: BodyContext, e: ast.Expr, what?: string): BoundExpr {
  const b = checkExpr(cx, e, PUB_UINT);
  requirePublicUint(cx, b, what);
  return b;
}

export function requirePublicUint(cx: BodyContext, b: BoundExpr, what?: string): void {
  const t = b.type;
  if (isError(t)) return;
  if (t.sec.tag === "domain") {
    if (what) cx.report(Security.secretShape.at(cx.span(b.syntax), what));
    else cx.report(Security.secretIndex.with(cx.span(b.syntax), { label: "private index" }, t.sec.domain.name));
    return;
  }
  if (t.data.tag !== "prim" || t.data.name !== "uint64" || t.dim !== 0) {
    cx.report(Types.indexNotUint.at(cx.span(b.syntax), typeName(t)));
  }
}

function checkMember(cx: BodyContext, e: ast.MemberExpr): BoundExpr {
  const target = checkExpr(cx, e.target);
  const t = target.type;
  if (isError(t)) return errorExpr(e);
  if (t.data.tag !== "struct") {
    cx.report(Types.notAStruct.at(cx.span(e.target), typeName(t)));
    return errorExpr(e);
  }
  const inst = t.data.instance;
  const index = inst.fields.findIndex((f) => f.name === e.field.name);
  if (index < 0) {
    cx.report(Names.unknownField.at(cx.span(e.field), inst.displayName, e.field.name));
    return errorExpr(e);
  }
  const field = inst.fields[index] as (typeof inst.fields)[number];
  return { kind: "Member", type: field.type, target, struct: inst, fieldIndex: index, syntax: e };
}
