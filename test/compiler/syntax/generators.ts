/**
 * fast-check generators of SecreC ASTs (without offsets) for round-trip properties:
 * expressions with every operator, literal form, call, index, slice, cast, annotation,
 * ternary and assignment; statements; and top-level declarations. Generated trees are
 * syntactically valid by construction (literals in range, names that are not keywords).
 */
import fc from "fast-check";
import type * as A from "../../../compiler/syntax/ast.js";

type Gen<T> = fc.Arbitrary<T>;
const r0 = { start: 0, end: 0 };

const nameText = fc.constantFrom("a", "b", "x", "y1", "T", "pd", "v_2", "xor_uint32");
export const ident: Gen<A.Identifier> = nameText.map((name) => ({ kind: "Identifier", name, ...r0 }));

const intSuffixes: A.IntSuffix[] = ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"];

const intLiteral: Gen<A.IntLiteral> = fc
  .tuple(fc.constantFrom<A.IntSuffix | undefined>(undefined, ...intSuffixes), fc.constantFrom(2, 8, 10, 16), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }))
  .map(([suffix, base, v]) => {
    let value = v;
    if (suffix !== undefined) {
      const bits = BigInt(suffix.slice(1));
      const max = suffix.startsWith("u") ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
      value = v % (max + 1n);
    }
    const prefix = base === 2 ? "0b" : base === 8 ? "0o" : base === 16 ? "0x" : "";
    return { kind: "IntLiteral", raw: `${prefix}${value.toString(base)}${suffix ?? ""}`, value, suffix, ...r0 };
  });

const floatLiteral: Gen<A.FloatLiteral> = fc
  .tuple(
    fc.nat(100000),
    fc.nat(999),
    fc.constantFrom("dot", "dotOnly", "exp", "dotExp", "suffixedInt"),
    fc.integer({ min: -30, max: 30 }),
    fc.constantFrom<A.FloatSuffix | undefined>(undefined, "f32", "f64"),
  )
  .map(([whole, frac, form, exp, suffix]) => {
    let mantissa: string;
    switch (form) {
      case "dot": mantissa = `${whole}.${frac}`; break;
      case "dotOnly": mantissa = `${whole}.`; break;
      case "exp": mantissa = `${whole}e${exp}`; break;
      case "dotExp": mantissa = `${whole}.${frac}e${exp >= 0 ? "+" : ""}${exp}`; break;
      default: mantissa = `${whole}`; suffix = suffix ?? "f64";
    }
    return { kind: "FloatLiteral", raw: `${mantissa}${suffix ?? ""}`, value: Number(mantissa), suffix, ...r0 };
  });

const boolLiteral: Gen<A.BoolLiteral> = fc.boolean().map((value) => ({ kind: "BoolLiteral", value, ...r0 }));

/** Raw text of a text part; `afterName` escapes a first character that would extend a `$name`. */
function escapeText(text: string, afterName: boolean): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\n") out += "\\n";
    else if (c === "\t") out += "\\t";
    else if (c === '"' || c === "\\" || c === "$") out += `\\${c}`;
    else if (i === 0 && afterName && /[A-Za-z0-9_]/.test(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

const stringLiteral: Gen<A.StringLiteral> = fc
  .array(fc.oneof(fc.string({ unit: fc.constantFrom("a", "b", "_", "1", " ", ":", "\n", "\t", '"', "\\", "$"), minLength: 1, maxLength: 6 }), nameText.map((n) => ({ n }))), { maxLength: 4 })
  .map((items) => {
    const parts: A.StringPart[] = [];
    let raw = '"';
    let afterName = false;
    for (const item of items) {
      if (typeof item === "string") {
        const last = parts[parts.length - 1];
        if (last?.kind === "Text") parts[parts.length - 1] = { ...last, text: last.text + item };
        else parts.push({ kind: "Text", text: item, ...r0 });
        raw += escapeText(item, afterName);
        afterName = false;
      } else {
        parts.push({ kind: "Interpolation", name: { kind: "Identifier", name: item.n, ...r0 } });
        raw += `$${item.n}`;
        afterName = true;
      }
    }
    return { kind: "StringLiteral", raw: `${raw}"`, parts, ...r0 };
  });

const primitiveNames: A.PrimitiveTypeName[] = ["bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float", "float32", "float64", "string"];
const primitiveType: Gen<A.PrimitiveType> = fc.constantFrom(...primitiveNames).map((name) => ({ kind: "PrimitiveType", name, ...r0 }));
const namedType: Gen<A.NamedType> = ident.map((name) => ({ kind: "NamedType", name, typeArgs: undefined, ...r0 }));
const dataType: Gen<A.DataTypeExpr> = fc.oneof(primitiveType, namedType);
const dimExpr: Gen<A.DimExpr> = fc.oneof(
  fc.nat(5).map((value): A.DimExpr => ({ kind: "DimLiteral", value, ...r0 })),
  ident.map((name): A.DimExpr => ({ kind: "DimVar", name, ...r0 })),
);
const security: Gen<A.SecurityExpr> = fc.oneof(
  fc.constant<A.SecurityExpr>({ kind: "PublicSecurity", ...r0 }),
  ident.map((name): A.SecurityExpr => ({ kind: "DomainSecurity", name, ...r0 })),
);

/** A `::` type: a domain name alone would read as a data type, so it comes with one. */
const typeAnnotation: Gen<A.TypeAnnotation> = fc
  .tuple(fc.option(security, { nil: undefined }), fc.option(dataType, { nil: undefined }), fc.option(dimExpr, { nil: undefined }))
  .filter(([s, d, m]) => (s !== undefined || d !== undefined || m !== undefined) && !(s?.kind === "DomainSecurity" && d === undefined))
  .map(([s, d, m]) => ({ kind: "TypeAnnotation", security: s, data: d, dim: m, ...r0 }));

export const typeExpr: Gen<A.TypeExpr> = fc
  .tuple(fc.option(security, { nil: undefined }), dataType, fc.option(dimExpr, { nil: undefined }))
  .map(([s, d, m]) => ({ kind: "TypeExpr", security: s, data: d, dim: m, ...r0 }));

const binaryOps: A.BinaryOp[] = ["*", "/", "%", "+", "-", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "&", "^", "|", "&&", "||"];
const assignOps: A.AssignOp[] = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="];
const callBuiltins: A.BuiltinName[] = ["size", "shape", "reshape", "cat", "declassify", "tostring", "strlen", "__domainid", "__bytes_from_string", "__string_from_bytes", "__set_fpu_state"];

export const { expr } = fc.letrec<{ expr: A.Expr; leaf: A.Expr; slice: A.Slice }>((tie) => {
  const e = tie("expr");
  const args = fc.array(e, { maxLength: 3 });
  return {
    leaf: fc.oneof(
      intLiteral,
      floatLiteral,
      boolLiteral,
      stringLiteral,
      nameText.map((name): A.Expr => ({ kind: "Name", name, ...r0 })),
      fc.constant<A.Expr>({ kind: "Builtin", name: "__fpu_state", args: [], ...r0 }),
    ),
    slice: fc
      .tuple(fc.option(e, { nil: undefined }), fc.option(e, { nil: undefined }))
      .map(([lo, hi]): A.Slice => ({ kind: "Slice", lo, hi, ...r0 })),
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      tie("leaf"),
      e.map((x): A.Expr => ({ kind: "Paren", expr: x, ...r0 })),
      args.map((elements): A.Expr => ({ kind: "ArrayLiteral", elements, ...r0 })),
      fc.tuple(fc.constantFrom<"-" | "!" | "~">("-", "!", "~"), e).map(([op, operand]): A.Expr => ({ kind: "Unary", op, operand, ...r0 })),
      fc.tuple(fc.constantFrom<"++" | "--">("++", "--"), fc.boolean(), e).map(([op, prefix, operand]): A.Expr => ({ kind: "IncDec", op, prefix, operand, ...r0 })),
      fc.tuple(dataType, e).map(([type, operand]): A.Expr => ({ kind: "Cast", type, operand, ...r0 })),
      fc.tuple(fc.constantFrom(...binaryOps), e, e).map(([op, left, right]): A.Expr => ({ kind: "Binary", op, left, right, ...r0 })),
      fc.tuple(e, e, e).map(([c, t, f]): A.Expr => ({ kind: "Ternary", cond: c, then: t, else: f, ...r0 })),
      fc.tuple(fc.constantFrom(...assignOps), e, e).map(([op, target, value]): A.Expr => ({ kind: "Assign", op, target, value, ...r0 })),
      fc.tuple(e, e).map(([left, right]): A.Expr => ({ kind: "Comma", left, right, ...r0 })),
      fc.tuple(e, typeAnnotation).map(([x, type]): A.Expr => ({ kind: "Annotated", expr: x, type, ...r0 })),
      fc.tuple(ident, args).map(([callee, a]): A.Expr => ({ kind: "Call", callee, args: a, ...r0 })),
      fc.tuple(e, fc.array(fc.oneof(e, tie("slice")), { minLength: 1, maxLength: 3 })).map(([target, indices]): A.Expr => ({ kind: "Index", target, indices, ...r0 })),
      fc.tuple(e, ident).map(([target, field]): A.Expr => ({ kind: "Member", target, field, ...r0 })),
      fc.tuple(fc.constantFrom(...callBuiltins), fc.array(e, { minLength: 1, maxLength: 3 })).map(([name, a]): A.Expr => ({ kind: "Builtin", name, args: a, ...r0 })),
    ),
  };
});

const declarator: Gen<A.Declarator> = fc
  .tuple(ident, fc.option(fc.array(expr, { minLength: 1, maxLength: 2 }), { nil: undefined }), fc.option(expr, { nil: undefined }))
  .map(([name, shape, init]) => ({ kind: "Declarator", name, shape, init, ...r0 }));

export const varDecl: Gen<A.VarDecl> = fc
  .tuple(typeExpr, fc.array(declarator, { minLength: 1, maxLength: 3 }))
  .map(([type, declarators]) => ({ kind: "VarDecl", type, declarators, ...r0 }));

const syscallModes: A.SyscallArg["mode"][] = ["push", "return", "ref", "cref", "readonly"];

export const { stmt } = fc.letrec<{ stmt: A.Stmt; block: A.Block }>((tie) => {
  const s = tie("stmt");
  const oe = fc.option(expr, { nil: undefined });
  return {
    block: fc.array(s, { maxLength: 3 }).map((stmts): A.Block => ({ kind: "Block", stmts, ...r0 })),
    stmt: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      expr.map((e): A.Stmt => ({ kind: "ExprStmt", expr: e, ...r0 })),
      varDecl,
      fc.constant<A.Stmt>({ kind: "Empty", ...r0 }),
      fc.constant<A.Stmt>({ kind: "Break", ...r0 }),
      fc.constant<A.Stmt>({ kind: "Continue", ...r0 }),
      oe.map((value): A.Stmt => ({ kind: "Return", value, ...r0 })),
      expr.map((cond): A.Stmt => ({ kind: "Assert", cond, ...r0 })),
      fc.array(expr, { maxLength: 3 }).map((args): A.Stmt => ({ kind: "Print", args, ...r0 })),
      fc.tuple(stringLiteral, fc.array(fc.tuple(fc.constantFrom(...syscallModes), expr), { maxLength: 3 })).map(
        ([name, args]): A.Stmt => ({ kind: "Syscall", name, args: args.map(([mode, e]) => ({ kind: "SyscallArg", mode, expr: e, ...r0 })), ...r0 }),
      ),
      tie("block"),
      fc.tuple(expr, s, fc.option(s, { nil: undefined })).map(([cond, then, otherwise]): A.Stmt => ({ kind: "If", cond, then, else: otherwise, ...r0 })),
      fc.tuple(expr, s).map(([cond, body]): A.Stmt => ({ kind: "While", cond, body, ...r0 })),
      fc.tuple(s, expr).map(([body, cond]): A.Stmt => ({ kind: "DoWhile", body, cond, ...r0 })),
      fc.tuple(fc.option(fc.oneof(varDecl, expr), { nil: undefined }), oe, oe, s).map(
        ([init, cond, step, body]): A.Stmt => ({ kind: "For", init, cond, step, body, ...r0 }),
      ),
    ),
  };
});

const templateHeader: Gen<A.TemplateHeader> = fc
  .array(
    fc.oneof(
      fc.tuple(ident, fc.option(ident, { nil: undefined })).map(([name, kindName]): A.TemplateParam => ({ kind: "TemplateParam", paramKind: "domain", name, kindName, ...r0 })),
      ident.map((name): A.TemplateParam => ({ kind: "TemplateParam", paramKind: "type", name, kindName: undefined, ...r0 })),
      ident.map((name): A.TemplateParam => ({ kind: "TemplateParam", paramKind: "dim", name, kindName: undefined, ...r0 })),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((params) => ({ kind: "TemplateHeader", params, ...r0 }));

const param: Gen<A.Param> = fc.tuple(typeExpr, ident).map(([type, name]) => ({ kind: "Param", type, name, ...r0 }));
const body: Gen<A.Block> = fc.array(stmt, { maxLength: 2 }).map((stmts) => ({ kind: "Block", stmts, ...r0 }));
const operatorSymbols: A.OperatorSymbol[] = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "!", "~"];

const annotation: Gen<A.Annotation> = fc
  .option(fc.string({ unit: fc.constantFrom("a", "b", " "), maxLength: 5 }), { nil: undefined })
  .map((text) => ({
    kind: "Annotation",
    name: { kind: "Identifier", name: "deprecated", ...r0 },
    argument: text === undefined ? undefined : { kind: "StringLiteral", raw: `"${text}"`, parts: text === "" ? [] : [{ kind: "Text", text, ...r0 }], ...r0 },
    ...r0,
  }));

const procDecl: Gen<A.ProcDecl> = fc
  .tuple(
    fc.option(templateHeader, { nil: undefined }),
    fc.array(annotation, { maxLength: 1 }),
    fc.oneof(typeExpr, fc.constant<A.VoidType>({ kind: "VoidType", ...r0 })),
    fc.oneof(
      ident.map((name) => ({ form: "procedure" as const, name, operator: undefined })),
      fc.constantFrom(...operatorSymbols).map((symbol) => ({
        form: "operator" as const,
        name: { kind: "Identifier" as const, name: `operator${symbol}`, ...r0 },
        operator: { symbol, ...r0 },
      })),
      fc.constant({ form: "cast" as const, name: { kind: "Identifier" as const, name: "cast", ...r0 }, operator: undefined }),
    ),
    fc.array(param, { maxLength: 3 }),
    body,
  )
  .map(([template, annotations, returnType, head, params, b]) => ({ kind: "ProcDecl", template, annotations, returnType, ...head, params, body: b, ...r0 }));

const structDecl: Gen<A.StructDecl> = fc
  .tuple(fc.option(templateHeader, { nil: undefined }), ident, fc.array(fc.tuple(typeExpr, ident), { maxLength: 3 }))
  .map(([template, name, fields]) => ({
    kind: "StructDecl",
    template,
    name,
    fields: fields.map(([type, n]): A.StructField => ({ kind: "StructField", type, name: n, ...r0 })),
    ...r0,
  }));

const kindDecl: Gen<A.KindDecl> = fc
  .tuple(ident, fc.array(fc.tuple(fc.oneof(ident, fc.constantFrom("bool", "uint32").map((name): A.Identifier => ({ kind: "Identifier", name, ...r0 }))), fc.option(fc.constantFrom<A.PrimitiveTypeName>("uint32", "float64"), { nil: undefined })), { maxLength: 3 }))
  .map(([name, types]) => ({
    kind: "KindDecl",
    name,
    types: types.map(([n, pub]): A.KindTypeDecl => ({ kind: "KindTypeDecl", name: n, publicType: pub === undefined ? undefined : { kind: "PrimitiveType", name: pub, ...r0 }, ...r0 })),
    ...r0,
  }));

/** Global variables: shapes are kept to names and literals (`T x(a < b, c > d)` reads like a procedure head). */
const simpleExpr: Gen<A.Expr> = fc.oneof(intLiteral, nameText.map((name): A.Expr => ({ kind: "Name", name, ...r0 })));
const globalVar: Gen<A.VarDecl> = fc
  .tuple(typeExpr, fc.array(fc.tuple(ident, fc.option(fc.array(simpleExpr, { minLength: 1, maxLength: 2 }), { nil: undefined }), fc.option(expr, { nil: undefined })), { minLength: 1, maxLength: 2 }))
  .map(([type, ds]) => ({
    kind: "VarDecl",
    type,
    declarators: ds.map(([name, shape, init]): A.Declarator => ({ kind: "Declarator", name, shape, init, ...r0 })),
    ...r0,
  }));

export const topDecl: Gen<A.TopDecl> = fc.oneof(
  procDecl,
  structDecl,
  kindDecl,
  globalVar,
  fc.tuple(ident, ident).map(([name, kindName]): A.TopDecl => ({ kind: "DomainDecl", name, kindName, ...r0 })),
);

export const module: Gen<A.Module> = fc
  .tuple(fc.option(ident, { nil: undefined }), fc.array(ident, { maxLength: 2 }), fc.array(topDecl, { maxLength: 4 }))
  .map(([name, imports, decls]) => ({
    kind: "Module",
    name,
    imports: imports.map((i): A.ImportDecl => ({ kind: "Import", name: i, ...r0 })),
    decls,
    comments: [],
    ...r0,
  }));
