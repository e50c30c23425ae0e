/**
 * Printing of statements and blocks. Bodies that are blocks go on the header's
 * line (`if (c) {`, `} else {`); other bodies are indented on the next line unless
 * they fit on the header's line. A block written on one line with one simple
 * statement (`{ return 1; }`) stays on one line when it fits, so short procedures
 * such as the library's one-liners keep their shape; every other block has one
 * statement per line.
 */
import type { Doc } from "prettier";
import { doc } from "./prettier.js";
import type * as A from "../syntax/ast.js";
import { danglingComments, printDangling } from "./comments.js";
import { printAssigned, printList } from "./print-exprs.js";
import { printBraced } from "./sequence.js";
import { nodeAs, type FormatPath, type Print } from "./types.js";

const { group, indent, line, hardline, join } = doc.builders;

export type StmtNode = A.Stmt | A.Declarator | A.SyscallArg;

/** Statements that carry their own bodies and never share a line with braces. */
function isCompound(s: A.Stmt): boolean {
  return s.kind === "If" || s.kind === "While" || s.kind === "DoWhile" || s.kind === "For" || s.kind === "Block";
}

/** A block written on one line holding one simple statement and no comments. */
function isOneLiner(block: A.Block & { comments?: unknown[] }, text: string): boolean {
  const only = block.stmts[0] as (A.Stmt & { comments?: unknown[] }) | undefined;
  if (block.stmts.length !== 1 || only === undefined || isCompound(only)) return false;
  if (block.comments !== undefined || only.comments !== undefined) return false;
  return !/[\r\n]/.test(text.slice(block.start, block.end));
}

function printBlock(path: FormatPath, print: Print, text: string): Doc {
  const block = nodeAs<A.Block>(path);
  if (isOneLiner(block, text)) return group(["{", indent([line, print(["stmts", 0])]), line, "}"]);
  return printBraced(path, print, "stmts", text);
}

/** A body after a header: a block on the same line, anything else indented. */
function printBody(path: FormatPath, print: Print, key: string): Doc {
  const body = (path.node as unknown as Record<string, A.Stmt>)[key] as A.Stmt;
  if (body.kind === "Block") return [" ", print(key)];
  return group(indent([line, print(key)]));
}

function printIf(path: FormatPath, print: Print): Doc {
  const node = nodeAs<A.IfStmt>(path);
  const head: Doc = ["if (", print("cond"), ")", printBody(path, print, "then")];
  if (node.else === undefined) return head;
  const between = danglingComments(node);
  const afterThen: Doc = between.length > 0 ? [" ", printDangling(between, " "), hardline] : node.then.kind === "Block" ? " " : hardline;
  const elseBody: Doc = node.else.kind === "If" ? [" ", print("else")] : printBody(path, print, "else");
  return [head, afterThen, "else", elseBody];
}

function printFor(path: FormatPath, print: Print): Doc {
  const node = nodeAs<A.ForStmt>(path);
  const init = node.init ? print("init") : "";
  const cond = node.cond ? [" ", print("cond")] : "";
  const step = node.step ? [" ", print("step")] : "";
  return ["for (", init, ";", cond, ";", step, ")", printBody(path, print, "body")];
}

/** Prints a statement (or a declarator or syscall argument). */
export function printStmt(path: FormatPath, print: Print, text: string): Doc {
  const node = nodeAs<StmtNode>(path);
  switch (node.kind) {
    case "Block":
      return printBlock(path, print, text);
    case "VarDecl": {
      const inFor = path.key === "init" && path.parent?.kind === "For";
      const declarators = path.map(print, "declarators");
      const list = declarators.length === 1 ? declarators : indent(join([",", line], declarators));
      return group([print("type"), " ", list, inFor ? "" : ";"]);
    }
    case "Declarator":
      return [
        print("name"),
        node.shape ? printList("(", path.map(print, "shape"), ")") : "",
        node.init ? [" =", printAssigned(node.init, print("init"))] : "",
      ];
    case "If":
      return printIf(path, print);
    case "While":
      return ["while (", print("cond"), ")", printBody(path, print, "body")];
    case "DoWhile":
      return ["do", printBody(path, print, "body"), node.body.kind === "Block" ? " " : hardline, "while (", print("cond"), ");"];
    case "For":
      return printFor(path, print);
    case "Break":
      return "break;";
    case "Continue":
      return "continue;";
    case "Return":
      return node.value ? ["return ", print("value"), ";"] : "return;";
    case "Assert":
      return ["assert", printList("(", [print("cond")], ")"), ";"];
    case "Print":
      return ["print", printList("(", path.map(print, "args"), ")"), ";"];
    case "Syscall":
      return ["__syscall", printList("(", [print("name"), ...path.map(print, "args")], ")"), ";"];
    case "SyscallArg":
      return [node.mode === "push" ? "" : `__${node.mode} `, print("expr")];
    case "ExprStmt":
      return [print("expr"), ";"];
    case "Empty":
      return ";";
    case "ErrorStmt":
      throw new Error("cannot format a tree with syntax errors");
    default: {
      const never: never = node;
      return never;
    }
  }
}
