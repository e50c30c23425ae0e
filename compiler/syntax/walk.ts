/**
 * Generic traversal of the AST: the child keys of every node kind, in source order
 * (what the prettier plugin's `getVisitorKeys` returns and what every generic walk
 * uses), `forEachChild` and a pre-order `walk`.
 *
 * String-literal parts and an operator definition's `operator` field are not nodes
 * and are not visited; comments live in `Module.comments` and are not children.
 */
import type { Node } from "./ast.js";

/** Child keys per node kind, in source order. */
export const visitorKeys: Readonly<Record<Node["kind"], readonly string[]>> = {
  Module: ["name", "imports", "decls"],
  Import: ["name"],
  DomainDecl: ["name", "kindName"],
  KindDecl: ["name", "types"],
  KindTypeDecl: ["name", "publicType"],
  TemplateHeader: ["params"],
  TemplateParam: ["name", "kindName"],
  Annotation: ["name", "argument"],
  ProcDecl: ["template", "annotations", "returnType", "name", "params", "body"],
  Param: ["type", "name"],
  StructDecl: ["template", "name", "fields"],
  StructField: ["type", "name"],
  ErrorDecl: [],
  TypeExpr: ["security", "data", "dim"],
  VoidType: [],
  PublicSecurity: [],
  DomainSecurity: ["name"],
  PrimitiveType: [],
  NamedType: ["name", "typeArgs"],
  DimLiteral: [],
  DimVar: ["name"],
  TypeAnnotation: ["security", "data", "dim"],
  Block: ["stmts"],
  VarDecl: ["type", "declarators"],
  Declarator: ["name", "shape", "init"],
  If: ["cond", "then", "else"],
  While: ["cond", "body"],
  DoWhile: ["body", "cond"],
  For: ["init", "cond", "step", "body"],
  Break: [],
  Continue: [],
  Return: ["value"],
  Assert: ["cond"],
  Print: ["args"],
  Syscall: ["name", "args"],
  SyscallArg: ["expr"],
  ExprStmt: ["expr"],
  Empty: [],
  ErrorStmt: [],
  IntLiteral: [],
  FloatLiteral: [],
  BoolLiteral: [],
  StringLiteral: [],
  Name: [],
  Paren: ["expr"],
  ArrayLiteral: ["elements"],
  Unary: ["operand"],
  IncDec: ["operand"],
  Cast: ["type", "operand"],
  Binary: ["left", "right"],
  Ternary: ["cond", "then", "else"],
  Assign: ["target", "value"],
  Comma: ["left", "right"],
  Annotated: ["expr", "type"],
  Call: ["callee", "args"],
  Slice: ["lo", "hi"],
  Index: ["target", "indices"],
  Member: ["target", "field"],
  Builtin: ["args"],
  ErrorExpr: [],
  Identifier: [],
};

/** Calls `fn` on each direct child of `node`, in source order. */
export function forEachChild(node: Node, fn: (child: Node) => void): void {
  const record = node as unknown as Record<string, unknown>;
  for (const key of visitorKeys[node.kind]) {
    const value = record[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const child of value as Node[]) fn(child);
    else fn(value as Node);
  }
}

/** The direct children of `node`, in source order. */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  forEachChild(node, (c) => out.push(c));
  return out;
}

/**
 * Pre-order walk from `root`. `enter` receives each node and its parent; returning
 * `false` skips that node's children.
 */
export function walk(root: Node, enter: (node: Node, parent: Node | undefined) => boolean | void): void {
  const visit = (node: Node, parent: Node | undefined): void => {
    if (enter(node, parent) === false) return;
    forEachChild(node, (child) => visit(child, node));
  };
  visit(root, undefined);
}
