/**
 * Document symbols (the outline: imports, domains, kinds with their types,
 * structs with their fields, global variables, procedures, operator and cast
 * definitions) and workspace symbols (the top-level declarations of every module
 * loaded by an open document, filtered by the query).
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from "vscode-languageserver/node";
import type { ModuleInfo } from "../../compiler/semantic/index.js";
import type * as A from "../../compiler/syntax/ast.js";
import type { Analysis } from "../analysis.js";
import { pathToUri, rangeOf } from "../positions.js";
import { procSignature } from "./describe.js";

function symbol(m: ModuleInfo, name: string, kind: SymbolKind, node: A.Node, nameNode: A.Node, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  return {
    name,
    kind,
    range: rangeOf(m.file, node),
    selectionRange: rangeOf(m.file, nameNode),
    ...(detail !== undefined ? { detail } : {}),
    ...(children !== undefined ? { children } : {}),
  };
}

function procName(d: A.ProcDecl): string {
  return d.form === "operator" ? `operator ${d.operator?.symbol ?? ""}` : d.form === "cast" ? "cast" : d.name.name;
}

function declSymbols(m: ModuleInfo, d: A.TopDecl): DocumentSymbol[] {
  switch (d.kind) {
    case "ProcDecl":
      return [symbol(m, procName(d), d.form === "procedure" ? SymbolKind.Function : SymbolKind.Operator, d, d.name, procSignature(m, d))];
    case "StructDecl":
      return [symbol(m, d.name.name, SymbolKind.Struct, d, d.name, undefined, d.fields.map((f) => symbol(m, f.name.name, SymbolKind.Field, f, f.name)))];
    case "KindDecl":
      return [symbol(m, d.name.name, SymbolKind.Namespace, d, d.name, "kind", d.types.map((t) => symbol(m, t.name.name, SymbolKind.TypeParameter, t, t.name)))];
    case "DomainDecl":
      return [symbol(m, d.name.name, SymbolKind.Namespace, d, d.name, `domain of kind ${d.kindName.name}`)];
    case "VarDecl":
      return d.declarators.map((x) => symbol(m, x.name.name, SymbolKind.Variable, x, x.name, m.file.text.slice(d.type.start, d.type.end)));
    case "ErrorDecl":
      return [];
    default: {
      const never: never = d;
      return never;
    }
  }
}

/** The outline of the document. */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const m = analysis.module;
  const imports = m.ast.imports.map((i) => symbol(m, i.name.name, SymbolKind.Module, i, i.name, "import"));
  return [...imports, ...m.ast.decls.flatMap((d) => declSymbols(m, d))];
}

/** Top-level declarations matching `query` (case-insensitive substring) in every module of the analyses. */
export function workspaceSymbols(analyses: readonly Analysis[], query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const seen = new Set<string>();
  const out: SymbolInformation[] = [];
  for (const a of analyses) {
    for (const m of a.program.modules) {
      if (seen.has(m.file.path)) continue;
      seen.add(m.file.path);
      for (const d of m.ast.decls) {
        for (const s of declSymbols(m, d)) {
          if (!s.name.toLowerCase().includes(q)) continue;
          out.push({ name: s.name, kind: s.kind, location: { uri: pathToUri(m.file.path), range: s.range }, containerName: m.name });
        }
      }
    }
  }
  return out;
}
