/**
 * Tree walking: the visitor keys reach every node of a tree (checked against a
 * generic traversal of all fields on generated modules), in source order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Node } from "../../../compiler/syntax/ast.js";
import { childrenOf, visitorKeys, walk } from "../../../compiler/syntax/walk.js";
import { module } from "./generators.js";
import { moduleOf } from "./helpers.js";

/** Every object with a node `kind` reachable through any field (string parts and comments excepted). */
function allNodes(root: unknown): unknown[] {
  const out: unknown[] = [];
  const visit = (v: unknown, key: string): void => {
    if (key === "parts" || key === "comments") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, key);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const kind = (v as { kind?: unknown }).kind;
    if (typeof kind === "string" && kind in visitorKeys) out.push(v);
    for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(root, "");
  return out;
}

describe("walk", () => {
  it("reaches exactly the nodes a generic traversal finds", () => {
    fc.assert(
      fc.property(module, (m) => {
        const walked: unknown[] = [];
        walk(m, (n) => {
          walked.push(n);
        });
        expect(new Set(walked)).toEqual(new Set(allNodes(m)));
        expect(walked.length).toBe(allNodes(m).length);
      }),
      { numRuns: 100 },
    );
  });

  it("visits children in source order and can skip subtrees", () => {
    const m = moduleOf("void f(int a, int b) { a = b + 1; }");
    const starts: number[] = [];
    walk(m, (n) => {
      const kids = childrenOf(n);
      for (let i = 1; i < kids.length; i++) expect(kids[i]!.start).toBeGreaterThanOrEqual(kids[i - 1]!.end);
      starts.push(n.start);
    });
    expect(starts.length).toBeGreaterThan(10);
    const kinds: string[] = [];
    walk(m, (n: Node) => {
      kinds.push(n.kind);
      return n.kind !== "Param";
    });
    expect(kinds.slice(0, 6)).toEqual(["Module", "ProcDecl", "VoidType", "Identifier", "Param", "Param"]);
  });
});
