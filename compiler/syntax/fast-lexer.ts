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
import { EOF_KIND, kindOf } from "./token-kinds.js";
import * as T from "./tokens.js";

/**
 * Tokens as parallel arrays of kinds (token-kinds.ts) and offsets, `count` long;
 * `kinds` goes on with LOOKAHEAD_SLACK entries of EOF_KIND.
 */
export interface FastTokens {
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
  readonly comments: Comment[];
}

const floatTail = /[0-9]+(?:\.[0-9]*(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)[A-Za-z0-9_]*/y;
const terminatedString = /"(?:[^"\\\r\n]|\\[^\r\n])*"/y;

/** Single-character punctuation kinds by character code (the two-character forms are checked first); -1 for none. */
const single = new Int16Array(128).fill(-1);
for (const [c, t] of [
  ["<", T.Less], [">", T.Greater], ["=", T.Assign], ["+", T.Plus], ["-", T.Minus], ["*", T.Star],
  ["/", T.Slash], ["%", T.Percent], ["&", T.Amp], ["|", T.Pipe], ["^", T.Caret], ["!", T.Bang],
  ["~", T.Tilde], ["?", T.Question], [":", T.Colon], [",", T.Comma], [";", T.Semicolon], [".", T.Dot],
  ["(", T.LParen], [")", T.RParen], ["[", T.LBracket], ["]", T.RBracket], ["{", T.LBrace],
  ["}", T.RBrace], ["@", T.At],
] as Array<[string, TokenType]>) {
  single[c.charCodeAt(0)] = kindOf(t);
}

/** Two-character punctuation kinds by first and second character (first * 128 + second); -1 for none. */
const double = new Int16Array(128 * 128).fill(-1);
for (const [s, t] of [
  ["<<", T.ShiftLeft], [">>", T.ShiftRight], ["<=", T.LessEq], [">=", T.GreaterEq], ["==", T.EqEq],
  ["!=", T.NotEq], ["&&", T.AndAnd], ["||", T.OrOr], ["++", T.PlusPlus], ["--", T.MinusMinus],
  ["+=", T.PlusAssign], ["-=", T.MinusAssign], ["*=", T.StarAssign], ["/=", T.SlashAssign],
  ["%=", T.PercentAssign], ["&=", T.AndAssign], ["|=", T.OrAssign], ["^=", T.XorAssign], ["::", T.ColonColon],
] as Array<[string, TokenType]>) {
  double[s.charCodeAt(0) * 128 + s.charCodeAt(1)] = kindOf(t);
}

/** Character classes of ASCII characters: what a token starting with one is. */
const SPACE = 1;
const WORD = 2;
const DIGIT = 3;
const charClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c === 32 || (c >= 9 && c <= 13)) charClass[c] = SPACE;
  else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) charClass[c] = WORD;
  else if (c >= 48 && c <= 57) charClass[c] = DIGIT;
}

/** Kinds past the last token, all EOF: the fast parser looks ahead without bounds checks. */
export const LOOKAHEAD_SLACK = 16;

const keywordKinds = new Map([...T.keywordTypes].map(([word, t]) => [word, kindOf(t)]));
const IDENTIFIER = kindOf(T.Identifier);
const INT = kindOf(T.IntLiteral);
const FLOAT = kindOf(T.FloatLiteral);
const STRING = kindOf(T.TerminatedString);


/** Tokenises `text`, or returns undefined where the chevrotain lexer would report a problem. */
export function fastLex(text: string): FastTokens | undefined {
  const n = text.length;
  let cap = (n >> 2) + 16;
  let kinds = new Uint8Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let count = 0;
  const comments: Comment[] = [];
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace of the `WhiteSpace` token: space, \t, \n, \v, \f, \r and U+FEFF
    const cls = c < 128 ? (charClass[c] as number) : c === 0xfeff ? SPACE : 0;
    if (cls === SPACE) {
      i++;
      continue;
    }
    const start = i;
    let kind: number;
    if (cls === WORD) {
      i++;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d >= 128 || (charClass[d] as number) < WORD) break;
      }
      kind = IDENTIFIER;
      // every keyword starts with a lower-case letter or '_'
      if (c >= 95) kind = keywordKinds.get(text.slice(start, i)) ?? IDENTIFIER;
    } else if (cls === DIGIT) {
      let j = i + 1;
      while (j < n && charClass[text.charCodeAt(j)] === DIGIT) j++;
      const next = text.charCodeAt(j);
      kind = INT;
      if (next === 46 || next === 101 || next === 69) {
        floatTail.lastIndex = i;
        if (floatTail.test(text)) {
          kind = FLOAT;
          i = floatTail.lastIndex;
        }
      }
      if (kind === INT) {
        for (i = j; i < n; i++) {
          const d = text.charCodeAt(i);
          if (d >= 128 || (charClass[d] as number) < WORD) break;
        }
      }
    } else if (c === 34) {
      terminatedString.lastIndex = i;
      if (!terminatedString.test(text)) return undefined;
      kind = STRING;
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
      const c2 = text.charCodeAt(i + 1);
      kind = c < 128 && c2 < 128 ? (double[c * 128 + c2] as number) : -1;
      if (kind >= 0) i += 2;
      else {
        kind = c < 128 ? (single[c] as number) : -1;
        if (kind < 0) return undefined;
        i++;
      }
    }
    if (count + LOOKAHEAD_SLACK >= cap) {
      cap *= 2;
      const k2 = new Uint8Array(cap);
      k2.set(kinds);
      kinds = k2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  kinds.fill(EOF_KIND, count, count + LOOKAHEAD_SLACK);
  return { kinds, starts, ends, count, comments };
}
