/**
 * Overload resolution for procedure calls (secrec-reference.md §3.6).
 *
 * Arguments are typed before resolution and give no context (`f(1)` is `f(int64)`)
 * and are never classified. Candidates are tried in this order, the first step with
 * a winner decides:
 *   1. non-template procedures whose parameter types equal the argument types and
 *      whose result fits the expected type from the context;
 *   2. templates that unify with the arguments (and the context, which may bind
 *      quantifiers that only occur in the result type), most specific first;
 *   3. non-template procedures matching the arguments whatever the context;
 *   4. templates matching the arguments whatever the context.
 * Several equally good non-templates are "multiple matching procedures"; templates
 * are ordered by the lexicographic weight (number of quantifiers, number of
 * unrestricted domain quantifiers, number of parameters mentioning quantifiers) and
 * a tie for the minimum is "multiple matching templates".
 */
import type { Label } from "../diagnostics/diagnostic.js";
import { Names } from "../diagnostics/messages/names.js";
import { Templates } from "../diagnostics/messages/templates.js";
import type * as ast from "../syntax/ast.js";
import { spanIn } from "./checker.js";
import type { BodyContext } from "./context.js";
import { isContextTyped } from "./literals.js";
import type { Binding } from "./patterns.js";
import { mentionsQuantifier } from "./patterns.js";
import { substitute, typeProblem } from "./resolve-types.js";
import type { ProcInstance, ProcSymbol } from "./symbols.js";
import { instantiate, usePlain } from "./templates.js";
import type { Expected, Type } from "./types.js";
import { VOID_TYPE, dataName, isInteger, isFloat, sameSec, sameType, typeName } from "./types.js";
import type { ModuleScope } from "./scopes.js";
import { bindFromExpected, unifyType, type Bindings } from "./unify.js";

export type Weight = readonly [number, number, number];

/** The specificity weight of a template: smaller is more specific. */
export function templateWeight(proc: ProcSymbol): Weight {
  const unrestricted = proc.quantifiers.filter((q) => q.sort === "domain" && !q.restriction).length;
  const mentioning = proc.params.filter(mentionsQuantifier).length;
  return [proc.quantifiers.length, unrestricted, mentioning];
}

export function compareWeights(a: Weight, b: Weight): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether a result type fits what the context expects (each given part equal). */
export function fitsExpected(ret: Type, expected: Expected | undefined): boolean {
  if (!expected) return true;
  if (expected.sec && !sameSec(expected.sec, ret.sec)) return false;
  if (expected.data && expected.data !== ret.data) return false;
  if (expected.dim !== undefined && expected.dim !== ret.dim) return false;
  return true;
}

export interface Viable {
  readonly proc: ProcSymbol;
  readonly bindings: readonly Binding[];
  readonly params: readonly Type[];
  readonly ret: Type;
}

/** The only instance of a non-template procedure. */
export function plainInstance(proc: ProcSymbol): ProcInstance | undefined {
  return proc.instances.get("");
}

/** Matches a non-template procedure exactly; a reason string when it does not match. */
function matchPlain(proc: ProcSymbol, args: readonly Type[]): Viable | string {
  const inst = plainInstance(proc);
  if (!inst) return "its signature has errors";
  if (inst.params.length !== args.length) return `takes ${inst.params.length} argument(s), ${args.length} given`;
  for (let i = 0; i < args.length; i++) {
    const p = inst.params[i] as Type;
    const a = args[i] as Type;
    if (!sameType(p, a)) return `argument ${i + 1} has type \`${typeName(a)}\`, the parameter is \`${typeName(p)}\``;
  }
  return { proc, bindings: [], params: inst.params, ret: inst.ret };
}

/** Unifies a template with the arguments (and the context when given). */
export function matchTemplate(
  cx: BodyContext,
  proc: ProcSymbol,
  args: readonly Type[],
  expected: Expected | undefined,
): Viable | string {
  if (proc.params.length !== args.length) return `takes ${proc.params.length} argument(s), ${args.length} given`;
  const bs: Bindings = new Array(proc.quantifiers.length);
  for (let i = 0; i < args.length; i++) {
    if (!unifyType(proc.params[i]!, args[i] as Type, proc.quantifiers, bs)) {
      return `argument ${i + 1} of type \`${typeName(args[i] as Type)}\` does not fit its parameter`;
    }
  }
  if (proc.ret && expected && !bindFromExpected(proc.ret, expected, proc.quantifiers, bs)) {
    return "its result type does not fit the context";
  }
  for (let i = 0; i < proc.quantifiers.length; i++) {
    if (!bs[i]) return `\`${proc.quantifiers[i]!.name}\` is not determined by the arguments; the context must give it`;
  }
  const bindings = bs as Binding[];
  const params: Type[] = [];
  for (const p of proc.params) {
    const t = substitute(cx.ck, p, bindings);
    if (!t || typeProblem(t)) return "a parameter type is not valid for these template arguments";
    params.push(t);
  }
  let ret = VOID_TYPE;
  if (proc.ret) {
    const t = substitute(cx.ck, proc.ret, bindings);
    if (!t || typeProblem(t)) return "its result type is not valid for these template arguments";
    ret = t;
  }
  return { proc, bindings, params, ret };
}

function pickPlain(viable: Viable[]): Viable | "ambiguous" | undefined {
  if (viable.length === 0) return undefined;
  return viable.length === 1 ? viable[0] : "ambiguous";
}

function pickTemplate(viable: Viable[]): Viable | "ambiguous" | undefined {
  if (viable.length === 0) return undefined;
  const weighted = viable.map((v) => ({ v, w: templateWeight(v.proc) })).sort((a, b) => compareWeights(a.w, b.w));
  const first = weighted[0]!;
  const second = weighted[1];
  if (second && compareWeights(first.w, second.w) === 0) return "ambiguous";
  return first.v;
}

function callText(name: string, args: readonly Type[]): string {
  return `${name}(${args.map(typeName).join(", ")})`;
}

/**
 * Resolves a call to `name` with argument types `args`; reports and returns
 * undefined when no procedure (or more than one) fits. Instantiates templates.
 */
export function resolveCall(
  cx: BodyContext,
  call: ast.CallExpr,
  args: readonly Type[],
  expected: Expected | undefined,
): ProcInstance | undefined {
  const name = call.callee.name;
  const key = callKey(name, args, expected);
  let cache = callCaches.get(cx.scope);
  if (!cache) {
    cache = new Map();
    callCaches.set(cx.scope, cache);
  }
  const known = cache.get(key);
  if (known) return finish(cx, known, call);
  const candidates = cx.scope.procedures(name).filter((p) => p.form === "procedure");
  if (candidates.length === 0) {
    cx.report(Names.unknownProcedure.at(cx.span(call.callee), name));
    return undefined;
  }
  const reasons = new Map<ProcSymbol, string>();
  const plain: Viable[] = [];
  const templ: Viable[] = [];
  const templNoCtx: Viable[] = [];
  for (const p of candidates) {
    if (!p.signatureOk) {
      reasons.set(p, "its signature has errors");
      continue;
    }
    if (p.quantifiers.length === 0) {
      const m = matchPlain(p, args);
      if (typeof m === "string") reasons.set(p, m);
      else plain.push(m);
      continue;
    }
    const m = matchTemplate(cx, p, args, expected);
    if (typeof m !== "string") templ.push(m);
    const n = expected ? matchTemplate(cx, p, args, undefined) : m;
    if (typeof n !== "string") templNoCtx.push(n);
    if (typeof m === "string" && typeof n === "string") reasons.set(p, m);
  }
  const steps: [Viable[], "plain" | "template"][] = [
    [plain.filter((v) => fitsExpected(v.ret, expected)), "plain"],
    [templ.filter((v) => fitsExpected(v.ret, expected)), "template"],
    [plain, "plain"],
    [templ, "template"],
    [templNoCtx, "template"],
  ];
  const site = cx.span(call);
  for (const [viable, sort] of steps) {
    const pick = sort === "plain" ? pickPlain(viable) : pickTemplate(viable);
    if (pick === undefined) continue;
    if (pick === "ambiguous") {
      const related = viable.map((v) => ({ span: spanIn(v.proc.module, v.proc.decl.name), message: "candidate" }));
      const def = sort === "plain" ? Templates.multipleProcedures : Templates.multipleTemplates;
      const help = expected ? [] : ["the call has no context; annotate it, e.g. `f(...) :: pd_shared3p uint32 [[0]]`"];
      cx.report(def.with(site, { related, help }, callText(name, args)));
      return undefined;
    }
    cache.set(key, pick);
    return finish(cx, pick, call);
  }
  reportNoMatch(cx, call, args, candidates, reasons, expected);
  return undefined;
}

/** Successful resolutions per module scope, by callee, argument types and context. */
const callCaches = new WeakMap<ModuleScope, Map<string, Viable>>();

function typeKey(t: Type): string {
  return `${t.sec.tag === "public" ? "" : t.sec.domain.name}:${dataName(t.data)}:${t.dim}`;
}

function callKey(name: string, args: readonly Type[], expected: Expected | undefined): string {
  let key = name;
  for (const a of args) key += `|${typeKey(a)}`;
  if (expected) {
    key += `->${expected.sec ? (expected.sec.tag === "public" ? "public" : expected.sec.domain.name) : "?"}`;
    key += `:${expected.data ? dataName(expected.data) : "?"}:${expected.dim ?? "?"}`;
  }
  return key;
}

function finish(cx: BodyContext, v: Viable, call: ast.CallExpr): ProcInstance | undefined {
  if (v.proc.deprecated !== undefined) {
    cx.report(Templates.deprecated.at(cx.span(call.callee), v.proc.name, v.proc.deprecated));
  }
  if (v.proc.quantifiers.length === 0) return usePlain(cx.ck, v.proc);
  return instantiate(cx.ck, v.proc, v.bindings, v.params, v.ret, cx.span(call));
}

function reportNoMatch(
  cx: BodyContext,
  call: ast.CallExpr,
  args: readonly Type[],
  candidates: readonly ProcSymbol[],
  reasons: Map<ProcSymbol, string>,
  expected: Expected | undefined,
): void {
  // a candidate whose signature has errors was reported there: do not cascade
  if (candidates.some((p) => !p.signatureOk)) return;
  const related: Label[] = [];
  for (const p of candidates.slice(0, 8)) {
    related.push({ span: spanIn(p.module, p.decl.name), message: `candidate: ${reasons.get(p) ?? "does not match"}` });
  }
  const notes = candidates.length > 8 ? [`and ${candidates.length - 8} more candidate(s)`] : [];
  const help = literalHint(cx, call, args, candidates, expected);
  cx.report(
    Templates.noMatchingProcedure.with(cx.span(call), { label: "no candidate takes these arguments", related, notes, help }, callText(call.callee.name, args)),
  );
}

/**
 * When literal arguments are what stops a candidate (plain or template) from
 * matching, says which suffix or annotation would make it match (arguments give
 * literals no context): each literal takes the type its parameter fixes, and the
 * candidate is tried again with those types.
 */
function literalHint(
  cx: BodyContext,
  call: ast.CallExpr,
  args: readonly Type[],
  candidates: readonly ProcSymbol[],
  expected: Expected | undefined,
): string[] {
  for (const p of candidates) {
    if (!p.signatureOk || p.params.length !== args.length) continue;
    const retyped = [...args];
    const fixes: string[] = [];
    p.params.forEach((param, i) => {
      const e = call.args[i] as ast.Expr;
      const d = param.data.tag === "fixed" ? param.data.data : undefined;
      const fixedPublicScalar = param.sec.tag === "fixed" && param.sec.sec.tag === "public" && param.dim.tag === "fixed" && param.dim.dim === 0;
      if (!isContextTyped(e) || !d || d.tag !== "prim" || !(isInteger(d) || isFloat(d)) || !fixedPublicScalar) return;
      const t = { sec: (args[i] as Type).sec, data: d, dim: 0 };
      if (sameType(t, args[i] as Type)) return;
      retyped[i] = t;
      const raw = e.kind === "IntLiteral" || e.kind === "FloatLiteral" ? e.raw : cx.module.file.text.slice(e.start, e.end);
      const suffix = suffixFor(d.name);
      fixes.push(suffix ? `write \`${raw}${suffix}\` or \`(${raw} :: ${d.name})\`` : `write \`(${raw} :: ${d.name})\``);
    });
    if (fixes.length === 0) continue;
    const ok = p.quantifiers.length === 0 ? typeof matchPlain(p, retyped) !== "string" : typeof matchTemplate(cx, p, retyped, expected) !== "string";
    if (ok) {
      return [`literal arguments are typed without context (integers as \`int64\`): ${fixes.join("; ")} to call this candidate`];
    }
  }
  return [];
}

function suffixFor(name: string): string | undefined {
  const m = /^(u?)int(\d+)$/.exec(name);
  if (m) return `${m[1] ? "u" : "i"}${m[2]}`;
  if (name === "float32") return "f32";
  if (name === "float64") return "f64";
  return undefined;
}
