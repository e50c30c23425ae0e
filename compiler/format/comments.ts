/**
 * Comment handling for the prettier plugin. Prettier attaches each comment of
 * `Module.comments` to a neighbouring node (leading/trailing) by itself; this file
 * says which nodes may own comments, prints one comment, takes over the
 * attachment in the few places where the default would move a comment across a
 * brace or a keyword, prints dangling comments (the printer's job, or prettier
 * aborts) and recognises `// prettier-ignore`.
 *
 * Invariants: every comment is printed exactly once; a comment never moves across
 * `{`, `}` or `else` (so formatting twice gives the same text).
 */
import type { Doc } from "prettier";
import { doc, util } from "./prettier.js";
import type * as A from "../syntax/ast.js";
import { visitorKeys } from "../syntax/walk.js";
import type { FormatComment, FormatNode, FormatPath } from "./types.js";

const { hardline, join, breakParent, lineSuffix } = doc.builders;

/** Nodes that never own comments: names and the small pieces of types. */
const notAttachable: ReadonlySet<string> = new Set([
  "Identifier", "PrimitiveType", "NamedType", "PublicSecurity", "DomainSecurity",
  "DimLiteral", "DimVar", "VoidType", "TemplateHeader", "TypeAnnotation",
  "LineComment", "BlockComment",
]);

export function canAttachComment(node: FormatNode): boolean {
  return typeof node === "object" && node !== null && "kind" in node && !notAttachable.has(node.kind);
}

export function isBlockComment(node: FormatNode): boolean {
  return node.kind === "BlockComment";
}

export function getVisitorKeys(node: FormatNode): readonly string[] {
  return (visitorKeys as Record<string, readonly string[] | undefined>)[node.kind] ?? [];
}

/** A block comment whose continuation lines all start with `*` is re-indented line by line. */
function isIndentable(lines: readonly string[]): boolean {
  return lines.length > 1 && lines.slice(1).every((l) => l.trimStart().startsWith("*"));
}

/** The Doc of one comment. */
export function commentDoc(comment: A.Comment): Doc {
  if (comment.kind === "LineComment") return comment.text.trimEnd();
  const lines = comment.text.split(/\r\n?|\n/);
  if (!isIndentable(lines)) return comment.text;
  return join(hardline, lines.map((l, i) => (i === 0 ? l.trimEnd() : ` ${l.trim()}`)));
}

/** Prettier's `printComment` hook. */
export function printComment(path: FormatPath): Doc {
  return commentDoc(path.node as A.Comment);
}

/** Comments attached to `node` as dangling (neither leading nor trailing), not yet printed. */
export function danglingComments(node: FormatNode): FormatComment[] {
  return (node.comments ?? []).filter((c) => !c.leading && !c.trailing && !c.printed);
}

/**
 * Prints the dangling comments of a node one after the other (separated by `sep`,
 * or by a line break after a line comment) and marks them printed.
 */
export function printDangling(comments: readonly FormatComment[], sep: Doc): Doc {
  const parts: Doc[] = [];
  comments.forEach((c, i) => {
    c.printed = true;
    parts.push(commentDoc(c));
    if (c.kind === "LineComment") parts.push(breakParent);
    if (i < comments.length - 1) parts.push(c.kind === "LineComment" ? hardline : sep);
  });
  return parts;
}

/** Dangling comments where a node has no better place for them: after it, to the end of its line. */
export function printDanglingAfter(node: FormatNode, printed: Doc): Doc {
  const rest = danglingComments(node);
  if (rest.length === 0) return printed;
  const parts: Doc[] = [printed];
  let deferred = false;
  for (const c of rest) {
    c.printed = true;
    if (deferred) parts.push(lineSuffix([hardline, commentDoc(c)]));
    else if (c.kind === "LineComment") parts.push(lineSuffix([" ", commentDoc(c)]), breakParent);
    else parts.push(" ", commentDoc(c));
    deferred ||= c.kind === "LineComment";
  }
  return parts;
}

/** `// prettier-ignore` (or `/* prettier-ignore *\/`) right before a node keeps its source text. */
export function hasPrettierIgnore(path: FormatPath): boolean {
  const comments = path.node?.comments ?? [];
  return comments.some((c) => c.leading && /^(?:\/\/\s*prettier-ignore\s*|\/\*\s*prettier-ignore\s*\*\/)$/.test(c.text.trimEnd()));
}

// ---------------------------------------------------------------------------
// Attachment overrides

interface Decorated extends FormatComment {
  enclosingNode?: FormatNode;
  precedingNode?: FormatNode;
  followingNode?: FormatNode;
}

/** Between the then-branch and `else`: stays between them (printed by the `if`). */
function handleIfElse(c: Decorated): boolean {
  const e = c.enclosingNode;
  if (e?.kind !== "If" || e.else === undefined) return false;
  if (c.precedingNode !== e.then || c.followingNode !== e.else) return false;
  return util.addDanglingComment(e, c, undefined);
}

/** Bodies in braces whose dangling comments print right after `{`. */
const bracedKinds: ReadonlySet<string> = new Set(["Block", "KindDecl", "StructDecl"]);

/** Between a statement header and its `{`, or on the `{` line: printed right after `{`. */
function handleBlockOpen(c: Decorated, text: string, placement: Placement): boolean {
  const e = c.enclosingNode;
  const f = c.followingNode;
  if (f?.kind === "Block" && e !== undefined && e.kind !== "Block" && e.kind !== "Module" && c.precedingNode !== undefined) {
    if (text.slice(c.end, f.start).trim() === "") return util.addDanglingComment(f, c, undefined);
  }
  const afterBrace = text.slice(0, c.start).trimEnd().endsWith("{");
  if (e !== undefined && bracedKinds.has(e.kind) && placement === "endOfLine" && afterBrace && c.followingNode !== undefined) {
    return util.addDanglingComment(e, c, undefined);
  }
  return false;
}

/** A block comment inside an empty parameter list stays there. */
function handleEmptyParams(c: Decorated, text: string): boolean {
  const e = c.enclosingNode;
  if (c.kind !== "BlockComment" || e?.kind !== "ProcDecl" || e.params.length > 0) return false;
  const before = text.slice(e.name.end, c.start).trim();
  const after = text.slice(c.end, e.body.start).trim();
  if (!before.endsWith("(") || !after.startsWith(")")) return false;
  return util.addDanglingComment(e, c, "params");
}

/** Between a `do` body and `while`: stays after the body. */
function handleDoWhile(c: Decorated): boolean {
  const e = c.enclosingNode;
  if (e?.kind !== "DoWhile" || c.precedingNode !== e.body || c.followingNode !== e.cond) return false;
  return util.addTrailingComment(e.body, c);
}

/** Comments before `module name;` stay at the top of the file. */
function handleModuleHeader(c: Decorated, ast: FormatNode): boolean {
  if (c.enclosingNode !== undefined || ast.kind !== "Module" || ast.name === undefined) return false;
  if (c.start >= ast.name.start) return false;
  return util.addDanglingComment(ast, c, undefined);
}

type Placement = "ownLine" | "endOfLine" | "remaining";

/** Nodes whose printers place their own dangling comments. */
const printsDangling: ReadonlySet<string> = new Set(["Module", "Block", "KindDecl", "StructDecl"]);

/**
 * A comment inside a node with no child that can own it (between `type` and its
 * name, inside `f()`): it goes before that node, so it never ends up on a line
 * with the node's own trailing comments.
 */
function handleNoNeighbours(c: Decorated): boolean {
  const e = c.enclosingNode;
  if (e === undefined || c.precedingNode !== undefined || c.followingNode !== undefined || printsDangling.has(e.kind)) return false;
  return util.addLeadingComment(e, c);
}

function handler(placement: Placement) {
  return (c: Decorated, text: string, _options: unknown, ast: FormatNode): boolean =>
    handleModuleHeader(c, ast) || handleIfElse(c) || handleDoWhile(c) || handleEmptyParams(c, text) || handleBlockOpen(c, text, placement) || handleNoNeighbours(c);
}

export const handleComments = {
  ownLine: handler("ownLine"),
  endOfLine: handler("endOfLine"),
  remaining: handler("remaining"),
};
