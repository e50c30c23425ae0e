/**
 * Operator and cast definitions (secrec-reference.md §3.6): their validity rules, and
 * which definition a use site calls.
 *
 * At a use site each operand may be adapted to its parameter in two ways, each
 * counted as one conversion: a public operand is classified to the parameter's domain
 * (`Classify`), and a scalar or n-D operand meets a vector parameter through
 * `ToVector` (the result is reshaped back, `reshapeResult`). Non-template definitions
 * are tried first (fewest conversions wins), then templates ordered by domain weight
 * (no domain quantifier < kind-restricted < unrestricted), number of parameters
 * mentioning quantifiers, and conversions. Casts never classify.
 */
import { Security } from "../diagnostics/messages/security.js";
import { Templates } from "../diagnostics/messages/templates.js";
import { Types } from "../diagnostics/messages/types.js";
import type * as ast from "../syntax/ast.js";
import type { BoundExpr } from "./bound.js";
import { spanIn, type Checker } from "./checker.js";
import type { BodyContext } from "./context.js";
import { classifiable, classify } from "./conversions.js";
import type { Binding, TypePattern } from "./patterns.js";
import { mentionsQuantifier } from "./patterns.js";
import { substitute, typeProblem } from "./resolve-types.js";
import type { ProcInstance, ProcSymbol } from "./symbols.js";
import { instantiate, usePlain } from "./templates.js";
import type { DataType, Type } from "./types.js";
import { ERROR_TYPE, dataName, mkType, sameSec, typeName } from "./types.js";
import type { ModuleScope } from "./scopes.js";
import { unifyData, unifyDim, unifySec, type Bindings } from "./unify.js";
import { plainInstance } from "./overloads.js";

interface Plan {
  readonly classify: boolean;
  readonly toVector: boolean;
}

interface DefMatch {
  readonly proc: ProcSymbol;
  readonly bindings: readonly Binding[];
  readonly params: readonly Type[];
  readonly ret: Type;
  readonly plans: readonly Plan[];
  readonly conversions: number;
}

function countConversions(plans: readonly Plan[]): number {
  let n = 0;
  for (const p of plans) n += (p.classify ? 1 : 0) + (p.toVector ? 1 : 0);
  return n;
}

/** How a concrete operand meets a concrete parameter; undefined when it cannot. */
function planOperand(param: Type, arg: Type, allowClassify: boolean): Plan | undefined {
  let cls = false;
  if (!sameSec(param.sec, arg.sec)) {
    if (!allowClassify || !classifiable(arg, param.sec, param.data)) return undefined;
    cls = true;
  } else if (param.data !== arg.data) return undefined;
  if (param.dim === arg.dim) return { classify: cls, toVector: false };
  if (param.dim === 1) return { classify: cls, toVector: true };
  return undefined;
}

function matchPlain(proc: ProcSymbol, args: readonly Type[], allowClassify: boolean): DefMatch | undefined {
  const inst = plainInstance(proc);
  if (!inst || inst.params.length !== args.length) return undefined;
  const plans: Plan[] = [];
  for (let i = 0; i < args.length; i++) {
    const plan = planOperand(inst.params[i] as Type, args[i] as Type, allowClassify);
    if (!plan) return undefined;
    plans.push(plan);
  }
  return { proc, bindings: [], params: inst.params, ret: inst.ret, plans, conversions: countConversions(plans) };
}

function unifyDimLoose(p: TypePattern, arg: Type, bs: Bindings): boolean {
  if (p.dim.tag === "fixed" && p.dim.dim === 1) return true;
  return unifyDim(p.dim, arg.dim, bs);
}

function matchTemplate(
  ck: Checker,
  proc: ProcSymbol,
  args: readonly Type[],
  allowClassify: boolean,
  result?: { data: DataType; sec: Type["sec"] },
): DefMatch | undefined {
  if (proc.params.length !== args.length) return undefined;
  const qs = proc.quantifiers;
  const bs: Bindings = new Array(qs.length);
  // private operands (and every operand when nothing may be classified) bind exactly
  for (let i = 0; i < args.length; i++) {
    const p = proc.params[i]!;
    const a = args[i] as Type;
    if (a.sec.tag === "public" && allowClassify) continue;
    if (!unifySec(p.sec, a.sec, qs, bs) || !unifyData(p.data, a.data, qs, bs) || !unifyDimLoose(p, a, bs)) return undefined;
  }
  // public operands: exact when the parameter is public, else classified
  for (let i = 0; i < args.length; i++) {
    const p = proc.params[i]!;
    const a = args[i] as Type;
    if (a.sec.tag !== "public" || !allowClassify) continue;
    if (p.sec.tag === "var" && !bs[p.sec.q]) {
      const q = qs[p.sec.q]!;
      if (q.restriction) return undefined;
      bs[p.sec.q] = { sort: "domain", sec: a.sec };
    }
    if (p.data.tag === "var" && !bs[p.data.q]) bs[p.data.q] = { sort: "type", data: a.data };
    if (!unifyDimLoose(p, a, bs)) return undefined;
  }
  if (result && proc.ret) {
    if (!unifySec(proc.ret.sec, result.sec, qs, bs) || !unifyData(proc.ret.data, result.data, qs, bs)) return undefined;
  }
  if (bs.some((b) => b === undefined) || bs.length !== qs.length) return undefined;
  for (let i = 0; i < qs.length; i++) if (!bs[i]) return undefined;
  const bindings = bs as Binding[];
  const params: Type[] = [];
  for (const p of proc.params) {
    const t = substitute(ck, p, bindings);
    if (!t || typeProblem(t)) return undefined;
    params.push(t);
  }
  if (!proc.ret) return undefined;
  const ret = substitute(ck, proc.ret, bindings);
  if (!ret || typeProblem(ret)) return undefined;
  const plans: Plan[] = [];
  for (let i = 0; i < args.length; i++) {
    const plan = planOperand(params[i] as Type, args[i] as Type, allowClassify);
    if (!plan) return undefined;
    plans.push(plan);
  }
  return { proc, bindings, params, ret, plans, conversions: countConversions(plans) };
}

function domainWeight(proc: ProcSymbol): number {
  let w = 0;
  for (const q of proc.quantifiers) if (q.sort === "domain") w = Math.max(w, q.restriction ? 1 : 2);
  return w;
}

function templateKey(m: DefMatch): [number, number, number] {
  return [domainWeight(m.proc), m.proc.params.filter(mentionsQuantifier).length, m.conversions];
}

function cmp(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** The best definition among candidates, "ambiguous", or undefined when none fits. */
function pickDefinition(
  ck: Checker,
  candidates: readonly ProcSymbol[],
  args: readonly Type[],
  allowClassify: boolean,
  result?: { data: DataType; sec: Type["sec"] },
): DefMatch | "ambiguous" | undefined {
  const plain: DefMatch[] = [];
  const templ: DefMatch[] = [];
  for (const p of candidates) {
    if (!p.signatureOk) continue;
    if (p.quantifiers.length === 0) {
      const m = matchPlain(p, args, allowClassify);
      if (m && (!result || (m.ret.data === result.data && sameSec(m.ret.sec, result.sec)))) plain.push(m);
    } else {
      const m = matchTemplate(ck, p, args, allowClassify, result);
      if (m) templ.push(m);
    }
  }
  if (plain.length > 0) {
    plain.sort((a, b) => a.conversions - b.conversions);
    if (plain.length > 1 && plain[1]!.conversions === plain[0]!.conversions) return "ambiguous";
    return plain[0];
  }
  if (templ.length > 0) {
    const keyed = templ.map((m) => ({ m, k: templateKey(m) })).sort((a, b) => cmp(a.k, b.k));
    if (keyed.length > 1 && cmp(keyed[0]!.k, keyed[1]!.k) === 0) return "ambiguous";
    return keyed[0]!.m;
  }
  return undefined;
}

type Pick = DefMatch | "ambiguous" | undefined;
const pickCaches = new WeakMap<ModuleScope, Map<string, Pick>>();

/**
 * pickDefinition memoised per module scope and operand types: a program applies the
 * same operator to the same types many times, and the choice depends on nothing else.
 */
function pickCached(
  cx: BodyContext,
  what: string,
  candidates: readonly ProcSymbol[],
  args: readonly Type[],
  allowClassify: boolean,
  result?: { data: DataType; sec: Type["sec"] },
): Pick {
  let cache = pickCaches.get(cx.scope);
  if (!cache) {
    cache = new Map();
    pickCaches.set(cx.scope, cache);
  }
  let key = what;
  for (const a of args) key += `|${typeKey(a)}`;
  if (cache.has(key)) return cache.get(key);
  const m = pickDefinition(cx.ck, candidates, args, allowClassify, result);
  cache.set(key, m);
  return m;
}

/** A key that identifies a type exactly (domains by identity of name within one program). */
function typeKey(t: Type): string {
  return `${t.sec.tag === "public" ? "" : t.sec.domain.name}:${dataName(t.data)}:${t.dim}`;
}

function adaptOperand(arg: BoundExpr, param: Type, plan: Plan): BoundExpr {
  let out = arg;
  if (plan.classify) out = classify(out, param.sec, param.data);
  if (plan.toVector) out = { kind: "ToVector", type: mkType(out.type.sec, out.type.data, 1), operand: out, syntax: arg.syntax };
  return out;
}

function useInstance(cx: BodyContext, m: DefMatch, syntax: ast.Node): ProcInstance | undefined {
  if (m.proc.quantifiers.length === 0) return usePlain(cx.ck, m.proc);
  return instantiate(cx.ck, m.proc, m.bindings, m.params, m.ret, cx.span(syntax));
}

function operandsText(args: readonly Type[]): string {
  return args.map((a) => `\`${typeName(a)}\``).join(" and ");
}

/**
 * A use of operator `op` on operands at least one of which is private: finds the
 * definition, classifies/reshapes operands and returns the call (ERROR_TYPE on failure).
 */
export function resolveOperatorUse(
  cx: BodyContext,
  op: ast.OperatorSymbol,
  operands: readonly BoundExpr[],
  syntax: ast.Node,
): BoundExpr {
  const types = operands.map((o) => o.type);
  const useDim = Math.max(...types.map((t) => t.dim));
  const arrays = types.filter((t) => t.dim > 0);
  if (arrays.some((t) => t.dim !== useDim)) {
    cx.report(Types.dimMismatch.at(cx.span(syntax), typeName(types[0]!), typeName(types[1] ?? types[0]!)));
    return { kind: "Error", type: ERROR_TYPE, syntax };
  }
  const candidates = cx.scope.operatorDefs(op);
  const m = pickCached(cx, `${op}#`, candidates, types, true);
  if (m === "ambiguous") {
    cx.report(Templates.ambiguousOperator.at(cx.span(syntax), op, operandsText(types)));
    return { kind: "Error", type: ERROR_TYPE, syntax };
  }
  if (!m) {
    const notes = candidates.length
      ? [`${candidates.length} definition(s) of \`${op}\` are visible; none takes these operands`]
      : [`no definition of \`${op}\` is visible: import the module of the domain's kind (e.g. \`import shared3p;\`)`];
    cx.report(Security.noPrivateOperator.with(cx.span(syntax), { label: "private data has no built-in operations", notes }, op, operandsText(types)));
    return { kind: "Error", type: ERROR_TYPE, syntax };
  }
  const instance = useInstance(cx, m, syntax);
  if (!instance) return { kind: "Error", type: ERROR_TYPE, syntax };
  const args = operands.map((o, i) => adaptOperand(o, m.params[i] as Type, m.plans[i] as Plan));
  // a vector result goes back to the use site's shape when that is not a vector
  const reshapeResult = m.plans.some((p) => p.toVector) && m.ret.dim === 1 && useDim !== 1;
  const type = reshapeResult ? mkType(m.ret.sec, m.ret.data, useDim) : m.ret;
  return { kind: "OperatorCall", op, instance, args, reshapeResult, type, syntax };
}

const publicCapable = new WeakMap<ProcSymbol, boolean>();

/** Whether a definition can take public operands without classification (public or unrestricted domain parameters). */
function acceptsPublic(proc: ProcSymbol): boolean {
  let ok = publicCapable.get(proc);
  if (ok === undefined) {
    ok = proc.params.every((p) =>
      p.sec.tag === "fixed" ? p.sec.sec.tag === "public" : proc.quantifiers[p.sec.q]?.restriction === undefined,
    );
    publicCapable.set(proc, ok);
  }
  return ok;
}

/**
 * A use of `op` on public operands: an operator definition that takes them takes
 * precedence over the built-in operation (the reference compiler's rule). Undefined
 * when no definition applies, so the caller uses the built-in table.
 */
export function tryPublicOperatorUse(
  cx: BodyContext,
  op: ast.OperatorSymbol,
  operands: readonly BoundExpr[],
  syntax: ast.Node,
): BoundExpr | undefined {
  const candidates = cx.scope.operatorDefs(op).filter(acceptsPublic);
  if (candidates.length === 0) return undefined;
  const types = operands.map((o) => o.type);
  const m = pickCached(cx, `${op}$`, candidates, types, false);
  if (m === undefined) return undefined;
  if (m === "ambiguous") {
    cx.report(Templates.ambiguousOperator.at(cx.span(syntax), op, operandsText(types)));
    return { kind: "Error", type: ERROR_TYPE, syntax };
  }
  const instance = useInstance(cx, m, syntax);
  if (!instance) return { kind: "Error", type: ERROR_TYPE, syntax };
  const useDim = Math.max(...types.map((t) => t.dim));
  const args = operands.map((o, i) => adaptOperand(o, m.params[i] as Type, m.plans[i] as Plan));
  const reshapeResult = m.plans.some((p) => p.toVector) && m.ret.dim === 1 && useDim !== 1;
  const type = reshapeResult ? mkType(m.ret.sec, m.ret.data, useDim) : m.ret;
  return { kind: "OperatorCall", op, instance, args, reshapeResult, type, syntax };
}

/** A cast of a private operand to data type `target` through a cast definition. */
export function resolveCastUse(cx: BodyContext, operand: BoundExpr, target: DataType, syntax: ast.Node): BoundExpr {
  const from = operand.type;
  const m = pickCached(cx, `cast>${dataName(target)}`, cx.scope.castDefs(), [from], false, { data: target, sec: from.sec });
  const to = mkType(from.sec, target, from.dim);
  if (m === "ambiguous") {
    cx.report(Templates.noMatchingCast.with(cx.span(syntax), { notes: ["several cast definitions match equally well"] }, typeName(from), typeName(to)));
    return { kind: "Error", type: ERROR_TYPE, syntax };
  }
  if (!m) {
    cx.report(Security.noPrivateCast.at(cx.span(syntax), typeName(from), typeName(to)));
    return { kind: "Error", type: ERROR_TYPE, syntax };
  }
  const instance = useInstance(cx, m, syntax);
  if (!instance) return { kind: "Error", type: ERROR_TYPE, syntax };
  const plan = m.plans[0] as Plan;
  const arg = adaptOperand(operand, m.params[0] as Type, plan);
  return { kind: "CastCall", instance, operand: arg, reshapeResult: plan.toVector, type: to, syntax };
}

// ---------------------------------------------------------------------------
// Definition rules

const unaryOnly = new Set<ast.OperatorSymbol>(["!", "~"]);

/** Checks an operator definition's shape; reports and returns false when invalid. */
export function validateOperatorDef(ck: Checker, proc: ProcSymbol): boolean {
  const op = proc.decl.operator?.symbol;
  if (!op) return false;
  const where = spanIn(proc.module, proc.decl.operator ?? proc.decl.name);
  const n = proc.params.length;
  const arityOk = unaryOnly.has(op) ? n === 1 : op === "-" ? n === 1 || n === 2 : n === 2;
  if (!arityOk) {
    ck.report(Templates.operatorArity.at(where, op, unaryOnly.has(op) ? "1" : op === "-" ? "1 or 2" : "2"));
    return false;
  }
  if ((op === "&&" || op === "||") && proc.params.some((p) => !(p.sec.tag === "fixed" && p.sec.sec.tag === "public"))) {
    ck.report(Templates.operatorNotDefinable.at(where, op));
    return false;
  }
  if (!proc.ret) {
    ck.report(Templates.operatorShape.at(where, "an operator must return a value"));
    return false;
  }
  for (const p of [...proc.params, proc.ret]) {
    if (p.dim.tag !== "fixed" || p.dim.dim > 1) {
      ck.report(Templates.operatorShape.at(where, "operands and result must be scalars or vectors"));
      return false;
    }
  }
  if (relationalOps.has(op) && !(proc.ret.data.tag === "fixed" && proc.ret.data.data.tag === "prim" && proc.ret.data.data.name === "bool")) {
    ck.report(Templates.operatorShape.at(where, `\`${op}\` must return bool`));
    return false;
  }
  if (!resultIsLub(proc)) {
    ck.report(Templates.operatorShape.at(where, "the result's security type must be the least upper bound of the operands'"));
    return false;
  }
  return true;
}

/**
 * Whether the result's security type is the operands' least upper bound, where that
 * can be told from the signature: public when every operand is public, else the one
 * private security type (fixed domain or quantifier) the operands share. A result
 * quantifier that no operand mentions is left to instantiation.
 */
function resultIsLub(proc: ProcSymbol): boolean {
  const ret = proc.ret!.sec;
  const privateSecs = proc.params.map((p) => p.sec).filter((s) => !(s.tag === "fixed" && s.sec.tag === "public"));
  if (ret.tag === "var" && !proc.params.some((p) => p.sec.tag === "var" && p.sec.q === ret.q)) return true;
  if (privateSecs.length === 0) return ret.tag === "fixed" && ret.sec.tag === "public";
  const first = privateSecs[0]!;
  if (!privateSecs.every((s) => sameSecPattern(s, first))) return true;
  return sameSecPattern(ret, first);
}

const relationalOps = new Set<ast.OperatorSymbol>(["==", "!=", "<", ">", "<=", ">="]);

function sameSecPattern(a: TypePattern["sec"], b: TypePattern["sec"]): boolean {
  if (a.tag === "var") return b.tag === "var" && a.q === b.q;
  return b.tag === "fixed" && sameSec(a.sec, b.sec);
}

/** Checks a cast definition's shape; reports and returns false when invalid. */
export function validateCastDef(ck: Checker, proc: ProcSymbol): boolean {
  const where = spanIn(proc.module, proc.decl.name);
  if (proc.params.length !== 1) {
    ck.report(Templates.castShape.at(where, "a cast takes exactly one parameter"));
    return false;
  }
  const p = proc.params[0]!;
  const r = proc.ret;
  if (!r) {
    ck.report(Templates.castShape.at(where, "a cast must return a value"));
    return false;
  }
  if (!sameSecPattern(p.sec, r.sec) || (p.sec.tag === "fixed" && p.sec.sec.tag === "public")) {
    ck.report(Templates.castShape.at(where, "a cast converts private values and keeps their domain"));
    return false;
  }
  for (const t of [p, r]) {
    if (t.dim.tag !== "fixed" || t.dim.dim > 1) {
      ck.report(Templates.castShape.at(where, "the operand and the result must be scalars or vectors"));
      return false;
    }
    if (t.data.tag === "struct" || (t.data.tag === "fixed" && (t.data.data.tag === "struct" || (t.data.data.tag === "prim" && t.data.data.name === "string")))) {
      ck.report(Templates.castShape.at(where, "casts convert between non-string primitive types"));
      return false;
    }
  }
  return true;
}

