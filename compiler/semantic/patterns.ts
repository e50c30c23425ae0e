/**
 * Type patterns: the types of template signatures, which may mention the
 * template's quantifiers (`domain D : shared3p`, `type T`, `dim N`). A pattern is
 * matched against concrete types by unification (unify.ts) and turned into a
 * concrete type by substitution (`substitute`). Quantifiers are numbered by their
 * position in the template header; a substitution is an array of bindings with the
 * same numbering.
 */
import type * as ast from "../syntax/ast.js";
import type { KindSymbol, StructSymbol } from "./symbols.js";
import type { DataType, SecType, Type } from "./types.js";
import { dataName, secName } from "./types.js";

export interface Quantifier {
  readonly kind: "quantifier";
  readonly index: number;
  readonly name: string;
  readonly sort: "domain" | "type" | "dim";
  /** For `domain D : K`: the kind; undefined when unrestricted (D may then be public). */
  readonly restriction: KindSymbol | undefined;
  readonly decl: ast.TemplateParam;
}

export type Binding =
  | { readonly sort: "domain"; readonly sec: SecType }
  | { readonly sort: "type"; readonly data: DataType }
  | { readonly sort: "dim"; readonly dim: number };

export type SecPattern = { readonly tag: "fixed"; readonly sec: SecType } | { readonly tag: "var"; readonly q: number };

export type DataPattern =
  | { readonly tag: "fixed"; readonly data: DataType }
  | { readonly tag: "var"; readonly q: number }
  | { readonly tag: "struct"; readonly struct: StructSymbol; readonly args: readonly ArgPattern[] };

export type DimPattern = { readonly tag: "fixed"; readonly dim: number } | { readonly tag: "var"; readonly q: number };

export type ArgPattern =
  | { readonly sort: "domain"; readonly p: SecPattern }
  | { readonly sort: "type"; readonly p: DataPattern }
  | { readonly sort: "dim"; readonly p: DimPattern };

export interface TypePattern {
  readonly sec: SecPattern;
  readonly data: DataPattern;
  readonly dim: DimPattern;
}

/** The pattern of a concrete type. */
export function fixedPattern(t: Type): TypePattern {
  return { sec: { tag: "fixed", sec: t.sec }, data: { tag: "fixed", data: t.data }, dim: { tag: "fixed", dim: t.dim } };
}

/** Whether the pattern mentions any quantifier. */
export function mentionsQuantifier(p: TypePattern): boolean {
  return p.sec.tag === "var" || p.dim.tag === "var" || dataMentions(p.data);
}

function dataMentions(d: DataPattern): boolean {
  if (d.tag === "var") return true;
  if (d.tag === "fixed") return false;
  return d.args.some((a) => (a.sort === "type" ? dataMentions(a.p) : a.p.tag === "var"));
}

/** Quantifier indices mentioned by a pattern (added to `out`). */
export function collectQuantifiers(p: TypePattern, out: Set<number>): void {
  if (p.sec.tag === "var") out.add(p.sec.q);
  if (p.dim.tag === "var") out.add(p.dim.q);
  collectData(p.data, out);
}

function collectData(d: DataPattern, out: Set<number>): void {
  if (d.tag === "var") out.add(d.q);
  else if (d.tag === "struct") {
    for (const a of d.args) {
      if (a.sort === "type") collectData(a.p, out);
      else if (a.p.tag === "var") out.add(a.p.q);
    }
  }
}

/** A stable key of a substitution, for instance caches. */
export function bindingKey(bs: readonly Binding[]): string {
  return bs.map(bindingText).join(",");
}

/** How a binding is written in a template argument list or an interpolated string. */
export function bindingText(b: Binding): string {
  switch (b.sort) {
    case "domain":
      return secName(b.sec);
    case "type":
      return dataName(b.data);
    case "dim":
      return String(b.dim);
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** `name<a, b>` or just `name` without bindings. */
export function instanceName(name: string, bs: readonly Binding[]): string {
  return bs.length === 0 ? name : `${name}<${bs.map(bindingText).join(", ")}>`;
}
