/**
 * The token vocabulary of SecreC 2 (secrec-reference.md §1): the one source of truth
 * for keywords, operators and literal shapes, shared by the lexer, the parser, the
 * language server (completion, semantic tokens) and the TextMate grammar generator.
 *
 * Token categories (chevrotain `categories`, pattern `Lexer.NA`) group tokens the
 * parser consumes as one: `Keyword`, `PrimitiveType`, `BuiltinCall`, `SyscallMode`,
 * `AssignOp`, one category per binary precedence level (`MulOp` ... `LogicalOrOp`)
 * under the umbrella `BinaryOp`, and `StringLiteral` (terminated or not). Every
 * token except `}` also has the category `AnyToken`, which the parser uses to skip
 * stray tokens during error recovery.
 *
 * Keywords use `longer_alt: Identifier` so `intx` or `xor_uint32` stay identifiers.
 * Comments go to the "comments" group (kept for the formatter and hover), whitespace
 * is skipped. Number tokens are deliberately greedy (`12u`, `0x`, `1.5q` are one token
 * each) so literals.ts can report a precise "invalid literal" instead of a confusing
 * token split.
 *
 * Token types are plain objects of chevrotain's `TokenType` shape, made by `token`
 * below rather than chevrotain's `createToken`, which analyses the categories anew
 * for each token (a measurable part of start-up). chevrotain completes them (indices,
 * category maps) when the Lexer or a parser is built over `allTokens`, which is before
 * any of its tokens exist; code that needs categories earlier uses `belongsTo`.
 */
import { Lexer, type TokenType } from "chevrotain";
import type { BinaryOp as BinaryOperator } from "./ast.js";

interface TokenConfig {
  readonly name: string;
  readonly pattern: RegExp;
  readonly categories?: TokenType[];
  readonly label?: string;
  readonly group?: string;
  readonly longer_alt?: TokenType;
}

/** A token type as chevrotain's `createToken` makes it, before chevrotain's analysis. */
function token(config: TokenConfig): TokenType {
  const t: TokenType = { name: config.name, PATTERN: config.pattern };
  if (config.categories !== undefined) t.CATEGORIES = config.categories;
  if (config.label !== undefined) t.LABEL = config.label;
  if (config.group !== undefined) t.GROUP = config.group;
  if (config.longer_alt !== undefined) t.LONGER_ALT = config.longer_alt;
  return t;
}

/** Whether token type `t` is `category` or belongs to it, directly or through other categories. */
export function belongsTo(t: TokenType, category: TokenType): boolean {
  return t === category || (t.CATEGORIES ?? []).some((c) => belongsTo(c, category));
}

/** Matches every token but `}` (see the header). */
export const AnyToken = token({ name: "AnyToken", pattern: Lexer.NA });

export const Keyword = token({ name: "Keyword", pattern: Lexer.NA });
export const PrimitiveType = token({ name: "PrimitiveType", pattern: Lexer.NA, label: "a primitive type" });
export const BuiltinCall = token({ name: "BuiltinCall", pattern: Lexer.NA, label: "a built-in" });
export const SyscallMode = token({ name: "SyscallMode", pattern: Lexer.NA, label: "'__return', '__ref', '__cref' or '__readonly'" });
export const AssignOp = token({ name: "AssignOp", pattern: Lexer.NA, label: "an assignment operator" });
export const BinaryOp = token({ name: "BinaryOp", pattern: Lexer.NA, label: "a binary operator" });
export const MulOp = token({ name: "MulOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const AddOp = token({ name: "AddOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const ShiftOp = token({ name: "ShiftOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const RelOp = token({ name: "RelOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const EqOp = token({ name: "EqOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const BitAndOp = token({ name: "BitAndOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const BitXorOp = token({ name: "BitXorOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const BitOrOp = token({ name: "BitOrOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const LogicalAndOp = token({ name: "LogicalAndOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const LogicalOrOp = token({ name: "LogicalOrOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const StringLiteral = token({ name: "StringLiteral", pattern: Lexer.NA, label: "a string literal" });

// ---------------------------------------------------------------------------
// Trivia

export const WhiteSpace = token({ name: "WhiteSpace", pattern: /[ \t\r\n\f\v\uFEFF]+/, group: Lexer.SKIPPED });
export const LineComment = token({ name: "LineComment", pattern: /\/\/[^\r\n]*/, group: "comments" });
export const BlockComment = token({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: "comments" });
/** `/*` with no closing `*\/`: runs to the end of the file; the lexer reports it. */
export const UnterminatedBlockComment = token({
  name: "UnterminatedBlockComment",
  pattern: /\/\*[\s\S]*/,
  group: "comments",
});

// ---------------------------------------------------------------------------
// Identifiers and keywords

export const Identifier = token({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [AnyToken], label: "a name" });

const keywordTokens: TokenType[] = [];

function keyword(word: string, ...categories: TokenType[]): TokenType {
  const name = word.startsWith("__") ? `Kw${word}` : `Kw_${word}`;
  const t = token({
    name,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [Keyword, AnyToken, ...categories],
    label: `'${word}'`,
  });
  keywordTokens.push(t);
  return t;
}

export const Assert = keyword("assert");
export const Break = keyword("break");
export const Cast = keyword("cast");
export const Continue = keyword("continue");
export const Dim = keyword("dim");
export const Do = keyword("do");
export const Domain = keyword("domain");
export const Else = keyword("else");
export const False = keyword("false");
export const For = keyword("for");
export const If = keyword("if");
export const Import = keyword("import");
export const Kind = keyword("kind");
export const Module = keyword("module");
export const Operator = keyword("operator");
export const Print = keyword("print");
export const Public = keyword("public");
export const Return = keyword("return");
export const Struct = keyword("struct");
export const Template = keyword("template");
export const True = keyword("true");
export const Type = keyword("type");
export const Void = keyword("void");
export const While = keyword("while");

// Primitive data types.
export const Bool = keyword("bool", PrimitiveType);
export const Int8 = keyword("int8", PrimitiveType);
export const Int16 = keyword("int16", PrimitiveType);
export const Int32 = keyword("int32", PrimitiveType);
export const Int64 = keyword("int64", PrimitiveType);
export const Int = keyword("int", PrimitiveType);
export const Uint8 = keyword("uint8", PrimitiveType);
export const Uint16 = keyword("uint16", PrimitiveType);
export const Uint32 = keyword("uint32", PrimitiveType);
export const Uint64 = keyword("uint64", PrimitiveType);
export const Uint = keyword("uint", PrimitiveType);
export const Float32 = keyword("float32", PrimitiveType);
export const Float64 = keyword("float64", PrimitiveType);
export const Float = keyword("float", PrimitiveType);
export const String = keyword("string", PrimitiveType);

// Built-in expressions written as calls.
export const Size = keyword("size", BuiltinCall);
export const Shape = keyword("shape", BuiltinCall);
export const Reshape = keyword("reshape", BuiltinCall);
export const Cat = keyword("cat", BuiltinCall);
export const Declassify = keyword("declassify", BuiltinCall);
export const Tostring = keyword("tostring", BuiltinCall);
export const Strlen = keyword("strlen", BuiltinCall);
export const DomainId = keyword("__domainid", BuiltinCall);
export const BytesFromString = keyword("__bytes_from_string", BuiltinCall);
export const StringFromBytes = keyword("__string_from_bytes", BuiltinCall);
export const SetFpuState = keyword("__set_fpu_state", BuiltinCall);
export const FpuState = keyword("__fpu_state");

// __syscall and its argument modes.
export const Syscall = keyword("__syscall");
export const SyscallReturn = keyword("__return", SyscallMode);
export const SyscallRef = keyword("__ref", SyscallMode);
export const SyscallCref = keyword("__cref", SyscallMode);
export const SyscallReadonly = keyword("__readonly", SyscallMode);

/** Each reserved word's token type (used by the fast lexer, fast-lexer.ts). */
export const keywordTypes: ReadonlyMap<string, TokenType> = new Map(keywordTokens.map((t) => [(t.LABEL as string).slice(1, -1), t]));

/** Every reserved word, in the order of secrec-reference.md §1 then the `__` built-ins. */
export const keywords: readonly string[] = keywordTokens
  .map((t) => (t.LABEL as string).slice(1, -1))
  .sort((a, b) => Number(a.startsWith("__")) - Number(b.startsWith("__")) || (a < b ? -1 : a > b ? 1 : 0));

/** Primitive data type keywords. */
export const primitiveTypeNames: readonly string[] = [
  "bool", "int", "int8", "int16", "int32", "int64",
  "uint", "uint8", "uint16", "uint32", "uint64",
  "float", "float32", "float64", "string",
];

// ---------------------------------------------------------------------------
// Literals

/**
 * A float: digits with a '.' and/or an exponent, then any identifier characters
 * (checked as a suffix by literals.ts). Listed before IntLiteral.
 */
export const FloatLiteral = token({
  name: "FloatLiteral",
  pattern: /[0-9]+(?:\.[0-9]*(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)[A-Za-z0-9_]*/,
  categories: [AnyToken],
  label: "a float literal",
});
/** An integer in any base with any suffix characters; literals.ts validates it. */
export const IntLiteral = token({
  name: "IntLiteral",
  pattern: /[0-9][A-Za-z0-9_]*/,
  categories: [AnyToken],
  label: "an integer literal",
});
export const TerminatedString = token({
  name: "TerminatedString",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: [StringLiteral, AnyToken],
  label: "a string literal",
});
/** A string missing its closing quote on its line; the lexer reports it. */
export const UnterminatedString = token({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n]?)*/,
  categories: [StringLiteral, AnyToken],
  label: "a string literal",
});

// ---------------------------------------------------------------------------
// Operators and punctuation (longer tokens before their prefixes)

function punct(name: string, symbol: string, ...categories: TokenType[]): TokenType {
  const escaped = symbol.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return token({ name, pattern: new RegExp(escaped), categories: [AnyToken, ...categories], label: `'${symbol}'` });
}

export const ShiftLeft = punct("ShiftLeft", "<<", ShiftOp);
export const ShiftRight = punct("ShiftRight", ">>", ShiftOp);
export const LessEq = punct("LessEq", "<=", RelOp);
export const GreaterEq = punct("GreaterEq", ">=", RelOp);
export const Less = punct("Less", "<", RelOp);
export const Greater = punct("Greater", ">", RelOp);
export const EqEq = punct("EqEq", "==", EqOp);
export const NotEq = punct("NotEq", "!=", EqOp);
export const AndAnd = punct("AndAnd", "&&", LogicalAndOp);
export const OrOr = punct("OrOr", "||", LogicalOrOp);
export const PlusPlus = punct("PlusPlus", "++");
export const MinusMinus = punct("MinusMinus", "--");
export const PlusAssign = punct("PlusAssign", "+=", AssignOp);
export const MinusAssign = punct("MinusAssign", "-=", AssignOp);
export const StarAssign = punct("StarAssign", "*=", AssignOp);
export const SlashAssign = punct("SlashAssign", "/=", AssignOp);
export const PercentAssign = punct("PercentAssign", "%=", AssignOp);
export const AndAssign = punct("AndAssign", "&=", AssignOp);
export const OrAssign = punct("OrAssign", "|=", AssignOp);
export const XorAssign = punct("XorAssign", "^=", AssignOp);
export const Assign = punct("Assign", "=", AssignOp);
export const Plus = punct("Plus", "+", AddOp);
export const Minus = punct("Minus", "-", AddOp);
export const Star = punct("Star", "*", MulOp);
export const Slash = punct("Slash", "/", MulOp);
export const Percent = punct("Percent", "%", MulOp);
export const Amp = punct("Amp", "&", BitAndOp);
export const Pipe = punct("Pipe", "|", BitOrOp);
export const Caret = punct("Caret", "^", BitXorOp);
export const Bang = punct("Bang", "!");
export const Tilde = punct("Tilde", "~");
export const Question = punct("Question", "?");
export const ColonColon = punct("ColonColon", "::");
export const Colon = punct("Colon", ":");
export const Comma = punct("Comma", ",");
export const Semicolon = punct("Semicolon", ";");
export const Dot = punct("Dot", ".");
export const LParen = punct("LParen", "(");
export const RParen = punct("RParen", ")");
export const LBracket = punct("LBracket", "[");
export const RBracket = punct("RBracket", "]");
export const LBrace = punct("LBrace", "{");
export const RBrace = token({ name: "RBrace", pattern: /}/, label: "'}'" });
export const At = punct("At", "@");

/** All token types in lexing order (categories included, as chevrotain requires). */
export const allTokens: TokenType[] = [
  AnyToken, Keyword, PrimitiveType, BuiltinCall, SyscallMode, AssignOp, BinaryOp,
  MulOp, AddOp, ShiftOp, RelOp, EqOp, BitAndOp, BitXorOp, BitOrOp, LogicalAndOp, LogicalOrOp,
  StringLiteral,
  WhiteSpace, LineComment, BlockComment, UnterminatedBlockComment,
  // Longest first, so a keyword that is a prefix of another (`do`/`domain`) never wins.
  ...[...keywordTokens].sort((a, b) => (b.LABEL as string).length - (a.LABEL as string).length),
  Identifier,
  FloatLiteral, IntLiteral, TerminatedString, UnterminatedString,
  ShiftLeft, ShiftRight, LessEq, GreaterEq, Less, Greater, EqEq, NotEq, AndAnd, OrOr,
  PlusPlus, MinusMinus, PlusAssign, MinusAssign, StarAssign, SlashAssign, PercentAssign,
  AndAssign, OrAssign, XorAssign, Assign, Plus, Minus, Star, Slash, Percent, Amp, Pipe, Caret,
  Bang, Tilde, Question, ColonColon, Colon, Comma, Semicolon, Dot, LParen, RParen,
  LBracket, RBracket, LBrace, RBrace, At,
];

/** Binding strength of each binary operator (higher binds tighter), secrec-reference.md §2. */
export const binaryPrecedence: Readonly<Record<BinaryOperator, number>> = {
  "*": 10, "/": 10, "%": 10,
  "+": 9, "-": 9,
  "<<": 8, ">>": 8,
  "<": 7, ">": 7, "<=": 7, ">=": 7,
  "==": 6, "!=": 6,
  "&": 5, "^": 4, "|": 3, "&&": 2, "||": 1,
};

