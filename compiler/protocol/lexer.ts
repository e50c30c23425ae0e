/**
 * Tripl lexer: turns source text into tokens with offsets. Comments are `--` to end
 * of line, `//` to end of line and `/* … *\/` blocks; a `--` or `//` comment
 * immediately above a `proto` is kept as its documentation. Bad characters produce a
 * diagnostic and are skipped, so parsing continues.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Protocol } from "../diagnostics/messages/protocol.js";
import type { SourceFile } from "../source/source-file.js";

export type TokenKind = "int" | "ident" | "punct" | "eof";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Line comments directly before this token (documentation). */
  readonly doc: string;
}

const PUNCT = ["->", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+", "-", "*", "/", "%", "&", "|", "^", "~", "!", "<", ">", "=", "@", "(", ")", "{", "}", "[", "]", ",", ":"];

function isIdentStart(c: string): boolean {
  return /[A-Za-z_]/.test(c);
}

function isIdentPart(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c);
}

/** Tokenises `file`; lexical errors go to `diagnostics`. Always ends with an eof token. */
export function lex(file: SourceFile, diagnostics: Diagnostic[]): Token[] {
  const text = file.text;
  const tokens: Token[] = [];
  let i = 0;
  let doc: string[] = [];
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "\n") {
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ((c === "-" && text[i + 1] === "-") || (c === "/" && text[i + 1] === "/")) {
      let j = i;
      while (j < text.length && text[j] !== "\n") j++;
      doc.push(text.slice(i + 2, j).trim());
      i = j;
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) {
        diagnostics.push(Protocol.unterminatedComment.at({ file, start: i, end: i + 2 }));
        i = text.length;
        break;
      }
      i = close + 2;
      continue;
    }
    const start = i;
    const docText = doc.join("\n");
    if (/[0-9]/.test(c)) {
      while (i < text.length && /[0-9_xXa-fA-F]/.test(text[i] as string)) i++;
      tokens.push({ kind: "int", text: text.slice(start, i), start, end: i, doc: docText });
    } else if (isIdentStart(c)) {
      while (i < text.length && isIdentPart(text[i] as string)) i++;
      tokens.push({ kind: "ident", text: text.slice(start, i), start, end: i, doc: docText });
    } else {
      const p = PUNCT.find((q) => text.startsWith(q, i));
      if (p === undefined) {
        diagnostics.push(Protocol.unexpectedChar.at({ file, start: i, end: i + 1 }, c));
        i++;
        continue;
      }
      i += p.length;
      tokens.push({ kind: "punct", text: p, start, end: i, doc: docText });
    }
    doc = [];
  }
  tokens.push({ kind: "eof", text: "", start: text.length, end: text.length, doc: "" });
  return tokens;
}
