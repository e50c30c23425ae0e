/**
 * Statement grammar (secrec-reference.md §2 "Statements", §5 `__syscall`), including
 * the declaration/expression decision at the start of a statement.
 */
import { describe, expect, it } from "vitest";
import { noRanges, stmtsOf } from "./helpers.js";

const n = (name: string) => ({ kind: "Name", name });
const id = (name: string) => ({ kind: "Identifier", name });
const int = (raw: string) => ({ kind: "IntLiteral", raw, value: BigInt(raw), suffix: undefined });
const prim = (name: string) => ({ kind: "PrimitiveType", name });
const type = (data: unknown, security?: unknown, dim?: unknown) => ({ kind: "TypeExpr", security, data, dim });
const decl = (name: string, shape?: unknown[], init?: unknown) => ({ kind: "Declarator", name: id(name), shape, init });

describe("declarations", () => {
  it("parses several declarators with shapes and initialisers, with offsets", () => {
    const [s] = stmtsOf("uint32 a, b(3), c = 1;");
    expect(s).toEqual({
      kind: "VarDecl",
      type: { kind: "TypeExpr", security: undefined, data: { kind: "PrimitiveType", name: "uint32", start: 0, end: 6 }, dim: undefined, start: 0, end: 6 },
      declarators: [
        { kind: "Declarator", name: { kind: "Identifier", name: "a", start: 7, end: 8 }, shape: undefined, init: undefined, start: 7, end: 8 },
        {
          kind: "Declarator",
          name: { kind: "Identifier", name: "b", start: 10, end: 11 },
          shape: [{ kind: "IntLiteral", raw: "3", value: 3n, suffix: undefined, start: 12, end: 13 }],
          init: undefined,
          start: 10,
          end: 14,
        },
        {
          kind: "Declarator",
          name: { kind: "Identifier", name: "c", start: 16, end: 17 },
          shape: undefined,
          init: { kind: "IntLiteral", raw: "1", value: 1n, suffix: undefined, start: 20, end: 21 },
          start: 16,
          end: 21,
        },
      ],
      start: 0,
      end: 22,
    });
  });

  it("resolves D T x, T x, D prim x and public types by lookahead", () => {
    const dom = (name: string) => ({ kind: "DomainSecurity", name: id(name) });
    const named = (name: string) => ({ kind: "NamedType", name: id(name), typeArgs: undefined });
    const stmts = stmtsOf(`
      D T x;
      T y = 1;
      T z(2);
      T w, v;
      pd_shared3p uint32 s;
      public bool p;
      pd_shared3p xor_uint32[[1]] q(5);
      T[[2]] m;
      D T[[N]] k;
    `);
    expect(noRanges(stmts)).toEqual([
      { kind: "VarDecl", type: type(named("T"), dom("D")), declarators: [decl("x")] },
      { kind: "VarDecl", type: type(named("T")), declarators: [decl("y", undefined, int("1"))] },
      { kind: "VarDecl", type: type(named("T")), declarators: [decl("z", [int("2")])] },
      { kind: "VarDecl", type: type(named("T")), declarators: [decl("w"), decl("v")] },
      { kind: "VarDecl", type: type(prim("uint32"), dom("pd_shared3p")), declarators: [decl("s")] },
      { kind: "VarDecl", type: type(prim("bool"), { kind: "PublicSecurity" }), declarators: [decl("p")] },
      { kind: "VarDecl", type: type(named("xor_uint32"), dom("pd_shared3p"), { kind: "DimLiteral", value: 1 }), declarators: [decl("q", [int("5")])] },
      { kind: "VarDecl", type: type(named("T"), undefined, { kind: "DimLiteral", value: 2 }), declarators: [decl("m")] },
      { kind: "VarDecl", type: type(named("T"), dom("D"), { kind: "DimVar", name: id("N") }), declarators: [decl("k")] },
    ]);
  });

  it("parses struct types with type arguments in declarations", () => {
    const [a, b] = stmtsOf("pair<pd_shared3p, uint32> p; D box<D, T, 2>[[1]] q;");
    expect(noRanges(a)).toEqual({
      kind: "VarDecl",
      type: type({ kind: "NamedType", name: id("pair"), typeArgs: [{ kind: "NamedType", name: id("pd_shared3p"), typeArgs: undefined }, prim("uint32")] }),
      declarators: [decl("p")],
    });
    expect(noRanges(b)).toMatchObject({
      type: {
        security: { kind: "DomainSecurity", name: id("D") },
        data: { kind: "NamedType", name: id("box"), typeArgs: [{ kind: "NamedType" }, { kind: "NamedType" }, { kind: "IntLiteral", value: 2n }] },
        dim: { kind: "DimLiteral", value: 1 },
      },
    });
  });

  it("reads statements starting with a name as expressions when no declaration shape follows", () => {
    const stmts = stmtsOf("x = 1; f(x); a[i] = 2; a < b; s.x = 3;");
    expect(stmts.map((s) => s.kind)).toEqual(["ExprStmt", "ExprStmt", "ExprStmt", "ExprStmt", "ExprStmt"]);
  });
});

describe("control flow", () => {
  it("parses if/else with offsets", () => {
    const [s] = stmtsOf("if (a) b; else { c; }");
    expect(s).toEqual({
      kind: "If",
      cond: { kind: "Name", name: "a", start: 4, end: 5 },
      then: { kind: "ExprStmt", expr: { kind: "Name", name: "b", start: 7, end: 8 }, start: 7, end: 9 },
      else: {
        kind: "Block",
        stmts: [{ kind: "ExprStmt", expr: { kind: "Name", name: "c", start: 17, end: 18 }, start: 17, end: 19 }],
        start: 15,
        end: 21,
      },
      start: 0,
      end: 21,
    });
  });

  it("attaches a dangling else to the nearest if", () => {
    const [s] = stmtsOf("if (a) if (b) x; else y;");
    expect(noRanges(s)).toMatchObject({ kind: "If", else: undefined, then: { kind: "If", else: { kind: "ExprStmt" } } });
  });

  it("parses while, do-while, break and continue", () => {
    const stmts = stmtsOf("while (i < n) { break; } do { continue; } while (x);");
    expect(noRanges(stmts)).toEqual([
      {
        kind: "While",
        cond: { kind: "Binary", op: "<", left: n("i"), right: n("n") },
        body: { kind: "Block", stmts: [{ kind: "Break" }] },
      },
      { kind: "DoWhile", body: { kind: "Block", stmts: [{ kind: "Continue" }] }, cond: n("x") },
    ]);
  });

  it("parses for loops with a declaration, an expression or nothing in each part", () => {
    const [a, b, c] = stmtsOf("for (uint i = 0; i < n; ++i) ; for (i = 0, j = 1; ; i++, j++) {} for (;;) {}");
    expect(noRanges(a)).toEqual({
      kind: "For",
      init: { kind: "VarDecl", type: type(prim("uint")), declarators: [decl("i", undefined, int("0"))] },
      cond: { kind: "Binary", op: "<", left: n("i"), right: n("n") },
      step: { kind: "IncDec", op: "++", prefix: true, operand: n("i") },
      body: { kind: "Empty" },
    });
    expect(a).toMatchObject({ init: { start: 5, end: 15 } });
    expect(noRanges(b)).toMatchObject({ kind: "For", init: { kind: "Comma" }, cond: undefined, step: { kind: "Comma" } });
    expect(noRanges(c)).toEqual({ kind: "For", init: undefined, cond: undefined, step: undefined, body: { kind: "Block", stmts: [] } });
  });

  it("parses return with and without a value, assert and print", () => {
    const stmts = stmtsOf('return; return x + 1; assert(a == b); print("v = ", v, 1);');
    expect(noRanges(stmts)).toEqual([
      { kind: "Return", value: undefined },
      { kind: "Return", value: { kind: "Binary", op: "+", left: n("x"), right: int("1") } },
      { kind: "Assert", cond: { kind: "Binary", op: "==", left: n("a"), right: n("b") } },
      {
        kind: "Print",
        args: [{ kind: "StringLiteral", raw: '"v = "', parts: [{ kind: "Text", text: "v = " }] }, n("v"), int("1")],
      },
    ]);
  });

  it("parses empty statements and nested blocks", () => {
    expect(noRanges(stmtsOf("; { ; {} }"))).toEqual([
      { kind: "Empty" },
      { kind: "Block", stmts: [{ kind: "Empty" }, { kind: "Block", stmts: [] }] },
    ]);
  });
});

describe("__syscall", () => {
  it("parses every argument mode", () => {
    const [s] = stmtsOf('__syscall("shared3p::add_$T\\_vec", __domainid(D), a, __readonly b, __ref r, __cref "x", __return n);');
    expect(noRanges(s)).toEqual({
      kind: "Syscall",
      name: {
        kind: "StringLiteral",
        raw: '"shared3p::add_$T\\_vec"',
        parts: [
          { kind: "Text", text: "shared3p::add_" },
          { kind: "Interpolation", name: id("T") },
          { kind: "Text", text: "_vec" },
        ],
      },
      args: [
        { kind: "SyscallArg", mode: "push", expr: { kind: "Builtin", name: "__domainid", args: [n("D")] } },
        { kind: "SyscallArg", mode: "push", expr: n("a") },
        { kind: "SyscallArg", mode: "readonly", expr: n("b") },
        { kind: "SyscallArg", mode: "ref", expr: n("r") },
        { kind: "SyscallArg", mode: "cref", expr: { kind: "StringLiteral", raw: '"x"', parts: [{ kind: "Text", text: "x" }] } },
        { kind: "SyscallArg", mode: "return", expr: n("n") },
      ],
    });
  });

  it("gives a syscall argument the range of its mode keyword and expression", () => {
    const [s] = stmtsOf('__syscall("f", __ref r);');
    expect(s).toMatchObject({ start: 0, end: 24, args: [{ start: 15, end: 22, expr: { start: 21, end: 22 } }] });
  });
});
