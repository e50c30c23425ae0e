/**
 * Rename: every occurrence of a variable, procedure, struct, domain, kind or
 * template parameter across the program's modules. Refused for keywords, for
 * symbols declared in the standard library (its files are read-only), for
 * operator and cast definitions, and for new names that are not identifiers or
 * are reserved words.
 */
import { ResponseError, type Position, type Range, type WorkspaceEdit } from "vscode-languageserver/node";
import { keywords } from "../../compiler/syntax/tokens.js";
import { isLibraryFile, symbolAt, type Analysis } from "../analysis.js";
import { offsetAt, pathToUri, rangeOf } from "../positions.js";
import { moduleOfSymbol } from "./describe.js";
import { nameRangeOf, occurrencesOf } from "./references.js";

/** Why the symbol at the position cannot be renamed, or its range and name. */
function target(analysis: Analysis, position: Position): { range: Range; name: string; symbol: NonNullable<ReturnType<typeof symbolAt>>["symbol"] } | string {
  const found = symbolAt(analysis, offsetAt(analysis.file, position));
  if (!found) return "there is no renamable name here";
  const symbol = found.symbol;
  if (symbol.kind === "proc" && symbol.form !== "procedure") return "operator and cast definitions cannot be renamed";
  const module = moduleOfSymbol(symbol);
  if (module && isLibraryFile(analysis, module.file.path)) return `\`${symbol.name}\` is declared in the standard library, which cannot be renamed`;
  const range = nameRangeOf(found.node);
  if (!range) return "there is no renamable name here";
  return { range: rangeOf(analysis.file, range), name: symbol.name, symbol };
}

/** prepareRename: the range and current name, or an error the editor shows. */
export function prepareRename(analysis: Analysis, position: Position): { range: Range; placeholder: string } {
  const t = target(analysis, position);
  if (typeof t === "string") throw new ResponseError(0, t);
  return { range: t.range, placeholder: t.name };
}

/** The edits renaming the symbol at the position to `newName`. */
export function rename(analysis: Analysis, position: Position, newName: string): WorkspaceEdit {
  const t = target(analysis, position);
  if (typeof t === "string") throw new ResponseError(0, t);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) throw new ResponseError(0, `\`${newName}\` is not an identifier`);
  if (keywords.includes(newName)) throw new ResponseError(0, `\`${newName}\` is a reserved word`);
  const changes: Record<string, { range: Range; newText: string }[]> = {};
  const seen = new Set<string>();
  for (const o of occurrencesOf(analysis, t.symbol)) {
    if (isLibraryFile(analysis, o.module.file.path)) continue;
    const key = `${o.module.file.path}:${o.range.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const uri = pathToUri(o.module.file.path);
    (changes[uri] ??= []).push({ range: rangeOf(o.module.file, o.range), newText: newName });
  }
  return { changes };
}
