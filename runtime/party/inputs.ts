/**
 * The client's argument records at a party, checked before the program runs, so
 * bad input is refused as input (cause "input", naming the argument) instead of
 * surfacing as an assert deep in the library or as silently wrong results:
 *
 * - against the program's interface (`checkArguments`): each record names an
 *   argument of the program with its domain and type, its data is a whole number
 *   of elements (shares, for a private type the runtime knows), and a scalar holds
 *   exactly one;
 * - across the three parties (`summarizeArguments`, `compareSummaries`): each party
 *   sends its peers a summary (per argument: name, domain, type, byte length, and
 *   for a public argument the SHA-256 of its data; never anything about a share's
 *   content) and compares theirs with its own, so a client that gave the parties
 *   different public values or differently sized vectors is refused before any
 *   protocol runs.
 */
import { createHash } from "node:crypto";
import type { InterfaceEntry, Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";
import { elementBytes, shareTypeOf } from "../shared3p/share-types.js";

/** Bytes per element of a record, or undefined when any length is acceptable. */
function elementSize(domain: string, type: string): number | undefined {
  if (domain !== "") {
    const t = shareTypeOf(type);
    return t === undefined ? undefined : elementBytes(t);
  }
  if (type === "bool") return 1;
  const bits = /^(?:u?int|float)(8|16|32|64)$/.exec(type);
  return bits === null ? undefined : Number(bits[1]) / 8;
}

function describe(e: { readonly domain: string; readonly type: string }): string {
  return e.domain === "" ? `public ${e.type}` : `${e.domain} ${e.type}`;
}

/** The first problem of the records against the program's interface, or undefined. */
export function checkArguments(module: Module, records: readonly DataRecord[]): string | undefined {
  const params = module.interface.filter((e) => e.role === "argument");
  const seen = new Set<string>();
  for (const r of records) {
    const where = `argument "${r.name}"`;
    if (seen.has(r.name)) return `${where}: given twice`;
    seen.add(r.name);
    const named = params.filter((e) => e.name === r.name);
    if (named.length === 0) return `${where}: the program has no argument of that name`;
    const entry: InterfaceEntry | undefined = named.find((e) => e.domain === r.domain && e.type === r.type);
    if (entry === undefined) return `${where}: the program reads it as ${describe(named[0] as InterfaceEntry)}, the client sent ${describe(r)}`;
    const size = elementSize(r.domain, r.type);
    if (size === undefined) continue;
    if (r.data.length % size !== 0) return `${where}: ${r.data.length} bytes is not a whole number of ${r.type} ${r.domain === "" ? "values" : "shares"}`;
    if (entry.dims === 0 && r.data.length !== size) return `${where}: a scalar, but the client sent ${r.data.length / size} elements`;
  }
  return undefined;
}

interface SummaryEntry {
  readonly name: string;
  readonly domain: string;
  readonly type: string;
  readonly bytes: number;
  /** SHA-256 of the data, public arguments only. */
  readonly sha256?: string;
}

/** What a party tells its peers about its arguments (see the file header). */
export function summarizeArguments(records: readonly DataRecord[]): SummaryEntry[] {
  return [...records]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((r) => {
      const e = { name: r.name, domain: r.domain, type: r.type, bytes: r.data.length };
      return r.domain === "" ? { ...e, sha256: createHash("sha256").update(r.data).digest("hex") } : e;
    });
}

/** How the peer's summary differs from this party's, or undefined when they agree. */
export function compareSummaries(self: number, mine: readonly SummaryEntry[], peer: number, theirs: unknown): string | undefined {
  if (!Array.isArray(theirs)) return `party ${peer} sent an unreadable argument summary`;
  const byName = new Map<string, SummaryEntry>();
  for (const t of theirs as SummaryEntry[]) if (typeof t?.name === "string") byName.set(t.name, t);
  const sides = `party ${self} and party ${peer}`;
  for (const m of mine) {
    const t = byName.get(m.name);
    const where = `argument "${m.name}"`;
    if (t === undefined) return `${where}: the client gave it to party ${self} but not to party ${peer}`;
    if (t.domain !== m.domain || t.type !== m.type) return `${where}: the client sent ${describe(m)} to party ${self} and ${describe(t)} to party ${peer}`;
    if (t.bytes !== m.bytes) return `${where}: the client sent ${m.bytes} bytes to party ${self} and ${t.bytes} bytes to party ${peer}`;
    if (t.sha256 !== m.sha256) return `${where}: the client sent different public values to ${sides}`;
    byName.delete(m.name);
  }
  const extra = [...byName.keys()][0];
  return extra === undefined ? undefined : `argument "${extra}": the client gave it to party ${peer} but not to party ${self}`;
}
