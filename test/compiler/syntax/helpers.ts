/**
 * Helpers for syntax tests: parse snippets, strip offsets for shape comparisons, and
 * describe diagnostics as `code@line:column` strings.
 */
import { expect } from "vitest";
import type { Diagnostic } from "../../../compiler/diagnostics/diagnostic.js";
import { SourceFile } from "../../../compiler/source/source-file.js";
import type { Expr, Module, Stmt, TopDecl } from "../../../compiler/syntax/ast.js";
import { parseExpression, parseModule } from "../../../compiler/syntax/index.js";

/** `SC1100@2:14` for each diagnostic, in report order. */
export function where(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => {
    const { line, column } = d.span!.file.lineColumn(d.span!.start);
    return `${d.code}@${line}:${column}`;
  });
}

/** Parses a module that must have no diagnostics. */
export function moduleOf(src: string): Module {
  const r = parseModule(new SourceFile("test.sc", src));
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  return r.module;
}

/** The single top-level declaration of `src`. */
export function declOf(src: string): TopDecl {
  const m = moduleOf(src);
  expect(m.decls).toHaveLength(1);
  return m.decls[0]!;
}

/** The statements of `void main() { <src> }`; offsets are relative to the snippet. */
export function stmtsOf(src: string): Stmt[] {
  const prefix = "void main() {";
  const d = declOf(`${prefix}${src}}`);
  if (d.kind !== "ProcDecl") throw new Error("not a procedure");
  return shift(d.body.stmts, -prefix.length) as Stmt[];
}

/** Parses an expression that must have no diagnostics. */
export function exprOf(src: string): Expr {
  const r = parseExpression(new SourceFile("test.sc", src));
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  return r.expr;
}

/** Parses an expression, returning its diagnostics too. */
export function exprWithDiagnostics(src: string): { expr: Expr; diagnostics: readonly Diagnostic[] } {
  return parseExpression(new SourceFile("test.sc", src));
}

function mapDeep(value: unknown, f: (obj: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => mapDeep(v, f));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapDeep(v, f);
    return f(out);
  }
  return value;
}

/** A deep copy without `start`/`end` fields. */
export function noRanges(value: unknown): unknown {
  return mapDeep(value, (o) => {
    delete o.start;
    delete o.end;
    return o;
  });
}

/** A deep copy with every `start`/`end` moved by `delta`. */
export function shift(value: unknown, delta: number): unknown {
  return mapDeep(value, (o) => {
    if (typeof o.start === "number") o.start += delta;
    if (typeof o.end === "number") o.end += delta;
    return o;
  });
}

/** A deep copy with `Paren` nodes replaced by their contents and without ranges. */
export function noParens(value: unknown): unknown {
  return noRanges(
    mapDeep(value, (o) => (o.kind === "Paren" ? (o.expr as Record<string, unknown>) : o)),
  );
}
