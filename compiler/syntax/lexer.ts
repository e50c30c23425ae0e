/**
 * The SecreC lexer: source text → chevrotain tokens, comment nodes and lexical
 * diagnostics (invalid characters, unterminated strings and block comments).
 *
 * One chevrotain Lexer instance lives at module level. Positions are offsets only
 * (`positionTracking: "onlyOffset"`); lines and columns come lazily from the
 * SourceFile's line table. Unterminated strings still reach the parser as string
 * tokens (so one missing quote gives one error, not a cascade); literal values and
 * their errors are the parser's business (literals.ts).
 */
import { Lexer, type IToken } from "chevrotain";
import type { Comment } from "./ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Syntax } from "../diagnostics/messages/syntax.js";
import type { SourceFile } from "../source/source-file.js";
import { allTokens, BlockComment, UnterminatedBlockComment, UnterminatedString } from "./tokens.js";

/**
 * chevrotain's definition checks run under the test runner (vitest sets VITEST) or
 * with SECC_VALIDATE_GRAMMAR=1; shipped programs skip them (they cost start-up time).
 */
const validate = process.env.VITEST !== undefined || process.env.SECC_VALIDATE_GRAMMAR === "1";

let instance: Lexer | undefined;

/** The one lexer, built on first use (its construction analyses every token pattern). */
function theLexer(): Lexer {
  instance ??= new Lexer(allTokens, {
    positionTracking: "onlyOffset",
    ensureOptimizations: true,
    skipValidations: !validate,
  });
  return instance;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly diagnostics: Diagnostic[];
}

/** Describes characters for a message: `'#'`, or `U+0007` for invisible ones. */
function describeChars(text: string): string {
  const shown = [...text].slice(0, 8).map((c) => {
    const code = c.codePointAt(0) as number;
    return code < 32 || code === 127 || (code >= 0x80 && code <= 0xa0) || code === 0xfeff
      ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}`
      : c;
  });
  return `'${shown.join("")}'`;
}

/** Tokenises a file. Never throws on bad input. */
export function lex(file: SourceFile): LexResult {
  const result = theLexer().tokenize(file.text);
  const diagnostics: Diagnostic[] = [];
  for (const e of result.errors) {
    const start = e.offset;
    const end = start + e.length;
    diagnostics.push(Syntax.invalidCharacter.at({ file, start, end }, describeChars(file.text.slice(start, end))));
  }
  for (const t of result.tokens) {
    if (t.tokenType === UnterminatedString) {
      diagnostics.push(Syntax.unterminatedString.at({ file, start: t.startOffset, end: t.startOffset + t.image.length }));
    }
  }
  const comments: Comment[] = [];
  for (const t of result.groups.comments ?? []) {
    const start = t.startOffset;
    const end = t.startOffset + t.image.length;
    if (t.tokenType === UnterminatedBlockComment) {
      diagnostics.push(Syntax.unterminatedComment.at({ file, start, end: start + 2 }));
    }
    const kind = t.tokenType === BlockComment || t.tokenType === UnterminatedBlockComment ? "BlockComment" : "LineComment";
    comments.push({ kind, text: t.image, start, end });
  }
  diagnostics.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return { tokens: result.tokens, comments, diagnostics };
}
