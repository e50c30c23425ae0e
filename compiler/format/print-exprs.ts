/**
 * Printing of expressions. The tree keeps every parenthesis as a `Paren` node, so
 * the printer never adds or drops parentheses: it reprints the same tokens with
 * canonical spacing and breaks long lines at operators and argument lists.
 * The one spacing rule that matters for meaning: a prefix `-` before an operand
 * that starts with `-` gets a space (`- -x`, `- --x`), or the lexer would read `--`
 * (`--` before `-x` needs none: `---x` lexes as `--`, `-`, `x`).
 */
import type { Doc } from "prettier";
import { doc } from "./prettier.js";
import type * as A from "../syntax/ast.js";
import { binaryPrecedence } from "../syntax/tokens.js";
import { hasComments, nodeAs, type FormatPath, type Print } from "./types.js";

const { group, indent, line, softline, join } = doc.builders;

export type ExprNode = A.Expr | A.Slice;

/** `(a, b, c)`-style lists that break one item per line when too long. */
export function printList(open: string, items: Doc[], close: string): Doc {
  if (items.length === 0) return [open, close];
  return group([open, indent([softline, join([",", line], items)]), softline, close]);
}

/** Whether the printed operand starts with `-` (a negation or a prefix decrement). */
function startsWithMinus(e: A.Expr): boolean {
  return (e.kind === "Unary" && e.op === "-") || (e.kind === "IncDec" && e.prefix && e.op === "--");
}

/** The value of an assignment or initialiser (already indented by `=`). */
function isAssignedValue(path: FormatPath): boolean {
  const parent = path.parent;
  return (parent?.kind === "Assign" && path.key === "value") || (parent?.kind === "Declarator" && path.key === "init");
}

/** `=` then the value: a binary chain that does not fit moves as a whole to the next line. */
export function printAssigned(value: A.Expr, printed: Doc): Doc {
  if (value.kind === "Binary") return group(indent([line, printed]));
  return [group(indent(line)), printed];
}

/**
 * A chain of binary operators of one precedence level, flattened so a long chain
 * breaks before each operand at one indentation: `a +\n    b +\n    c`.
 */
function printBinaryChain(path: FormatPath, print: Print): Doc {
  const node = nodeAs<A.BinaryExpr>(path);
  const level = binaryPrecedence[node.op];
  const parts: Doc[] = [];
  const collect = (p: FormatPath): void => {
    const n = p.node as A.BinaryExpr;
    const left = n.left;
    if (left.kind === "Binary" && binaryPrecedence[left.op] === level && !hasComments(left)) p.call(collect, "left");
    else parts.push(p.call(print, "left"));
    parts.push([" ", n.op, line, p.call(print, "right")]);
  };
  collect(path);
  const [first, ...rest] = parts;
  return group([first ?? "", isAssignedValue(path) ? rest : indent(rest)]);
}

/** A bound of a slice that needs no spaces around `:` (`a[i:j]`, but `a[i * k : j]`). */
function isSimple(e: A.Expr | undefined): boolean {
  if (e === undefined) return true;
  return e.kind === "Name" || e.kind === "IntLiteral" || e.kind === "FloatLiteral" || e.kind === "BoolLiteral";
}

/** Prints an expression node. */
export function printExpr(path: FormatPath, print: Print): Doc {
  const node = nodeAs<ExprNode>(path);
  switch (node.kind) {
    case "IntLiteral":
    case "FloatLiteral":
    case "StringLiteral":
      return node.raw;
    case "BoolLiteral":
      return node.value ? "true" : "false";
    case "Name":
      return node.name;
    case "Paren":
      return group(["(", indent([softline, print("expr")]), softline, ")"]);
    case "ArrayLiteral":
      return printList("{", path.map(print, "elements"), "}");
    case "Unary":
      return [node.op, node.op === "-" && startsWithMinus(node.operand) ? " " : "", print("operand")];
    case "IncDec":
      return node.prefix ? [node.op, print("operand")] : [print("operand"), node.op];
    case "Cast":
      return ["(", print("type"), ") ", print("operand")];
    case "Binary":
      return printBinaryChain(path, print);
    case "Ternary":
      return group([print("cond"), indent([line, "? ", print("then"), line, ": ", print("else")])]);
    case "Assign":
      return group([print("target"), " ", node.op, printAssigned(node.value, print("value"))]);
    case "Comma":
      return [print("left"), ",", line, print("right")];
    case "Annotated":
      return [print("expr"), " :: ", print("type")];
    case "Call":
      return [print("callee"), printList("(", path.map(print, "args"), ")")];
    case "Index":
      return [print("target"), printList("[", path.map(print, "indices"), "]")];
    case "Slice": {
      const colon = isSimple(node.lo) && isSimple(node.hi) ? ":" : node.lo === undefined ? ": " : node.hi === undefined ? " :" : " : ";
      return [node.lo ? print("lo") : "", colon, node.hi ? print("hi") : ""];
    }
    case "Member":
      return [print("target"), ".", print("field")];
    case "Builtin":
      return node.name === "__fpu_state" ? node.name : [node.name, printList("(", path.map(print, "args"), ")")];
    case "ErrorExpr":
      throw new Error("cannot format a tree with syntax errors");
    default: {
      const never: never = node;
      return never;
    }
  }
}
