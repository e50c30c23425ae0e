/**
 * The program-wide state of one check: module scopes, the diagnostic sink (a stack,
 * so a template instantiation can collect its body's diagnostics and report them at
 * the call site), the side tables for the language server, and the lists that make
 * up the CheckedProgram (instances in check order, struct instances, globals).
 *
 * Everything per procedure body lives in BodyContext (context.ts) instead.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "../source/span.js";
import type * as ast from "../syntax/ast.js";
import type { BoundGlobal } from "./bound.js";
import { LazySideTables } from "./tables.js";
import type { ModuleScope } from "./scopes.js";
import type {
  AnySymbol,
  DomainSymbol,
  KindSymbol,
  ModuleInfo,
  ProcInstance,
  StructInstance,
} from "./symbols.js";

/** How deeply template instantiations may nest before we give up (runaway recursion). */
export const MAX_INSTANTIATION_DEPTH = 64;

export class Checker {
  readonly scopes = new Map<ModuleInfo, ModuleScope>();
  readonly kinds: KindSymbol[] = [];
  readonly domains: DomainSymbol[] = [];
  readonly structInstances: StructInstance[] = [];
  readonly instances: ProcInstance[] = [];
  readonly globals: BoundGlobal[] = [];
  readonly tables = new LazySideTables(this.instances, this.globals);
  /** Current nesting of template instantiations. */
  depth = 0;
  private sinks: Diagnostic[][];

  constructor(readonly diagnostics: Diagnostic[]) {
    this.sinks = [diagnostics];
  }

  report(d: Diagnostic): void {
    (this.sinks[this.sinks.length - 1] as Diagnostic[]).push(d);
  }

  /** Runs `fn` collecting its diagnostics separately instead of reporting them. */
  collect<T>(fn: () => T): { result: T; diagnostics: Diagnostic[] } {
    const sink: Diagnostic[] = [];
    this.sinks.push(sink);
    try {
      return { result: fn(), diagnostics: sink };
    } finally {
      this.sinks.pop();
    }
  }

  scopeOf(module: ModuleInfo): ModuleScope {
    return this.scopes.get(module) as ModuleScope;
  }

  /** Records what a name outside bound trees refers to (types, kinds, domains); bodies are indexed lazily. */
  recordReference(n: ast.Node, s: AnySymbol): void {
    this.tables.addReference(n, s);
  }

  /** Records the symbol of a top-level declaration or template parameter. */
  recordDeclaration(n: ast.Node, s: AnySymbol): void {
    this.tables.addDeclaration(n, s);
  }
}

/** The span of `node` in `module`'s file. */
export function spanIn(module: ModuleInfo, node: { start: number; end: number }): Span {
  return { file: module.file, start: node.start, end: node.end };
}
