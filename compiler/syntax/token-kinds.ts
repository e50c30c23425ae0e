/**
 * Token kinds of the fast parse path: each token type of tokens.ts numbered by its
 * position in `allTokens` (EOF is `allTokens.length`), so the fast lexer can store
 * tokens in a byte array and the fast parser can test membership in a category with
 * one table lookup. Independent of chevrotain's own indices, which exist only once a
 * chevrotain Lexer or parser has been built.
 */
import type { TokenType } from "chevrotain";
import * as T from "./tokens.js";

const kinds = new Map<TokenType, number>(T.allTokens.map((t, i) => [t, i]));

/** The end of input. */
export const EOF_KIND = T.allTokens.length;

/** The kind of token type `t` (which must be listed in `allTokens`). */
export function kindOf(t: TokenType): number {
  const k = kinds.get(t);
  if (k === undefined) throw new Error(`token type ${t.name} is not in allTokens`);
  return k;
}

/** The token type of a kind (EOF_KIND has none). */
export function tokenTypeOf(kind: number): TokenType {
  return T.allTokens[kind] as TokenType;
}

/** A table by kind: 1 for the token types that pass `test`. */
export function kindTable(test: (t: TokenType) => boolean): Uint8Array {
  const table = new Uint8Array(EOF_KIND + 1);
  T.allTokens.forEach((t, i) => {
    if (test(t)) table[i] = 1;
  });
  return table;
}

/** The kinds the fast parser names, one per token type it tests for. */
export const K = {
  Identifier: kindOf(T.Identifier),
  IntLiteral: kindOf(T.IntLiteral),
  FloatLiteral: kindOf(T.FloatLiteral),
  TerminatedString: kindOf(T.TerminatedString),
  True: kindOf(T.True),
  False: kindOf(T.False),
  FpuState: kindOf(T.FpuState),
  Public: kindOf(T.Public),
  Void: kindOf(T.Void),
  Module: kindOf(T.Module),
  Import: kindOf(T.Import),
  Domain: kindOf(T.Domain),
  Kind: kindOf(T.Kind),
  Type: kindOf(T.Type),
  Dim: kindOf(T.Dim),
  Template: kindOf(T.Template),
  Struct: kindOf(T.Struct),
  Operator: kindOf(T.Operator),
  Cast: kindOf(T.Cast),
  If: kindOf(T.If),
  Else: kindOf(T.Else),
  While: kindOf(T.While),
  Do: kindOf(T.Do),
  For: kindOf(T.For),
  Break: kindOf(T.Break),
  Continue: kindOf(T.Continue),
  Return: kindOf(T.Return),
  Assert: kindOf(T.Assert),
  Print: kindOf(T.Print),
  Syscall: kindOf(T.Syscall),
  At: kindOf(T.At),
  Less: kindOf(T.Less),
  Greater: kindOf(T.Greater),
  ShiftRight: kindOf(T.ShiftRight),
  Minus: kindOf(T.Minus),
  Bang: kindOf(T.Bang),
  Tilde: kindOf(T.Tilde),
  PlusPlus: kindOf(T.PlusPlus),
  MinusMinus: kindOf(T.MinusMinus),
  Assign: kindOf(T.Assign),
  Question: kindOf(T.Question),
  ColonColon: kindOf(T.ColonColon),
  Colon: kindOf(T.Colon),
  Comma: kindOf(T.Comma),
  Semicolon: kindOf(T.Semicolon),
  Dot: kindOf(T.Dot),
  LParen: kindOf(T.LParen),
  RParen: kindOf(T.RParen),
  LBracket: kindOf(T.LBracket),
  RBracket: kindOf(T.RBracket),
  LBrace: kindOf(T.LBrace),
  RBrace: kindOf(T.RBrace),
} as const;
