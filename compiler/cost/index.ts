/**
 * Static cost reports (`secc cost`): for the whole program (main with the procedures
 * it calls, argument lengths as named symbols) and for each procedure instance main
 * reaches (its array parameters' lengths as `size(p)`), the protocol runs, rounds and
 * bytes sent per party, by protocol, then the operations not costed and the notes
 * qualifying figures (an upper bound, traffic outside the protocol table); see
 * estimate.ts for how lengths and loops are handled. Text and JSON renderings. The figures describe the program as written
 * (what `-O0` runs); the optimiser's batching and reuse only lower runs and rounds
 * (batched runs carry the same lanes, so the same bytes), which the legend says.
 */
import type { CheckedProgram } from "../semantic/bound.js";
import { totals, type Cost, type ProtocolUse } from "./cost.js";
import { CostEstimator } from "./estimate.js";
import { formatPoly, polyJson, type Poly } from "./poly.js";

export interface CostEntry {
  /** "program" or the instance's display name. */
  readonly name: string;
  readonly cost: Cost;
}

export interface CostReport {
  readonly program: CostEntry;
  /** Instances reached from main that run protocols or unknown operations, in call order. */
  readonly procedures: readonly CostEntry[];
}

/** The report for a checked program with a main procedure. */
export function costReport(program: CheckedProgram): CostReport | undefined {
  const main = program.main;
  if (main === undefined) return undefined;
  const est = new CostEstimator(program);
  const whole = est.instance(main).cost;
  const procedures: CostEntry[] = [];
  for (const inst of [...est.reached]) {
    const cost = new CostEstimator(program).instance(inst).cost;
    if (cost.protocols.size > 0 || cost.unknown.size > 0) procedures.push({ name: inst === main ? "main" : inst.displayName, cost });
  }
  return { program: { name: "program", cost: whole }, procedures };
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
}

function useCells(name: string, u: ProtocolUse): string[] {
  return [name, formatPoly(u.invocations), formatPoly(u.rounds), formatPoly(u.bytes[0]), formatPoly(u.bytes[1]), formatPoly(u.bytes[2])];
}

function formatEntry(e: CostEntry): string[] {
  const lines = [`${e.name}:`];
  const rows = [["protocol", "runs", "rounds", "bytes P1", "bytes P2", "bytes P3"]];
  for (const k of [...e.cost.protocols.keys()].sort()) rows.push(useCells(k, e.cost.protocols.get(k) as ProtocolUse));
  rows.push(useCells("total", totals(e.cost)));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) lines.push("  " + row(r, widths));
  for (const [op, u] of [...e.cost.unknown].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  not costed: ${op} × ${formatPoly(u.invocations)} (${u.why})`);
  for (const [op, note] of [...e.cost.notes].sort(([a], [b]) => a.localeCompare(b))) lines.push(`  note: ${op}: ${note}`);
  return lines;
}

const LEGEND = [
  "Figures are per party, for the program as written (secc compile -O0); rounds are summed over protocol runs.",
  "The optimiser (on by default) merges independent runs into one round and reuses repeated ones:",
  "an optimised program needs at most these runs, rounds and bytes (secrun --stats measures them).",
  "Symbols: a program argument's name is its length; size(p) the length of parameter p;",
  "len@L:C the length of the value at line L, column C; iter@L:C the iterations of the loop there.",
];

export function formatCostReport(r: CostReport): string {
  const out = [...formatEntry(r.program)];
  for (const p of r.procedures) out.push("", ...formatEntry(p));
  out.push("", ...LEGEND);
  if (out.some((l) => l.includes("cols@"))) out.push("cols@L:C the row length of the matrix shuffled at line L, column C.");
  if (out.some((l) => /\bp@\d/.test(l))) out.push("p@L:C the column count of the right factor of the matrix product at line L, column C.");
  return out.join("\n") + "\n";
}

function polyOut(p: Poly): { text: string; terms: Record<string, number> } {
  return { text: formatPoly(p), terms: polyJson(p) };
}

function useJson(u: ProtocolUse) {
  return { invocations: polyOut(u.invocations), rounds: polyOut(u.rounds), bytes: u.bytes.map(polyOut) };
}

function entryJson(e: CostEntry) {
  return {
    name: e.name,
    protocols: Object.fromEntries([...e.cost.protocols.keys()].sort().map((k) => [k, useJson(e.cost.protocols.get(k) as ProtocolUse)])),
    total: useJson(totals(e.cost)),
    notCosted: [...e.cost.unknown].map(([op, u]) => ({ operation: op, why: u.why, invocations: polyOut(u.invocations) })),
    ...(e.cost.notes.size > 0 ? { notes: [...e.cost.notes].map(([op, note]) => ({ operation: op, note })) } : {}),
  };
}

export function costReportJson(r: CostReport): unknown {
  return { program: entryJson(r.program), procedures: r.procedures.map(entryJson) };
}
