/**
 * Round-trip properties: generated trees printed by print.ts and parsed again give
 * the same tree (modulo offsets and the parentheses the printer adds), with no
 * diagnostics; printing is a fixpoint after one round.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as A from "../../../compiler/syntax/ast.js";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { parseExpression, parseModule } from "../../../compiler/syntax/index.js";
import { printExpr, printModule } from "../../../compiler/syntax/print.js";
import { walk } from "../../../compiler/syntax/walk.js";
import { expr, module, stmt } from "./generators.js";
import { noParens } from "./helpers.js";

function reparseExpr(text: string): A.Expr {
  const r = parseExpression(new SourceFile("gen.sc", text));
  if (r.diagnostics.length > 0) throw new Error(`${text}\n${r.diagnostics.map((d) => d.message).join("\n")}`);
  return r.expr;
}

function moduleWith(stmts: A.Stmt[]): A.Module {
  const body: A.Block = { kind: "Block", stmts, start: 0, end: 0 };
  const main: A.ProcDecl = {
    kind: "ProcDecl",
    form: "procedure",
    template: undefined,
    annotations: [],
    returnType: { kind: "VoidType", start: 0, end: 0 },
    name: { kind: "Identifier", name: "main", start: 0, end: 0 },
    operator: undefined,
    params: [],
    body,
    start: 0,
    end: 0,
  };
  return { kind: "Module", name: undefined, imports: [], decls: [main], comments: [], start: 0, end: 0 };
}

/** `if (a) if (b) x; else y;` is printed with braces (a tree change), so it is not generated. */
function hasDanglingElse(s: A.Stmt): boolean {
  let found = false;
  const open = (t: A.Stmt): boolean =>
    t.kind === "If" ? (t.else === undefined ? true : open(t.else)) : t.kind === "While" || t.kind === "For" ? open(t.body) : false;
  walk(s, (n) => {
    if (n.kind === "If" && n.else !== undefined && open(n.then)) found = true;
  });
  return found;
}

describe("print → parse round trip", () => {
  it("preserves generated expressions", () => {
    fc.assert(
      fc.property(expr, (e) => {
        const text = printExpr(e);
        const back = reparseExpr(text);
        expect(noParens(back)).toEqual(noParens(e));
        expect(printExpr(back)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it("preserves generated statements inside a procedure", () => {
    fc.assert(
      fc.property(fc.array(stmt, { minLength: 1, maxLength: 4 }).filter((ss) => !ss.some(hasDanglingElse)), (stmts) => {
        const m = moduleWith(stmts);
        const text = printModule(m);
        const r = parseModule(new SourceFile("gen.sc", text));
        expect(r.diagnostics.map((d) => d.message)).toEqual([]);
        expect(noParens(r.module.decls)).toEqual(noParens(m.decls));
        expect(printModule(r.module)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it("preserves generated modules with every kind of declaration", () => {
    fc.assert(
      fc.property(module.filter((m) => !m.decls.some((d) => d.kind === "ProcDecl" && d.body.stmts.some(hasDanglingElse))), (m) => {
        const text = printModule(m);
        const r = parseModule(new SourceFile("gen.sc", text));
        expect(r.diagnostics.map((d) => d.message)).toEqual([]);
        expect(noParens(r.module)).toEqual(noParens(m));
        expect(printModule(r.module)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it("prints the ambiguous forms with the parentheses they need", () => {
    const n = (name: string): A.Expr => ({ kind: "Name", name, start: 0, end: 0 });
    const neg: A.Expr = { kind: "Unary", op: "-", operand: n("x"), start: 0, end: 0 };
    const castNamed: A.Expr = { kind: "Cast", type: { kind: "NamedType", name: { kind: "Identifier", name: "T", start: 0, end: 0 }, typeArgs: undefined, start: 0, end: 0 }, operand: neg, start: 0, end: 0 };
    expect(printExpr(castNamed)).toBe("(T) (-x)");
    const lt = (l: A.Expr, r: A.Expr): A.Expr => ({ kind: "Binary", op: "<", left: l, right: r, start: 0, end: 0 });
    expect(printExpr(lt(lt(n("a"), n("b")), n("c")))).toBe("(a < b) < c");
    expect(printExpr({ kind: "Unary", op: "-", operand: neg, start: 0, end: 0 })).toBe("- -x");
    const comma: A.Expr = { kind: "Comma", left: n("a"), right: n("b"), start: 0, end: 0 };
    expect(printExpr({ kind: "Call", callee: { kind: "Identifier", name: "f", start: 0, end: 0 }, args: [comma], start: 0, end: 0 })).toBe("f((a, b))");
  });
});
