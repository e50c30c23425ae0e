/**
 * Property: random private expressions mixing scalars and 2x2 matrices (operator
 * definitions over vectors applied to scalars and matrices, scalar broadcasting,
 * implicit classification of public literals) compute, under the emulator, what an
 * element-wise BigInt model with wrapping computes. One program per run holds
 * several expressions, since compiling against shared3p dominates the time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { output } from "./helpers.js";

type Op = "+" | "-" | "*";
type Expr =
  | { readonly op: "var"; readonly name: "a" | "b" | "m" | "n" }
  | { readonly op: "lit"; readonly value: number }
  | { readonly op: Op; readonly l: Expr; readonly r: Expr };

const TYPES = [
  { name: "uint8", bits: 8, signed: false },
  { name: "int32", bits: 32, signed: true },
  { name: "uint64", bits: 64, signed: false },
] as const;

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    fc.constantFrom("a", "b", "m", "n").map((name): Expr => ({ op: "var", name: name as "a" })),
    fc.integer({ min: 0, max: 100 }).map((value): Expr => ({ op: "lit", value })),
    fc.tuple(fc.constantFrom<Op>("+", "-", "*"), tie("e"), tie("e")).map(([op, l, r]): Expr => ({ op, l, r })),
  ),
})).e;

function isMatrix(e: Expr): boolean {
  if (e.op === "var") return e.name === "m" || e.name === "n";
  if (e.op === "lit") return false;
  return isMatrix(e.l) || isMatrix(e.r);
}

function text(e: Expr): string {
  if (e.op === "var") return e.name;
  if (e.op === "lit") return String(e.value);
  return `(${text(e.l)} ${e.op} ${text(e.r)})`;
}

/** Four element values (a scalar is the same in every element). */
function model(e: Expr, env: Record<string, bigint[]>, wrap: (v: bigint) => bigint): bigint[] {
  if (e.op === "var") return env[e.name]!;
  if (e.op === "lit") return [0, 1, 2, 3].map(() => wrap(BigInt(e.value)));
  const l = model(e.l, env, wrap);
  const r = model(e.r, env, wrap);
  return l.map((x, i) => wrap(e.op === "+" ? x + r[i]! : e.op === "-" ? x - r[i]! : x * r[i]!));
}

describe("compiled private arithmetic under the emulator", () => {
  it("matches an element-wise BigInt model on scalars and matrices", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TYPES),
        fc.array(exprArb.filter((e) => e.op !== "var" && e.op !== "lit"), { minLength: 4, maxLength: 4 }),
        fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { minLength: 10, maxLength: 10 }),
        async (t, exprs, raw) => {
          const wrap = (v: bigint): bigint => (t.signed ? BigInt.asIntN(t.bits, v) : BigInt.asUintN(t.bits, v));
          const vals = raw.map(wrap);
          const lit = (v: bigint): string => (v < 0n ? `-${-v}` : `${v}`);
          const env = { a: [0, 1, 2, 3].map(() => vals[0]!), b: [0, 1, 2, 3].map(() => vals[1]!), m: vals.slice(2, 6), n: vals.slice(6, 10) };
          const lines = exprs.map((e) => {
            const m = isMatrix(e);
            const decl = `pd_shared3p ${t.name}${m ? "[[2]]" : ""} r = ${text(e)};`;
            const show = m ? `print(o[0, 0], " ", o[0, 1], " ", o[1, 0], " ", o[1, 1]);` : `print(o);`;
            return `  {\n    ${decl}\n    ${t.name}${m ? "[[2]]" : ""} o = declassify(r);\n    ${show}\n  }`;
          });
          const program = [
            "import stdlib;",
            "import shared3p;",
            "domain pd_shared3p shared3p;",
            "void main() {",
            `  pd_shared3p ${t.name} a = ${lit(vals[0]!)};`,
            `  pd_shared3p ${t.name} b = ${lit(vals[1]!)};`,
            `  ${t.name}[[1]] mv = {${vals.slice(2, 6).map(lit).join(", ")}};`,
            `  ${t.name}[[1]] nv = {${vals.slice(6, 10).map(lit).join(", ")}};`,
            `  pd_shared3p ${t.name}[[2]] m = reshape(mv, 2, 2);`,
            `  pd_shared3p ${t.name}[[2]] n = reshape(nv, 2, 2);`,
            ...lines,
            "}",
          ].join("\n");
          const expected = exprs.map((e) => {
            const v = model(e, env, wrap);
            return isMatrix(e) ? v.join(" ") : String(v[0]);
          });
          expect(await output(program)).toEqual(expected);
        },
      ),
      { numRuns: 6 },
    );
  }, 180_000);
});
