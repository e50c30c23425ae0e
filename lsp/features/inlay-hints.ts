/**
 * Inlay hints: after each private operation that communicates (an operator or
 * cast definition whose protocol takes at least one round), its price per
 * element from the protocol cost table, e.g. `⟨mul<32>: 1 round, 24 B⟩` where
 * the bytes are those all three parties send per element. Local operations and
 * operations without a known protocol get no hint.
 */
import { InlayHintKind, type InlayHint, type Range } from "vscode-languageserver/node";
import type * as A from "../../compiler/syntax/ast.js";
import { walk } from "../../compiler/syntax/walk.js";
import type { Analysis } from "../analysis.js";
import { offsetAt, positionAt } from "../positions.js";
import { describePrice, priceSyscall, syscallsOf } from "./costs.js";

/** The hints for operations inside `range`. */
export function inlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const from = offsetAt(analysis.file, range.start);
  const to = offsetAt(analysis.file, range.end);
  const { references } = analysis.program.tables;
  const out: InlayHint[] = [];
  walk(analysis.module.ast, (n: A.Node) => {
    if (n.end < from || n.start > to) return false;
    if (n.kind !== "Binary" && n.kind !== "Unary" && n.kind !== "Cast") return true;
    const s = references.get(n);
    if (s?.kind !== "proc" || s.form === "procedure") return true;
    const priced = syscallsOf(s.decl).map(priceSyscall).filter((p) => p.cost !== undefined && p.cost.rounds > 0);
    if (priced.length === 0) return true;
    const label = priced
      .map((p) => `${p.key}: ${p.cost!.rounds} round${p.cost!.rounds === 1 ? "" : "s"}, ${p.cost!.bytesPerLane.reduce((a, b) => a + b, 0)} B`)
      .join("; ");
    out.push({
      position: positionAt(analysis.file, n.end),
      label: ` ⟨${label}⟩`,
      kind: InlayHintKind.Parameter,
      tooltip: priced.map(describePrice).join("\n"),
      paddingLeft: true,
    });
    return true;
  });
  return out;
}
