/**
 * Code actions (quick fixes) for diagnostics in the requested range:
 * - the machine-applicable fixes the compiler attached to its diagnostic;
 * - for an unknown name (SC2001, SC2002) that a standard library module
 *   declares and the document does not import: "import that module".
 * A fix that would insert `declassify` is never offered: revealing a secret is
 * the programmer's decision, not an edit to apply automatically.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range } from "vscode-languageserver/node";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { SourceFile } from "../../compiler/source/source-file.js";
import { parseModule } from "../../compiler/syntax/index.js";
import type { Analysis } from "../analysis.js";
import { positionAt, rangeOf } from "../positions.js";

const libraryNames = new Map<string, Map<string, string[]>>();

/** Library modules, `stdlib` (the public base library) first, then by name. */
function libraryFiles(stdlibPath: string): string[] {
  const files = readdirSync(stdlibPath).filter((x) => x.endsWith(".sc")).sort();
  return [...files.filter((f) => f === "stdlib.sc"), ...files.filter((f) => f !== "stdlib.sc")];
}

/** The library modules declaring each top-level name, read once per library. */
function namesInLibrary(stdlibPath: string): Map<string, string[]> {
  let names = libraryNames.get(stdlibPath);
  if (names) return names;
  names = new Map();
  for (const f of libraryFiles(stdlibPath)) {
    const moduleName = f.slice(0, -3);
    const { module } = parseModule(new SourceFile(join(stdlibPath, f), readFileSync(join(stdlibPath, f), "utf8")));
    for (const d of module.decls) {
      const declared = d.kind === "VarDecl" ? d.declarators.map((x) => x.name.name) : d.kind === "ErrorDecl" ? [] : [d.name.name];
      for (const n of declared) {
        const modules = names.get(n) ?? [];
        if (!modules.includes(moduleName)) modules.push(moduleName);
        names.set(n, modules);
      }
    }
  }
  libraryNames.set(stdlibPath, names);
  return names;
}

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

function compilerFixes(analysis: Analysis, d: Diagnostic, lsp: LspDiagnostic): CodeAction[] {
  return d.fixes
    .filter((f) => !f.edits.some((e) => /\bdeclassify\b/.test(e.newText)))
    .map((f) => ({
      title: f.message,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      edit: { changes: { [analysis.uri]: f.edits.map((e) => ({ range: rangeOf(analysis.file, e.span), newText: e.newText })) } },
    }));
}

function importFix(analysis: Analysis, d: Diagnostic, lsp: LspDiagnostic): CodeAction[] {
  const lib = analysis.options.stdlibPath;
  if (lib === undefined || (d.code !== "SC2001" && d.code !== "SC2002")) return [];
  const name = /`([A-Za-z_][A-Za-z0-9_]*)`/.exec(d.message)?.[1];
  const ast = analysis.module.ast;
  const modules = (name === undefined ? undefined : namesInLibrary(lib).get(name)) ?? [];
  const missing = modules.filter((m) => !ast.imports.some((i) => i.name.name === m));
  const last = ast.imports[ast.imports.length - 1];
  const at = last ? positionAt(analysis.file, last.end) : ast.name ? positionAt(analysis.file, ast.name.end + 1) : { line: 0, character: 0 };
  return missing.map((moduleName, i) => ({
    title: `Import ${moduleName} (declares \`${name}\`)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [lsp],
    isPreferred: i === 0,
    edit: { changes: { [analysis.uri]: [{ range: { start: at, end: at }, newText: last || ast.name ? `\nimport ${moduleName};` : `import ${moduleName};\n` }] } },
  }));
}

/** The quick fixes for the editor's diagnostics in the requested range. */
export function codeActions(analysis: Analysis, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const lsp of diagnostics) {
    const d = analysis.diagnostics.find(
      (x) => x.code === lsp.code && x.span !== undefined && x.span.file.path === analysis.file.path && sameRange(rangeOf(analysis.file, x.span), lsp.range),
    );
    if (d) out.push(...compilerFixes(analysis, d, lsp), ...importFix(analysis, d, lsp));
  }
  return out;
}
