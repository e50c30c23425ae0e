/**
 * The profiling part of `secrun --stats`: the sections a program timed with the
 * `profiling` module (`ProcessProfiler_*` syscalls, closed sections delivered to
 * `Host.profile`), summed per section type in order of first appearance: how many
 * sections closed, the elements they declared, their total and mean time and the
 * elements per second over the total. Nested sections count in their own type and
 * in the enclosing one's time. Text (a table, empty when nothing was profiled) and
 * JSON (the same rows).
 */
/**
 * A closed section as the VM reports it (vm/host.ts ProfileSection, bigint
 * counts) or as it arrives in a party's JSON statistics (numbers).
 */
export interface SectionRecord {
  readonly name: string;
  readonly typeId: number;
  readonly elements: bigint | number;
  readonly microseconds: bigint | number;
}

/** One section type's totals. */
export interface ProfileRow {
  readonly section: string;
  readonly count: number;
  readonly elements: number;
  readonly microseconds: number;
}

/** Sums the sections per type (keyed by type id; names may repeat across types). */
export function profileRows(sections: readonly SectionRecord[]): ProfileRow[] {
  const byType = new Map<number, { section: string; count: number; elements: number; microseconds: number }>();
  for (const s of sections) {
    let row = byType.get(s.typeId);
    if (row === undefined) {
      row = { section: s.name, count: 0, elements: 0, microseconds: 0 };
      byType.set(s.typeId, row);
    }
    row.count++;
    row.elements += Number(s.elements);
    row.microseconds += Number(s.microseconds);
  }
  return [...byType.values()];
}

function perSecond(r: ProfileRow): string {
  return r.microseconds > 0 && r.elements > 0 ? String(Math.round((r.elements * 1e6) / r.microseconds)) : "-";
}

/** The per-type table, or "" when no section closed. */
export function profileText(sections: readonly SectionRecord[]): string {
  const rows = profileRows(sections);
  if (rows.length === 0) return "";
  const table = [["section", "count", "elements", "total ms", "mean ms", "elements/s"]];
  for (const r of rows) {
    table.push([r.section, String(r.count), String(r.elements), (r.microseconds / 1000).toFixed(3), (r.microseconds / 1000 / r.count).toFixed(3), perSecond(r)]);
  }
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  return table.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

/** The rows for --json output. */
export function profileJson(sections: readonly SectionRecord[]): unknown {
  return profileRows(sections);
}
