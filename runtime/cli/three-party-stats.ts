/**
 * `secrun --stats` for three-party runs: per party, the rounds, bytes sent and
 * received, and time of each protocol the program ran, plus the party's totals
 * (bytes as counted on its TCP connections, frame headers and handshake included),
 * and the party's profiled sections when its statistics carry them
 * (profile-stats.ts). Text for humans; the PartyStats objects themselves go into
 * --json output.
 */
import type { PartyStats } from "../party/party.js";
import { profileText, type SectionRecord } from "./profile-stats.js";

/** A party's statistics, optionally with the sections its program profiled. */
export type PartyStatsWithProfile = PartyStats & { readonly sections?: readonly SectionRecord[] };

function kib(bytes: number): string {
  return bytes < 10 * 1024 ? `${bytes} B` : bytes < 10 * 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A text table per party. */
export function formatStats(stats: readonly PartyStatsWithProfile[]): string {
  const lines: string[] = [];
  for (const s of stats) {
    lines.push(`party ${s.party}: ${s.milliseconds.toFixed(1)} ms, sent ${kib(s.bytesSent)}, received ${kib(s.bytesReceived)}`);
    const rows = Object.entries(s.protocols).sort(([a], [b]) => a.localeCompare(b));
    const profiled = profileText(s.sections ?? []);
    if (profiled !== "") lines.push(...profiled.split("\n").map((l) => "  " + l));
    if (rows.length === 0) continue;
    const table = [["protocol", "calls", "lanes", "rounds", "sent", "received", "ms"]];
    for (const [key, p] of rows) {
      table.push([key, String(p.calls), String(p.lanes), String(p.rounds), kib(p.bytesSent), kib(p.bytesReceived), p.milliseconds.toFixed(1)]);
    }
    const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
    for (const r of table) lines.push("  " + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
  }
  return lines.join("\n");
}
