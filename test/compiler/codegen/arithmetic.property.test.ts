/**
 * Property: random public integer expressions over variables of one type, compiled
 * and run through the whole pipeline (parse, check, lower, emit, VM), print the
 * value an independent BigInt model computes with wrapping at the type's width.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { output } from "./helpers.js";

type Expr = { readonly op: "var"; readonly name: "a" | "b" | "c" } | { readonly op: "neg"; readonly x: Expr } | { readonly op: "+" | "-" | "*" | "&" | "|" | "^"; readonly l: Expr; readonly r: Expr };

const TYPES = [
  { name: "int8", bits: 8, signed: true },
  { name: "uint16", bits: 16, signed: false },
  { name: "int32", bits: 32, signed: true },
  { name: "uint64", bits: 64, signed: false },
  { name: "int64", bits: 64, signed: true },
] as const;

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("a", "b", "c").map((name): Expr => ({ op: "var", name: name as "a" | "b" | "c" })),
    tie("e").map((x): Expr => ({ op: "neg", x })),
    fc.tuple(fc.constantFrom("+", "-", "*", "&", "|", "^"), tie("e"), tie("e")).map(([op, l, r]): Expr => ({ op: op as "+", l, r })),
  ),
})).e;

function text(e: Expr): string {
  switch (e.op) {
    case "var":
      return e.name;
    case "neg":
      return `-(${text(e.x)})`;
    default:
      return `(${text(e.l)} ${e.op} ${text(e.r)})`;
  }
}

function model(e: Expr, env: Record<string, bigint>, wrap: (v: bigint) => bigint): bigint {
  switch (e.op) {
    case "var":
      return env[e.name]!;
    case "neg":
      return wrap(-model(e.x, env, wrap));
    default: {
      const l = model(e.l, env, wrap);
      const r = model(e.r, env, wrap);
      const v = e.op === "+" ? l + r : e.op === "-" ? l - r : e.op === "*" ? l * r : e.op === "&" ? l & r : e.op === "|" ? l | r : l ^ r;
      return wrap(v);
    }
  }
}

describe("compiled integer arithmetic", () => {
  it("matches a BigInt model on every width", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TYPES), exprArb, fc.array(fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }), { minLength: 3, maxLength: 3 }), async (t, e, raw) => {
        const wrap = (v: bigint): bigint => (t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v));
        const [a, b, c] = raw.map(wrap) as [bigint, bigint, bigint];
        const lit = (v: bigint): string => (v < 0n ? `-${-v}` : `${v}`);
        const program = `void main() {\n  ${t.name} a = ${lit(a)};\n  ${t.name} b = ${lit(b)};\n  ${t.name} c = ${lit(c)};\n  ${t.name} r = ${text(e)};\n  print(r);\n}\n`;
        const out = await output(program);
        expect(out).toEqual([String(model(e, { a, b, c }, wrap))]);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
