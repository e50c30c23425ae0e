/**
 * `secc check FILE... [-I DIR]... [--json] [--no-stdlib]`: parses and type-checks
 * each file with its imports and reports every diagnostic. Exit 0 without errors,
 * 1 with errors, 2 for usage errors.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { checkProgram } from "../semantic/index.js";
import { defaultStdlibPath } from "../stdlib-path.js";
import { nodeHost } from "./node-host.js";
import { readSource } from "./read-source.js";
import { ExitCode, printDiagnostics, printDiagnosticsJson } from "./report.js";

export interface CheckOptions {
  include: string[];
  json?: boolean;
  stdlib: boolean;
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
    const result = checkProgram(read.file, {
      host: nodeHost,
      includePaths: options.include,
      stdlibPath: options.stdlib ? defaultStdlibPath() : undefined,
    });
    diagnostics.push(...result.diagnostics);
  }
  if (options.json) printDiagnosticsJson(diagnostics);
  else printDiagnostics(diagnostics);
  return diagnostics.some((d) => d.severity === "error") ? ExitCode.programError : ExitCode.ok;
}
