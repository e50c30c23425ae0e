/**
 * `secc fmt [--check|--write] FILE...`: formats SecreC sources with the prettier
 * plugin (compiler/format).
 * - no flag: prints each file's formatted text on stdout;
 * - `--write`: rewrites the files whose formatting changes and lists them on stdout;
 * - `--check`: lists the files that are not formatted on stdout and exits 1 if any.
 * A file that cannot be read or has syntax errors is reported as diagnostics on
 * stderr, left untouched, and makes the exit code 1.
 */
import { writeFileSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatSource } from "../format/index.js";
import { readSource } from "./read-source.js";
import { ExitCode, printDiagnostics } from "./report.js";

export interface FmtCommandOptions {
  check?: boolean;
  write?: boolean;
}

/** The file's formatting changed or not; undefined after a diagnostic; "failed" when it could not be written. */
type Outcome = { path: string; changed: boolean } | undefined | "failed";

async function formatOne(path: string, options: FmtCommandOptions, diagnostics: Diagnostic[]): Promise<Outcome> {
  const read = readSource(path);
  if (!read.ok) {
    diagnostics.push(read.diagnostic);
    return undefined;
  }
  const result = await formatSource(read.file.text, { filepath: path });
  if (!result.ok) {
    diagnostics.push(...result.diagnostics);
    return undefined;
  }
  const changed = result.text !== read.file.text;
  if (options.write && changed) {
    try {
      writeFileSync(path, result.text);
    } catch (error) {
      process.stderr.write(`error: cannot write '${path}': ${error instanceof Error ? error.message : String(error)}\n`);
      return "failed";
    }
  }
  if (!options.check && !options.write) process.stdout.write(result.text);
  return { path, changed };
}

/** Formats the files and returns the exit code. */
export async function runFmt(files: string[], options: FmtCommandOptions): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  let unformatted = 0;
  let failed = false;
  for (const path of files) {
    const outcome = await formatOne(path, options, diagnostics);
    if (outcome === "failed") failed = true;
    if (outcome === undefined || outcome === "failed" || !outcome.changed) continue;
    unformatted++;
    if (options.check || options.write) process.stdout.write(`${path}\n`);
  }
  if (diagnostics.length > 0) printDiagnostics(diagnostics);
  if (failed || diagnostics.some((d) => d.severity === "error")) return ExitCode.programError;
  return options.check && unformatted > 0 ? ExitCode.programError : ExitCode.ok;
}
