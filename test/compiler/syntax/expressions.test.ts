/**
 * Expression grammar (secrec-reference.md §2, "Expressions"): every form, precedence,
 * associativity and the cast/parenthesis rule, checked against hand-written trees.
 */
import { describe, expect, it } from "vitest";
import { exprOf, exprWithDiagnostics, noRanges, where } from "./helpers.js";

const n = (name: string) => ({ kind: "Name", name });
const int = (raw: string, value: bigint, suffix?: string) => ({ kind: "IntLiteral", raw, value, suffix });
const bin = (op: string, left: unknown, right: unknown) => ({ kind: "Binary", op, left, right });

describe("primary expressions", () => {
  it("parses a name and a call with offsets", () => {
    expect(exprOf("abc")).toEqual({ kind: "Name", name: "abc", start: 0, end: 3 });
    expect(exprOf("f(x, 2)")).toEqual({
      kind: "Call",
      callee: { kind: "Identifier", name: "f", start: 0, end: 1 },
      args: [
        { kind: "Name", name: "x", start: 2, end: 3 },
        { kind: "IntLiteral", raw: "2", value: 2n, suffix: undefined, start: 5, end: 6 },
      ],
      start: 0,
      end: 7,
    });
    expect(noRanges(exprOf("g()"))).toEqual({ kind: "Call", callee: { kind: "Identifier", name: "g" }, args: [] });
  });

  it("parses literals of every kind", () => {
    expect(noRanges(exprOf("true"))).toEqual({ kind: "BoolLiteral", value: true });
    expect(noRanges(exprOf("false"))).toEqual({ kind: "BoolLiteral", value: false });
    expect(noRanges(exprOf("0x10i32"))).toEqual(int("0x10i32", 16n, "i32"));
    expect(noRanges(exprOf("1.5f32"))).toEqual({ kind: "FloatLiteral", raw: "1.5f32", value: 1.5, suffix: "f32" });
    expect(noRanges(exprOf("3f64"))).toEqual({ kind: "FloatLiteral", raw: "3f64", value: 3, suffix: "f64" });
    expect(exprOf('"a$T"')).toEqual({
      kind: "StringLiteral",
      raw: '"a$T"',
      parts: [
        { kind: "Text", text: "a", start: 1, end: 2 },
        { kind: "Interpolation", name: { kind: "Identifier", name: "T", start: 3, end: 4 } },
      ],
      start: 0,
      end: 5,
    });
  });

  it("keeps parentheses as Paren nodes", () => {
    expect(exprOf("(a)")).toEqual({ kind: "Paren", expr: { kind: "Name", name: "a", start: 1, end: 2 }, start: 0, end: 3 });
    expect(noRanges(exprOf("(a, b)"))).toEqual({ kind: "Paren", expr: { kind: "Comma", left: n("a"), right: n("b") } });
  });

  it("parses array literals", () => {
    expect(noRanges(exprOf("{1, 2, 3}"))).toEqual({
      kind: "ArrayLiteral",
      elements: [int("1", 1n), int("2", 2n), int("3", 3n)],
    });
    expect(noRanges(exprOf("{}"))).toEqual({ kind: "ArrayLiteral", elements: [] });
  });

  it("parses every built-in", () => {
    for (const name of ["size", "shape", "declassify", "tostring", "strlen", "__bytes_from_string", "__string_from_bytes", "__set_fpu_state"]) {
      expect(noRanges(exprOf(`${name}(x)`))).toEqual({ kind: "Builtin", name, args: [n("x")] });
    }
    expect(noRanges(exprOf("reshape(a, 2, 3)"))).toEqual({ kind: "Builtin", name: "reshape", args: [n("a"), int("2", 2n), int("3", 3n)] });
    expect(noRanges(exprOf("cat(a, b, 1)"))).toEqual({ kind: "Builtin", name: "cat", args: [n("a"), n("b"), int("1", 1n)] });
    expect(noRanges(exprOf("__domainid(pd_shared3p)"))).toEqual({ kind: "Builtin", name: "__domainid", args: [n("pd_shared3p")] });
    expect(exprOf("__fpu_state")).toEqual({ kind: "Builtin", name: "__fpu_state", args: [], start: 0, end: 11 });
  });
});

describe("postfix expressions", () => {
  it("parses indexing with slices of every shape", () => {
    expect(noRanges(exprOf("a[i, j:k, :, 1:, :2]"))).toEqual({
      kind: "Index",
      target: n("a"),
      indices: [
        n("i"),
        { kind: "Slice", lo: n("j"), hi: n("k") },
        { kind: "Slice", lo: undefined, hi: undefined },
        { kind: "Slice", lo: int("1", 1n), hi: undefined },
        { kind: "Slice", lo: undefined, hi: int("2", 2n) },
      ],
    });
  });

  it("gives slices their own ranges", () => {
    const e = exprOf("a[1:2, :]");
    expect(e).toMatchObject({ kind: "Index", start: 0, end: 9, indices: [{ kind: "Slice", start: 2, end: 5 }, { kind: "Slice", start: 7, end: 8 }] });
  });

  it("chains indexing, member access and postfix increments", () => {
    expect(noRanges(exprOf("v[1:][2]"))).toEqual({
      kind: "Index",
      target: { kind: "Index", target: n("v"), indices: [{ kind: "Slice", lo: int("1", 1n), hi: undefined }] },
      indices: [int("2", 2n)],
    });
    expect(noRanges(exprOf("s.a.b"))).toEqual({
      kind: "Member",
      target: { kind: "Member", target: n("s"), field: { kind: "Identifier", name: "a" } },
      field: { kind: "Identifier", name: "b" },
    });
    expect(noRanges(exprOf("a[i]++"))).toEqual({
      kind: "IncDec",
      op: "++",
      prefix: false,
      operand: { kind: "Index", target: n("a"), indices: [n("i")] },
    });
    expect(exprOf("x--")).toMatchObject({ kind: "IncDec", op: "--", prefix: false, start: 0, end: 3 });
  });
});

describe("prefix expressions and casts", () => {
  it("parses unary operators right-associatively", () => {
    expect(noRanges(exprOf("- !~x"))).toEqual({
      kind: "Unary",
      op: "-",
      operand: { kind: "Unary", op: "!", operand: { kind: "Unary", op: "~", operand: n("x") } },
    });
    expect(noRanges(exprOf("++x"))).toEqual({ kind: "IncDec", op: "++", prefix: true, operand: n("x") });
    expect(noRanges(exprOf("--a[0]"))).toEqual({
      kind: "IncDec",
      op: "--",
      prefix: true,
      operand: { kind: "Index", target: n("a"), indices: [int("0", 0n)] },
    });
  });

  it("parses a primitive cast before any operand", () => {
    expect(exprOf("(uint8) x")).toEqual({
      kind: "Cast",
      type: { kind: "PrimitiveType", name: "uint8", start: 1, end: 6 },
      operand: { kind: "Name", name: "x", start: 8, end: 9 },
      start: 0,
      end: 9,
    });
    expect(noRanges(exprOf("(int) -x"))).toEqual({
      kind: "Cast",
      type: { kind: "PrimitiveType", name: "int" },
      operand: { kind: "Unary", op: "-", operand: n("x") },
    });
  });

  it("reads (ID) e as a cast only before an operand that cannot continue a binary expression", () => {
    const cast = (operand: unknown) => ({ kind: "Cast", type: { kind: "NamedType", name: { kind: "Identifier", name: "T" }, typeArgs: undefined }, operand });
    expect(noRanges(exprOf("(T) x"))).toEqual(cast(n("x")));
    expect(noRanges(exprOf("(T) 1"))).toEqual(cast(int("1", 1n)));
    expect(noRanges(exprOf("(T) (y)"))).toEqual(cast({ kind: "Paren", expr: n("y") }));
    expect(noRanges(exprOf("(T) !b"))).toEqual(cast({ kind: "Unary", op: "!", operand: n("b") }));
    expect(noRanges(exprOf("(T) size(a)"))).toEqual(cast({ kind: "Builtin", name: "size", args: [n("a")] }));
    // `(x) - y` is a subtraction, `(x) * y` a multiplication
    expect(noRanges(exprOf("(x) - y"))).toEqual(bin("-", { kind: "Paren", expr: n("x") }, n("y")));
    expect(noRanges(exprOf("(x) * y"))).toEqual(bin("*", { kind: "Paren", expr: n("x") }, n("y")));
  });

  it("binds a cast tighter than binary operators", () => {
    expect(noRanges(exprOf("(uint32) a + b"))).toEqual(
      bin("+", { kind: "Cast", type: { kind: "PrimitiveType", name: "uint32" }, operand: n("a") }, n("b")),
    );
  });
});

describe("binary operators", () => {
  it("follows the precedence table from * down to ||", () => {
    expect(noRanges(exprOf("a || b && c | d ^ e & f == g < h << i + j * k"))).toEqual(
      bin("||", n("a"),
        bin("&&", n("b"),
          bin("|", n("c"),
            bin("^", n("d"),
              bin("&", n("e"),
                bin("==", n("f"),
                  bin("<", n("g"),
                    bin("<<", n("h"),
                      bin("+", n("i"), bin("*", n("j"), n("k")))))))))))
    );
  });

  it("is left-associative within a level", () => {
    expect(noRanges(exprOf("a - b + c"))).toEqual(bin("+", bin("-", n("a"), n("b")), n("c")));
    expect(noRanges(exprOf("a / b % c * d"))).toEqual(bin("*", bin("%", bin("/", n("a"), n("b")), n("c")), n("d")));
    expect(noRanges(exprOf("a >> b << c"))).toEqual(bin("<<", bin(">>", n("a"), n("b")), n("c")));
  });

  it("parses every binary operator", () => {
    for (const op of ["*", "/", "%", "+", "-", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "&", "^", "|", "&&", "||"]) {
      expect(noRanges(exprOf(`a ${op} b`))).toEqual(bin(op, n("a"), n("b")));
    }
  });

  it("gives binary nodes the range of both operands", () => {
    expect(exprOf("a + bb * c")).toMatchObject({ start: 0, end: 10, right: { start: 4, end: 10 } });
  });

  it("reports chained comparisons (non-associative levels) with the position of the second operator", () => {
    const r = exprWithDiagnostics("a < b < c");
    expect(where(r.diagnostics)).toEqual(["SC1106@1:7"]);
    expect(noRanges(r.expr)).toEqual(bin("<", bin("<", n("a"), n("b")), n("c")));
    expect(where(exprWithDiagnostics("a == b != c").diagnostics)).toEqual(["SC1106@1:8"]);
    expect(where(exprWithDiagnostics("(a < b) < c").diagnostics)).toEqual([]);
    expect(where(exprWithDiagnostics("a < b == c < d").diagnostics)).toEqual([]);
  });
});

describe("ternary, annotation, assignment and comma", () => {
  it("parses the ternary operator right-associatively", () => {
    expect(noRanges(exprOf("a ? b : c ? d : e"))).toEqual({
      kind: "Ternary",
      cond: n("a"),
      then: n("b"),
      else: { kind: "Ternary", cond: n("c"), then: n("d"), else: n("e") },
    });
    expect(noRanges(exprOf("a || b ? 1 : 2"))).toMatchObject({ kind: "Ternary", cond: bin("||", n("a"), n("b")) });
  });

  it("parses type annotations with any subset of security, data type and dimension", () => {
    expect(exprOf("f() :: pd_shared3p uint32 [[1]]")).toEqual({
      kind: "Annotated",
      expr: { kind: "Call", callee: { kind: "Identifier", name: "f", start: 0, end: 1 }, args: [], start: 0, end: 3 },
      type: {
        kind: "TypeAnnotation",
        security: { kind: "DomainSecurity", name: { kind: "Identifier", name: "pd_shared3p", start: 7, end: 18 }, start: 7, end: 18 },
        data: { kind: "PrimitiveType", name: "uint32", start: 19, end: 25 },
        dim: { kind: "DimLiteral", value: 1, start: 26, end: 31 },
        start: 7,
        end: 31,
      },
      start: 0,
      end: 31,
    });
    expect(noRanges(exprOf("1 :: uint8"))).toEqual({
      kind: "Annotated",
      expr: int("1", 1n),
      type: { kind: "TypeAnnotation", security: undefined, data: { kind: "PrimitiveType", name: "uint8" }, dim: undefined },
    });
    expect(noRanges(exprOf("x :: public"))).toMatchObject({ type: { security: { kind: "PublicSecurity" }, data: undefined, dim: undefined } });
    expect(noRanges(exprOf("x :: D T"))).toMatchObject({
      type: { security: { kind: "DomainSecurity", name: { name: "D" } }, data: { kind: "NamedType", name: { name: "T" } } },
    });
    // a lone identifier is recorded as a data type; name resolution decides whether it is a domain
    expect(noRanges(exprOf("x :: D"))).toMatchObject({ type: { security: undefined, data: { kind: "NamedType", name: { name: "D" } } } });
    expect(noRanges(exprOf("x :: [[2]]"))).toMatchObject({ type: { security: undefined, data: undefined, dim: { kind: "DimLiteral", value: 2 } } });
  });

  it("binds :: looser than the ternary and tighter than assignment", () => {
    expect(noRanges(exprOf("c ? a : b :: uint8"))).toMatchObject({ kind: "Annotated", expr: { kind: "Ternary" } });
    expect(noRanges(exprOf("x = y :: uint8"))).toMatchObject({ kind: "Assign", value: { kind: "Annotated", expr: n("y") } });
  });

  it("parses every assignment operator right-associatively", () => {
    for (const op of ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="]) {
      expect(noRanges(exprOf(`a ${op} b`))).toEqual({ kind: "Assign", op, target: n("a"), value: n("b") });
    }
    expect(noRanges(exprOf("a = b = c"))).toEqual({
      kind: "Assign",
      op: "=",
      target: n("a"),
      value: { kind: "Assign", op: "=", target: n("b"), value: n("c") },
    });
  });

  it("parses the comma operator left-associatively at the lowest precedence", () => {
    expect(noRanges(exprOf("a = 1, b = 2, c"))).toEqual({
      kind: "Comma",
      left: {
        kind: "Comma",
        left: { kind: "Assign", op: "=", target: n("a"), value: int("1", 1n) },
        right: { kind: "Assign", op: "=", target: n("b"), value: int("2", 2n) },
      },
      right: n("c"),
    });
  });

  it("treats commas in argument lists as separators", () => {
    expect(noRanges(exprOf("f((a, b), c)"))).toEqual({
      kind: "Call",
      callee: { kind: "Identifier", name: "f" },
      args: [{ kind: "Paren", expr: { kind: "Comma", left: n("a"), right: n("b") } }, n("c")],
    });
  });
});

describe("expression errors", () => {
  it("reports input left after a complete expression", () => {
    const r = exprWithDiagnostics("a b");
    expect(where(r.diagnostics)).toEqual(["SC1110@1:3"]);
    expect(r.diagnostics[0]!.message).toBe("unexpected 'b' after the expression");
  });

  it("reports a missing operand and yields an ErrorExpr", () => {
    const r = exprWithDiagnostics("a + ");
    expect(where(r.diagnostics)).toEqual(["SC1101@1:5"]);
    expect(r.diagnostics[0]!.message).toBe("expected an expression, found end of file");
    expect(r.expr.kind).toBe("ErrorExpr");
  });
});
