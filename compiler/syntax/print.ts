/**
 * AST → SecreC source, canonically: four-space indentation, one declaration or
 * statement per line, and parentheses exactly where the grammar needs them. Used by
 * round-trip tests (parse(print(tree)) equals tree modulo offsets and the `Paren`
 * nodes this printer adds) and for quick dumps; the real formatter lives in
 * compiler/format and keeps comments and layout.
 *
 * Where the source form is ambiguous the printer adds parentheses (or braces):
 * - an operand whose precedence is lower than its position allows;
 * - the operand of a cast to a named type that does not start with a token that
 *   forces the cast reading (`(T) (-x)`, see parser.ts);
 * - an expression statement or `for` initialiser that starts with `{` or is a comma
 *   expression (which could read as a block or a declaration);
 * - a then-branch that is an `if` without `else` inside an `if` with `else` (braces).
 * Comments and `ErrorExpr`/`ErrorStmt`/`ErrorDecl` are not printable SecreC; error
 * nodes print as `/* error *\/`.
 */
import type * as A from "./ast.js";
import { binaryPrecedence } from "./tokens.js";

const indentUnit = "    ";

// Precedence levels (higher binds tighter).
const COMMA = 0;
const ASSIGN = 1;
const ANNOTATED = 2;
const TERNARY = 3;
const binaryBase = 3; // binary operator level = 3 + binaryPrecedence (4..13)
const PREFIX = 14;
const POSTFIX = 15;
const PRIMARY = 16;

function levelOf(e: A.Expr): number {
  switch (e.kind) {
    case "Comma": return COMMA;
    case "Assign": return ASSIGN;
    case "Annotated": return ANNOTATED;
    case "Ternary": return TERNARY;
    case "Binary": return binaryBase + binaryPrecedence[e.op];
    case "Unary":
    case "Cast":
      return PREFIX;
    case "IncDec": return e.prefix ? PREFIX : POSTFIX;
    case "Index":
    case "Member":
      return POSTFIX;
    case "IntLiteral":
    case "FloatLiteral":
    case "BoolLiteral":
    case "StringLiteral":
    case "Name":
    case "Paren":
    case "ArrayLiteral":
    case "Call":
    case "Builtin":
    case "ErrorExpr":
      return PRIMARY;
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** Prints an expression; wraps it in parentheses when its level is below `min`. */
export function printExpr(e: A.Expr, min = COMMA): string {
  const text = printBare(e);
  return levelOf(e) < min ? `(${text})` : text;
}

function list(items: readonly A.Expr[]): string {
  return items.map((x) => printExpr(x, ASSIGN)).join(", ");
}

function isNonAssociative(op: A.BinaryOp): boolean {
  const p = binaryPrecedence[op];
  return p === 6 || p === 7;
}

function printBare(e: A.Expr): string {
  switch (e.kind) {
    case "IntLiteral":
    case "FloatLiteral":
      return e.raw;
    case "BoolLiteral":
      return e.value ? "true" : "false";
    case "StringLiteral":
      return e.raw;
    case "Name":
      return e.name;
    case "Paren":
      return `(${printExpr(e.expr, COMMA)})`;
    case "ArrayLiteral":
      return `{${list(e.elements)}}`;
    case "Unary":
    case "IncDec": {
      if (e.kind === "IncDec" && !e.prefix) return `${printExpr(e.operand, POSTFIX)}${e.op}`;
      const operand = printExpr(e.operand, PREFIX);
      const gap = e.op.endsWith("-") && operand.startsWith("-") ? " " : "";
      return `${e.op}${gap}${operand}`;
    }
    case "Cast": {
      let operand = printExpr(e.operand, PREFIX);
      if (e.type.kind === "NamedType" && /^[-+{]/.test(operand)) operand = `(${operand})`;
      return `(${printDataType(e.type)}) ${operand}`;
    }
    case "Binary": {
      const level = binaryBase + binaryPrecedence[e.op];
      const left = printExpr(e.left, isNonAssociative(e.op) ? level + 1 : level);
      return `${left} ${e.op} ${printExpr(e.right, level + 1)}`;
    }
    case "Ternary":
      return `${printExpr(e.cond, TERNARY + 1)} ? ${printExpr(e.then, ANNOTATED)} : ${printExpr(e.else, TERNARY)}`;
    case "Assign":
      return `${printExpr(e.target, ANNOTATED)} ${e.op} ${printExpr(e.value, ASSIGN)}`;
    case "Comma":
      return `${printExpr(e.left, COMMA)}, ${printExpr(e.right, ASSIGN)}`;
    case "Annotated":
      return `${printExpr(e.expr, ANNOTATED)} :: ${printTypeAnnotation(e.type)}`;
    case "Call":
      return `${e.callee.name}(${list(e.args)})`;
    case "Index": {
      const indices = e.indices.map((i) => (i.kind === "Slice" ? printSlice(i) : printExpr(i, ASSIGN)));
      return `${printExpr(e.target, POSTFIX)}[${indices.join(", ")}]`;
    }
    case "Member": {
      const numeric = e.target.kind === "IntLiteral" || e.target.kind === "FloatLiteral";
      return `${numeric ? `(${printBare(e.target)})` : printExpr(e.target, POSTFIX)}.${e.field.name}`;
    }
    case "Builtin":
      return e.name === "__fpu_state" ? e.name : `${e.name}(${list(e.args)})`;
    case "ErrorExpr":
      return "/* error */";
    default: {
      const never: never = e;
      return never;
    }
  }
}

function printSlice(s: A.Slice): string {
  const lo = s.lo ? printExpr(s.lo, ASSIGN) : "";
  const hi = s.hi ? printExpr(s.hi, ASSIGN) : "";
  return `${lo}:${hi}`;
}

// ---------------------------------------------------------------------------
// Types

export function printDataType(t: A.DataTypeExpr): string {
  if (t.kind === "PrimitiveType") return t.name;
  if (t.typeArgs === undefined) return t.name.name;
  const args = t.typeArgs.map(printTypeArg).join(", ");
  return `${t.name.name}<${args}${args.endsWith(">") ? " " : ""}>`;
}

function printTypeArg(a: A.TypeArg): string {
  switch (a.kind) {
    case "PublicSecurity": return "public";
    case "IntLiteral": return a.raw;
    case "PrimitiveType":
    case "NamedType":
      return printDataType(a);
    default: {
      const never: never = a;
      return never;
    }
  }
}

function printSecurity(s: A.SecurityExpr): string {
  return s.kind === "PublicSecurity" ? "public" : s.name.name;
}

function printDim(d: A.DimExpr): string {
  return `[[${d.kind === "DimLiteral" ? String(d.value) : d.name.name}]]`;
}

export function printType(t: A.TypeExpr | A.VoidType): string {
  if (t.kind === "VoidType") return "void";
  const security = t.security ? `${printSecurity(t.security)} ` : "";
  return `${security}${printDataType(t.data)}${t.dim ? printDim(t.dim) : ""}`;
}

function printTypeAnnotation(t: A.TypeAnnotation): string {
  const parts: string[] = [];
  if (t.security) parts.push(printSecurity(t.security));
  if (t.data) parts.push(printDataType(t.data));
  if (t.dim) parts.push(printDim(t.dim));
  return parts.join(" ");
}

// ---------------------------------------------------------------------------
// Statements

function printDeclarator(d: A.Declarator): string {
  const shape = d.shape ? `(${list(d.shape)})` : "";
  const init = d.init ? ` = ${printExpr(d.init, ASSIGN)}` : "";
  return `${d.name.name}${shape}${init}`;
}

function printVarDecl(v: A.VarDecl): string {
  return `${printType(v.type)} ${v.declarators.map(printDeclarator).join(", ")}`;
}

/** An expression in statement position (or a `for` initialiser). */
function printLeadingExpr(e: A.Expr): string {
  const text = printExpr(e, COMMA);
  return e.kind === "Comma" || text.startsWith("{") ? `(${text})` : text;
}

function endsWithOpenIf(s: A.Stmt): boolean {
  switch (s.kind) {
    case "If": return s.else === undefined ? true : endsWithOpenIf(s.else);
    case "While":
    case "For":
      return endsWithOpenIf(s.body);
    default:
      return false;
  }
}

/** A statement body after `if (...)`, `else`, `while (...)`, `for (...)` or `do`. */
function printBody(s: A.Stmt, indent: string): string {
  if (s.kind === "Block") return ` ${printStmt(s, indent)}`;
  return `\n${indent}${indentUnit}${printStmt(s, indent + indentUnit)}`;
}

/** Prints a statement at `indent` (the first line is not indented). */
export function printStmt(s: A.Stmt, indent = ""): string {
  switch (s.kind) {
    case "Block": {
      if (s.stmts.length === 0) return "{}";
      const inner = indent + indentUnit;
      return `{\n${s.stmts.map((x) => `${inner}${printStmt(x, inner)}\n`).join("")}${indent}}`;
    }
    case "VarDecl":
      return `${printVarDecl(s)};`;
    case "If": {
      let then = s.then;
      if (s.else !== undefined && endsWithOpenIf(then)) then = { kind: "Block", stmts: [then], start: then.start, end: then.end };
      const head = `if (${printExpr(s.cond)})${printBody(then, indent)}`;
      if (s.else === undefined) return head;
      const sep = then.kind === "Block" ? " " : `\n${indent}`;
      const elseText = s.else.kind === "If" ? ` ${printStmt(s.else, indent)}` : printBody(s.else, indent);
      return `${head}${sep}else${elseText}`;
    }
    case "While":
      return `while (${printExpr(s.cond)})${printBody(s.body, indent)}`;
    case "DoWhile": {
      const sep = s.body.kind === "Block" ? " " : `\n${indent}`;
      return `do${printBody(s.body, indent)}${sep}while (${printExpr(s.cond)});`;
    }
    case "For": {
      const init = s.init === undefined ? "" : s.init.kind === "VarDecl" ? printVarDecl(s.init) : printLeadingExpr(s.init);
      const cond = s.cond ? ` ${printExpr(s.cond)}` : "";
      const step = s.step ? ` ${printExpr(s.step)}` : "";
      return `for (${init};${cond};${step})${printBody(s.body, indent)}`;
    }
    case "Break":
      return "break;";
    case "Continue":
      return "continue;";
    case "Return":
      return s.value ? `return ${printExpr(s.value)};` : "return;";
    case "Assert":
      return `assert(${printExpr(s.cond)});`;
    case "Print":
      return `print(${list(s.args)});`;
    case "Syscall": {
      const args = s.args.map((a) => `, ${a.mode === "push" ? "" : `__${a.mode} `}${printExpr(a.expr, ASSIGN)}`);
      return `__syscall(${s.name.raw}${args.join("")});`;
    }
    case "ExprStmt":
      return `${printLeadingExpr(s.expr)};`;
    case "Empty":
      return ";";
    case "ErrorStmt":
      return "/* error */";
    default: {
      const never: never = s;
      return never;
    }
  }
}

// ---------------------------------------------------------------------------
// Declarations

function printTemplate(t: A.TemplateHeader | undefined): string {
  if (t === undefined) return "";
  const params = t.params.map((p) => `${p.paramKind} ${p.name.name}${p.kindName ? ` : ${p.kindName.name}` : ""}`);
  return `template <${params.join(", ")}>\n`;
}

function printProc(p: A.ProcDecl): string {
  const annotations = p.annotations.map((a) => `@${a.name.name}${a.argument ? `(${a.argument.raw})` : ""}\n`).join("");
  const params = p.params.map((x) => `${printType(x.type)} ${x.name.name}`).join(", ");
  const name = p.form === "operator" ? `operator ${p.operator?.symbol ?? ""} ` : p.form === "cast" ? "cast " : p.name.name;
  return `${printTemplate(p.template)}${annotations}${printType(p.returnType)} ${name}(${params}) ${printStmt(p.body)}`;
}

export function printDecl(d: A.TopDecl): string {
  switch (d.kind) {
    case "VarDecl":
      return `${printVarDecl(d)};`;
    case "DomainDecl":
      return `domain ${d.name.name} ${d.kindName.name};`;
    case "KindDecl": {
      if (d.types.length === 0) return `kind ${d.name.name};`;
      const types = d.types.map((t) => `${indentUnit}type ${t.name.name}${t.publicType ? ` { public = ${t.publicType.name} }` : ""};\n`);
      return `kind ${d.name.name} {\n${types.join("")}}`;
    }
    case "ProcDecl":
      return printProc(d);
    case "StructDecl": {
      const fields = d.fields.map((f) => `${indentUnit}${printType(f.type)} ${f.name.name};\n`);
      return `${printTemplate(d.template)}struct ${d.name.name} {\n${fields.join("")}}`;
    }
    case "ErrorDecl":
      return "/* error */";
    default: {
      const never: never = d;
      return never;
    }
  }
}

/** Prints a whole module (without its comments). */
export function printModule(m: A.Module): string {
  const out: string[] = [];
  if (m.name) out.push(`module ${m.name.name};\n`);
  if (m.imports.length > 0) out.push(m.imports.map((i) => `import ${i.name.name};\n`).join(""));
  for (const d of m.decls) out.push(`${printDecl(d)}\n`);
  return out.join("\n");
}
