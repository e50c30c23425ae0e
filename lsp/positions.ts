/**
 * Conversions between the compiler's UTF-16 offsets (SourceFile) and LSP
 * positions and ranges, file paths and URIs, and the lookup of the innermost
 * AST node at an offset. LSP positions are 0-based line and UTF-16 character,
 * the same unit as our offsets, so no re-encoding is needed.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Position, Range } from "vscode-languageserver/node";
import type { SourceFile } from "../compiler/source/source-file.js";
import type * as A from "../compiler/syntax/ast.js";
import { forEachChild } from "../compiler/syntax/walk.js";

export function positionAt(file: SourceFile, offset: number): Position {
  const { line, column } = file.lineColumn(offset);
  return { line: line - 1, character: column - 1 };
}

export function offsetAt(file: SourceFile, position: Position): number {
  return file.offsetAt(position.line, position.character);
}

export function rangeOf(file: SourceFile, node: { start: number; end: number }): Range {
  return { start: positionAt(file, node.start), end: positionAt(file, node.end) };
}

/** The file system path of a `file:` URI; other schemes keep the URI as the path. */
export function uriToPath(uri: string): string {
  return uri.startsWith("file:") ? fileURLToPath(uri) : uri;
}

export function pathToUri(path: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(path) && !/^[A-Za-z]:[\\/]/.test(path) ? path : pathToFileURL(path).href;
}

/**
 * The chain of nodes containing `offset`, outermost first (the module first).
 * A node contains the offsets [start, end] (its end too, so a cursor right after
 * a name is on it).
 */
export function nodesAt(module: A.Module, offset: number): A.Node[] {
  const chain: A.Node[] = [module];
  let current: A.Node = module;
  for (;;) {
    let next: A.Node | undefined;
    forEachChild(current, (child) => {
      if (child.start <= offset && offset <= child.end && child.end > child.start) next = child;
    });
    if (next === undefined) return chain;
    chain.push(next);
    current = next;
  }
}
