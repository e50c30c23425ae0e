/**
 * Types shared by the prettier plugin's files: the tree prettier walks (our AST
 * nodes, plus the `comments` prettier attaches to them), the path and the
 * recursive print callback. Prettier mutates the parsed tree while attaching
 * comments, so the plugin always formats a tree parsed for that one call.
 */
import type { AstPath, Doc } from "prettier";
import type * as A from "../syntax/ast.js";

/** A comment as prettier sees it after attachment. */
export type FormatComment = A.Comment & {
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
};

/** Any node of the tree prettier prints. */
export type FormatNode = (A.Node | A.Comment) & { comments?: FormatComment[] };

export type FormatPath = AstPath<FormatNode>;

/** Prints the child at a property (or a path of properties) of the current node. */
export type Print = (selector?: string | number | Array<string | number> | FormatPath) => Doc;

/** The node at the path, typed as the caller expects (callers switch on `kind` first). */
export function nodeAs<T extends A.Node>(path: FormatPath): T {
  return path.node as unknown as T;
}

/** Whether prettier attached any comment to `node`. */
export function hasComments(node: A.Node): boolean {
  return ((node as FormatNode).comments?.length ?? 0) > 0;
}
