/**
 * Folding ranges: blocks, kind and struct bodies, multi-line block comments,
 * runs of line comments and runs of imports.
 */
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver/node";
import type * as A from "../../compiler/syntax/ast.js";
import { walk } from "../../compiler/syntax/walk.js";
import type { Analysis } from "../analysis.js";

/** The folding ranges of the document. */
export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const file = analysis.file;
  const line = (offset: number): number => file.lineIndexOf(offset);
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind): void => {
    const s = line(start);
    const e = line(end);
    if (e > s) out.push(kind ? { startLine: s, endLine: e, kind } : { startLine: s, endLine: e - 1 });
  };
  walk(analysis.module.ast, (n: A.Node) => {
    if (n.kind === "Block" || n.kind === "KindDecl" || n.kind === "StructDecl") add(n.start, n.end);
  });
  let run: A.Comment[] = [];
  const flush = (): void => {
    if (run.length > 1) add((run[0] as A.Comment).start, (run[run.length - 1] as A.Comment).start, FoldingRangeKind.Comment);
    run = [];
  };
  for (const c of analysis.module.ast.comments) {
    if (c.kind === "BlockComment") {
      flush();
      add(c.start, c.end, FoldingRangeKind.Comment);
      continue;
    }
    const previous = run[run.length - 1];
    if (previous && line(c.start) !== line(previous.start) + 1) flush();
    run.push(c);
  }
  flush();
  const imports = analysis.module.ast.imports;
  if (imports.length > 1) add((imports[0] as A.ImportDecl).start, (imports[imports.length - 1] as A.ImportDecl).start, FoldingRangeKind.Imports);
  return out;
}
