/**
 * Layout shared by blocks, kinds, structs and the module: a run of items one per
 * line that keeps the author's blank-line groups (at most one blank line, never a
 * blank line added), and a braced body `{ ... }` that prints the dangling comments
 * of an empty body inside the braces.
 */
import type { Doc } from "prettier";
import { doc, util } from "./prettier.js";
import type { FormatNode, FormatPath, Print } from "./types.js";
import { danglingComments, printDangling } from "./comments.js";

const { hardline, indent } = doc.builders;

/** One printed item and where its source text ends. */
export interface SequenceItem {
  readonly doc: Doc;
  readonly end: number;
}

/** Items one per line; a blank line after an item when the source had one there. */
export function joinLines(items: readonly SequenceItem[], text: string): Doc {
  const out: Doc[] = [];
  items.forEach((item, i) => {
    out.push(item.doc);
    if (i === items.length - 1) return;
    out.push(hardline);
    if (util.isNextLineEmpty(text, item.end)) out.push(hardline);
  });
  return out;
}

/** The children under `key`, printed, with their end offsets. */
export function childItems(path: FormatPath, print: Print, key: string): SequenceItem[] {
  return path.map((child) => ({ doc: print(child), end: (child.node as FormatNode & { end: number }).end }), key as never);
}

/**
 * `{`, the children under `key` one per line, `}`. Dangling comments of `node` go
 * right after `{` (or inside the braces when there are no children).
 */
export function printBraced(path: FormatPath, print: Print, key: string, text: string): Doc {
  const node = path.node;
  const items = childItems(path, print, key);
  const dangling = danglingComments(node);
  if (items.length === 0) {
    if (dangling.length === 0) return "{}";
    return ["{", indent([hardline, printDangling(dangling, hardline)]), hardline, "}"];
  }
  // One comment stays on the `{` line; more would need line breaks, so they open the body.
  const [first, ...others] = dangling;
  const head: Doc = first === undefined ? "{" : ["{ ", printDangling([first], "")];
  const opening: Doc = others.length === 0 ? "" : [hardline, printDangling(others, hardline)];
  return [head, indent([opening, hardline, joinLines(items, text)]), hardline, "}"];
}
