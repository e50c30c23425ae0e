/**
 * From written types to semantic ones. `resolvePattern` turns a TypeExpr into a
 * TypePattern, resolving names in a module scope and a set of template quantifiers;
 * `substitute` turns a pattern into a concrete Type under a substitution
 * (instantiating structs as needed); `typeProblem` states why a concrete type is
 * not a valid SecreC type (private struct, array of structs, a user type outside its
 * kind...). Checked code resolves types by pattern + substitution, so templates and
 * plain procedures share one path.
 *
 * Errors are reported through the Checker and give `undefined`; callers then use
 * ERROR_TYPE and say nothing more.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Names } from "../diagnostics/messages/names.js";
import { Types } from "../diagnostics/messages/types.js";
import type * as ast from "../syntax/ast.js";
import { spanIn, type Checker } from "./checker.js";
import type {
  ArgPattern,
  Binding,
  DataPattern,
  DimPattern,
  Quantifier,
  SecPattern,
  TypePattern,
} from "./patterns.js";
import { bindingKey, instanceName } from "./patterns.js";
import type { ModuleScope } from "./scopes.js";
import type { KindSymbol, ModuleInfo, StructInstance, StructSymbol } from "./symbols.js";
import type { DataType, SecType, StructData, Type } from "./types.js";
import {
  PUBLIC,
  domainSec,
  mkType,
  prim,
  primFromKeyword,
} from "./types.js";

/** Where names in a type are looked up. */
export interface TypeEnv {
  readonly scope: ModuleScope;
  readonly module: ModuleInfo;
  readonly quants: ReadonlyMap<string, Quantifier>;
}

export function resolvePattern(ck: Checker, env: TypeEnv, te: ast.TypeExpr): TypePattern | undefined {
  const sec = resolveSec(ck, env, te.security);
  const data = resolveData(ck, env, te.data);
  const dim = resolveDim(ck, env, te.dim);
  if (!sec || !data || !dim) return undefined;
  return { sec, data, dim };
}

export function resolveSec(ck: Checker, env: TypeEnv, s: ast.SecurityExpr | undefined): SecPattern | undefined {
  if (!s || s.kind === "PublicSecurity") return { tag: "fixed", sec: PUBLIC };
  const name = s.name.name;
  const q = env.quants.get(name);
  if (q) {
    ck.recordReference(s.name, q);
    if (q.sort === "domain") return { tag: "var", q: q.index };
    ck.report(Names.unknownDomain.with(spanIn(env.module, s.name), { label: `\`${name}\` is a ${q.sort} parameter` }, name));
    return undefined;
  }
  const d = env.scope.domain(name);
  if (d) {
    ck.recordReference(s.name, d);
    return { tag: "fixed", sec: domainSec(d) };
  }
  ck.report(Names.unknownDomain.at(spanIn(env.module, s.name), name));
  return undefined;
}

export function resolveData(ck: Checker, env: TypeEnv, d: ast.DataTypeExpr): DataPattern | undefined {
  if (d.kind === "PrimitiveType") {
    return { tag: "fixed", data: prim(primFromKeyword(d.name) ?? "int64") };
  }
  const name = d.name.name;
  const q = env.quants.get(name);
  if (q) {
    ck.recordReference(d.name, q);
    if (q.sort === "type" && !d.typeArgs) return { tag: "var", q: q.index };
    ck.report(Types.notAType.at(spanIn(env.module, d.name), name, `${q.sort} parameter`));
    return undefined;
  }
  const st = env.scope.struct(name);
  if (st) {
    ck.recordReference(d.name, st);
    return resolveStructPattern(ck, env, st, d);
  }
  if (d.typeArgs) {
    ck.report(Names.unknownType.at(spanIn(env.module, d.name), name));
    return undefined;
  }
  const kt = env.scope.kindType(name);
  if (kt) return { tag: "fixed", data: kt.data };
  if (env.scope.domain(name)) {
    ck.report(Types.notAType.at(spanIn(env.module, d.name), name, "protection domain"));
    return undefined;
  }
  ck.report(Names.unknownType.at(spanIn(env.module, d.name), name));
  return undefined;
}

function resolveStructPattern(ck: Checker, env: TypeEnv, st: StructSymbol, d: ast.NamedType): DataPattern | undefined {
  const args = d.typeArgs ?? [];
  if (st.quantifiers.length === 0 && d.typeArgs) {
    ck.report(Types.notATemplateStruct.at(spanIn(env.module, d), st.name));
    return undefined;
  }
  if (args.length !== st.quantifiers.length) {
    ck.report(Types.structArgCount.at(spanIn(env.module, d), st.name, st.quantifiers.length, args.length));
    return undefined;
  }
  const pats: ArgPattern[] = [];
  let ok = true;
  st.quantifiers.forEach((q, i) => {
    const p = resolveTypeArg(ck, env, q, args[i] as ast.TypeArg);
    if (p) pats.push(p);
    else ok = false;
  });
  if (!ok) return undefined;
  return { tag: "struct", struct: st, args: pats };
}

function resolveTypeArg(ck: Checker, env: TypeEnv, q: Quantifier, a: ast.TypeArg): ArgPattern | undefined {
  const where = spanIn(env.module, a);
  switch (q.sort) {
    case "domain": {
      if (a.kind === "PublicSecurity") return { sort: "domain", p: { tag: "fixed", sec: PUBLIC } };
      if (a.kind !== "NamedType" || a.typeArgs) break;
      const p = resolveSec(ck, env, { kind: "DomainSecurity", name: a.name, start: a.start, end: a.end });
      return p ? { sort: "domain", p } : undefined;
    }
    case "type": {
      if (a.kind !== "PrimitiveType" && a.kind !== "NamedType") break;
      const p = resolveData(ck, env, a);
      return p ? { sort: "type", p } : undefined;
    }
    case "dim": {
      if (a.kind === "IntLiteral") return { sort: "dim", p: { tag: "fixed", dim: Number(a.value) } };
      if (a.kind !== "NamedType" || a.typeArgs) break;
      const p = resolveDim(ck, env, { kind: "DimVar", name: a.name, start: a.start, end: a.end });
      return p ? { sort: "dim", p } : undefined;
    }
  }
  ck.report(Types.structArgSort.at(where, q.sort === "type" ? "data type" : q.sort === "dim" ? "dimension" : "domain"));
  return undefined;
}

export function resolveDim(ck: Checker, env: TypeEnv, d: ast.DimExpr | undefined): DimPattern | undefined {
  if (!d) return { tag: "fixed", dim: 0 };
  if (d.kind === "DimLiteral") return { tag: "fixed", dim: d.value };
  const q = env.quants.get(d.name.name);
  if (q && q.sort === "dim") {
    ck.recordReference(d.name, q);
    return { tag: "var", q: q.index };
  }
  ck.report(Types.badDimension.at(spanIn(env.module, d.name), d.name.name));
  return undefined;
}

// ---------------------------------------------------------------------------
// Substitution

export function substSec(p: SecPattern, bs: readonly (Binding | undefined)[]): SecType | undefined {
  if (p.tag === "fixed") return p.sec;
  const b = bs[p.q];
  return b && b.sort === "domain" ? b.sec : undefined;
}

export function substDim(p: DimPattern, bs: readonly (Binding | undefined)[]): number | undefined {
  if (p.tag === "fixed") return p.dim;
  const b = bs[p.q];
  return b && b.sort === "dim" ? b.dim : undefined;
}

export function substData(ck: Checker, p: DataPattern, bs: readonly (Binding | undefined)[]): DataType | undefined {
  switch (p.tag) {
    case "fixed":
      return p.data;
    case "var": {
      const b = bs[p.q];
      return b && b.sort === "type" ? b.data : undefined;
    }
    case "struct": {
      const args: Binding[] = [];
      for (const a of p.args) {
        if (a.sort === "domain") {
          const sec = substSec(a.p, bs);
          if (!sec) return undefined;
          args.push({ sort: "domain", sec });
        } else if (a.sort === "type") {
          const data = substData(ck, a.p, bs);
          if (!data) return undefined;
          args.push({ sort: "type", data });
        } else {
          const dim = substDim(a.p, bs);
          if (dim === undefined) return undefined;
          args.push({ sort: "dim", dim });
        }
      }
      const inst = instantiateStruct(ck, p.struct, args);
      return inst ? structData(inst) : undefined;
    }
    default: {
      const never: never = p;
      return never;
    }
  }
}

/** The concrete type of a pattern, or undefined when a quantifier is unbound or a struct failed. */
export function substitute(ck: Checker, p: TypePattern, bs: readonly (Binding | undefined)[]): Type | undefined {
  const sec = substSec(p.sec, bs);
  const dim = substDim(p.dim, bs);
  const data = substData(ck, p.data, bs);
  if (!sec || dim === undefined || !data) return undefined;
  return mkType(sec, data, dim);
}

// ---------------------------------------------------------------------------
// Validity of concrete types

/** The kind of a security type's domain (undefined for public or an unresolved kind). */
export function kindOf(sec: SecType): KindSymbol | undefined {
  return sec.tag === "domain" ? sec.domain.kindSym : undefined;
}

/** Why `t` is not a valid type, as a diagnostic factory; undefined when it is valid. */
export function typeProblem(t: Type): ((at: ast.Node, module: ModuleInfo) => Diagnostic) | undefined {
  const d = t.data;
  if (d.tag === "struct") {
    if (t.sec.tag !== "public") return (n, m) => Types.privateStruct.at(spanIn(m, n));
    if (t.dim !== 0) return (n, m) => Types.arrayOfStructs.at(spanIn(m, n));
    return undefined;
  }
  if (d.tag === "prim" && d.name === "string" && t.dim !== 0) return (n, m) => Types.arrayOfStrings.at(spanIn(m, n));
  if (d.tag === "user" && t.sec.tag === "public") return (n, m) => Types.userTypePublic.at(spanIn(m, n), d.name);
  if (t.sec.tag === "domain") {
    const sec = t.sec;
    const k = sec.domain.kindSym;
    // a kind declared without a type list (`kind a3p;`) supports every built-in type
    const listed = k !== undefined && (k.types.size > 0 || d.tag === "user");
    if (k && listed && (d.tag === "prim" || d.tag === "user") && !k.types.has(d.name)) {
      return (n, m) => Types.kindLacksType.at(spanIn(m, n), sec.domain.name, k.name, d.name);
    }
  }
  return undefined;
}

/** Reports the problem of `t` at `at` if it has one; returns whether it was valid. */
export function validateType(ck: Checker, t: Type, at: ast.Node, module: ModuleInfo): boolean {
  const problem = typeProblem(t);
  if (!problem) return true;
  ck.report(problem(at, module));
  return false;
}

// ---------------------------------------------------------------------------
// Structs

/** The instance of a (template) struct for these arguments; field types are resolved on creation. */
export function instantiateStruct(ck: Checker, st: StructSymbol, args: Binding[]): StructInstance | undefined {
  const key = bindingKey(args);
  const existing = st.instances.get(key);
  if (existing) {
    if (existing.resolving) {
      ck.report(Types.recursiveStruct.at(spanIn(st.module, st.decl.name), st.name));
      return undefined;
    }
    return existing;
  }
  const inst: StructInstance = { struct: st, args, displayName: instanceName(st.name, args), fields: [], resolving: true };
  st.instances.set(key, inst);
  const env: TypeEnv = { scope: ck.scopeOf(st.module), module: st.module, quants: quantMap(st.quantifiers) };
  const fields = [];
  let ok = true;
  for (const f of st.decl.fields) {
    const p = resolvePattern(ck, env, f.type);
    const t = p ? substitute(ck, p, args) : undefined;
    if (!t) {
      ok = false;
      continue;
    }
    if (!validateType(ck, t, f.type, st.module)) ok = false;
    fields.push({ name: f.name.name, type: t, decl: f });
  }
  inst.fields = fields;
  inst.resolving = false;
  if (!ok) {
    st.instances.delete(key);
    return undefined;
  }
  ck.structInstances.push(inst);
  return inst;
}

const structDatas = new WeakMap<StructInstance, StructData>();

/** The (interned) data type of a struct instance, so struct types compare by identity. */
export function structData(inst: StructInstance): StructData {
  let d = structDatas.get(inst);
  if (!d) {
    d = { tag: "struct", instance: inst };
    structDatas.set(inst, d);
  }
  return d;
}

export function quantMap(qs: readonly Quantifier[]): Map<string, Quantifier> {
  const m = new Map<string, Quantifier>();
  for (const q of qs) m.set(q.name, q);
  return m;
}

/** The public counterpart of a data type in a security type (`xor_uint32` -> `uint32`); itself for public types. */
export function publicData(data: DataType, sec: SecType): DataType | undefined {
  if (data.tag !== "user") return data;
  const k = kindOf(sec);
  return k?.types.get(data.name)?.publicType;
}

