/**
 * Printing of the module and its declarations: `module` and imports, domains,
 * kinds, structs, global variables (through the statement printer) and
 * procedures, operator and cast definitions with their template headers and
 * annotations. Declarations keep the author's blank-line groups; comments before
 * `module name;` stay at the top of the file.
 */
import type { Doc } from "prettier";
import { doc } from "./prettier.js";
import type * as A from "../syntax/ast.js";
import { commentDoc, danglingComments, printDangling } from "./comments.js";
import { printList } from "./print-exprs.js";
import { childItems, joinLines, printBraced, type SequenceItem } from "./sequence.js";
import { nodeAs, type FormatComment, type FormatPath, type Print } from "./types.js";

const { hardline } = doc.builders;

export type DeclNode =
  | A.Module | A.ImportDecl | A.DomainDecl | A.KindDecl | A.KindTypeDecl | A.Annotation
  | A.ProcDecl | A.Param | A.StructDecl | A.StructField | A.ErrorDecl | A.Identifier;

function commentItems(comments: readonly FormatComment[]): SequenceItem[] {
  return comments.map((c) => {
    c.printed = true;
    return { doc: commentDoc(c), end: c.end };
  });
}

function printModule(path: FormatPath, print: Print, text: string): Doc {
  const node = nodeAs<A.Module>(path);
  const dangling = danglingComments(path.node);
  const nameStart = node.name?.start ?? Infinity;
  const items: SequenceItem[] = [...commentItems(dangling.filter((c) => c.start < nameStart))];
  if (node.name) items.push({ doc: ["module ", print("name"), ";"], end: node.name.end });
  items.push(...childItems(path, print, "imports"), ...childItems(path, print, "decls"));
  items.push(...commentItems(dangling.filter((c) => c.start >= nameStart)));
  if (items.length === 0) return "";
  return [joinLines(items, text), hardline];
}

/** `template <...>` and annotations, each on its own line, before a declaration. */
function printPrefix(path: FormatPath, print: Print, node: A.ProcDecl | A.StructDecl): Doc {
  const template: Doc = node.template ? [print("template"), hardline] : "";
  if (node.kind === "StructDecl") return template;
  return [template, ...path.map((a) => [print(a), hardline], "annotations")];
}

function printProc(path: FormatPath, print: Print): Doc {
  const node = nodeAs<A.ProcDecl>(path);
  const name: Doc = node.form === "procedure" ? print("name") : node.form === "operator" ? `operator ${node.operator?.symbol ?? ""} ` : "cast ";
  const inParens = danglingComments(path.node);
  const params = inParens.length > 0 ? ["(", printDangling(inParens, " "), ")"] : printList("(", path.map(print, "params"), ")");
  return [printPrefix(path, print, node), print("returnType"), " ", name, params, " ", print("body")];
}

/** Prints the module, a declaration or a name. */
export function printDecl(path: FormatPath, print: Print, text: string): Doc {
  const node = nodeAs<DeclNode>(path);
  switch (node.kind) {
    case "Module":
      return printModule(path, print, text);
    case "Import":
      return ["import ", print("name"), ";"];
    case "DomainDecl":
      return ["domain ", print("name"), " ", print("kindName"), ";"];
    case "KindDecl":
      return ["kind ", print("name"), " ", printBraced(path, print, "types", text)];
    case "KindTypeDecl":
      return ["type ", print("name"), node.publicType ? [" { public = ", print("publicType"), " }"] : "", ";"];
    case "Annotation":
      return ["@", print("name"), node.argument ? ["(", print("argument"), ")"] : ""];
    case "ProcDecl":
      return printProc(path, print);
    case "Param":
      return [print("type"), " ", print("name")];
    case "StructDecl":
      return [printPrefix(path, print, node), "struct ", print("name"), " ", printBraced(path, print, "fields", text)];
    case "StructField":
      return [print("type"), " ", print("name"), ";"];
    case "Identifier":
      return node.name;
    case "ErrorDecl":
      throw new Error("cannot format a tree with syntax errors");
    default: {
      const never: never = node;
      return never;
    }
  }
}

