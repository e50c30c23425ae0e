/**
 * The bound model (the contract with the lowering): implicit classifications and
 * use-site reshapes are explicit nodes, calls point at instances, compound
 * assignments are desugared with a TargetValue, literals carry their final type and
 * value, strings are interpolated, syscall names are constant per instance, globals
 * are in initialisation order, and the side tables answer the language server.
 */
import { describe, expect, it } from "vitest";
import type { BoundExpr, BoundStmt, BoundVarDecl } from "../../../compiler/semantic/bound.js";
import { typeName } from "../../../compiler/semantic/types.js";
import { exprsOf } from "./bound-walk.js";
import { checkSource } from "./harness.js";

const prelude = `
kind k3 { type bool; type uint32; type xor_uint32 { public = uint32 }; }
domain pd k3;
template <domain D : k3>
D uint32[[1]] operator + (D uint32[[1]] a, D uint32[[1]] b) {
    D uint32[[1]] r(size(a));
    __syscall("k3::add_$D\\_uint32_vec", __domainid(D), a, b, r);
    return r;
}
`;

/** Shape of a bound expression as a compact string: kind(children) with types. */
function shape(e: BoundExpr): string {
  const t = typeName(e.type);
  switch (e.kind) {
    case "Literal":
      return `Lit ${String(e.value)}:${t}`;
    case "Var":
      return `Var ${e.symbol.name}:${t}`;
    case "TargetValue":
      return `Target:${t}`;
    case "Classify":
    case "ToVector":
      return `${e.kind}(${shape(e.operand)}):${t}`;
    case "OperatorCall":
      return `Op${e.op}[${e.instance.displayName}${e.reshapeResult ? ",reshape" : ""}](${e.args.map(shape).join(", ")}):${t}`;
    case "BuiltinBinary":
      return `Builtin${e.op}(${shape(e.left)}, ${shape(e.right)}):${t}`;
    case "CompoundAssign":
    case "IncDec":
      return `${e.kind}(${shape(e.target)} <- ${shape(e.combined)})`;
    case "Interpolation":
      return `Interp(${e.parts.map((p) => (typeof p === "string" ? JSON.stringify(p) : shape(p))).join(", ")})`;
    default:
      return `${e.kind}:${t}`;
  }
}

function mainStatements(body: string) {
  const r = checkSource(`${prelude}\nvoid main() {\n${body}\n}`, { stdlibPath: undefined });
  expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return { ...r, stmts: r.program.main!.body!.stmts };
}

function initOf(s: BoundStmt | undefined): string {
  const d = (s as BoundVarDecl).declarators[0]!;
  return shape(d.init!);
}

describe("bound model", () => {
  it("makes classification of initialisers explicit and types literals by context", () => {
    const { stmts } = mainStatements("pd uint32 a = 3;\npd xor_uint32 x = 4;");
    expect(initOf(stmts[0])).toBe("Classify(Lit 3:uint32):pd uint32");
    expect(initOf(stmts[1])).toBe("Classify(Lit 4:uint32):pd xor_uint32");
  });

  it("classifies and reshapes operator operands at the use site", () => {
    const { stmts } = mainStatements("pd uint32 a = 1;\npd uint32 b = a + 5;");
    expect(initOf(stmts[1])).toBe(
      "Op+[operator+<pd>,reshape](ToVector(Var a:pd uint32):pd uint32[[1]], ToVector(Classify(Lit 5:uint32):pd uint32):pd uint32[[1]]):pd uint32",
    );
  });

  it("desugars compound assignment and increments with a TargetValue", () => {
    const { stmts } = mainStatements("pd uint32[[1]] v(2);\nuint32 p = 1;\nv += p;\nv++;");
    expect(shape((stmts[2] as { expr: BoundExpr }).expr)).toBe(
      "CompoundAssign(Var v:pd uint32[[1]] <- Op+[operator+<pd>](Target:pd uint32[[1]], ToVector(Classify(Var p:uint32):pd uint32):pd uint32[[1]]):pd uint32[[1]])",
    );
    expect(shape((stmts[3] as { expr: BoundExpr }).expr)).toBe(
      "IncDec(Var v:pd uint32[[1]] <- Op+[operator+<pd>](Target:pd uint32[[1]], ToVector(Classify(Lit 1:uint32):pd uint32):pd uint32[[1]]):pd uint32[[1]])",
    );
  });

  it("checks an instance once and interpolates its syscall names", () => {
    const { program } = mainStatements("pd uint32 a = 1;\npd uint32 b = a + a;\npd uint32 c = b + a;");
    const plus = program.instances.filter((i) => i.proc.name === "operator+");
    expect(plus.length).toBe(1);
    const sys = plus[0]!.body!.stmts.find((s) => s.kind === "Syscall");
    expect(sys && sys.kind === "Syscall" ? sys.name : "").toBe("k3::add_pd_uint32_vec");
  });

  it("resolves string interpolation into text and public values", () => {
    const { stmts } = mainStatements('uint32 n = 3;\nstring s = "n=$n in $pd";');
    expect(initOf(stmts[1])).toBe('Interp("n=", Var n:uint32, " in pd")');
  });

  it("keeps public built-in operations and their data types", () => {
    const { stmts } = mainStatements("uint32 n = 3;\nbool b = n < 4;");
    expect(initOf(stmts[1])).toBe("Builtin<(Var n:uint32, Lit 4:uint32):bool");
  });

  it("orders globals by module and source order and binds their initialisers", () => {
    const text = "uint32 A = 1;\nuint32 B = A + 1;\nvoid main() { uint32 c = B; }";
    const { program, diagnostics } = checkSource(text, { stdlibPath: undefined });
    expect(diagnostics).toEqual([]);
    expect(program.globals.map((g) => g.symbol.name)).toEqual(["A", "B"]);
    expect(shape(program.globals[1]!.init!)).toBe("Builtin+(Var A:uint32, Lit 1:uint32):uint32");
  });

  it("fills the side tables: expression types, references and declarations", () => {
    const src = "void main() {\n  uint32 x = 1;\n  uint32 y = x;\n}";
    const { program } = checkSource(src, { stdlibPath: undefined });
    const body = program.main!.body!;
    const decl = body.stmts[1] as BoundVarDecl;
    const use = decl.declarators[0]!.init!;
    expect(use.kind).toBe("Var");
    const xSym = (body.stmts[0] as BoundVarDecl).declarators[0]!.symbol;
    expect(program.tables.references.get(use.syntax)).toBe(xSym);
    expect(program.tables.declarations.get(xSym.decl)).toBe(xSym);
    const t = program.tables.exprTypes.get(use.syntax as never);
    expect(t && typeName(t)).toBe("uint32");
  });

  it("gives template bodies the types of their first instantiation in the side tables", () => {
    const src = "template <type T> T id(T x) { return x; }\nvoid main() {\n  bool b = id(true);\n  uint8 u = id(1u8);\n}";
    const { program, diagnostics } = checkSource(src, { stdlibPath: undefined });
    expect(diagnostics).toEqual([]);
    const ids = program.instances.filter((i) => i.proc.name === "id");
    expect(ids.map((i) => i.displayName)).toEqual(["id<bool>", "id<uint8>"]);
    const ret = ids[0]!.body!.stmts[0]!;
    const xUse = ret.kind === "Return" ? ret.value!.syntax : undefined;
    const t = program.tables.exprTypes.get(xUse as never);
    expect(t && typeName(t)).toBe("bool");
    expect(program.tables.references.get(xUse as never)).toBe(ids[0]!.paramSymbols[0]);
  });

  it("lists every expression of a body in evaluation order", () => {
    const { stmts } = mainStatements("uint32 a = 1;\nuint32 b = a * 2 + 3;");
    const kinds = exprsOf({ kind: "Block", stmts, syntax: stmts[0]!.syntax }).map((e) => e.kind);
    expect(kinds).toEqual(["Literal", "BuiltinBinary", "BuiltinBinary", "Var", "Literal", "Literal"]);
  });
});
