/**
 * Literal typing by context (secrec-reference.md §1, language.md §2). An unsuffixed
 * integer literal takes the numeric data type the context expects (the public
 * counterpart for kind types such as `xor_uint32` or `fix32`), `int64` without
 * context, and becomes a float in a float context; an unsuffixed float literal
 * takes the expected float type or `float64`. Suffixed literals have their suffix
 * type. Every integer literal must fit its final type: out-of-range values are
 * errors that state the range (we do not wrap like the reference compiler).
 * A minus sign directly before an unsuffixed literal is folded into it, so
 * `int8 x = -128;` is in range.
 */
import { Types } from "../diagnostics/messages/types.js";
import type * as ast from "../syntax/ast.js";
import type { BoundLiteral } from "./bound.js";
import type { BodyContext } from "./context.js";
import { publicData } from "./resolve-types.js";
import type { DataType, Expected, PrimData } from "./types.js";
import { ERROR_TYPE, PUBLIC, intRange, isFloat, isInteger, mkType, prim } from "./types.js";

const suffixTypes: Record<ast.IntSuffix, PrimData> = {
  u8: prim("uint8"),
  u16: prim("uint16"),
  u32: prim("uint32"),
  u64: prim("uint64"),
  i8: prim("int8"),
  i16: prim("int16"),
  i32: prim("int32"),
  i64: prim("int64"),
};

export function suffixType(s: ast.IntSuffix): PrimData {
  return suffixTypes[s];
}

/** Whether an integer fits in an integer primitive type. */
export function fitsIn(value: bigint, d: PrimData): boolean {
  const { min, max } = intRange(d);
  return value >= min && value <= max;
}

/** The data type the context gives an unsuffixed numeric literal, if it gives a numeric one. */
export function contextNumericType(expected: Expected | undefined): DataType | undefined {
  if (!expected?.data) return undefined;
  const d = publicData(expected.data, expected.sec ?? PUBLIC);
  if (d && (isInteger(d) || isFloat(d))) return d;
  return undefined;
}

/** Whether an expression is a literal whose type comes from its context (it then adapts to the other operand). */
export function isContextTyped(e: ast.Expr): boolean {
  switch (e.kind) {
    case "IntLiteral":
    case "FloatLiteral":
      return e.suffix === undefined;
    case "Paren":
      return isContextTyped(e.expr);
    case "Unary":
      return e.op === "-" && isContextTyped(e.operand);
    default:
      return false;
  }
}

/** Types an integer literal (negated when `negate`), reporting range errors at `syntax`. */
export function checkIntLiteral(
  cx: BodyContext,
  e: ast.IntLiteral,
  expected: Expected | undefined,
  negate: boolean,
  syntax: ast.Expr,
): BoundLiteral {
  const value = negate ? -e.value : e.value;
  const shown = negate ? `-${e.raw}` : e.raw;
  // the lexer reports literals beyond 64 bits and suffixed literals out of their range
  if (e.value >= 1n << 64n) return { kind: "Literal", type: ERROR_TYPE, value, syntax };
  if (e.suffix) {
    const t = suffixType(e.suffix);
    if (!fitsIn(e.value, t)) return { kind: "Literal", type: ERROR_TYPE, value, syntax };
    return { kind: "Literal", type: mkType(PUBLIC, t), value: negate ? -e.value : e.value, syntax };
  }
  const ctx = contextNumericType(expected);
  if (ctx && isFloat(ctx)) return { kind: "Literal", type: mkType(PUBLIC, ctx), value: Number(value), syntax };
  const t = (ctx as PrimData | undefined) ?? prim("int64");
  if (!fitsIn(value, t)) {
    const { min, max } = intRange(t);
    cx.report(
      Types.literalOutOfRange.with(
        cx.span(syntax),
        { label: ctx ? `\`${t.name}\` because of the context` : "integer literals without context are `int64`" },
        shown,
        t.name,
        String(min),
        String(max),
      ),
    );
    return { kind: "Literal", type: ERROR_TYPE, value, syntax };
  }
  return { kind: "Literal", type: mkType(PUBLIC, t), value, syntax };
}

/** Types a floating-point literal (negated when `negate`). */
export function checkFloatLiteral(
  cx: BodyContext,
  e: ast.FloatLiteral,
  expected: Expected | undefined,
  negate: boolean,
  syntax: ast.Expr,
): BoundLiteral {
  const value = negate ? -e.value : e.value;
  if (e.suffix) return { kind: "Literal", type: mkType(PUBLIC, prim(e.suffix === "f32" ? "float32" : "float64")), value, syntax };
  const ctx = contextNumericType(expected);
  const t = ctx && isFloat(ctx) ? ctx : prim("float64");
  if (ctx && isInteger(ctx)) {
    cx.report(Types.floatInIntContext.at(cx.span(syntax), e.raw, (ctx as PrimData).name));
    return { kind: "Literal", type: ERROR_TYPE, value, syntax };
  }
  return { kind: "Literal", type: mkType(PUBLIC, t), value, syntax };
}
