/**
 * `secc cost FILE [-I DIR]... [--json] [--no-stdlib]`: the static cost report
 * (compiler/cost/): per procedure instance reached from main and for the whole
 * program, protocol runs, rounds and bytes sent per party, by protocol, symbolic in
 * lengths and loop trip counts unknown at compile time. Text on stdout (legend at
 * the end), or `--json` one document { program, procedures } on stdout. Exit 1 when
 * the program has errors or no `void main()`, 2 for usage errors.
 */
import { costReport, costReportJson, formatCostReport } from "../cost/index.js";
import { Codegen } from "../diagnostics/messages/codegen.js";
import { checkProgram } from "../semantic/index.js";
import { defaultStdlibPath } from "../stdlib-path.js";
import { nodeHost } from "./node-host.js";
import { readSource } from "./read-source.js";
import { ExitCode, printDiagnostics, printDiagnosticsJson } from "./report.js";

export interface CostCommandOptions {
  include: string[];
  json?: boolean;
  stdlib: boolean;
}

/** Prints the cost report of `file` and returns the exit code. */
export function runCost(file: string, options: CostCommandOptions): number {
  const fail = (ds: Parameters<typeof printDiagnostics>[0]): number => {
    if (options.json) printDiagnosticsJson(ds);
    else printDiagnostics(ds);
    return ExitCode.programError;
  };
  const read = readSource(file);
  if (!read.ok) return fail([read.diagnostic]);
  const checked = checkProgram(read.file, {
    host: nodeHost,
    includePaths: options.include,
    stdlibPath: options.stdlib ? defaultStdlibPath() : undefined,
  });
  if (checked.diagnostics.some((d) => d.severity === "error")) return fail(checked.diagnostics);
  const report = costReport(checked.program);
  if (report === undefined) return fail([...checked.diagnostics, Codegen.noMain.at(undefined)]);
  if (options.json) process.stdout.write(JSON.stringify(costReportJson(report), null, 2) + "\n");
  else process.stdout.write(formatCostReport(report));
  return ExitCode.ok;
}
