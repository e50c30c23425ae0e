/**
 * Hover: the full type of the expression or name under the cursor (security
 * type, data type, dimension), what a name refers to with its declaration and
 * doc comment, and for private operations (operator and cast definitions over a
 * protection domain, `declassify`) what they cost per element in rounds and bytes
 * from the protocol cost table (for any procedure whose body calls a protection
 * domain's syscalls directly). `declassify` also says what it reveals.
 */
import { MarkupKind, type Hover, type Position } from "vscode-languageserver/node";
import type { AnySymbol, Type } from "../../compiler/semantic/index.js";
import { typeName } from "../../compiler/semantic/types.js";
import type * as A from "../../compiler/syntax/ast.js";
import { symbolOfChain, type Analysis } from "../analysis.js";
import { nodesAt, offsetAt, rangeOf } from "../positions.js";
import { describePrice, priceDeclassify, priceSyscall, syscallsOf } from "./costs.js";
import { dimensionOf, docComment, securityOf, symbolRole, symbolSignature } from "./describe.js";

const fence = (code: string): string => "```secrec\n" + code + "\n```";

function typeLines(t: Type): string[] {
  return [`Security: ${securityOf(t)} · ${dimensionOf(t)}`];
}

/** Bits of a private data type, for declassify pricing. */
function bitsOf(t: Type): number | undefined {
  if (t.data.tag !== "prim" && t.data.tag !== "user") return undefined;
  if (t.data.name === "bool") return 1;
  const m = /(8|16|32|64)$/.exec(t.data.name);
  return m ? Number(m[1]) : undefined;
}

function symbolHover(symbol: AnySymbol, exprType: Type | undefined): string[] {
  const lines = [fence(symbolSignature(symbol)), `*${symbolRole(symbol)}*`];
  const t = symbol.kind === "var" ? symbol.type : exprType;
  if (t) lines.push(...typeLines(t));
  if (symbol.kind === "proc") {
    // Protection-domain syscalls (`kind::op`) only: I/O syscalls have no protocol.
    const prices = syscallsOf(symbol.decl).filter((s) => s.includes("::")).map(priceSyscall);
    if (prices.length > 0) lines.push(`Cost per element:\n${prices.map((p) => `- ${describePrice(p)}`).join("\n")}`);
  }
  const doc = docComment(symbol);
  if (doc) lines.push(doc);
  return lines;
}

function declassifyHover(analysis: Analysis, node: A.BuiltinExpr): string[] {
  const arg = node.args[0];
  const argType = arg ? analysis.program.tables.exprTypes.get(arg) : undefined;
  const lines = [fence(`declassify(${argType ? typeName(argType) : "…"})`)];
  if (argType && argType.sec.tag === "domain") {
    lines.push(`Reveals this ${typeName(argType)} value to every party: the result is public.`);
    const bits = bitsOf(argType);
    if (bits !== undefined) lines.push(`Cost per element: ${describePrice(priceDeclassify(bits))}`);
  } else if (argType) {
    lines.push("The argument is already public: nothing is revealed.");
  }
  return lines;
}

/** The instantiation a call picked: `sum(pd_shared3p uint32[[1]]) → pd_shared3p uint32`. */
function callLine(analysis: Analysis, call: A.CallExpr): string {
  const { exprTypes } = analysis.program.tables;
  const show = (t: Type | undefined): string => (t ? typeName(t) : "?");
  return `This call: \`${call.callee.name}(${call.args.map((a) => show(exprTypes.get(a))).join(", ")}) → ${show(exprTypes.get(call))}\``;
}

/** The hover at a position, or null when there is nothing to say. */
export function hover(analysis: Analysis, position: Position): Hover | null {
  const offset = offsetAt(analysis.file, position);
  const chain = nodesAt(analysis.module.ast, offset);
  const node = chain[chain.length - 1];
  if (node === undefined || node.kind === "Module") return null;
  const { exprTypes } = analysis.program.tables;
  const range = rangeOf(analysis.file, node);
  if (node.kind === "Builtin" && node.name === "declassify") {
    return { contents: { kind: MarkupKind.Markdown, value: declassifyHover(analysis, node).join("\n\n") }, range };
  }
  const found = symbolOfChain(analysis, chain);
  const exprType = exprTypes.get(node as A.Expr);
  let lines: string[];
  const call = chain[chain.length - 2];
  if (found && call?.kind === "Call" && call.callee === node) lines = [...symbolHover(found.symbol, exprTypes.get(call)), callLine(analysis, call)];
  else if (found) lines = symbolHover(found.symbol, exprType);
  else if (exprType) lines = [fence(typeName(exprType)), ...typeLines(exprType)];
  else return null;
  return { contents: { kind: MarkupKind.Markdown, value: lines.join("\n\n") }, range };
}
