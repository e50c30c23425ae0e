/**
 * Scopes. A `ModuleScope` holds a module's own top-level symbols and answers lookups
 * over what the module can see: its own symbols first, then those of its direct
 * imports (imports are not re-exported, language.md §2). Lookups are order
 * independent: every top-level symbol is collected before any body is checked.
 * Visible procedure sets are merged once per name and cached.
 *
 * A `LocalScope` is one block of a procedure body: a map from names to variables
 * with a parent link (lookups walk at most the block nesting depth).
 */
import type * as ast from "../syntax/ast.js";
import type {
  DomainSymbol,
  KindSymbol,
  KindTypeEntry,
  ModuleInfo,
  ProcSymbol,
  StructSymbol,
  VarSymbol,
} from "./symbols.js";

export class ModuleScope {
  readonly kinds = new Map<string, KindSymbol>();
  readonly domains = new Map<string, DomainSymbol>();
  readonly structs = new Map<string, StructSymbol>();
  readonly globals = new Map<string, VarSymbol>();
  readonly procs = new Map<string, ProcSymbol[]>();
  readonly operators = new Map<ast.OperatorSymbol, ProcSymbol[]>();
  readonly casts: ProcSymbol[] = [];
  /** Scopes of the direct imports, filled once every module is collected. */
  imports: ModuleScope[] = [];
  private readonly procCache = new Map<string, ProcSymbol[]>();
  private readonly operatorCache = new Map<string, ProcSymbol[]>();
  private castCache: ProcSymbol[] | undefined;

  constructor(readonly module: ModuleInfo) {}

  private find<T>(pick: (s: ModuleScope) => Map<string, T>, name: string): T | undefined {
    const own = pick(this).get(name);
    if (own !== undefined) return own;
    for (const imp of this.imports) {
      const found = pick(imp).get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  kind(name: string): KindSymbol | undefined {
    return this.find((s) => s.kinds, name);
  }

  domain(name: string): DomainSymbol | undefined {
    return this.find((s) => s.domains, name);
  }

  struct(name: string): StructSymbol | undefined {
    return this.find((s) => s.structs, name);
  }

  global(name: string): VarSymbol | undefined {
    return this.find((s) => s.globals, name);
  }

  /** A kind-declared type of that name in any visible kind (user types are identified by name). */
  kindType(name: string): KindTypeEntry | undefined {
    for (const s of [this, ...this.imports]) {
      for (const k of s.kinds.values()) {
        const t = k.types.get(name);
        if (t) return t;
      }
    }
    return undefined;
  }

  /** Every visible procedure (plain or template) with that name. */
  procedures(name: string): ProcSymbol[] {
    let list = this.procCache.get(name);
    if (!list) {
      list = [...(this.procs.get(name) ?? [])];
      for (const imp of this.imports) list.push(...(imp.procs.get(name) ?? []));
      this.procCache.set(name, list);
    }
    return list;
  }

  /** Every visible definition of an operator. */
  operatorDefs(op: ast.OperatorSymbol): ProcSymbol[] {
    let list = this.operatorCache.get(op);
    if (!list) {
      list = [...(this.operators.get(op) ?? [])];
      for (const imp of this.imports) list.push(...(imp.operators.get(op) ?? []));
      this.operatorCache.set(op, list);
    }
    return list;
  }

  /** Every visible cast definition. */
  castDefs(): ProcSymbol[] {
    if (!this.castCache) {
      this.castCache = [...this.casts];
      for (const imp of this.imports) this.castCache.push(...imp.casts);
    }
    return this.castCache;
  }
}

export class LocalScope {
  private readonly vars = new Map<string, VarSymbol>();

  constructor(readonly parent: LocalScope | undefined) {}

  /** Declares a variable; returns false when the name is already declared in this very scope. */
  declare(v: VarSymbol): boolean {
    if (this.vars.has(v.name)) return false;
    this.vars.set(v.name, v);
    return true;
  }

  lookup(name: string): VarSymbol | undefined {
    for (let s: LocalScope | undefined = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }
}
