/**
 * The state of checking one procedure body (or one global initialiser): the module
 * and its scope, the template quantifiers and their substitution for this instance,
 * the local block scopes, loop nesting and the expected return type.
 *
 * `resolveType` resolves a written type in this context to a concrete type
 * (ERROR_TYPE after reporting when it cannot).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Names } from "../diagnostics/messages/names.js";
import type { Span } from "../source/span.js";
import type * as ast from "../syntax/ast.js";
import { spanIn, type Checker } from "./checker.js";
import type { Binding, Quantifier } from "./patterns.js";
import { resolveData, resolvePattern, substData, substitute, validateType, type TypeEnv } from "./resolve-types.js";
import { LocalScope, type ModuleScope } from "./scopes.js";
import type { ModuleInfo, ProcInstance, VarStorage, VarSymbol } from "./symbols.js";
import { freshId } from "./symbols.js";
import type { DataType, Type } from "./types.js";
import { ERROR_DATA, ERROR_TYPE } from "./types.js";

export class BodyContext implements TypeEnv {
  readonly scope: ModuleScope;
  locals: LocalScope;
  loopDepth = 0;
  /** While checking global initialisers: the globals of this module initialised so far. */
  globalsReady: Set<VarSymbol> | undefined;

  constructor(
    readonly ck: Checker,
    readonly module: ModuleInfo,
    readonly quants: ReadonlyMap<string, Quantifier>,
    readonly bindings: readonly Binding[],
    /** The procedure being checked; undefined for global initialisers. */
    readonly instance: ProcInstance | undefined,
  ) {
    this.scope = ck.scopeOf(module);
    this.locals = new LocalScope(undefined);
  }

  get returnType(): Type | undefined {
    return this.instance?.ret;
  }

  span(node: { start: number; end: number }): Span {
    return spanIn(this.module, node);
  }

  report(d: Diagnostic): void {
    this.ck.report(d);
  }

  /** A concrete type for a written type in this context. */
  resolveType(te: ast.TypeExpr): Type {
    const p = resolvePattern(this.ck, this, te);
    if (!p) return ERROR_TYPE;
    const t = substitute(this.ck, p, this.bindings);
    if (!t) return ERROR_TYPE;
    return validateType(this.ck, t, te, this.module) ? t : ERROR_TYPE;
  }

  /** A concrete data type for a written data type (casts, annotations). */
  resolveDataType(d: ast.DataTypeExpr): DataType {
    const p = resolveData(this.ck, this, d);
    if (!p) return ERROR_DATA;
    return substData(this.ck, p, this.bindings) ?? ERROR_DATA;
  }

  /** The binding of a template quantifier by name, in this instance. */
  quantifierBinding(name: string): { q: Quantifier; b: Binding } | undefined {
    const q = this.quants.get(name);
    if (!q) return undefined;
    const b = this.bindings[q.index];
    return b ? { q, b } : undefined;
  }

  enterBlock(): void {
    this.locals = new LocalScope(this.locals);
  }

  leaveBlock(): void {
    this.locals = this.locals.parent ?? this.locals;
  }

  /** Declares a local or parameter in the innermost block, reporting a duplicate. */
  declare(name: ast.Identifier, type: Type, decl: ast.Declarator | ast.Param, storage: VarStorage): VarSymbol {
    const v: VarSymbol = { kind: "var", id: freshId(), name: name.name, storage, type, decl, module: this.module };
    if (!this.locals.declare(v)) this.report(Names.duplicateVariable.at(this.span(name), name.name));
    return v;
  }
}
