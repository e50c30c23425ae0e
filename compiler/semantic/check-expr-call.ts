/**
 * Procedure calls. Arguments are checked first and without context (a literal
 * argument is `int64`/`float64` unless suffixed or annotated), then overload
 * resolution (overloads.ts) picks the procedure or template instance, using the
 * expected type of the call's own context for return-type overloading. Arguments are
 * passed as they are: calls never classify.
 */
import type * as ast from "../syntax/ast.js";
import type { BoundExpr } from "./bound.js";
import { checkExpr, errorExpr } from "./check-expr.js";
import type { BodyContext } from "./context.js";
import { resolveCall } from "./overloads.js";
import type { Expected } from "./types.js";
import { isError } from "./types.js";

export function checkCall(cx: BodyContext, e: ast.CallExpr, expected: Expected | undefined): BoundExpr {
  const args = e.args.map((a) => checkExpr(cx, a));
  if (args.some((a) => isError(a.type))) return errorExpr(e);
  const instance = resolveCall(
    cx,
    e,
    args.map((a) => a.type),
    expected,
  );
  if (!instance) return errorExpr(e);
  return { kind: "Call", instance, args, type: instance.ret, syntax: e };
}
