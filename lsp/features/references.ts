/**
 * Find references and document highlights: every use the checker resolved to
 * the same symbol (the side tables' `references`), plus its declaration, across
 * all modules of the program. Uses are reported at the name itself (`x`, the
 * callee of a call, the domain or struct name inside a type).
 */
import type { Location, Position } from "vscode-languageserver/node";
import type { AnySymbol, ModuleInfo } from "../../compiler/semantic/index.js";
import type * as A from "../../compiler/syntax/ast.js";
import { walk } from "../../compiler/syntax/walk.js";
import { symbolAt, type Analysis } from "../analysis.js";
import { offsetAt, pathToUri, rangeOf } from "../positions.js";
import { declarationNameOf, locationOf } from "./definition.js";

/** The name part of a referencing node, or undefined for uses without one (operators, casts). */
export function nameRangeOf(node: A.Node): { start: number; end: number } | undefined {
  switch (node.kind) {
    case "Name":
    case "Identifier":
      return node;
    case "DomainSecurity":
    case "NamedType":
    case "DimVar":
      return node.name;
    default:
      return undefined;
  }
}

const owners = new WeakMap<Analysis, Map<A.Node, ModuleInfo>>();

/** Which module each node belongs to (built once per analysis). */
function ownerIndex(analysis: Analysis): Map<A.Node, ModuleInfo> {
  let index = owners.get(analysis);
  if (index === undefined) {
    index = new Map();
    for (const m of analysis.program.modules) walk(m.ast, (n) => void (index as Map<A.Node, ModuleInfo>).set(n, m));
    owners.set(analysis, index);
  }
  return index;
}

export interface Occurrence {
  readonly module: ModuleInfo;
  readonly range: { start: number; end: number };
  readonly declaration: boolean;
}

/** Every occurrence of a symbol in the program: uses, then the declaration. */
export function occurrencesOf(analysis: Analysis, symbol: AnySymbol): Occurrence[] {
  const index = ownerIndex(analysis);
  const out: Occurrence[] = [];
  for (const [node, target] of analysis.program.tables.references) {
    if (target !== symbol) continue;
    const range = nameRangeOf(node);
    const module = index.get(node);
    if (range && module) out.push({ module, range, declaration: false });
  }
  const module = symbol.kind === "quantifier" ? index.get(symbol.decl) : symbol.module;
  if (module) out.push({ module, range: declarationNameOf(symbol), declaration: true });
  return out;
}

/** The references at a position. */
export function references(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] {
  const found = symbolAt(analysis, offsetAt(analysis.file, position));
  if (!found) return [];
  const occurrences = occurrencesOf(analysis, found.symbol).filter((o) => includeDeclaration || !o.declaration);
  const seen = new Set<string>();
  const out: Location[] = [];
  for (const o of occurrences) {
    const key = `${o.module.file.path}:${o.range.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ uri: pathToUri(o.module.file.path), range: rangeOf(o.module.file, o.range) });
  }
  if (out.length === 0 && includeDeclaration) {
    const decl = locationOf(analysis, found.symbol);
    if (decl) out.push(decl);
  }
  return out;
}
