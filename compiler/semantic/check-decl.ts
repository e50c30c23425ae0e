/**
 * Top-level declarations, in phases so that names are order independent inside a
 * module and across imports (language.md §2):
 *   1. `collectModule`: create the symbols of kinds, domains, structs and procedures;
 *   2. `linkModule`: wire import scopes, resolve domains' kinds, report names that
 *      redefine an imported symbol;
 *   3. `resolveSignatures`: parameter and result types of every procedure (patterns
 *      for templates), annotations, operator/cast definition rules, duplicates;
 *   4. `declareGlobals`: global variable symbols with their types;
 *   5. `checkGlobalInits` and `checkInstanceBody`: initialisers in order, and bodies
 *      (each non-template procedure once; template instances on demand).
 */
import { Names } from "../diagnostics/messages/names.js";
import { Templates } from "../diagnostics/messages/templates.js";
import { Types } from "../diagnostics/messages/types.js";
import type * as ast from "../syntax/ast.js";
import type { BoundBlock } from "./bound.js";
import { checkStmts, checkVarDecl } from "./check-stmt.js";
import { spanIn, type Checker } from "./checker.js";
import { BodyContext } from "./context.js";
import { alwaysReturns } from "./flow.js";
import { validateCastDef, validateOperatorDef } from "./operators.js";
import type { Quantifier, TypePattern } from "./patterns.js";
import { collectQuantifiers } from "./patterns.js";
import { instantiateStruct, quantMap, resolvePattern, substitute, validateType, type TypeEnv } from "./resolve-types.js";
import { ModuleScope } from "./scopes.js";
import type { KindSymbol, KindTypeEntry, ModuleInfo, ProcInstance, ProcSymbol, StructSymbol, VarSymbol } from "./symbols.js";
import { freshId } from "./symbols.js";
import { makeInstance } from "./templates.js";
import type { Type } from "./types.js";
import { ERROR_TYPE, VOID_TYPE, prim, primFromKeyword, typeName, userData } from "./types.js";

// ---------------------------------------------------------------------------
// 1. Collection

export function collectModule(ck: Checker, module: ModuleInfo): ModuleScope {
  const scope = new ModuleScope(module);
  ck.scopes.set(module, scope);
  ck.tables.modules.set(module.ast, module);
  for (const d of module.ast.decls) {
    switch (d.kind) {
      case "KindDecl":
        addUnique(ck, module, scope.kinds, d.name, collectKind(ck, module, d), "kind");
        break;
      case "DomainDecl": {
        const sym = { kind: "domain" as const, name: d.name.name, decl: d, module, kindSym: undefined };
        if (addUnique(ck, module, scope.domains, d.name, sym, "domain")) ck.domains.push(sym);
        ck.recordDeclaration(d, sym);
        break;
      }
      case "StructDecl": {
        const sym: StructSymbol = {
          kind: "struct",
          name: d.name.name,
          decl: d,
          module,
          quantifiers: headerQuantifiers(ck, module, d.template),
          instances: new Map(),
        };
        addUnique(ck, module, scope.structs, d.name, sym, "struct");
        ck.recordDeclaration(d, sym);
        reportDuplicateFields(ck, module, d);
        break;
      }
      case "ProcDecl":
        collectProc(ck, module, scope, d);
        break;
      case "VarDecl":
      case "ErrorDecl":
        break;
      default: {
        const never: never = d;
        return never;
      }
    }
  }
  return scope;
}

function reportDuplicateFields(ck: Checker, module: ModuleInfo, d: ast.StructDecl): void {
  const seen = new Set<string>();
  for (const f of d.fields) {
    if (seen.has(f.name.name)) ck.report(Names.duplicateField.at(spanIn(module, f.name), f.name.name));
    seen.add(f.name.name);
  }
}

function addUnique<T>(ck: Checker, module: ModuleInfo, map: Map<string, T>, name: ast.Identifier, sym: T, what: string): boolean {
  if (map.has(name.name)) {
    ck.report(Names.redefinition.at(spanIn(module, name), what, name.name));
    return false;
  }
  map.set(name.name, sym);
  return true;
}

function collectKind(ck: Checker, module: ModuleInfo, d: ast.KindDecl): KindSymbol {
  const types = new Map<string, KindTypeEntry>();
  for (const t of d.types) {
    const name = t.name.name;
    if (types.has(name)) {
      ck.report(Names.duplicateKindType.at(spanIn(module, t.name), name));
      continue;
    }
    const builtin = primFromKeyword(name);
    const data = builtin ? prim(builtin) : userData(name);
    const publicType = builtin ? prim(builtin) : t.publicType ? prim(primFromKeyword(t.publicType.name) ?? "int64") : undefined;
    types.set(builtin ?? name, { name: builtin ?? name, data, publicType, decl: t });
  }
  const sym: KindSymbol = { kind: "kind", name: d.name.name, decl: d, module, types };
  ck.kinds.push(sym);
  ck.recordDeclaration(d, sym);
  return sym;
}

/** Quantifiers of a template header (kind restrictions resolved later, in linkModule). */
function headerQuantifiers(ck: Checker, module: ModuleInfo, h: ast.TemplateHeader | undefined): Quantifier[] {
  if (!h) return [];
  const seen = new Set<string>();
  const out: Quantifier[] = [];
  h.params.forEach((p) => {
    if (seen.has(p.name.name)) {
      ck.report(Names.duplicateQuantifier.at(spanIn(module, p.name), p.name.name));
      return;
    }
    seen.add(p.name.name);
    const q: Quantifier = { kind: "quantifier", index: out.length, name: p.name.name, sort: p.paramKind, restriction: undefined, decl: p };
    out.push(q);
    ck.recordDeclaration(p, q);
  });
  return out;
}

function procName(d: ast.ProcDecl): string {
  if (d.form === "operator") return `operator${d.operator?.symbol ?? ""}`;
  if (d.form === "cast") return "cast";
  return d.name.name;
}

function collectProc(ck: Checker, module: ModuleInfo, scope: ModuleScope, d: ast.ProcDecl): void {
  const sym: ProcSymbol = {
    kind: "proc",
    id: freshId(),
    name: procName(d),
    form: d.form,
    decl: d,
    module,
    quantifiers: headerQuantifiers(ck, module, d.template),
    params: [],
    ret: undefined,
    deprecated: undefined,
    signatureOk: false,
    instances: new Map(),
  };
  ck.recordDeclaration(d, sym);
  if (d.form === "operator" && d.operator) {
    const list = scope.operators.get(d.operator.symbol) ?? [];
    list.push(sym);
    scope.operators.set(d.operator.symbol, list);
  } else if (d.form === "cast") {
    scope.casts.push(sym);
  } else {
    const list = scope.procs.get(sym.name) ?? [];
    list.push(sym);
    scope.procs.set(sym.name, list);
  }
}

// ---------------------------------------------------------------------------
// 2. Linking

export function linkModule(ck: Checker, module: ModuleInfo): void {
  const scope = ck.scopeOf(module);
  scope.imports = module.imports.map((m) => ck.scopeOf(m));
  // kind restrictions of quantifiers
  const fix = (qs: readonly Quantifier[]): void => {
    for (const q of qs) {
      const kn = q.decl.kindName;
      if (!kn) continue;
      const k = scope.kind(kn.name);
      if (!k) ck.report(Names.unknownKind.at(spanIn(module, kn), kn.name));
      else {
        (q as { restriction: KindSymbol | undefined }).restriction = k;
        ck.recordReference(kn, k);
      }
    }
  };
  for (const list of scope.procs.values()) for (const p of list) fix(p.quantifiers);
  for (const list of scope.operators.values()) for (const p of list) fix(p.quantifiers);
  for (const p of scope.casts) fix(p.quantifiers);
  for (const s of scope.structs.values()) fix(s.quantifiers);
  for (const d of scope.domains.values()) {
    const k = scope.kind(d.decl.kindName.name);
    if (!k) ck.report(Names.unknownKind.at(spanIn(module, d.decl.kindName), d.decl.kindName.name));
    else {
      d.kindSym = k;
      ck.recordReference(d.decl.kindName, k);
    }
  }
  reportImportedRedefinitions(ck, scope);
}

function reportImportedRedefinitions(ck: Checker, scope: ModuleScope): void {
  const check = (name: string, at: ast.Identifier, pick: (s: ModuleScope) => Map<string, unknown>): void => {
    for (const imp of scope.imports) {
      if (pick(imp).has(name)) {
        ck.report(Names.redefinesImported.at(spanIn(scope.module, at), name, imp.module.name));
        return;
      }
    }
  };
  for (const k of scope.kinds.values()) check(k.name, k.decl.name, (s) => s.kinds);
  for (const d of scope.domains.values()) check(d.name, d.decl.name, (s) => s.domains);
  for (const s of scope.structs.values()) check(s.name, s.decl.name, (x) => x.structs);
}

// ---------------------------------------------------------------------------
// 3. Signatures

export function resolveSignatures(ck: Checker, module: ModuleInfo): void {
  const scope = ck.scopeOf(module);
  const all: ProcSymbol[] = [];
  for (const list of scope.procs.values()) all.push(...list);
  for (const list of scope.operators.values()) all.push(...list);
  all.push(...scope.casts);
  // plain structs are laid out now, so their field errors show even when unused
  for (const st of scope.structs.values()) if (st.quantifiers.length === 0) instantiateStruct(ck, st, []);
  for (const p of all) resolveSignature(ck, scope, p);
  reportDuplicateSignatures(ck, scope, all);
}

function resolveSignature(ck: Checker, scope: ModuleScope, p: ProcSymbol): void {
  const env: TypeEnv = { scope, module: p.module, quants: quantMap(p.quantifiers) };
  const pats = p.decl.params.map((param) => resolvePattern(ck, env, param.type));
  const ret = p.decl.returnType.kind === "TypeExpr" ? resolvePattern(ck, env, p.decl.returnType) : undefined;
  let ok = pats.every((t) => t !== undefined) && (p.decl.returnType.kind === "VoidType" || ret !== undefined);
  p.params = pats.filter((t): t is TypePattern => t !== undefined);
  p.ret = ret;
  for (const a of p.decl.annotations) {
    if (a.name.name === "deprecated") {
      p.deprecated = a.argument ? a.argument.parts.map((x) => (x.kind === "Text" ? x.text : `$${x.name.name}`)).join("") : "";
    }
    // other annotation names are reported by the parser (SC1108)
  }
  if (ok && p.quantifiers.length > 0) {
    const used = new Set<number>();
    for (const t of p.params) collectQuantifiers(t, used);
    if (ret) collectQuantifiers(ret, used);
    for (const q of p.quantifiers) {
      if (!used.has(q.index)) {
        ck.report(Templates.freeQuantifier.at(spanIn(p.module, q.decl.name), q.name));
        ok = false;
      }
    }
  }
  if (ok && p.form === "operator") ok = validateOperatorDef(ck, p);
  if (ok && p.form === "cast") ok = validateCastDef(ck, p);
  // a plain procedure always gets its instance, so its body is checked even when
  // its signature has errors (it then matches no call)
  if (p.quantifiers.length === 0) ok = makePlainInstance(ck, p, pats, ret) && ok;
  p.signatureOk = ok;
}

function makePlainInstance(ck: Checker, p: ProcSymbol, pats: readonly (TypePattern | undefined)[], retPat: TypePattern | undefined): boolean {
  let ok = true;
  const concrete = (pat: TypePattern | undefined, node: ast.Node): Type => {
    const t = pat ? substitute(ck, pat, []) : undefined;
    if (!t || !validateType(ck, t, node, p.module)) {
      ok = false;
      return ERROR_TYPE;
    }
    return t;
  };
  const params = pats.map((pat, i) => concrete(pat, (p.decl.params[i] as ast.Param).type));
  const ret = p.decl.returnType.kind === "VoidType" ? VOID_TYPE : concrete(retPat, p.decl.returnType);
  makeInstance(p, [], params, ret);
  return ok;
}

function signatureKey(p: ProcSymbol): string | undefined {
  const inst = p.instances.get("");
  if (!inst || p.quantifiers.length > 0 || !p.signatureOk) return undefined;
  return `${p.name}(${inst.params.map(typeName).join(",")}):${typeName(inst.ret)}`;
}

function reportDuplicateSignatures(ck: Checker, scope: ModuleScope, own: readonly ProcSymbol[]): void {
  const seen = new Set<string>();
  for (const p of own) {
    const key = signatureKey(p);
    if (!key) continue;
    if (seen.has(key)) {
      ck.report(Templates.duplicateDefinition.at(spanIn(p.module, p.decl.name), key.replace(/:.*$/, "")));
      continue;
    }
    seen.add(key);
  }
  // the same signature in an imported module
  for (const p of own) {
    const key = signatureKey(p);
    if (!key) continue;
    for (const imp of scope.imports) {
      const same = p.form === "procedure" ? imp.procs.get(p.name) ?? [] : p.form === "cast" ? imp.casts : imp.operators.get(p.decl.operator?.symbol ?? "+") ?? [];
      if (same.some((q) => signatureKey(q) === key)) {
        ck.report(Names.redefinesImported.at(spanIn(p.module, p.decl.name), key.replace(/:.*$/, ""), imp.module.name));
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// 4. Globals

/** Creates the symbols of a module's global variables (types resolved now, initialisers later). */
export function declareGlobals(ck: Checker, module: ModuleInfo): Map<ast.VarDecl, VarSymbol[]> {
  const scope = ck.scopeOf(module);
  const cx = new BodyContext(ck, module, new Map(), [], undefined);
  const out = new Map<ast.VarDecl, VarSymbol[]>();
  for (const d of module.ast.decls) {
    if (d.kind !== "VarDecl") continue;
    const type = cx.resolveType(d.type);
    const syms: VarSymbol[] = [];
    for (const decl of d.declarators) {
      const v: VarSymbol = { kind: "var", id: freshId(), name: decl.name.name, storage: "global", type, decl, module };
      if (scope.globals.has(v.name)) ck.report(Names.redefinition.at(spanIn(module, decl.name), "global variable", v.name));
      else {
        scope.globals.set(v.name, v);
        for (const imp of scope.imports) {
          if (imp.globals.has(v.name)) {
            ck.report(Names.redefinesImported.at(spanIn(module, decl.name), v.name, imp.module.name));
            break;
          }
        }
      }
      ck.recordDeclaration(decl, v);
      syms.push(v);
    }
    out.set(d, syms);
  }
  return out;
}

// ---------------------------------------------------------------------------
// 5. Initialisers and bodies

/** Checks a module's global initialisers in source order and appends them to the program's globals. */
export function checkGlobalInits(ck: Checker, module: ModuleInfo, globals: Map<ast.VarDecl, VarSymbol[]>): void {
  const cx = new BodyContext(ck, module, new Map(), [], undefined);
  cx.globalsReady = new Set();
  for (const [d, syms] of globals) {
    const bound = checkVarDecl(cx, d, "global", syms);
    for (const b of bound.declarators) ck.globals.push({ symbol: b.symbol, shape: b.shape, init: b.init, syntax: b.syntax });
  }
}

/** Checks the body of one procedure instance (parameters bound to its concrete types). */
export function checkInstanceBody(ck: Checker, inst: ProcInstance): void {
  const proc = inst.proc;
  inst.state = "checking";
  const cx = new BodyContext(ck, proc.module, quantMap(proc.quantifiers), inst.bindings, inst);
  inst.paramSymbols = proc.decl.params.map((p, i) => cx.declare(p.name, inst.params[i] as Type, p, "param"));
  const stmts = checkStmts(cx, proc.decl.body.stmts);
  const body: BoundBlock = { kind: "Block", stmts, syntax: proc.decl.body };
  if (proc.ret && !alwaysReturns(proc.decl.body)) {
    ck.report(Types.missingReturn.at(spanIn(proc.module, proc.decl.name), proc.name));
  }
  inst.body = body;
  inst.state = "ok";
  ck.instances.push(inst);
}
