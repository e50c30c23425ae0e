/**
 * Built-in expressions (secrec-reference.md §4) and string literals with `$`
 * interpolation (§1): `$T` and `$D` spell out the bound type or domain, `$x` the
 * value of a public scalar or string variable (converted as by `tostring`). Syscall
 * names must be constant, so there only types, domains and constants interpolate.
 * Information-flow rules apply: extents, reshape sizes and the `cat` dimension are
 * public; `tostring` and interpolation take public values only; `declassify` needs
 * a private value.
 */
import { Names } from "../diagnostics/messages/names.js";
import { Security } from "../diagnostics/messages/security.js";
import { Types } from "../diagnostics/messages/types.js";
import type * as ast from "../syntax/ast.js";
import type { BoundBuiltin, BoundExpr, BuiltinKind } from "./bound.js";
import { checkExpr, checkIndexValue, checkSiblings, errorExpr, joinPair } from "./check-expr.js";
import type { BodyContext } from "./context.js";
import { bindingText } from "./patterns.js";
import { publicData } from "./resolve-types.js";
import type { DomainSymbol } from "./symbols.js";
import type { Expected, Type } from "./types.js";
import {
  PUBLIC,
  PUB_STRING,
  PUB_UINT,
  VOID_TYPE,
  isBool,
  isError,
  isNumeric,
  isString,
  isVoid,
  mkType,
  prim,
  typeName,
} from "./types.js";

type Mode = "value" | "syscall";

/** A string literal; in "syscall" mode only constants may be interpolated. */
export function checkStringLiteral(cx: BodyContext, e: ast.StringLiteral, mode: Mode): BoundExpr {
  const parts: (string | BoundExpr)[] = [];
  let failed = false;
  for (const part of e.parts) {
    if (part.kind === "Text") {
      pushText(parts, part.text);
      continue;
    }
    const r = interpolate(cx, part.name, mode);
    if (r === undefined) failed = true;
    else if (typeof r === "string") pushText(parts, r);
    else parts.push(r);
  }
  if (failed) return errorExpr(e);
  if (parts.every((p) => typeof p === "string")) {
    return { kind: "Literal", type: PUB_STRING, value: parts.join(""), syntax: e };
  }
  return { kind: "Interpolation", type: PUB_STRING, parts, syntax: e };
}

function pushText(parts: (string | BoundExpr)[], text: string): void {
  const last = parts[parts.length - 1];
  if (typeof last === "string") parts[parts.length - 1] = last + text;
  else parts.push(text);
}

function interpolate(cx: BodyContext, name: ast.Identifier, mode: Mode): string | BoundExpr | undefined {
  const qb = cx.quantifierBinding(name.name);
  if (qb) {
    cx.ck.recordReference(name, qb.q);
    return bindingText(qb.b);
  }
  const v = cx.locals.lookup(name.name) ?? cx.scope.global(name.name);
  if (v) {
    cx.ck.recordReference(name, v);
    const t = v.type;
    if (isError(t)) return undefined;
    if (t.sec.tag === "domain") {
      cx.report(Security.secretOutput.at(cx.span(name), "string interpolation", t.sec.domain.name));
      return undefined;
    }
    if (t.dim !== 0 || t.data.tag !== "prim") {
      cx.report(Types.printArgument.at(cx.span(name), typeName(t)));
      return undefined;
    }
    if (mode === "syscall") {
      cx.report(Types.syscallNameNotConstant.at(cx.span(name)));
      return undefined;
    }
    return { kind: "Var", type: t, symbol: v, syntax: name };
  }
  const d = cx.scope.domain(name.name);
  if (d) {
    cx.ck.recordReference(name, d);
    return d.name;
  }
  const s = cx.scope.struct(name.name);
  if (s) return s.name;
  if (cx.scope.kindType(name.name)) return name.name;
  cx.report(Names.unknownInterpolation.at(cx.span(name), name.name));
  return undefined;
}

const arity: Record<ast.BuiltinName, [number, number]> = {
  size: [1, 1],
  shape: [1, 1],
  reshape: [2, Infinity],
  cat: [2, 3],
  declassify: [1, 1],
  tostring: [1, 1],
  strlen: [1, 1],
  __domainid: [1, 1],
  __bytes_from_string: [1, 1],
  __string_from_bytes: [1, 1],
  __fpu_state: [0, 0],
  __set_fpu_state: [1, 1],
};

function builtin(name: BuiltinKind, args: BoundExpr[], type: Type, syntax: ast.Node, extra?: Partial<BoundBuiltin>): BoundExpr {
  return { kind: "Builtin", name, args, type, syntax, ...extra };
}

export function checkBuiltin(cx: BodyContext, e: ast.BuiltinExpr, expected: Expected | undefined): BoundExpr {
  const [min, max] = arity[e.name];
  if (e.args.length < min || e.args.length > max) {
    for (const a of e.args) if (e.name !== "__domainid") checkExpr(cx, a);
    const expect = min === max ? String(min) : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    cx.report(Types.builtinArity.at(cx.span(e), e.name, expect, e.args.length));
    return errorExpr(e);
  }
  const a0 = e.args[0] as ast.Expr;
  switch (e.name) {
    case "size":
    case "shape": {
      const v = checkValue(cx, a0);
      if (!v) return errorExpr(e);
      return builtin(e.name, [v], e.name === "size" ? PUB_UINT : mkType(PUBLIC, prim("uint64"), 1), e);
    }
    case "reshape":
      return checkReshape(cx, e, expected);
    case "cat":
      return checkCat(cx, e, expected);
    case "declassify": {
      const v = checkValue(cx, a0, expected && { dim: expected.dim });
      if (!v) return errorExpr(e);
      const t = v.type;
      if (t.sec.tag === "public") {
        cx.report(Security.declassifyPublic.at(cx.span(a0), typeName(t)));
        return errorExpr(e);
      }
      const data = publicData(t.data, t.sec);
      if (!data) {
        cx.report(Types.builtinArgument.at(cx.span(a0), "declassify", `\`${typeName(t)}\` has no public counterpart`));
        return errorExpr(e);
      }
      return builtin("declassify", [v], mkType(PUBLIC, data, t.dim), e);
    }
    case "tostring": {
      const v = checkValue(cx, a0);
      if (!v) return errorExpr(e);
      const t = v.type;
      if (t.sec.tag === "domain") {
        cx.report(Security.secretOutput.at(cx.span(a0), "`tostring`", t.sec.domain.name));
        return errorExpr(e);
      }
      if (t.dim !== 0 || !(isNumeric(t.data) || isBool(t.data))) {
        cx.report(Types.builtinArgument.at(cx.span(a0), "tostring", `needs a public numeric or bool scalar, found \`${typeName(t)}\``));
        return errorExpr(e);
      }
      return builtin("tostring", [v], PUB_STRING, e);
    }
    case "strlen":
      return checkFixedArg(cx, e, "strlen", PUB_STRING, PUB_UINT);
    case "__bytes_from_string":
      return checkFixedArg(cx, e, "bytes_from_string", PUB_STRING, mkType(PUBLIC, prim("uint8"), 1));
    case "__string_from_bytes":
      return checkFixedArg(cx, e, "string_from_bytes", mkType(PUBLIC, prim("uint8"), 1), PUB_STRING);
    case "__set_fpu_state":
      return checkFixedArg(cx, e, "set_fpu_state", PUB_UINT, VOID_TYPE);
    case "__fpu_state":
      return builtin("fpu_state", [], PUB_UINT, e);
    case "__domainid":
      return checkDomainId(cx, e);
    default: {
      const never: never = e.name;
      return never;
    }
  }
}

/** Checks an argument that must have a value (not void); undefined on error. */
function checkValue(cx: BodyContext, a: ast.Expr, expected?: Expected): BoundExpr | undefined {
  const v = checkExpr(cx, a, expected);
  if (isError(v.type)) return undefined;
  if (isVoid(v.type)) {
    cx.report(Types.voidValue.at(cx.span(a)));
    return undefined;
  }
  return v;
}

function checkFixedArg(cx: BodyContext, e: ast.BuiltinExpr, name: BuiltinKind, param: Type, result: Type): BoundExpr {
  const a0 = e.args[0] as ast.Expr;
  const v = checkValue(cx, a0, param);
  if (!v) return errorExpr(e);
  const t = v.type;
  if (t.sec.tag === "domain") {
    cx.report(Security.secretOutput.at(cx.span(a0), `\`${e.name}\``, t.sec.domain.name));
    return errorExpr(e);
  }
  if (t.data !== param.data || t.dim !== param.dim) {
    cx.report(Types.mismatch.at(cx.span(a0), typeName(param), typeName(t)));
    return errorExpr(e);
  }
  return builtin(name, [v], result, e);
}

function checkReshape(cx: BodyContext, e: ast.BuiltinExpr, expected: Expected | undefined): BoundExpr {
  const v = checkValue(cx, e.args[0] as ast.Expr, expected && { sec: expected.sec, data: expected.data });
  const sizes = e.args.slice(1).map((a) => checkIndexValue(cx, a, "the sizes of `reshape`"));
  if (!v) return errorExpr(e);
  const t = v.type;
  if (isString(t.data) || t.data.tag === "struct") {
    cx.report(t.data.tag === "struct" ? Types.arrayOfStructs.at(cx.span(e)) : Types.arrayOfStrings.at(cx.span(e)));
    return errorExpr(e);
  }
  return builtin("reshape", [v, ...sizes], mkType(t.sec, t.data, sizes.length), e);
}

function checkCat(cx: BodyContext, e: ast.BuiltinExpr, expected: Expected | undefined): BoundExpr {
  const [l, r] = checkSiblings(cx, e.args[0] as ast.Expr, e.args[1] as ast.Expr, expected && { sec: expected.sec, data: expected.data });
  let dimension = 0;
  const k = e.args[2];
  let kOk = true;
  if (k) {
    const kb = checkExpr(cx, k, PUB_UINT);
    if (kb.type.sec.tag === "domain") {
      cx.report(Security.secretShape.at(cx.span(k), "the dimension of `cat`"));
      kOk = false;
    } else if (kb.kind !== "Literal" || typeof kb.value !== "bigint") {
      if (!isError(kb.type)) cx.report(Types.catDimension.at(cx.span(k), "it must be an integer literal"));
      kOk = false;
    } else dimension = Number(kb.value);
  }
  if (isError(l.type) || isError(r.type)) return errorExpr(e);
  const joined = joinPair(cx, l, r, e);
  if (!joined || !kOk) return errorExpr(e);
  if (joined.type.dim === 0) {
    cx.report(Types.builtinArgument.at(cx.span(e), "cat", "needs arrays, found scalars"));
    return errorExpr(e);
  }
  if (dimension >= joined.type.dim || dimension < 0) {
    cx.report(Types.catDimension.at(cx.span(k ?? e), `must be less than ${joined.type.dim}`));
    return errorExpr(e);
  }
  return builtin("cat", [joined.a, joined.b], joined.type, e, { dimension });
}

function checkDomainId(cx: BodyContext, e: ast.BuiltinExpr): BoundExpr {
  const a0 = e.args[0] as ast.Expr;
  if (a0.kind !== "Name") {
    cx.report(Types.builtinArgument.at(cx.span(a0), "__domainid", "needs the name of a protection domain"));
    return errorExpr(e);
  }
  let domain: DomainSymbol | undefined;
  const qb = cx.quantifierBinding(a0.name);
  if (qb) {
    cx.ck.recordReference(a0, qb.q);
    if (qb.b.sort !== "domain") {
      cx.report(Names.unknownDomain.at(cx.span(a0), a0.name));
      return errorExpr(e);
    }
    if (qb.b.sec.tag === "public") {
      cx.report(Security.domainidPublic.at(cx.span(a0)));
      return errorExpr(e);
    }
    domain = qb.b.sec.domain;
  } else {
    domain = cx.scope.domain(a0.name);
    if (!domain) {
      cx.report(Names.unknownDomain.at(cx.span(a0), a0.name));
      return errorExpr(e);
    }
    cx.ck.recordReference(a0, domain);
  }
  return builtin("domainid", [], PUB_UINT, e, { domain });
}

