/**
 * Go to definition: from a use of a name (variable, procedure or overload
 * chosen by the checker, operator use, struct, domain, kind, template parameter)
 * to its declaration, in this file, an imported module or the standard library;
 * from `import x;` to the module's file.
 */
import type { Location, Position } from "vscode-languageserver/node";
import type { AnySymbol } from "../../compiler/semantic/index.js";
import type * as A from "../../compiler/syntax/ast.js";
import { symbolOfChain, type Analysis } from "../analysis.js";
import { nodesAt, offsetAt, pathToUri, rangeOf } from "../positions.js";
import { moduleOfSymbol } from "./describe.js";

/** The node to point at for a symbol: its name. */
export function declarationNameOf(symbol: AnySymbol): { start: number; end: number } {
  switch (symbol.kind) {
    case "var":
      return symbol.decl.name;
    case "proc":
      return symbol.decl.name;
    case "domain":
    case "kind":
    case "struct":
      return symbol.decl.name;
    case "quantifier":
      return symbol.decl.name;
    default: {
      const never: never = symbol;
      return never;
    }
  }
}

/** Where a symbol is declared (quantifiers: in the analysed document's program, found by tree). */
export function locationOf(analysis: Analysis, symbol: AnySymbol): Location | undefined {
  const module = moduleOfSymbol(symbol) ?? analysis.program.modules.find((m) => containsNode(m.ast, symbol.decl));
  if (module === undefined) return undefined;
  return { uri: pathToUri(module.file.path), range: rangeOf(module.file, declarationNameOf(symbol)) };
}

function containsNode(tree: A.Module, node: A.Node): boolean {
  const chain = nodesAt(tree, node.start);
  return chain.includes(node);
}

/** The definition at a position, or null. */
export function definition(analysis: Analysis, position: Position): Location | null {
  const offset = offsetAt(analysis.file, position);
  const chain = nodesAt(analysis.module.ast, offset);
  const imp = chain.find((n): n is A.ImportDecl => n.kind === "Import");
  if (imp) {
    const target = analysis.module.imports.find((m) => m.name === imp.name.name);
    return target ? { uri: pathToUri(target.file.path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : null;
  }
  const found = symbolOfChain(analysis, chain);
  return found ? (locationOf(analysis, found.symbol) ?? null) : null;
}
