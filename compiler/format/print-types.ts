/**
 * Printing of types: `[security] data[[dim]]`, struct type arguments, `void`,
 * the type after `::`, and template headers. Types print on one line; a space
 * separates two closing `>` (the lexer would read `>>` as a shift).
 */
import type { Doc } from "prettier";
import { doc } from "./prettier.js";
import type * as A from "../syntax/ast.js";
import { printList } from "./print-exprs.js";
import { nodeAs, type FormatPath, type Print } from "./types.js";

const { join } = doc.builders;

export type TypeNode =
  | A.TypeExpr | A.VoidType | A.PublicSecurity | A.DomainSecurity | A.PrimitiveType | A.NamedType
  | A.DimLiteral | A.DimVar | A.TypeAnnotation | A.TemplateHeader | A.TemplateParam;

/** The printed text of a data type ends with `>` (struct type arguments). */
function endsWithAngle(t: A.TypeArg): boolean {
  return t.kind === "NamedType" && t.typeArgs !== undefined && t.typeArgs.length > 0;
}

/** Prints a type node. */
export function printType(path: FormatPath, print: Print): Doc {
  const node = nodeAs<TypeNode>(path);
  switch (node.kind) {
    case "TypeExpr":
      return [node.security ? [print("security"), " "] : "", print("data"), node.dim ? print("dim") : ""];
    case "TypeAnnotation": {
      const words = [node.security ? print("security") : "", node.data ? print("data") : ""].filter((d) => d !== "");
      return [join(" ", words), node.dim ? print("dim") : ""];
    }
    case "VoidType":
      return "void";
    case "PublicSecurity":
      return "public";
    case "DomainSecurity":
      return print("name");
    case "PrimitiveType":
      return node.name;
    case "NamedType": {
      if (node.typeArgs === undefined) return print("name");
      const last = node.typeArgs[node.typeArgs.length - 1];
      const gap = last !== undefined && endsWithAngle(last) ? " " : "";
      return [print("name"), printList("<", path.map(print, "typeArgs"), `${gap}>`)];
    }
    case "DimLiteral":
      return `[[${node.value}]]`;
    case "DimVar":
      return ["[[", print("name"), "]]"];
    case "TemplateHeader":
      return ["template ", printList("<", path.map(print, "params"), ">")];
    case "TemplateParam":
      return [node.paramKind, " ", print("name"), node.kindName ? [" : ", print("kindName")] : ""];
    default: {
      const never: never = node;
      return never;
    }
  }
}
