/**
 * The semantic phase's entry point: `checkProgram(entry, options)` loads the entry
 * module and its imports through the host, resolves names across modules, type-checks
 * everything (secrec-reference.md §2–§6 with the changes of language.md) and returns
 * the CheckedProgram (bound.ts) together with every diagnostic, syntax ones
 * included, in report order. It never throws on bad input.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Io } from "../diagnostics/messages/io.js";
import { Names } from "../diagnostics/messages/names.js";
import type { SourceFile } from "../source/source-file.js";
import { spanIn, Checker } from "./checker.js";
import type { CheckedProgram } from "./bound.js";
import {
  checkGlobalInits,
  checkInstanceBody,
  collectModule,
  declareGlobals,
  linkModule,
  resolveSignatures,
} from "./check-decl.js";
import { loadProgram, type CompilerHost } from "./modules.js";
import type { ModuleInfo, ProcInstance } from "./symbols.js";

export type { CompilerHost } from "./modules.js";
export type * from "./bound.js";
export type * from "./symbols.js";
export type * from "./types.js";
export type { Binding, Quantifier } from "./patterns.js";

export interface CheckOptions {
  readonly host: CompilerHost;
  /** `-I` directories. */
  readonly includePaths?: readonly string[];
  /** The built-in library directory (stdlib/); omit for `--no-stdlib`. */
  readonly stdlibPath?: string | undefined;
  /** Check a library module: do not require `void main()`. */
  readonly library?: boolean;
}

export interface CheckProgramResult {
  readonly program: CheckedProgram;
  readonly diagnostics: readonly Diagnostic[];
}

/** Loads, resolves and type-checks a program. */
export function checkProgram(entry: SourceFile, options: CheckOptions): CheckProgramResult {
  const loaded = loadProgram(entry, {
    host: options.host,
    includePaths: options.includePaths ?? [],
    stdlibPath: options.stdlibPath,
  });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const ck = new Checker(diagnostics);
  const modules = loaded.modules;
  let main: ProcInstance | undefined;
  try {
    for (const m of modules) collectModule(ck, m);
    for (const m of modules) linkModule(ck, m);
    for (const m of modules) resolveSignatures(ck, m);
    const globals = modules.map((m) => ({ m, decls: declareGlobals(ck, m) }));
    for (const { m, decls } of globals) checkGlobalInits(ck, m, decls);
    for (const m of modules) checkPlainBodies(ck, m);
    main = options.library ? undefined : findMain(ck, loaded.entry);
  } catch (err) {
    // a checker bug must not take the caller down: report it and return what we have
    diagnostics.push(Io.internal.at(undefined, `type checker: ${err instanceof Error ? err.message : String(err)}`));
  }
  const program: CheckedProgram = {
    modules,
    entry: loaded.entry,
    kinds: ck.kinds,
    domains: ck.domains,
    structs: ck.structInstances,
    globals: ck.globals,
    instances: ck.instances,
    main,
    tables: ck.tables,
  };
  return { program, diagnostics };
}

/** Checks the bodies of a module's non-template procedures; a library module's are checked on first use. */
function checkPlainBodies(ck: Checker, m: ModuleInfo): void {
  if (m.library) return;
  const scope = ck.scopeOf(m);
  const all = [...[...scope.procs.values()].flat(), ...[...scope.operators.values()].flat(), ...scope.casts];
  all.sort((a, b) => a.decl.start - b.decl.start);
  for (const p of all) {
    const inst = p.instances.get("");
    if (p.quantifiers.length === 0 && inst && inst.state === "pending") checkInstanceBody(ck, inst);
  }
}

function findMain(ck: Checker, entry: ModuleInfo): ProcInstance | undefined {
  const mains = ck.scopeOf(entry).procs.get("main") ?? [];
  if (mains.length === 0) {
    const at = entry.ast.decls[0] ?? entry.ast;
    ck.report(Names.missingMain.at(spanIn(entry, { start: at.start, end: at.start })));
    return undefined;
  }
  for (const extra of mains.slice(1)) ck.report(Names.multipleMain.at(spanIn(entry, extra.decl.name)));
  const main = mains[0]!;
  const inst = main.instances.get("");
  const ok = main.quantifiers.length === 0 && main.decl.params.length === 0 && main.decl.returnType.kind === "VoidType";
  if (!ok) {
    ck.report(Names.badMain.at(spanIn(entry, main.decl.name)));
    return undefined;
  }
  return mains.length === 1 ? inst : undefined;
}
