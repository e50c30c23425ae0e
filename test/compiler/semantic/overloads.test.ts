/**
 * Overload resolution order and template specificity (secrec-reference.md §3.6):
 * which definition each call ends up calling, identified by the line it is defined on.
 */
import { describe, expect, it } from "vitest";
import type { BoundCall, BoundExpr } from "../../../compiler/semantic/bound.js";
import { compareWeights } from "../../../compiler/semantic/overloads.js";
import { exprsOf } from "./bound-walk.js";
import { checkSource } from "./harness.js";

const header = [
  "kind k3 { type bool; type uint32; }", // 1
  "domain pd k3;", // 2
  "template <domain D, type T, dim N> uint32 g(D T[[N]] x) { return 1; }", // 3
  "template <domain D, type T> uint32 g(D T x) { return 2; }", // 4
  "template <domain D : k3, type T> uint32 g(D T x) { return 3; }", // 5
  "template <domain D : k3> uint32 g(D uint32 x) { return 4; }", // 6
  "uint32 g(pd uint32 x) { return 5; }", // 7
];

/** The definition line of each call in main, in order. */
function calledLines(mainBody: string[]): number[] {
  const text = [...header, "void main() {", ...mainBody, "}"].join("\n");
  const { program, diagnostics } = checkSource(text, { stdlibPath: undefined });
  expect(diagnostics.map((d) => d.message)).toEqual([]);
  const main = program.main!;
  const calls = exprsOf(main.body!).filter((e: BoundExpr): e is BoundCall => e.kind === "Call");
  return calls.map((c) => c.instance.proc.module.file.lineColumn(c.instance.proc.decl.start).line);
}

describe("overload resolution", () => {
  it("prefers an exact non-template over every template", () => {
    expect(calledLines(["pd uint32 x = 1;", "uint32 r = g(x);"])).toEqual([7]);
  });

  it("prefers fewer quantifiers, then kind-restricted domains, then fewer quantified parameters", () => {
    expect(
      calledLines([
        "pd bool b = true;",
        "uint32 r1 = g(b);", // 5: two quantifiers, restricted
        "uint32 r2 = g(true);", // 4: public needs the unrestricted D
        "bool[[1]] v(2);",
        "uint32 r3 = g(v);", // 3: only the dim template takes a vector
      ]),
    ).toEqual([5, 4, 3]);
  });

  it("orders weights lexicographically", () => {
    expect(compareWeights([1, 5, 5], [2, 0, 0])).toBeLessThan(0);
    expect(compareWeights([2, 0, 3], [2, 1, 0])).toBeLessThan(0);
    expect(compareWeights([2, 1, 1], [2, 1, 2])).toBeLessThan(0);
    expect(compareWeights([2, 1, 1], [2, 1, 1])).toBe(0);
  });

  it("uses the context for return-type overloading", () => {
    const text = [
      "kind k3 { type bool; type uint32; }",
      "domain pd k3;",
      "string make(string s) { return s; }", // 3
      "template <type T> T make(string s) { T x; return x; }", // 4
      "template <domain D : k3, type T> D T make(string s) { D T x; return x; }", // 5
      "template <domain D : k3, type T> D T[[1]] make(string s) { D T[[1]] x; return x; }", // 6
      "void main() {",
      "  string a = make(\"a\");",
      "  bool b = make(\"b\");",
      "  pd bool c = make(\"c\");",
      "  pd uint32[[1]] d = make(\"d\");",
      "  uint32 e = declassify(make(\"e\") :: pd uint32[[0]]);",
      "}",
    ].join("\n");
    const { program, diagnostics } = checkSource(text, { stdlibPath: undefined });
    expect(diagnostics.map((d) => d.message)).toEqual([]);
    const calls = exprsOf(program.main!.body!).filter((e): e is BoundCall => e.kind === "Call");
    const lines = calls.map((c) => c.instance.proc.module.file.lineColumn(c.instance.proc.decl.start).line);
    expect(lines).toEqual([3, 4, 5, 6, 5]);
    expect(calls[1]!.instance.displayName).toBe("make<bool>");
    expect(calls[3]!.instance.displayName).toBe("make<pd, uint32>");
  });
});

describe("operator definition choice", () => {
  const text = [
    "kind ka { type int64; type uint64; }", // 1
    "domain da ka;", // 2
    "kind kb { type int64; }", // 3
    "domain db kb;", // 4
    "int64 operator * (int64 a, int64 b) { return 10; }", // 5
    "template <type T> T operator * (T a, T b) { return a; }", // 6
    "template <domain D, type T> D T operator * (D T a, D T b) { return a; }", // 7
    "template <domain D : ka, type T> D T operator * (D T a, D T b) { return a; }", // 8
    "template <domain D : ka, type T> D T operator * (D T a, T b) { return a; }", // 9
    "void main() {",
    "  int64 i = 2; uint64 u = 3; db int64 b = 4; da int64 a = 5;",
    "  int64 r1 = i * i;", // 5: a public definition beats the built-in
    "  uint64 r2 = u * u;", // 6: fewest domain quantifiers
    "  db int64 r3 = b * b;", // 7: the only one for kind kb
    "  da int64 r4 = a * a;", // 8: restricted beats unrestricted
    "  da int64 r5 = a * i;", // 9: no classification needed beats classifying i for 8
    "}",
  ].join("\n");

  it("prefers definitions over built-ins, restricted domains, then fewer conversions", () => {
    const { program, diagnostics } = checkSource(text, { stdlibPath: undefined });
    expect(diagnostics.map((d) => d.message)).toEqual([]);
    const ops = exprsOf(program.main!.body!).filter((e) => e.kind === "OperatorCall");
    const lines = ops.map((o) => (o.kind === "OperatorCall" ? o.instance.proc.module.file.lineColumn(o.instance.proc.decl.start).line : 0));
    expect(lines).toEqual([5, 6, 7, 8, 9]);
  });
});
