/**
 * One analysis of one document version: the compiler's check of the program the
 * document is the entry of (imports read through the host, so unsaved buffers of
 * other open documents are seen), its module, and lookups the features share
 * (the symbol at a position, whether a file is in the library). Analyses are immutable; the
 * document store keeps the latest one per URI and version.
 *
 * A document that names itself (`module x;`) and has no `main` is checked as a
 * library, so library modules do not show the "missing main" error that
 * `secc check` would report for them; every other diagnostic is the compiler's.
 */
import type { Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { checkProgram, type CheckProgramResult, type CompilerHost } from "../compiler/semantic/index.js";
import type { AnySymbol, CheckedProgram, ModuleInfo } from "../compiler/semantic/index.js";
import { SourceFile } from "../compiler/source/source-file.js";
import type * as A from "../compiler/syntax/ast.js";
import { parseModule } from "../compiler/syntax/index.js";
import { nodesAt } from "./positions.js";

export interface AnalysisOptions {
  readonly host: CompilerHost;
  readonly includePaths: readonly string[];
  readonly stdlibPath: string | undefined;
}

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  readonly file: SourceFile;
  readonly program: CheckedProgram;
  readonly diagnostics: readonly Diagnostic[];
  /** The document's own module. */
  readonly module: ModuleInfo;
  readonly options: AnalysisOptions;
}

function declaresMain(m: A.Module): boolean {
  return m.decls.some((d) => d.kind === "ProcDecl" && d.name.name === "main");
}

/** Checks the program whose entry is the document. */
export function analyze(uri: string, version: number, path: string, text: string, options: AnalysisOptions): Analysis {
  const file = new SourceFile(path, text);
  const tree = parseModule(file).module;
  const library = tree.name !== undefined && !declaresMain(tree);
  const result: CheckProgramResult = checkProgram(file, { host: options.host, includePaths: options.includePaths, stdlibPath: options.stdlibPath, library });
  const module = result.program.entry as ModuleInfo;
  return { uri, version, file, program: result.program, diagnostics: result.diagnostics, module, options };
}

/** Whether a file belongs to the built-in library (read-only for rename). */
export function isLibraryFile(analysis: Analysis, path: string): boolean {
  const lib = analysis.options.stdlibPath;
  return lib !== undefined && path.startsWith(lib.endsWith("/") ? lib : `${lib}/`);
}

/**
 * What the innermost node of a chain names or declares. A bare identifier (a
 * declaration's name, a callee, a name inside a type) is looked up through its
 * parent too.
 */
export function symbolOfChain(analysis: Analysis, chain: readonly A.Node[]): { symbol: AnySymbol; node: A.Node } | undefined {
  const { references, declarations } = analysis.program.tables;
  const node = chain[chain.length - 1];
  if (node === undefined) return undefined;
  const own = references.get(node) ?? declarations.get(node);
  if (own) return { symbol: own, node };
  const parent = chain[chain.length - 2];
  if (node.kind !== "Identifier" || parent === undefined) return undefined;
  const viaParent = references.get(parent) ?? declarations.get(parent);
  return viaParent ? { symbol: viaParent, node } : undefined;
}

/** The symbol at an offset of the document, with the node under the cursor. */
export function symbolAt(analysis: Analysis, offset: number): { symbol: AnySymbol; node: A.Node; chain: A.Node[] } | undefined {
  const chain = nodesAt(analysis.module.ast, offset);
  const found = symbolOfChain(analysis, chain);
  return found ? { ...found, chain } : undefined;
}
