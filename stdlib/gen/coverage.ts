/**
 * Generates docs/stdlib-coverage.md: for every module of the reference standard
 * library listed in ../shared/spec/secrec-reference.md §7.1-§7.3, which of its
 * public procedures our stdlib/*.sc defines (in the module of that name) and which
 * are missing, so nothing is silently absent. The reference names come from the
 * spec's tables (backticked entries, with its shorthand expanded: `a/b`, `(A|B)`,
 * `[X|Y]`, `{1,2}`); our names from the procedure and global definitions in each
 * module. Run `npx tsx stdlib/gen/coverage.ts` after adding procedures; a test
 * checks the committed table is current.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const specPath = join(root, "..", "shared", "spec", "secrec-reference.md");

/** Reference module -> procedure names, in table order. */
export type Reference = Map<string, string[]>;

const LIMITS = ["UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "INT32", "INT64"].flatMap((t) => [`${t}_MAX`, `${t}_MIN`]);

/** Expands `{a,b}`, `(A|B)`, `[X|Y]` (optional) and `(Vec)` (optional suffix) groups. */
function expandGroups(name: string): string[] {
  const m = /\{([^}]*)\}|\(([^)]*\|[^)]*)\)|\[([^\]]*)\]|\(([A-Z][a-z][A-Za-z0-9]*)\)/.exec(name);
  if (m === null) return [name];
  const before = name.slice(0, m.index);
  const after = name.slice(m.index + m[0].length);
  let options: string[];
  if (m[1] !== undefined) options = m[1].split(",");
  else if (m[2] !== undefined) options = m[2].split("|");
  else if (m[3] !== undefined) options = ["", ...m[3].split("|")];
  else options = ["", m[4]!];
  return options.flatMap((o) => expandGroups(before + o.trim() + after));
}

const capitalWords = (s: string): string[] => s.match(/[A-Z][a-z0-9]*/g) ?? [];

/** Expands `a/b` alternatives: `shuffleRows/Columns`, `left/rightX`, `oramPrepareRead/PerformRead`. */
function expandSlashes(token: string): string[] {
  const parts = token.split("/");
  if (parts.length === 1) return [token];
  const last = parts[parts.length - 1]!;
  // prefix alternatives sharing the last part's tail: left/rightTransposedMultiplication
  if (/^[a-z]+$/.test(parts[0]!) && /^[a-z]/.test(parts[1]!)) {
    const tail = last.replace(/^[a-z]+/, "");
    return parts.map((p, i) => (i === parts.length - 1 ? p : p + tail));
  }
  const first = parts[0]!;
  const out = [first];
  for (const p of parts.slice(1)) {
    if (/^[a-z]/.test(p)) {
      out.push(p);
      continue;
    }
    const words = capitalWords(p).length;
    const firstWords = capitalWords(first);
    const keep = firstWords.length - Math.min(words, firstWords.length);
    const cut = keep === firstWords.length ? first.length : first.indexOf(firstWords.slice(keep).join(""), first.length - firstWords.slice(keep).join("").length);
    out.push(first.slice(0, cut) + p);
  }
  return out;
}

const NOT_PROCEDURES = new Set(["isAvailable", "shared2p", "shared3p"]);

/** Whether a backticked table entry names procedures (not a type, syscall or parameter). */
function isProcedureEntry(entry: string): boolean {
  if (NOT_PROCEDURES.has(entry)) return false;
  if (/^(?:u?int\d*|xor_uint\d+|bool|float\d*|fix\d+)(?:\[\[|$)/.test(entry)) return false;
  return !/_vec\b|_T_|::/.test(entry);
}

/** The procedure names one backticked table entry stands for. */
function namesOf(entry: string): string[] {
  const text = entry.trim().replace(/\/…/g, "").replace(/\[\[[^\]]*\]\]/g, "").replace(/\(\)$/, "");
  if (text.includes("...") && text.includes("_MAX")) return LIMITS;
  if (text.includes("*") || text.includes("…") || text.startsWith("(")) return [];
  // a signature: the identifier before the parameter list
  const sig = /([A-Za-z_][\w]*)\s*\(([^)]*[\s,][^)]*)?\)?/.exec(text);
  let name = text;
  if (/\s/.test(text) || /\([a-z]/.test(text)) {
    const m = /([A-Za-z_][\w/]*(?:\([A-Z][\w|]*\))?[\w]*(?:\[[\w|]+\])?)\s*\(/.exec(text);
    if (m === null) return sig !== null && /^[A-Za-z_]\w*$/.test(text) ? [text] : [];
    name = m[1]!;
  }
  const names = expandSlashes(name).flatMap(expandGroups);
  return names.filter((n) => /^[A-Za-z_]\w*$/.test(n));
}

/** Parses the reference module tables of §7.1-§7.3. */
export function parseReference(spec: string): Reference {
  const ref: Reference = new Map();
  const add = (module: string, names: string[]) => {
    const list = ref.get(module) ?? [];
    for (const n of names) if (!list.includes(n)) list.push(n);
    ref.set(module, list);
  };
  const section = (start: string, end: string) => spec.slice(spec.indexOf(start), spec.indexOf(end));
  // table cells, ignoring the | inside backticked code
  const cells = (line: string) =>
    line
      .replace(/`[^`]*`/g, (code) => code.replace(/\|/g, "\u0000"))
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim().replace(/\u0000/g, "|"));
  const ticks = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter(isProcedureEntry);
  for (const [mod, start, end] of [["stdlib", "### 7.1", "### 7.2"], ["shared3p", "### 7.2", "### 7.3"]] as const) {
    for (const line of section(start, end).split("\n")) {
      if (!line.startsWith("|") || line.startsWith("|---")) continue;
      const first = cells(line)[0] ?? "";
      if (/^operators|^casts/.test(first) || first === "procedure") continue;
      add(mod, ticks(first).flatMap(namesOf));
    }
  }
  for (const line of section("### 7.3", "### 7.4").split("\n")) {
    if (!line.startsWith("|") || line.startsWith("|---")) continue;
    const [modCell, procCell] = cells(line);
    if (modCell === undefined || procCell === undefined || modCell === "module") continue;
    const modules = [...modCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const names = procCell.startsWith("§") ? [] : ticks(procCell).flatMap(namesOf);
    for (const m of modules) add(m, names);
  }
  return ref;
}

/** Names of the procedures, operators excepted, and globals a module defines. */
export function definedNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const line of source.split("\n")) {
    const proc = /^(?!template|module|import|kind|domain|struct|return)[A-Za-z_][\w]*(?:<[\w\s,]*>)?(?:\s+[A-Za-z_][\w]*)*(?:\[\[\w+\]\])?\s+([A-Za-z_]\w*)\s*\(.*\)\s*\{.*$/.exec(line);
    if (proc !== null && proc[1] !== "operator" && proc[1] !== "cast") names.add(proc[1]!);
    const global = /^[A-Za-z_]\w*(?:\[\[\d\]\])?\s+([A-Z][A-Z0-9_]*)\s*=/.exec(line);
    if (global !== null) names.add(global[1]!);
    const struct = /^struct\s+([A-Za-z]\w*)\s*\{/.exec(line);
    if (struct !== null) names.add(struct[1]!);
  }
  return names;
}

/** The markdown report. */
export function coverageReport(spec: string, readModule: (name: string) => string | undefined): string {
  const ref = parseReference(spec);
  const rows: string[] = [];
  let total = 0;
  let present = 0;
  const summary: string[] = [];
  for (const [module, names] of ref) {
    const source = readModule(module);
    const defined = source === undefined ? new Set<string>() : definedNames(source);
    const have = names.filter((n) => defined.has(n));
    const missing = names.filter((n) => !defined.has(n));
    total += names.length;
    present += have.length;
    summary.push(`| \`${module}\` | ${source === undefined ? "no" : "yes"} | ${have.length} / ${names.length} |`);
    rows.push(`### \`${module}\`${source === undefined ? " (module absent)" : ""}\n`);
    if (names.length === 0) rows.push("The reference lists no procedures for this module here.\n");
    else {
      rows.push("| procedure | here |", "|---|---|");
      for (const n of names) rows.push(`| \`${n}\` | ${defined.has(n) ? "yes" : "**missing**"} |`);
      rows.push("");
    }
    if (source !== undefined) {
      const extra = [...defined].filter((n) => !names.includes(n) && !n.startsWith("_")).sort();
      if (extra.length > 0) rows.push(`Also defined here: ${extra.map((n) => `\`${n}\``).join(", ")}.\n`);
    }
    void missing;
  }
  return `# Standard library coverage

GENERATED by \`npx tsx stdlib/gen/coverage.ts\` from the module tables of
secrec-reference.md §7.1-§7.3 and the definitions in \`stdlib/*.sc\`: do not edit.
A procedure counts as present when the module of that name defines it (any
overload); operators and casts of \`shared3p\` are not listed (see
\`stdlib/gen/shared3p.ts\`). Reference entries written with "…" or "*" in the
spec (e.g. \`bl_str*\`, \`tdbVmap*\`) cannot be expanded and are not listed.

Present: ${present} of ${total} listed procedures.

| module | module file | procedures present |
|---|---|---|
${summary.join("\n")}

${rows.join("\n")}`;
}

function readStdlibModule(name: string): string | undefined {
  const path = join(root, "stdlib", `${name}.sc`);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** The report for the current library; undefined when the spec is not beside the checkout. */
export function currentReport(): string | undefined {
  if (!existsSync(specPath)) return undefined;
  return coverageReport(readFileSync(specPath, "utf8"), readStdlibModule);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = currentReport();
  if (report === undefined) throw new Error(`the reference spec is not at ${specPath}`);
  writeFileSync(join(root, "docs", "stdlib-coverage.md"), report);
}
