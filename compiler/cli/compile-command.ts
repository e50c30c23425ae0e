/**
 * `secc compile FILE.sc [-o FILE.sb] [-O0] [-I DIR]... [--no-stdlib] [--json]`: checks
 * and compiles a program to bytecode (optimised unless `-O0`), written to FILE.sb
 * beside the source unless `-o` says otherwise. Diagnostics go to stderr as text, or with --json to stdout as one
 * JSON array (as `secc check --json`). Exit 0 when the bytecode was written, 1 when
 * the program has errors (nothing is written), 2 when the output cannot be written.
 */
import { writeFileSync } from "node:fs";
import { compile } from "../index.js";
import { defaultStdlibPath } from "../stdlib-path.js";
import { nodeHost } from "./node-host.js";
import { optimizeFor } from "./options.js";
import { readSource } from "./read-source.js";
import { ExitCode, printDiagnostics, printDiagnosticsJson } from "./report.js";

export interface CompileCommandOptions {
  output?: string;
  include: string[];
  json?: boolean;
  stdlib: boolean;
  /** Lint rules turned off. */
  allow: string[];
  /** `-O` level: "0" turns the optimiser off. */
  optLevel?: string;
}

/** The default output path: the source path with `.sb` instead of `.sc`. */
export function defaultOutputPath(source: string): string {
  return source.endsWith(".sc") ? `${source.slice(0, -3)}.sb` : `${source}.sb`;
}

/** Compiles `path` and returns the exit code. */
export function runCompile(path: string, options: CompileCommandOptions): number {
  const report = options.json ? printDiagnosticsJson : printDiagnostics;
  const read = readSource(path);
  if (!read.ok) {
    report([read.diagnostic]);
    return ExitCode.programError;
  }
  const result = compile(read.file, {
    host: nodeHost,
    includePaths: options.include,
    stdlibPath: options.stdlib ? defaultStdlibPath() : undefined,
    allow: options.allow,
    optimize: optimizeFor(options.optLevel),
  });
  report(result.diagnostics);
  if (result.bytecode === undefined) return ExitCode.programError;
  const out = options.output ?? defaultOutputPath(path);
  try {
    writeFileSync(out, result.bytecode);
  } catch (e) {
    process.stderr.write(`error: cannot write '${out}': ${e instanceof Error ? e.message : String(e)}\n`);
    return ExitCode.usage;
  }
  return ExitCode.ok;
}
