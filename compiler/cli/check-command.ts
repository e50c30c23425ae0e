/**
 * `secc check FILE... [-I DIR]... [--json] [--no-stdlib] [--allow RULE]...`: parses
 * and type-checks each file with its imports and reports every diagnostic, plus the
 * lint warnings of an error-free program (compiler/lint/; `--allow` turns a rule
 * off). Exit 0 without errors, 1 with errors, 2 for usage errors.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { check } from "../index.js";
import { defaultStdlibPath } from "../stdlib-path.js";
import { nodeHost } from "./node-host.js";
import { readSource } from "./read-source.js";
import { ExitCode, printDiagnostics, printDiagnosticsJson } from "./report.js";

export interface CheckOptions {
  include: string[];
  json?: boolean;
  stdlib: boolean;
  /** Lint rules turned off. */
  allow: string[];
}

/** Checks the files and returns the exit code. */
export function runCheck(files: string[], options: CheckOptions): number {
  const diagnostics: Diagnostic[] = [];
  for (const path of files) {
    const read = readSource(path);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      continue;
    }
    const result = check(read.file, {
      host: nodeHost,
      includePaths: options.include,
      stdlibPath: options.stdlib ? defaultStdlibPath() : undefined,
      allow: options.allow,
    });
    diagnostics.push(...result.diagnostics);
  }
  if (options.json) printDiagnosticsJson(diagnostics);
  else printDiagnostics(diagnostics);
  return diagnostics.some((d) => d.severity === "error") ? ExitCode.programError : ExitCode.ok;
}
