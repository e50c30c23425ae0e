/**
 * Error recovery: one run reports every syntax error with its code and position,
 * the rest of the file still parses, and placeholders stand where nodes failed.
 */
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { parseModule } from "../../../compiler/syntax/index.js";
import { walk } from "../../../compiler/syntax/walk.js";
import type { Node } from "../../../compiler/syntax/ast.js";
import { where } from "./helpers.js";

function parse(src: string) {
  return parseModule(new SourceFile("r.sc", src));
}

function kinds(root: Node): string[] {
  const out: string[] = [];
  walk(root, (n) => {
    out.push(n.kind);
  });
  return out;
}

describe("error recovery", () => {
  const src = [
    "void first() {",
    "    int x = 1",
    "    x = x + ;",
    "}",
    "void second() {",
    "    f(1, 2;",
    "}",
    "struct S { int a b; }",
    "void third() {",
    "    uint8 y = 2;",
    "}",
  ].join("\n");

  it("reports three independent errors with codes, positions and messages", () => {
    const r = parse(src);
    expect(where(r.diagnostics)).toEqual(["SC1100@2:14", "SC1101@3:13", "SC1100@6:11", "SC1100@8:18"]);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "expected ';' after the declaration, found 'x'",
      "expected an expression, found ';'",
      "expected ')', found ';'",
      "expected ';' after the struct field, found 'b'",
    ]);
  });

  it("keeps every declaration after an error, with placeholders where parts failed", () => {
    const r = parse(src);
    expect(r.module.decls.map((d) => (d.kind === "ProcDecl" ? d.name.name : d.kind))).toEqual(["first", "second", "StructDecl", "third"]);
    // the stray 'b' was deleted by single-token recovery, so the field survives
    expect(r.module.decls[2]).toMatchObject({ kind: "StructDecl", fields: [{ name: { name: "a" } }] });
    const first = r.module.decls[0]!;
    if (first.kind !== "ProcDecl") throw new Error("expected a procedure");
    expect(first.body.stmts.map((s) => s.kind)).toEqual(["VarDecl", "ExprStmt"]);
    expect(first.body.stmts[1]).toMatchObject({ kind: "ExprStmt", expr: { kind: "ErrorExpr" } });
    const third = r.module.decls[3]!;
    expect(kinds(third)).toContain("Declarator");
  });

  it("never leaves undefined where a node is required", () => {
    const broken = "void f() { int = ; if ( { } while x) ; for (;;;) {} return return; }\nint g( { }\nvoid h() { x = (1 + ; y = {1, ; z = a[; }";
    const r = parse(broken);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.every((d) => d.code.startsWith("SC1") && d.span !== undefined)).toBe(true);
    walk(r.module, (n) => {
      expect(n).toBeDefined();
      expect(typeof n.kind).toBe("string");
      expect(n.start).toBeLessThanOrEqual(n.end);
    });
    expect(r.module.decls.map((d) => d.kind)).toContain("ProcDecl");
  });

  it("keeps a declaration whose initialiser failed, with an ErrorExpr", () => {
    const r = parse("void f() {\n    int y = , z = 2;\n    print(y);\n}");
    expect(where(r.diagnostics)).toEqual(["SC1101@2:13"]);
    const f = r.module.decls[0]!;
    if (f.kind !== "ProcDecl") throw new Error("expected a procedure");
    expect(f.body.stmts[0]).toMatchObject({
      kind: "VarDecl",
      declarators: [{ name: { name: "y" }, init: { kind: "ErrorExpr" } }, { name: { name: "z" }, init: { kind: "IntLiteral", value: 2n } }],
    });
    expect(f.body.stmts[1]).toMatchObject({ kind: "Print" });
  });

  it("skips stray tokens once, as one error", () => {
    const r = parse("void f() {\n    ] ] ]\n    return;\n}\n} }\nvoid g() {}");
    expect(where(r.diagnostics)).toEqual(["SC1102@2:5", "SC1103@5:1"]);
    expect(r.module.decls.map((d) => d.kind)).toEqual(["ProcDecl", "ErrorDecl", "ProcDecl"]);
  });

  it("ends blocks left open at the next declaration keyword, reporting once", () => {
    const r = parse("void f() {\n    while (true) {\n        if (x) {\n            y = 1;\n}\ntemplate <type T>\nvoid g(T x) {}\n");
    expect(where(r.diagnostics)).toEqual(["SC1100@6:1"]);
    expect(r.diagnostics[0]!.related[0]).toMatchObject({ message: "this '{' is not closed" });
    expect(r.module.decls.map((d) => (d.kind === "ProcDecl" ? d.name.name : d.kind))).toEqual(["f", "g"]);
  });

  it("skips a broken declaration whole, braces included", () => {
    const r = parse("kind k { type ; type x; }\nvoid main() {}");
    expect(where(r.diagnostics)).toEqual(["SC1100@1:15"]);
    expect(r.module.decls.map((d) => d.kind)).toEqual(["ErrorDecl", "ProcDecl"]);
  });

  it("bounds nesting: one report, the enclosing statement recovers, nothing overflows", () => {
    const deepExpr = `void f() {\n    x = ${"(".repeat(5000)}1${")".repeat(5000)};\n    y = 2;\n}\nvoid g() {}`;
    const r = parse(deepExpr);
    expect(where(r.diagnostics)).toEqual(["SC1114@2:72"]);
    expect(r.diagnostics[0]!.message).toBe("expressions nested too deeply (the limit is 64 levels)");
    const f = r.module.decls[0]!;
    if (f.kind !== "ProcDecl") throw new Error("expected a procedure");
    expect(f.body.stmts.map((s) => s.kind)).toEqual(["ErrorStmt", "ExprStmt"]);
    expect(r.module.decls.map((d) => d.kind)).toEqual(["ProcDecl", "ProcDecl"]);

    const chain = `void f() {\n if (a) x; ${"else if (a) x; ".repeat(400)}\n}\nvoid g() {}`;
    const c = parse(chain);
    expect(c.diagnostics.map((d) => d.code)).toEqual(["SC1114"]);
    expect(c.diagnostics[0]!.message).toBe("statements nested too deeply (the limit is 256 levels)");
    expect(c.module.decls.map((d) => d.kind)).toEqual(["ProcDecl", "ProcDecl"]);
  });

  it("hints that statements belong in procedure bodies", () => {
    const r = parse("x = 1;\nvoid main() {}");
    expect(where(r.diagnostics)).toEqual(["SC1103@1:1"]);
    expect(r.diagnostics[0]!.help[0]).toContain("inside procedure bodies");
  });

  it("offers to remove a ';' after a struct", () => {
    const r = parse("struct S { int a; };");
    expect(where(r.diagnostics)).toEqual(["SC1105@1:20"]);
    expect(r.diagnostics[0]!.fixes[0]!.edits[0]).toMatchObject({ span: { start: 19, end: 20 }, newText: "" });
  });

  it("points a missing ';' at the end of the previous line", () => {
    const r = parse("void f() {\n    return 1\n}");
    expect(where(r.diagnostics)).toEqual(["SC1100@2:13"]);
    expect(r.diagnostics[0]!.message).toBe("expected ';' after the return statement, found '}'");
  });
});
