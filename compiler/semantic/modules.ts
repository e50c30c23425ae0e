/**
 * Module loading: finds, reads and parses the entry file and, transitively, every
 * module it imports. `import X;` looks for `X.sc` in the importing file's directory,
 * then in each `-I` directory in order, then in the built-in library directory.
 * Files are read only through the `CompilerHost` (the compiler itself touches no
 * file system). A missing module or an import cycle is a diagnostic at the `import`;
 * the rest of the program is still loaded and checked.
 *
 * Out: modules in initialisation order (every module after all of its imports),
 * each parsed once however many modules import it, plus the syntax diagnostics.
 * Modules found in the built-in library directory are library modules: their
 * procedure bodies are parsed (and checked, see semantic/index.ts) on first use.
 */
import * as path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Names } from "../diagnostics/messages/names.js";
import { SourceFile } from "../source/source-file.js";
import { span } from "../source/span.js";
import type * as ast from "../syntax/ast.js";
import { parseModule } from "../syntax/index.js";
import type { ModuleInfo } from "./symbols.js";

/** How the compiler reads files: `undefined` when the file does not exist or cannot be read. */
export interface CompilerHost {
  readFile(filePath: string): string | undefined;
}

export interface LoadOptions {
  readonly host: CompilerHost;
  /** `-I` directories, searched in order after the importing file's directory. */
  readonly includePaths: readonly string[];
  /** The built-in library directory (searched last); undefined disables it (`--no-stdlib`). */
  readonly stdlibPath?: string | undefined;
}

export interface LoadedProgram {
  /** Every loaded module, imports before importers; the entry module is last. */
  readonly modules: ModuleInfo[];
  readonly entry: ModuleInfo;
  readonly diagnostics: Diagnostic[];
}

interface Loader {
  readonly options: LoadOptions;
  readonly byPath: Map<string, ModuleInfo>;
  /** Paths currently being loaded (the import stack), for cycle detection. */
  readonly active: string[];
  readonly order: ModuleInfo[];
  readonly diagnostics: Diagnostic[];
}

/** Loads the entry file (already read) and every module it imports. */
export function loadProgram(entry: SourceFile, options: LoadOptions): LoadedProgram {
  const loader: Loader = { options, byPath: new Map(), active: [], order: [], diagnostics: [] };
  const info = loadFile(loader, entry);
  return { modules: loader.order, entry: info, diagnostics: loader.diagnostics };
}

function moduleNameOf(file: SourceFile, tree: ast.Module): string {
  if (tree.name) return tree.name.name;
  return path.basename(file.path).replace(/\.sc$/, "");
}

/**
 * Trees of files that parsed cleanly, by path, with the text they were parsed from:
 * within one process (the language server, repeated checks) an unchanged library
 * module is not parsed again. Trees are immutable and hold offsets, not files, so
 * sharing one between programs is safe; a file with syntax diagnostics is never kept
 * (its diagnostics point at the SourceFile they came from). One entry per path.
 */
const cleanParses = new Map<string, { readonly text: string; readonly module: ast.Module }>();

function parseCached(file: SourceFile, library: boolean): { module: ast.Module; diagnostics: Diagnostic[] } {
  // a library tree has unparsed bodies: never hand it out for the same file as an entry
  const key = `${library ? "lib:" : ""}${path.normalize(file.path)}`;
  const hit = cleanParses.get(key);
  if (hit !== undefined && hit.text === file.text) return { module: hit.module, diagnostics: [] };
  const parsed = parseModule(file, { lazyBodies: library });
  if (parsed.diagnostics.length === 0) cleanParses.set(key, { text: file.text, module: parsed.module });
  else cleanParses.delete(key);
  return parsed;
}

function loadFile(loader: Loader, file: SourceFile, library = false): ModuleInfo {
  const key = path.normalize(file.path);
  const parsed = parseCached(file, library);
  loader.diagnostics.push(...parsed.diagnostics);
  const info: ModuleInfo = { name: moduleNameOf(file, parsed.module), file, ast: parsed.module, imports: [], order: -1, library };
  loader.byPath.set(key, info);
  loader.active.push(key);
  for (const imp of parsed.module.imports) {
    const target = resolveImport(loader, info, imp);
    if (target && !info.imports.includes(target)) info.imports.push(target);
  }
  loader.active.pop();
  info.order = loader.order.length;
  loader.order.push(info);
  return info;
}

function resolveImport(loader: Loader, from: ModuleInfo, imp: ast.ImportDecl): ModuleInfo | undefined {
  const name = imp.name.name;
  const where = span(from.file, imp.name);
  const dirs = [path.dirname(from.file.path), ...loader.options.includePaths];
  if (loader.options.stdlibPath !== undefined) dirs.push(loader.options.stdlibPath);
  for (const dir of dirs) {
    const candidate = path.normalize(path.join(dir, `${name}.sc`));
    const existing = loader.byPath.get(candidate);
    if (existing) {
      const activeAt = loader.active.indexOf(candidate);
      if (activeAt >= 0) {
        reportCycle(loader, where, name, activeAt);
        return undefined;
      }
      return existing;
    }
    const text = loader.options.host.readFile(candidate);
    if (text === undefined) continue;
    return loadFile(loader, new SourceFile(candidate, text), dir === loader.options.stdlibPath);
  }
  loader.diagnostics.push(
    Names.moduleNotFound.with(where, { label: "imported here", notes: [`searched: ${dirs.join(", ") || "(no directories)"}`] }, name),
  );
  return undefined;
}

function reportCycle(loader: Loader, where: ReturnType<typeof span>, name: string, activeAt: number): void {
  const chain = loader.active.slice(activeAt).map((p) => path.basename(p).replace(/\.sc$/, ""));
  if (chain.length === 1) {
    loader.diagnostics.push(Names.importSelf.with(where, { label: "imported here" }, name));
    return;
  }
  chain.push(name);
  loader.diagnostics.push(Names.importCycle.with(where, { label: "this import closes the cycle" }, chain.join(" -> ")));
}
