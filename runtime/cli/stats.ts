/**
 * `secrun --emulate --stats`: what the run would cost. Per private operation the
 * invocations, lanes (elements) and the rounds and bytes a three-party run would
 * spend, priced from the protocol cost table ("-" when the table has no entry for
 * the operation), as text (for stderr) or JSON, followed by the program's
 * profiling sections when the host collected any (profile-stats.ts). Three-party
 * runs report measured figures instead (three-party-stats.ts).
 */
import type { ProfileSection } from "../../vm/host.js";
import type { CostCounter, OperationStats } from "../emulator/costs.js";
import { profileJson, profileText } from "./profile-stats.js";

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

function priced(s: OperationStats, n: number): string {
  return s.priced ? String(n) : "-";
}

/** The emulator's counts as a table, then the profiled sections' table (if any). */
export function emulatorStatsText(costs: CostCounter, sections: readonly ProfileSection[] = []): string {
  const ops = [...costs.byOperation.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const rows = ops.map(([name, s]) => [name, String(s.invocations), String(s.lanes), priced(s, s.rounds), priced(s, s.bytes)]);
  const t = costs.totals();
  rows.push(["total", String(t.invocations), String(t.lanes), String(t.rounds), String(t.bytes) + (t.priced ? "" : " (priced operations only)")]);
  const profiled = profileText(sections);
  return table(["operation", "calls", "lanes", "rounds", "bytes"], rows) + (profiled === "" ? "" : "\n\n" + profiled);
}

/** The same as JSON; `sections` (per section type) only when some were profiled. */
export function emulatorStatsJson(costs: CostCounter, sections: readonly ProfileSection[] = []): unknown {
  const operations = [...costs.byOperation.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([name, s]) => ({ operation: name, calls: s.invocations, lanes: s.lanes, rounds: s.priced ? s.rounds : null, bytes: s.priced ? s.bytes : null }));
  const t = costs.totals();
  const total = { calls: t.invocations, lanes: t.lanes, rounds: t.rounds, bytes: t.bytes, priced: t.priced };
  return sections.length === 0 ? { operations, total } : { operations, total, sections: profileJson(sections) };
}
