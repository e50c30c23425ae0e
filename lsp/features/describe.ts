/**
 * Text for symbols, shared by hover, completion and signature help: a one-line
 * SecreC signature of each kind of symbol, its security (public, or the domain
 * and kind of a private value), and the doc comment (`/** ... *\/` or `//` lines)
 * written right above its declaration.
 */
import type { AnySymbol, ModuleInfo, Type } from "../../compiler/semantic/index.js";
import { typeName } from "../../compiler/semantic/types.js";
import type * as A from "../../compiler/syntax/ast.js";

/** The source text of a declaration from its start up to (not including) `end`, on one line. */
function sourceOf(module: ModuleInfo, start: number, end: number): string {
  return module.file.text.slice(start, end).replace(/\s+/g, " ").trim();
}

/** A procedure's header as written: template, return type, name and parameters. */
export function procSignature(module: ModuleInfo, decl: A.ProcDecl): string {
  return sourceOf(module, decl.start, decl.body.start);
}

/** "public" or "private: domain pd_shared3p (kind shared3p)". */
export function securityOf(t: Type): string {
  if (t.sec.tag === "public") return "public";
  const kind = t.sec.domain.kindSym?.name;
  return `private: domain ${t.sec.domain.name}${kind ? ` (kind ${kind})` : ""}`;
}

/** The dimension in words. */
export function dimensionOf(t: Type): string {
  return t.dim === 0 ? "scalar" : t.dim === 1 ? "vector (dimension 1)" : `array of dimension ${t.dim}`;
}

/** The one-line declaration of a symbol. */
export function symbolSignature(symbol: AnySymbol): string {
  switch (symbol.kind) {
    case "var":
      return `${typeName(symbol.type)} ${symbol.name}`;
    case "proc":
      return procSignature(symbol.module, symbol.decl);
    case "domain":
      return `domain ${symbol.name} ${symbol.kindSym?.name ?? symbol.decl.kindName.name}`;
    case "kind":
      return `kind ${symbol.name}`;
    case "struct":
      return sourceOf(symbol.module, symbol.decl.start, symbol.decl.name.end);
    case "quantifier":
      return `${symbol.sort} ${symbol.name}${symbol.restriction ? ` : ${symbol.restriction.name}` : ""}`;
    default: {
      const never: never = symbol;
      return never;
    }
  }
}

/** What kind of thing a symbol is, in words. */
export function symbolRole(symbol: AnySymbol): string {
  switch (symbol.kind) {
    case "var":
      return symbol.storage === "param" ? "parameter" : symbol.storage === "global" ? "global variable" : "local variable";
    case "proc":
      return symbol.form === "procedure" ? (symbol.quantifiers.length > 0 ? "template procedure" : "procedure") : `${symbol.form} definition`;
    case "domain":
      return "protection domain";
    case "kind":
      return "protection domain kind";
    case "struct":
      return "struct";
    case "quantifier":
      return "template parameter";
    default: {
      const never: never = symbol;
      return never;
    }
  }
}

/** The module a symbol is declared in (quantifiers have none of their own). */
export function moduleOfSymbol(symbol: AnySymbol): ModuleInfo | undefined {
  return symbol.kind === "quantifier" ? undefined : symbol.module;
}

/** The declaration node whose start the doc comment precedes. */
function declStart(symbol: AnySymbol): number | undefined {
  switch (symbol.kind) {
    case "proc":
    case "struct":
    case "domain":
    case "kind":
      return symbol.decl.start;
    default:
      return undefined;
  }
}

/** The comment block right above a top-level declaration (blank lines break it). */
export function docComment(symbol: AnySymbol): string | undefined {
  const module = moduleOfSymbol(symbol);
  const start = declStart(symbol);
  if (module === undefined || start === undefined) return undefined;
  const text = module.file.text;
  const parts: string[] = [];
  let cursor = start;
  for (let i = module.ast.comments.length - 1; i >= 0; i--) {
    const c = module.ast.comments[i] as A.Comment;
    if (c.end > cursor) continue;
    if (!/^[ \t]*\r?\n?[ \t]*$/.test(text.slice(c.end, cursor))) break;
    parts.unshift(cleanComment(c));
    cursor = c.start;
  }
  const doc = parts.join("\n").trim();
  return doc === "" || /^-+$/.test(doc) ? undefined : doc;
}

function cleanComment(c: A.Comment): string {
  if (c.kind === "LineComment") return c.text.replace(/^\/\/\s?/, "");
  return c.text
    .replace(/^\/\*\*?/, "")
    .replace(/\*\/$/, "")
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*\*\s?/, "").trimEnd())
    .join("\n");
}
