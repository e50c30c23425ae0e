/**
 * The plugin's parser: the compiler's own parser (one grammar for compiler,
 * formatter and language server). A program with syntax errors is not formatted:
 * parsing throws a FormatSyntaxError carrying the diagnostics and, for prettier's
 * code frame, the 1-based line and column of the first one.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { SourceFile } from "../source/source-file.js";
import type * as A from "../syntax/ast.js";
import { parseModule } from "../syntax/index.js";
import type { FormatNode } from "./types.js";

export class FormatSyntaxError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly loc: { start: { line: number; column: number } } | undefined;

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0];
    super(first ? `[${first.code}] ${first.message}` : "syntax error");
    this.name = "FormatSyntaxError";
    this.diagnostics = diagnostics;
    this.loc = first?.span ? { start: first.span.file.lineColumn(first.span.start) } : undefined;
  }
}

/** Parses `text` for formatting; throws FormatSyntaxError when it has errors. */
export function parseForFormat(text: string, filepath: string | undefined): A.Module {
  const { module, diagnostics } = parseModule(new SourceFile(filepath ?? "<input>", text));
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new FormatSyntaxError(errors);
  return module;
}

export function locStart(node: FormatNode): number {
  return node.start;
}

export function locEnd(node: FormatNode): number {
  return node.end;
}
