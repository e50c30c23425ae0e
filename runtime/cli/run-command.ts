/**
 * What `secrun FILE` and `secrun client` do once the command line is parsed: load
 * (or compile) the program, build its typed argument records, run it (under the
 * emulator with --emulate, on three local party processes otherwise, or as the
 * client of a deployment), and print the `print` lines and published results.
 *
 * Output without --json: each `print` line as it arrives and each published result
 * as `name = value` (scalars as `tostring` prints them, arrays as `{1, 2, 3}`), in
 * the order the program produced them: the emulator streams them as they happen,
 * the three-party modes replay them when the run completes. With --json: exactly one JSON object on stdout,
 * `{"results": [{"name", "domain", "type", "value"}...], "output": [...]}` plus
 * `"error"` when the program stopped with an error, or `{"diagnostics": [...]}` when
 * it did not compile. With --stats, what the run cost (stats.ts) goes to stderr, or
 * under `"stats"` in the JSON object. `-O0` compiles a source program without the
 * optimiser. Returns the exit code.
 *
 * Record streams (record-io.ts): `--args-stream SOURCE` adds argument records (the
 * command line's --arg/--args win for the same name); `--results-stream DEST` also
 * writes the published results as records. With `--results-stream -` the records go
 * to standard output, so the text lines go to standard error and results are not
 * repeated as text.
 */
import { readFileSync } from "node:fs";
import { ExitCode, printDiagnostics } from "../../compiler/cli/report.js";
import { sortDiagnostics } from "../../compiler/diagnostics/diagnostic.js";
import { toJson } from "../../compiler/diagnostics/render.js";
import { encode, type Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";
import { RunFailure } from "../client/client.js";
import { failureTrace } from "../party/wire.js";
import { ConfigError } from "../config.js";
import { ArgumentError, argumentRecords, parseArgOptions, parseArgsJson } from "./arguments.js";
import { clientCommand } from "./client-command.js";
import { loadProgram } from "./load-program.js";
import { optimizeFor } from "../../compiler/cli/options.js";
import { mergeArguments, readArgumentStream, writeResultStream } from "./record-io.js";
import { partyCommand } from "./party-command.js";
import { resultsJson, showResult } from "./results.js";
import { runEmulated } from "./run-emulated.js";
import { emulatorStatsJson, emulatorStatsText } from "./stats.js";
import { formatStats } from "./three-party-stats.js";
import { replay, runThreeParty, startLocalParties, type ThreePartyResult } from "./three-party.js";

export interface ProgramOptions {
  include: string[];
  stdlib: boolean;
  json?: boolean;
  /** `-O` level: "0" compiles a source program without the optimiser. */
  optLevel?: string;
}

export interface RunOptions extends ProgramOptions {
  emulate?: boolean;
  stats?: boolean;
  /** --time-limit, seconds: three-party runs and the client give up after it. */
  timeLimit?: number;
  arg: string[];
  args?: string;
  argsStream?: string;
  resultsStream?: string;
}

function printLine(line: string): void {
  process.stdout.write(line + "\n");
}

function printErrLine(line: string): void {
  process.stderr.write(line + "\n");
}

/** Where text lines and result lines go: stdout, or stderr / nowhere when result records use stdout. */
function sinks(options: RunOptions): { line: (line: string) => void; result: (line: string) => void } {
  if (options.resultsStream === "-") return { line: printErrLine, result: () => undefined };
  return { line: printLine, result: printLine };
}

function usage(message: string): number {
  process.stderr.write(`error: ${message}\n`);
  return ExitCode.usage;
}

/** Loads or compiles the program; on failure reports it and gives the exit code. */
function load(file: string, options: ProgramOptions): Module | number {
  const loaded = loadProgram(file, { include: options.include, stdlib: options.stdlib, optimize: optimizeFor(options.optLevel) });
  if (loaded.ok) return loaded.module;
  if (loaded.reason === "compile") {
    if (options.json) process.stdout.write(JSON.stringify({ diagnostics: sortDiagnostics(loaded.diagnostics).map(toJson) }, null, 2) + "\n");
    else printDiagnostics(loaded.diagnostics);
    return ExitCode.compileError;
  }
  process.stderr.write(`error: ${loaded.message}\n`);
  return loaded.reason === "usage" ? ExitCode.usage : ExitCode.programError;
}

/** The program's argument records from --arg and --args, or an exit code after a usage error. */
function records(module: Module, options: RunOptions): DataRecord[] | number {
  try {
    const raw = parseArgOptions(options.arg);
    if (options.args !== undefined) {
      let text: string;
      try {
        text = readFileSync(options.args, "utf8");
      } catch (e) {
        return usage(`cannot read --args file '${options.args}': ${e instanceof Error ? e.message : String(e)}`);
      }
      parseArgsJson(text, options.args, raw);
    }
    return argumentRecords(module, raw);
  } catch (e) {
    if (e instanceof ArgumentError) return usage(e.message);
    throw e;
  }
}

/** Command-line argument records merged with those of --args-stream, or an exit code. */
async function allRecords(module: Module, options: RunOptions): Promise<DataRecord[] | number> {
  if (options.json && options.resultsStream === "-") return usage("--json and --results-stream - would both write to standard output");
  const cli = records(module, options);
  if (typeof cli === "number" || options.argsStream === undefined) return cli;
  try {
    return mergeArguments(await readArgumentStream(module, options.argsStream), cli);
  } catch (e) {
    if (e instanceof ArgumentError) return usage(e.message);
    throw e;
  }
}

/** Writes the result records when --results-stream asks for them; an exit code on failure. */
async function writeResults(options: RunOptions, results: readonly DataRecord[]): Promise<number> {
  if (options.resultsStream === undefined) return ExitCode.ok;
  try {
    await writeResultStream(options.resultsStream, results);
    return ExitCode.ok;
  } catch (e) {
    if (e instanceof ArgumentError) return usage(e.message);
    throw e;
  }
}

/** Adds a hint to runtime errors users can fix from the command line. */
function explain(error: string): string {
  const m = /^argument "([^"]*)" was not given/.exec(error);
  return m === null ? error : `${error}\n  (give it with --arg ${m[1]}=VALUE or in --args FILE.json)`;
}

/** The JSON object (with --json), the statistics and the error, after the run's lines were printed. */
function finish(
  module: Module,
  results: readonly DataRecord[],
  output: readonly string[],
  error: string | undefined,
  options: ProgramOptions,
  trace: readonly string[] = [],
  stats?: { readonly text: string; readonly json: unknown },
): void {
  if (options.json) {
    let text = resultsJson(results.map((r) => showResult(module, r)), output);
    if (stats !== undefined) text = text.replace(/\n}$/, `,\n  "stats": ${JSON.stringify(stats.json)}\n}`);
    if (error !== undefined) text = text.replace(/\n}$/, `,\n  "error": ${JSON.stringify(error)}\n}`);
    process.stdout.write(text + "\n");
  } else if (stats !== undefined) process.stderr.write(stats.text + "\n");
  if (error === undefined) return;
  const where = trace.length > 1 ? trace.map((t) => `\n  in ${t}`).join("") : "";
  process.stderr.write(`error: ${explain(error)}${where}\n`);
}

function seconds(s: number | undefined): number | undefined {
  return s === undefined ? undefined : s * 1000;
}

function failureCode(e: RunFailure): number {
  const cause = e.failures[0]?.cause;
  return cause === "program" || cause === "input" ? ExitCode.programError : ExitCode.environment;
}

/** `secrun FILE [--emulate]`. */
export async function runCommand(file: string, options: RunOptions): Promise<number> {
  if (options.emulate && options.timeLimit !== undefined) return usage("--time-limit applies to runs on three parties, not to --emulate");
  // local parties start loading the runtime while this process compiles
  const early = options.emulate ? undefined : startLocalParties();
  const module = load(file, options);
  const args = typeof module === "number" ? module : await allRecords(module, options);
  if (typeof module === "number" || typeof args === "number") {
    early?.kill();
    return typeof module === "number" ? module : (args as number);
  }
  const json = options.json === true;
  const out = sinks(options);
  if (options.emulate) {
    const outcome = await runEmulated(module, args, {
      onPrint: json ? undefined : out.line,
      onResult: json ? undefined : (r) => out.result(showResult(module, r).text),
      priced: options.stats === true,
    });
    const costs = outcome.backend.costs;
    const stats = options.stats ? { text: emulatorStatsText(costs, outcome.sections), json: emulatorStatsJson(costs, outcome.sections) } : undefined;
    finish(module, outcome.results, outcome.output, outcome.error, options, outcome.trace, stats);
    if (outcome.error !== undefined) return ExitCode.programError;
    return writeResults(options, outcome.results);
  }
  try {
    return reportRun(module, await runThreeParty(module, args, { processes: early, timeLimitMs: seconds(options.timeLimit) }), options, out);
  } catch (e) {
    if (!(e instanceof RunFailure)) throw e;
    const unsupported = e.failures[0]?.party === -1 && e.failures[0]?.cause === "program";
    return reportFailure(module, e, options, out, unsupported ? `${e.message}\n  (the emulator runs every operation: secrun --emulate)` : e.message);
  }
}

type Sinks = ReturnType<typeof sinks>;

/** Prints a run on parties as --emulate prints it (lines and results in order, statistics); the exit code. */
function reportRun(module: Module, r: ThreePartyResult, options: RunOptions, out: Sinks): Promise<number> {
  if (!options.json) replay(r, out.line, (rec) => out.result(showResult(module, rec).text));
  const stats = options.stats ? { text: formatStats(r.stats), json: r.stats } : undefined;
  finish(module, r.results, r.output, undefined, options, [], stats);
  return writeResults(options, r.results);
}

/** Prints what a failed run printed and published before the failure, as --emulate does, then the error; the exit code. */
function reportFailure(module: Module, e: RunFailure, options: RunOptions, out: Sinks, message = e.message): number {
  if (!options.json) replay(e, out.line, (rec) => out.result(showResult(module, rec).text));
  finish(module, options.json ? e.results : [], options.json ? e.output : [], message, options, failureTrace(e.failures[0]));
  return failureCode(e);
}

export interface ClientOptions extends RunOptions {
  config: string;
}

/** `secrun client --config FILE PROGRAM`: the client of a deployment. */
export async function clientRunCommand(file: string, options: ClientOptions): Promise<number> {
  const module = load(file, options);
  if (typeof module === "number") return module;
  const args = await allRecords(module, options);
  if (typeof args === "number") return args;
  const out = sinks(options);
  try {
    return reportRun(module, await clientCommand({ config: options.config, program: module, records: args, timeLimitMs: seconds(options.timeLimit) }), options, out);
  } catch (e) {
    if (e instanceof ConfigError) return usage(e.message);
    if (!(e instanceof RunFailure)) throw e;
    return reportFailure(module, e, options, out);
  }
}

export interface PartyOptions extends ProgramOptions {
  id: string;
  config: string;
}

/** `secrun party --id N --config FILE PROGRAM`: one computing party of a deployment. */
export async function partyRunCommand(file: string, options: PartyOptions): Promise<number> {
  const module = load(file, options);
  if (typeof module === "number") return module;
  const id = Number(options.id);
  return partyCommand({ id, config: options.config, bytecode: encode(module) });
}
