/**
 * Implicit conversions at the places SecreC allows them (secrec-reference.md §3.4):
 * classification of a public value to a protection domain (declaration initialisers,
 * assignment, return, operator operands, `?:` branches, `cat`, array literal
 * elements — never procedure-call arguments), and filling an array with a scalar
 * (declaration initialisers and assignment). Everything else must match exactly;
 * private -> public is an error that points at `declassify`.
 */
import { Security } from "../diagnostics/messages/security.js";
import { Types } from "../diagnostics/messages/types.js";
import type { BoundExpr } from "./bound.js";
import type { BodyContext } from "./context.js";
import { publicData } from "./resolve-types.js";
import type { SecType, Type } from "./types.js";
import { isError, isVoid, mkType, sameSec, typeName } from "./types.js";

export type CoerceSite = "init" | "assign" | "return" | "branch" | "element" | "operand";

/** Whether a value of type `from` can be classified to security type `to` (same domain data type or its public counterpart). */
export function classifiable(from: Type, toSec: SecType, toData: Type["data"]): boolean {
  if (from.sec.tag !== "public" || toSec.tag !== "domain") return false;
  if (from.data === toData) return toData.tag === "prim";
  return publicData(toData, toSec) === from.data;
}

/** Wraps a public value in a Classify node to `sec`/`data`, keeping its dimensionality. */
export function classify(value: BoundExpr, sec: SecType, data: Type["data"]): BoundExpr {
  return { kind: "Classify", type: mkType(sec, data, value.type.dim), operand: value, syntax: value.syntax };
}

/**
 * Converts `value` to `target` as allowed at `site`, reporting a mismatch at the
 * value. Returns the value (possibly wrapped in Classify); on error the original.
 */
export function coerce(cx: BodyContext, value: BoundExpr, target: Type, site: CoerceSite): BoundExpr {
  const from = value.type;
  if (isError(from) || isError(target)) return value;
  if (isVoid(from)) {
    cx.report(Types.voidValue.at(cx.span(value.syntax)));
    return value;
  }
  const fill = site === "init" || site === "assign";
  const dimOk = from.dim === target.dim || (fill && from.dim === 0);
  if (sameSec(from.sec, target.sec)) {
    if (from.data !== target.data) {
      cx.report(Types.mismatch.with(cx.span(value.syntax), { label: `this is \`${typeName(from)}\`` }, typeName(target), typeName(from)));
      return value;
    }
    if (!dimOk) reportDim(cx, value, target);
    return value;
  }
  if (from.sec.tag === "domain") {
    if (target.sec.tag === "public") {
      cx.report(
        Security.privateToPublic.with(
          cx.span(value.syntax),
          { label: "private value", help: ["use `declassify(...)` to make a private value public deliberately"] },
          typeName(from),
          typeName(target),
        ),
      );
    } else {
      cx.report(Security.domainMismatch.at(cx.span(value.syntax), from.sec.domain.name, target.sec.domain.name));
    }
    return value;
  }
  // public -> private: classification
  if (!classifiable(from, target.sec, target.data)) {
    if (from.data === target.data || publicData(target.data, target.sec) === undefined) {
      cx.report(Security.cannotClassify.at(cx.span(value.syntax), typeName(from), typeName(target)));
    } else {
      cx.report(Types.mismatch.at(cx.span(value.syntax), typeName(target), typeName(from)));
    }
    return value;
  }
  if (!dimOk) {
    reportDim(cx, value, target);
    return value;
  }
  return classify(value, target.sec, target.data);
}

function reportDim(cx: BodyContext, value: BoundExpr, target: Type): void {
  cx.report(Types.assignDim.at(cx.span(value.syntax), typeName(target), typeName(value.type)));
}
