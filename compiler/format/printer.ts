/**
 * The plugin's printer: dispatches each node kind to the printer of its area
 * (declarations, statements, expressions, types) and places dangling comments
 * that no area printer claimed right after their node.
 */
import type { Doc, ParserOptions } from "prettier";
import { printDanglingAfter } from "./comments.js";
import { printDecl } from "./print-decls.js";
import { printExpr } from "./print-exprs.js";
import { printStmt } from "./print-stmts.js";
import { printType } from "./print-types.js";
import type { FormatNode, FormatPath, Print } from "./types.js";

function printKind(path: FormatPath, options: ParserOptions<FormatNode>, print: Print): Doc {
  const node = path.node;
  const text = options.originalText;
  switch (node.kind) {
    case "Module":
    case "Import":
    case "DomainDecl":
    case "KindDecl":
    case "KindTypeDecl":
    case "Annotation":
    case "ProcDecl":
    case "Param":
    case "StructDecl":
    case "StructField":
    case "ErrorDecl":
    case "Identifier":
      return printDecl(path, print, text);
    case "Block":
    case "VarDecl":
    case "Declarator":
    case "If":
    case "While":
    case "DoWhile":
    case "For":
    case "Break":
    case "Continue":
    case "Return":
    case "Assert":
    case "Print":
    case "Syscall":
    case "SyscallArg":
    case "ExprStmt":
    case "Empty":
    case "ErrorStmt":
      return printStmt(path, print, text);
    case "IntLiteral":
    case "FloatLiteral":
    case "BoolLiteral":
    case "StringLiteral":
    case "Name":
    case "Paren":
    case "ArrayLiteral":
    case "Unary":
    case "IncDec":
    case "Cast":
    case "Binary":
    case "Ternary":
    case "Assign":
    case "Comma":
    case "Annotated":
    case "Call":
    case "Index":
    case "Slice":
    case "Member":
    case "Builtin":
    case "ErrorExpr":
      return printExpr(path, print);
    case "TypeExpr":
    case "VoidType":
    case "PublicSecurity":
    case "DomainSecurity":
    case "PrimitiveType":
    case "NamedType":
    case "DimLiteral":
    case "DimVar":
    case "TypeAnnotation":
    case "TemplateHeader":
    case "TemplateParam":
      return printType(path, print);
    case "LineComment":
    case "BlockComment":
      throw new Error("comments are printed through printComment");
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** Prettier's `print` hook. */
export function print(path: FormatPath, options: ParserOptions<FormatNode>, printChild: Print): Doc {
  return printDanglingAfter(path.node, printKind(path, options, printChild));
}
