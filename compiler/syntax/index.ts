/**
 * Public surface of the syntax phase: `parseModule` (source file → AST and syntax
 * diagnostics, never throws on bad input) and `parseExpression` (one expression,
 * for tests and tools), plus the AST types, tree walking and the printer.
 */
import type { Expr, Module } from "./ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import { diagnosticOf } from "./errors.js";
import { lex, type LexResult } from "./lexer.js";
import { Syntax } from "../diagnostics/messages/syntax.js";
import { UnterminatedString } from "./tokens.js";
import type { IToken } from "chevrotain";
import { fastLex, type FastTokens } from "./fast-lexer.js";
import { fastParseModule } from "./fast-parser.js";
import { parseExpressionTokens, parseTokens, type ParseRun } from "./parser.js";

export type * from "./ast.js";
export { lex } from "./lexer.js";
export { keywords, primitiveTypeNames } from "./tokens.js";
export { visitorKeys, forEachChild, walk } from "./walk.js";
export { printModule, printExpr } from "./print.js";

/**
 * All diagnostics of a run, by position. Parser errors that are consequences of a
 * lexical error are dropped: an error right after an unterminated string (which
 * swallowed the rest of its line) or at the first token after an invalid character.
 */
function collect<T>(file: SourceFile, lexed: LexResult, run: ParseRun<T>): Diagnostic[] {
  const afterInvalid = new Set<number>();
  let k = 0;
  for (const d of lexed.diagnostics) {
    if (d.code !== Syntax.invalidCharacter.code || d.span === undefined) continue;
    while (k < lexed.tokens.length && (lexed.tokens[k] as IToken).startOffset < d.span.end) k++;
    if (k < lexed.tokens.length) afterInvalid.add((lexed.tokens[k] as IToken).startOffset);
  }
  const parserErrors = run.errors
    .filter((e) => (e as { previousToken?: IToken }).previousToken?.tokenType !== UnterminatedString && !afterInvalid.has(e.token.startOffset))
    .map((e) => diagnosticOf(e, file));
  const all = [...lexed.diagnostics, ...parserErrors, ...run.extra];
  return all
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.span?.start ?? 0) - (b.d.span?.start ?? 0) || a.i - b.i)
    .map((x) => x.d);
}

export interface ParseOptions {
  /**
   * Parse procedure bodies on first use (fast path only): for the built-in library,
   * whose modules are known to parse, a program pays only for the bodies it uses.
   * A body is then checked for syntax only when it is read.
   */
  readonly lazyBodies?: boolean;
}

/**
 * Parses a module. Diagnostics (SC1xxx) are sorted by position; the tree is always
 * complete. A module without syntax errors takes the fast path (fast-lexer.ts,
 * fast-parser.ts); any other goes through the chevrotain parser, which recovers and
 * reports. Both build the same tree.
 */
export function parseModule(file: SourceFile, options: ParseOptions = {}): { module: Module; diagnostics: Diagnostic[] } {
  const tokens = fastLex(file.text);
  const fast = tokens === undefined ? undefined : fastParseModule(file, tokens, options.lazyBodies === true);
  if (fast !== undefined) return { module: { ...fast, comments: (tokens as FastTokens).comments }, diagnostics: [] };
  return parseModuleWithRecovery(file);
}

/** Parses a module with the chevrotain parser only (error recovery; what `parseModule` falls back to). */
export function parseModuleWithRecovery(file: SourceFile): { module: Module; diagnostics: Diagnostic[] } {
  const lexed = lex(file);
  const run = parseTokens(file, lexed.tokens);
  return { module: { ...run.result, comments: lexed.comments }, diagnostics: collect(file, lexed, run) };
}

/** Parses `file` as a single expression (used by tests and editor tools). */
export function parseExpression(file: SourceFile): { expr: Expr; diagnostics: Diagnostic[] } {
  const lexed = lex(file);
  const run = parseExpressionTokens(file, lexed.tokens);
  return { expr: run.result, diagnostics: collect(file, lexed, run) };
}
