#!/usr/bin/env node
/**
 * The `secrun` command: runs a SecreC program (source, compiled first, or
 * bytecode, verified first). With `--emulate` everything runs in this process under
 * the plain-text emulator; the three-party mode is not available yet.
 *
 * Output without --json: each `print` line as it happens, and each published result
 * as `name = value` (scalars as `tostring` prints them, arrays as `{1, 2, 3}`).
 * With --json: exactly one JSON object on stdout, `{"results": [{"name", "domain",
 * "type", "value"}...], "output": [...]}` (`domain` "" for public results, 64-bit
 * integers as decimal strings), plus `"error"` when the program stopped with a
 * runtime error, or `{"diagnostics": [...]}` when it did not compile.
 */
import { readFileSync } from "node:fs";
import { collect, newProgram, runProgram } from "../../compiler/cli/options.js";
import { ExitCode, handleEpipe, internalError, printDiagnostics } from "../../compiler/cli/report.js";
import { sortDiagnostics } from "../../compiler/diagnostics/diagnostic.js";
import { toJson } from "../../compiler/diagnostics/render.js";
import { ArgumentError, argumentRecords, parseArgOptions, parseArgsJson } from "./arguments.js";
import { loadProgram } from "./load-program.js";
import { resultsJson, showResult } from "./results.js";
import { runEmulated } from "./run-emulated.js";

const exitCodes = `
Arguments: --arg takes its type from the program: scalars as 42, -1.5 or true,
vectors as 1,2,3, strings as given. --args FILE.json holds {"name": value, ...}
(vectors as arrays, 64-bit integers as numbers or strings). Under --emulate,
private arguments are given as plain values.

Output: print lines and "name = value" per published result (arrays as {1, 2, 3});
with --json one object {"results": [{"name", "domain", "type", "value"}], "output": [...]}.

Exit codes:
  0   success
  1   runtime error in the program (message with file:(line,col)), or invalid bytecode
  2   usage error (bad option, missing file, bad argument value)
  3   the program does not compile
  70  internal error (a bug in secrun)`;

interface RunOptions {
  emulate?: boolean;
  include: string[];
  stdlib: boolean;
  arg: string[];
  args?: string;
  json?: boolean;
}

function usage(message: string): number {
  process.stderr.write(`error: ${message}\n`);
  return ExitCode.usage;
}

async function run(file: string, options: RunOptions): Promise<number> {
  if (!options.emulate) return usage("three-party mode is not available yet; use --emulate");
  const loaded = loadProgram(file, { include: options.include, stdlib: options.stdlib });
  if (!loaded.ok) {
    if (loaded.reason === "compile") {
      if (options.json) process.stdout.write(JSON.stringify({ diagnostics: sortDiagnostics(loaded.diagnostics).map(toJson) }, null, 2) + "\n");
      else printDiagnostics(loaded.diagnostics);
      return ExitCode.compileError;
    }
    process.stderr.write(`error: ${loaded.message}\n`);
    return loaded.reason === "usage" ? ExitCode.usage : ExitCode.programError;
  }
  const module = loaded.module;
  let records;
  try {
    let raw = new Map<string, { source: string; value: unknown }>();
    raw = parseArgOptions(options.arg, raw);
    if (options.args !== undefined) {
      let text: string;
      try {
        text = readFileSync(options.args, "utf8");
      } catch (e) {
        return usage(`cannot read --args file '${options.args}': ${e instanceof Error ? e.message : String(e)}`);
      }
      raw = parseArgsJson(text, options.args, raw);
    }
    records = argumentRecords(module, raw);
  } catch (e) {
    if (e instanceof ArgumentError) return usage(e.message);
    throw e;
  }
  const json = options.json === true;
  const outcome = await runEmulated(module, records, {
    onPrint: json ? undefined : (line) => process.stdout.write(line + "\n"),
    onResult: json ? undefined : (r) => process.stdout.write(showResult(module, r).text + "\n"),
  });
  if (json) {
    const shown = outcome.results.map((r) => showResult(module, r));
    let text = resultsJson(shown, outcome.output);
    if (outcome.error !== undefined) text = text.replace(/\n}$/, `,\n  "error": ${JSON.stringify(outcome.error)}\n}`);
    process.stdout.write(text + "\n");
  }
  if (outcome.error !== undefined) {
    process.stderr.write(`error: ${outcome.error}\n`);
    return ExitCode.programError;
  }
  return ExitCode.ok;
}

const program = newProgram("secrun", "Runs SecreC programs (source or bytecode)")
  .version("0.1.0")
  .argument("<file>", "a SecreC source file (.sc) or compiled bytecode (.sb)")
  .option("--emulate", "run in this process under the plain-text emulator")
  .option("-I, --include <dir>", "add a directory to the import search path (repeatable)", collect, [])
  .option("--no-stdlib", "do not search the built-in library directory")
  .option("--arg <name=value>", "a program argument (repeatable)", collect, [])
  .option("--args <file.json>", "program arguments from a JSON object")
  .option("--json", "print results and output as one JSON object")
  .addHelpText("after", exitCodes)
  .action(async (file: string, options: RunOptions) => {
    process.exitCode = await run(file, options);
  });

handleEpipe();
runProgram(program, process.argv).catch(internalError);
