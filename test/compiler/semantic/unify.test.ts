/**
 * Unit tests of unification (unify.ts): exact matching of security types, data types
 * and dimensionalities against template patterns, kind restrictions, repeated
 * quantifiers, struct patterns, and binding from the context's expected type.
 */
import { describe, expect, it } from "vitest";
import type { Quantifier, TypePattern } from "../../../compiler/semantic/patterns.js";
import type { DomainSymbol, KindSymbol } from "../../../compiler/semantic/symbols.js";
import { PUBLIC, domainSec, mkType, prim } from "../../../compiler/semantic/types.js";
import { bindFromExpected, unifyType, type Bindings } from "../../../compiler/semantic/unify.js";

const kindA = { kind: "kind", name: "ka", types: new Map() } as unknown as KindSymbol;
const kindB = { kind: "kind", name: "kb", types: new Map() } as unknown as KindSymbol;
const da = { kind: "domain", name: "da", kindSym: kindA } as unknown as DomainSymbol;
const db = { kind: "domain", name: "db", kindSym: kindB } as unknown as DomainSymbol;

function q(index: number, sort: Quantifier["sort"], restriction?: KindSymbol): Quantifier {
  return { kind: "quantifier", index, name: `Q${index}`, sort, restriction, decl: undefined as never };
}

// template <domain D, type T, dim N>: D T[[N]]
const quants = [q(0, "domain"), q(1, "type"), q(2, "dim")];
const dtn: TypePattern = { sec: { tag: "var", q: 0 }, data: { tag: "var", q: 1 }, dim: { tag: "var", q: 2 } };
// D uint32
const du32: TypePattern = { sec: { tag: "var", q: 0 }, data: { tag: "fixed", data: prim("uint32") }, dim: { tag: "fixed", dim: 0 } };

describe("unifyType", () => {
  it("binds every quantifier from one argument", () => {
    const bs: Bindings = new Array(3);
    expect(unifyType(dtn, mkType(domainSec(da), prim("int8"), 2), quants, bs)).toBe(true);
    expect(bs).toEqual([
      { sort: "domain", sec: domainSec(da) },
      { sort: "type", data: prim("int8") },
      { sort: "dim", dim: 2 },
    ]);
  });

  it("lets an unrestricted domain quantifier bind public", () => {
    const bs: Bindings = new Array(3);
    expect(unifyType(dtn, mkType(PUBLIC, prim("bool")), quants, bs)).toBe(true);
    expect(bs[0]).toEqual({ sort: "domain", sec: PUBLIC });
  });

  it("refuses public and other kinds for a kind-restricted quantifier", () => {
    const restricted = [q(0, "domain", kindA)];
    expect(unifyType(du32, mkType(PUBLIC, prim("uint32")), restricted, new Array(1))).toBe(false);
    expect(unifyType(du32, mkType(domainSec(db), prim("uint32")), restricted, new Array(1))).toBe(false);
    expect(unifyType(du32, mkType(domainSec(da), prim("uint32")), restricted, new Array(1))).toBe(true);
  });

  it("requires a quantifier used twice to match the same value", () => {
    const bs: Bindings = new Array(3);
    expect(unifyType(dtn, mkType(domainSec(da), prim("uint32"), 1), quants, bs)).toBe(true);
    expect(unifyType(dtn, mkType(domainSec(db), prim("uint32"), 1), quants, bs)).toBe(false);
    expect(unifyType(dtn, mkType(domainSec(da), prim("uint64"), 1), quants, bs)).toBe(false);
    expect(unifyType(dtn, mkType(domainSec(da), prim("uint32"), 0), quants, bs)).toBe(false);
    expect(unifyType(dtn, mkType(domainSec(da), prim("uint32"), 1), quants, bs)).toBe(true);
  });

  it("matches fixed parts exactly (no classification, no conversion)", () => {
    expect(unifyType(du32, mkType(domainSec(da), prim("uint64")), quants, new Array(3))).toBe(false);
    expect(unifyType(du32, mkType(domainSec(da), prim("uint32"), 1), quants, new Array(3))).toBe(false);
  });
});

describe("bindFromExpected", () => {
  it("binds quantifiers that only the result type mentions", () => {
    const bs: Bindings = new Array(3);
    expect(bindFromExpected(dtn, { sec: domainSec(da), data: prim("uint32"), dim: 1 }, quants, bs)).toBe(true);
    expect(bs.map((b) => b?.sort)).toEqual(["domain", "type", "dim"]);
  });

  it("leaves parts the context does not give unbound", () => {
    const bs: Bindings = new Array(3);
    expect(bindFromExpected(dtn, { data: prim("bool") }, quants, bs)).toBe(true);
    expect(bs[0]).toBeUndefined();
    expect(bs[1]).toEqual({ sort: "type", data: prim("bool") });
    expect(bs[2]).toBeUndefined();
  });

  it("fails when the context contradicts a restriction", () => {
    const restricted = [q(0, "domain", kindA)];
    expect(bindFromExpected(du32, { sec: PUBLIC }, restricted, new Array(1))).toBe(false);
  });
});
