/**
 * The lexer and token vocabulary (secrec-reference.md §1): keywords versus
 * identifiers, operators longest-first, comments kept, lexical errors with positions.
 */
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { lex } from "../../../compiler/syntax/lexer.js";
import { keywords } from "../../../compiler/syntax/tokens.js";
import { where } from "./helpers.js";

function names(text: string): string[] {
  return lex(new SourceFile("l.sc", text)).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe("lexer", () => {
  it("exports exactly the reserved words of the reference", () => {
    const reference =
      "assert bool break cast cat continue declassify dim do domain else false float float32 float64 for if import int int8 int16 int32 int64 kind module operator print public reshape return shape size string strlen struct template tostring true type uint uint8 uint16 uint32 uint64 void while".split(" ");
    const builtins = "__syscall __return __ref __cref __readonly __domainid __bytes_from_string __string_from_bytes __fpu_state __set_fpu_state".split(" ");
    expect([...keywords].sort()).toEqual([...reference, ...builtins].sort());
  });

  it("lexes library type and procedure names as identifiers", () => {
    for (const word of ["xor_uint32", "fix32", "fix64", "classify", "pd_shared3p", "shared3p", "intx", "domains", "dom", "uint8_t", "float32x", "__syscalls", "sizeof"]) {
      expect(names(word)).toEqual([`Identifier:${word}`]);
    }
  });

  it("lexes keywords that are prefixes of other keywords correctly", () => {
    expect(names("do domain dim int int8 uint uint64 float float32 cat cast __ref __readonly __return")).toEqual([
      "Kw_do:do", "Kw_domain:domain", "Kw_dim:dim", "Kw_int:int", "Kw_int8:int8", "Kw_uint:uint", "Kw_uint64:uint64",
      "Kw_float:float", "Kw_float32:float32", "Kw_cat:cat", "Kw_cast:cast", "Kw__ref:__ref", "Kw__readonly:__readonly", "Kw__return:__return",
    ]);
  });

  it("lexes operators longest first", () => {
    expect(names("a<<=b>>c<=d>=e==f!=g&&h||i++ --j::k:l+=1-=2*=3/=4%=5&=6|=7^=8").map((s) => s.split(":")[0])).toEqual([
      "Identifier", "ShiftLeft", "Assign", "Identifier", "ShiftRight", "Identifier", "LessEq", "Identifier", "GreaterEq", "Identifier",
      "EqEq", "Identifier", "NotEq", "Identifier", "AndAnd", "Identifier", "OrOr", "Identifier", "PlusPlus", "MinusMinus", "Identifier",
      "ColonColon", "Identifier", "Colon", "Identifier", "PlusAssign", "IntLiteral", "MinusAssign", "IntLiteral", "StarAssign", "IntLiteral",
      "SlashAssign", "IntLiteral", "PercentAssign", "IntLiteral", "AndAssign", "IntLiteral", "OrAssign", "IntLiteral", "XorAssign", "IntLiteral",
    ]);
  });

  it("keeps nested index brackets as single tokens", () => {
    expect(names("a[b[1]]").map((s) => s.split(":")[0])).toEqual(["Identifier", "LBracket", "Identifier", "LBracket", "IntLiteral", "RBracket", "RBracket"]);
  });

  it("lexes numbers greedily so literal errors are one token", () => {
    expect(names("12u 0x 1.5q 2e10 1.e3 0x1e5 3f32")).toEqual([
      "IntLiteral:12u", "IntLiteral:0x", "FloatLiteral:1.5q", "FloatLiteral:2e10", "FloatLiteral:1.e3", "IntLiteral:0x1e5", "IntLiteral:3f32",
    ]);
  });

  it("keeps comments with offsets and skips whitespace", () => {
    const r = lex(new SourceFile("l.sc", "a // one\n/* two\nlines */ b"));
    expect(r.tokens.map((t) => [t.image, t.startOffset])).toEqual([["a", 0], ["b", 25]]);
    expect(r.comments).toEqual([
      { kind: "LineComment", text: "// one", start: 2, end: 8 },
      { kind: "BlockComment", text: "/* two\nlines */", start: 9, end: 24 },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it("skips a byte-order mark and handles CRLF line ends", () => {
    const r = lex(new SourceFile("l.sc", "\uFEFFint x; // c\r\ny"));
    expect(r.diagnostics).toEqual([]);
    expect(r.tokens.map((t) => [t.image, t.startOffset])).toEqual([["int", 1], ["x", 5], [";", 6], ["y", 14]]);
    expect(r.comments).toEqual([{ kind: "LineComment", text: "// c", start: 8, end: 12 }]);
  });

  it("reports invalid characters, unterminated strings and comments with positions", () => {
    const r = lex(new SourceFile("l.sc", 'a # b\n"open\n\u0007 x /* never closed'));
    expect(where(r.diagnostics)).toEqual(["SC1001@1:3", "SC1002@2:1", "SC1001@3:1", "SC1003@3:5"]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "invalid character '#' in the source",
      "unterminated string literal: the closing '\"' is missing on this line",
      "invalid character 'U+0007' in the source",
      "unterminated block comment: the closing '*/' is missing",
    ]);
    expect(r.tokens.map((t) => t.image)).toEqual(["a", "b", '"open', "x"]);
  });
});
