/**
 * Top-level grammar (secrec-reference.md §2 "Program structure"): module header,
 * imports, domains, kinds, templates, procedures, operator and cast definitions,
 * structs, annotations and global variables.
 */
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { parseModule } from "../../../compiler/syntax/index.js";
import { declOf, moduleOf, noRanges, where } from "./helpers.js";

const id = (name: string) => ({ kind: "Identifier", name });
const prim = (name: string) => ({ kind: "PrimitiveType", name });
const named = (name: string) => ({ kind: "NamedType", name: id(name), typeArgs: undefined });
const dom = (name: string) => ({ kind: "DomainSecurity", name: id(name) });
const type = (data: unknown, security?: unknown, dim?: unknown) => ({ kind: "TypeExpr", security, data, dim });

describe("module structure", () => {
  it("parses the module name, imports and declarations with offsets", () => {
    const m = moduleOf("module m;\nimport stdlib;\nimport shared3p;\ndomain pd_shared3p shared3p;\n");
    expect(m).toEqual({
      kind: "Module",
      name: { kind: "Identifier", name: "m", start: 7, end: 8 },
      imports: [
        { kind: "Import", name: { kind: "Identifier", name: "stdlib", start: 17, end: 23 }, start: 10, end: 24 },
        { kind: "Import", name: { kind: "Identifier", name: "shared3p", start: 32, end: 40 }, start: 25, end: 41 },
      ],
      decls: [
        {
          kind: "DomainDecl",
          name: { kind: "Identifier", name: "pd_shared3p", start: 49, end: 60 },
          kindName: { kind: "Identifier", name: "shared3p", start: 61, end: 69 },
          start: 42,
          end: 70,
        },
      ],
      comments: [],
      start: 0,
      end: 71,
    });
  });

  it("accepts an empty file and keeps comments", () => {
    expect(moduleOf("")).toEqual({ kind: "Module", name: undefined, imports: [], decls: [], comments: [], start: 0, end: 0 });
    const m = moduleOf("// one\n/* two */ void main() {}");
    expect(m.comments).toEqual([
      { kind: "LineComment", text: "// one", start: 0, end: 6 },
      { kind: "BlockComment", text: "/* two */", start: 7, end: 16 },
    ]);
  });
});

describe("kinds", () => {
  it("parses kind types with and without a public counterpart, including keyword type names", () => {
    const d = declOf("kind shared3p {\n  type bool;\n  type xor_uint32 { public = uint32 };\n}");
    expect(noRanges(d)).toEqual({
      kind: "KindDecl",
      name: id("shared3p"),
      types: [
        { kind: "KindTypeDecl", name: id("bool"), publicType: undefined },
        { kind: "KindTypeDecl", name: id("xor_uint32"), publicType: prim("uint32") },
      ],
    });
    expect(d).toMatchObject({ start: 0, end: 69, types: [{ start: 18, end: 28 }, { start: 31, end: 67 }] });
  });
});

describe("kinds without a type list", () => {
  it("parses `kind K;` as a kind with no types, ending at the semicolon", () => {
    const m = moduleOf("kind a3p;\ndomain pd_a3p a3p;\n");
    expect(m.decls[0]).toEqual({ kind: "KindDecl", name: { kind: "Identifier", name: "a3p", start: 5, end: 8 }, types: [], start: 0, end: 9 });
    expect(m.decls[1]).toMatchObject({ kind: "DomainDecl", start: 10, end: 28 });
  });

  it("still reports a kind with neither a type list nor a semicolon", () => {
    const { diagnostics } = parseModule(new SourceFile("test.sc", "kind a3p\ndomain pd a3p;\n"));
    expect(where(diagnostics)[0]).toBe("SC1110@2:1");
    expect(diagnostics[0]?.message).toBe("unexpected 'domain'");
  });
});

describe("definitions returning a named type", () => {
  it("parses operator, cast and procedure definitions returning a struct or user type at top level", () => {
    const m = moduleOf(
      "money operator + (money a, money b) { return a; }\n" +
        "pd money cast (pd int64 a) { return a; }\n" +
        "money[[1]] total (money[[1]] a) { return a; }\n" +
        "pair<int64> swap (pair<int64> p) { return p; }\n",
    );
    expect(m.decls.map((d) => (d.kind === "ProcDecl" ? [d.form, d.name.name, d.start] : [d.kind]))).toEqual([
      ["operator", "operator+", 0],
      ["cast", "cast", 50],
      ["procedure", "total", 91],
      ["procedure", "swap", 137],
    ]);
    const op = m.decls[0];
    expect(op?.kind === "ProcDecl" && noRanges(op.returnType)).toEqual(type(named("money")));
  });
});

describe("procedures", () => {
  it("parses a procedure with parameters and offsets", () => {
    const d = declOf("int f(D T[[1]] a, uint b) { return b; }");
    expect(noRanges(d)).toEqual({
      kind: "ProcDecl",
      form: "procedure",
      template: undefined,
      annotations: [],
      returnType: type(prim("int")),
      name: id("f"),
      operator: undefined,
      params: [
        { kind: "Param", type: type(named("T"), dom("D"), { kind: "DimLiteral", value: 1 }), name: id("a") },
        { kind: "Param", type: type(prim("uint")), name: id("b") },
      ],
      body: { kind: "Block", stmts: [{ kind: "Return", value: { kind: "Name", name: "b" } }] },
    });
    expect(d).toMatchObject({ start: 0, end: 39, params: [{ start: 6, end: 16 }, { start: 18, end: 24 }], body: { start: 26, end: 39 } });
  });

  it("parses void procedures and procedures returning a struct or a named type", () => {
    expect(noRanges(declOf("void main() {}"))).toMatchObject({ returnType: { kind: "VoidType" }, name: id("main"), params: [] });
    expect(noRanges(declOf("T id(T x) { return x; }"))).toMatchObject({ returnType: type(named("T")), name: id("id") });
    expect(noRanges(declOf("D T g() { }"))).toMatchObject({ returnType: type(named("T"), dom("D")), name: id("g") });
    expect(noRanges(declOf("pair<D, T> mk() { }"))).toMatchObject({
      returnType: { data: { kind: "NamedType", name: id("pair"), typeArgs: [named("D"), named("T")] } },
    });
  });

  it("parses templates with every quantifier", () => {
    const d = declOf("template <domain D : shared3p, domain E, type T, dim N>\nD T[[N]] f(D T[[N]] x) { return x; }");
    expect(noRanges(d)).toMatchObject({
      kind: "ProcDecl",
      template: {
        kind: "TemplateHeader",
        params: [
          { kind: "TemplateParam", paramKind: "domain", name: id("D"), kindName: id("shared3p") },
          { kind: "TemplateParam", paramKind: "domain", name: id("E"), kindName: undefined },
          { kind: "TemplateParam", paramKind: "type", name: id("T"), kindName: undefined },
          { kind: "TemplateParam", paramKind: "dim", name: id("N"), kindName: undefined },
        ],
      },
      returnType: type(named("T"), dom("D"), { kind: "DimVar", name: id("N") }),
    });
    expect(d).toMatchObject({ start: 0, template: { start: 0, end: 55 } });
    expect(d.kind === "ProcDecl" && d.template?.params[0]).toMatchObject({ start: 10, end: 29 });
  });

  it("parses operator definitions for every definable operator", () => {
    for (const op of ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "~"]) {
      const d = declOf(`D T operator ${op} (D T a, D T b) { return a; }`);
      expect(noRanges(d)).toMatchObject({ form: "operator", operator: { symbol: op }, name: { name: `operator${op}` } });
    }
    const d = declOf("bool operator == (bool a, bool b) { }");
    expect(d).toMatchObject({ name: { start: 5, end: 13 }, operator: { symbol: "==", start: 14, end: 16 } });
  });

  it("parses cast definitions", () => {
    const d = declOf("template <domain D : shared3p>\nD uint32[[1]] cast (D int64[[1]] x) { }");
    expect(noRanges(d)).toMatchObject({
      kind: "ProcDecl",
      form: "cast",
      name: id("cast"),
      operator: undefined,
      returnType: type(prim("uint32"), dom("D"), { kind: "DimLiteral", value: 1 }),
      params: [{ type: type(prim("int64"), dom("D"), { kind: "DimLiteral", value: 1 }), name: id("x") }],
    });
  });

  it("parses @deprecated annotations before the return type, after a template header", () => {
    const d = declOf('@deprecated("use g")\nvoid f() {}');
    expect(noRanges(d)).toMatchObject({
      annotations: [{ kind: "Annotation", name: id("deprecated"), argument: { kind: "StringLiteral", raw: '"use g"' } }],
    });
    expect(d).toMatchObject({ start: 0, annotations: [{ start: 0, end: 20 }] });
    const t = declOf("template <type T>\n@deprecated\nT f(T x) { return x; }");
    expect(noRanges(t)).toMatchObject({ template: { params: [{ paramKind: "type" }] }, annotations: [{ name: id("deprecated"), argument: undefined }] });
  });
});

describe("structs and globals", () => {
  it("parses plain and templated structs", () => {
    const s = declOf("struct point { int32 x; int32 y; }");
    expect(noRanges(s)).toEqual({
      kind: "StructDecl",
      template: undefined,
      name: id("point"),
      fields: [
        { kind: "StructField", type: type(prim("int32")), name: id("x") },
        { kind: "StructField", type: type(prim("int32")), name: id("y") },
      ],
    });
    const t = declOf("template <domain D, type T>\nstruct pair { D T fst; D T snd; }");
    expect(noRanges(t)).toMatchObject({
      kind: "StructDecl",
      template: { params: [{ paramKind: "domain" }, { paramKind: "type" }] },
      fields: [{ type: type(named("T"), dom("D")), name: id("fst") }, { name: id("snd") }],
    });
    expect(t).toMatchObject({ start: 0, end: 61 });
  });

  it("closes nested type argument lists with '>>' as well as '> >'", () => {
    const inner = { kind: "NamedType", name: id("box"), typeArgs: [named("T")] };
    const [a, b] = moduleOf("pair<D, box<T>> x;\npair<D, box<T> > y;").decls;
    expect(noRanges(a)).toMatchObject({ type: { data: { kind: "NamedType", name: id("pair"), typeArgs: [named("D"), inner] } } });
    expect(noRanges(b)).toMatchObject({ type: { data: { kind: "NamedType", name: id("pair"), typeArgs: [named("D"), inner] } } });
    expect(a).toMatchObject({ type: { end: 15, data: { end: 15, typeArgs: [{}, { start: 8, end: 15 }] } } });
    const s = declOf("struct s { a<b<c<T>>> x; }");
    expect(noRanges(s)).toMatchObject({
      fields: [{ type: { data: { name: id("a"), typeArgs: [{ name: id("b"), typeArgs: [{ name: id("c"), typeArgs: [named("T")] }] }] } } }],
    });
  });

  it("parses global variables, including shaped ones, next to procedures", () => {
    const m = moduleOf("uint32 n = 3;\nint64[[1]] v(10);\nT w;\nvoid main() {}");
    expect(noRanges(m.decls)).toMatchObject([
      { kind: "VarDecl", declarators: [{ name: id("n"), init: { kind: "IntLiteral", value: 3n } }] },
      { kind: "VarDecl", declarators: [{ name: id("v"), shape: [{ kind: "IntLiteral", value: 10n }] }] },
      { kind: "VarDecl", type: type(named("T")), declarators: [{ name: id("w") }] },
      { kind: "ProcDecl", name: id("main") },
    ]);
  });
});
