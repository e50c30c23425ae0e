/**
 * The fast lexer: a hand-written scanner for source text without lexical errors,
 * used by the fast parse path (fast-parser.ts). It yields exactly the tokens and
 * comments of the chevrotain lexer (lexer.ts, whose token definitions in tokens.ts
 * remain the specification), as parallel arrays of token types and offsets, or
 * `undefined` as soon as it meets anything the chevrotain lexer would report (an
 * invalid character, an unterminated string or block comment). The caller then
 * falls back to the chevrotain lexer and parser, which produce the diagnostics.
 *
 * Rules mirrored from tokens.ts (chevrotain takes the first pattern that matches, in
 * the order of `allTokens`): a word is a keyword only when the whole word is one
 * (`longer_alt: Identifier`); numbers are greedy (`FloatLiteral` needs a '.' or an
 * exponent after the leading digits, then takes any identifier characters);
 * punctuation takes the longest operator listed first (`<<=` is `<<` then `=`).
 */
import type { TokenType } from "chevrotain";
import type { Comment } from "./ast.js";
import * as T from "./tokens.js";

/** Tokens as parallel arrays; `types[count]` is chevrotain's EOF-like end marker (`undefined`). */
export interface FastTokens {
  readonly types: TokenType[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
  readonly comments: Comment[];
}

const floatTail = /[0-9]+(?:\.[0-9]*(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)[A-Za-z0-9_]*/y;
const terminatedString = /"(?:[^"\\\r\n]|\\[^\r\n])*"/y;

/** Single-character punctuation by character code (the two-character forms are checked first). */
const single: (TokenType | undefined)[] = [];
for (const [c, t] of [
  ["<", T.Less], [">", T.Greater], ["=", T.Assign], ["+", T.Plus], ["-", T.Minus], ["*", T.Star],
  ["/", T.Slash], ["%", T.Percent], ["&", T.Amp], ["|", T.Pipe], ["^", T.Caret], ["!", T.Bang],
  ["~", T.Tilde], ["?", T.Question], [":", T.Colon], [",", T.Comma], [";", T.Semicolon], [".", T.Dot],
  ["(", T.LParen], [")", T.RParen], ["[", T.LBracket], ["]", T.RBracket], ["{", T.LBrace],
  ["}", T.RBrace], ["@", T.At],
] as Array<[string, TokenType]>) {
  single[c.charCodeAt(0)] = t;
}

/** Two-character punctuation: first character → (second character → type), in tokens.ts order. */
const double: (Map<number, TokenType> | undefined)[] = [];
for (const [s, t] of [
  ["<<", T.ShiftLeft], [">>", T.ShiftRight], ["<=", T.LessEq], [">=", T.GreaterEq], ["==", T.EqEq],
  ["!=", T.NotEq], ["&&", T.AndAnd], ["||", T.OrOr], ["++", T.PlusPlus], ["--", T.MinusMinus],
  ["+=", T.PlusAssign], ["-=", T.MinusAssign], ["*=", T.StarAssign], ["/=", T.SlashAssign],
  ["%=", T.PercentAssign], ["&=", T.AndAssign], ["|=", T.OrAssign], ["^=", T.XorAssign], ["::", T.ColonColon],
] as Array<[string, TokenType]>) {
  const first = s.charCodeAt(0);
  const m = (double[first] ??= new Map());
  if (!m.has(s.charCodeAt(1))) m.set(s.charCodeAt(1), t);
}

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isWordPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whitespace of the `WhiteSpace` token: space, \t, \r, \n, \f, \v and U+FEFF. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xfeff;
}

/** Tokenises `text`, or returns undefined where the chevrotain lexer would report a problem. */
export function fastLex(text: string): FastTokens | undefined {
  const n = text.length;
  let cap = (n >> 2) + 16;
  const types: TokenType[] = [];
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let count = 0;
  const comments: Comment[] = [];
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let type: TokenType | undefined;
    if (isWordStart(c)) {
      i++;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      type = T.Identifier;
      // every keyword starts with a lower-case letter or '_'
      if (c >= 95) type = T.keywordTypes.get(text.slice(start, i)) ?? T.Identifier;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const next = text.charCodeAt(j);
      type = T.IntLiteral;
      if (next === 46 || next === 101 || next === 69) {
        floatTail.lastIndex = i;
        if (floatTail.test(text)) {
          type = T.FloatLiteral;
          i = floatTail.lastIndex;
        }
      }
      if (type === T.IntLiteral) {
        i = j;
        while (i < n && isWordPart(text.charCodeAt(i))) i++;
      }
    } else if (c === 34) {
      terminatedString.lastIndex = i;
      if (!terminatedString.test(text)) return undefined;
      type = T.TerminatedString;
      i = terminatedString.lastIndex;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      i += 2;
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      comments.push({ kind: "LineComment", text: text.slice(start, i), start, end: i });
      continue;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) return undefined;
      i = close + 2;
      comments.push({ kind: "BlockComment", text: text.slice(start, i), start, end: i });
      continue;
    } else {
      type = double[c]?.get(text.charCodeAt(i + 1));
      if (type !== undefined) i += 2;
      else {
        type = single[c];
        if (type === undefined) return undefined;
        i++;
      }
    }
    if (count === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    types.push(type);
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  return { types, starts, ends, count, comments };
}
