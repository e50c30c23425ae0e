/**
 * Two small navigation aids from the tree: selection ranges (expand selection
 * walks out through the enclosing nodes: name, expression, statement, block,
 * procedure) and document links (each `import x;` links to the module's file).
 */
import type { DocumentLink, Position, SelectionRange } from "vscode-languageserver/node";
import type { Analysis } from "../analysis.js";
import { nodesAt, offsetAt, pathToUri, rangeOf } from "../positions.js";

/** One selection range chain per position, innermost first. */
export function selectionRanges(analysis: Analysis, positions: readonly Position[]): SelectionRange[] {
  return positions.map((p) => {
    const chain = nodesAt(analysis.module.ast, offsetAt(analysis.file, p));
    let range: SelectionRange | undefined;
    let last = "";
    for (const node of chain) {
      const r = rangeOf(analysis.file, node);
      const key = `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
      if (key === last) continue;
      last = key;
      range = range === undefined ? { range: r } : { range: r, parent: range };
    }
    return range ?? { range: { start: p, end: p } };
  });
}

/** Links from the module names of imports to their files. */
export function documentLinks(analysis: Analysis): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const imp of analysis.module.ast.imports) {
    const target = analysis.module.imports.find((m) => m.name === imp.name.name);
    if (target) links.push({ range: rangeOf(analysis.file, imp.name), target: pathToUri(target.file.path) });
  }
  return links;
}
