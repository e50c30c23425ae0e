#!/usr/bin/env node
/**
 * The `secrun` command: runs a SecreC program (source, compiled first, or bytecode,
 * verified first). `secrun FILE --emulate` runs it in this process under the
 * plain-text emulator; `secrun FILE` runs it on three local party processes with
 * this process as the client; `secrun party` and `secrun client` are the roles of
 * a deployment across machines. What each prints is described in run-command.ts.
 * `--party-child` (internal) is how secrun starts its local party processes.
 */
import { collect, newProgram, optLevelOption, parseSeconds, runProgram } from "../../compiler/cli/options.js";
import { handleEpipe, internalError } from "../../compiler/cli/report.js";
import { partyChildMain } from "../party/child.js";
import { clientRunCommand, partyRunCommand, runCommand, type ClientOptions, type PartyOptions, type RunOptions } from "./run-command.js";

const help = `
Arguments: --arg takes its type from the program: scalars as 42, -1.5 or true,
vectors as 1,2,3, strings as given. --args FILE.json holds {"name": value, ...}
(vectors as arrays, 64-bit integers as numbers or strings). Private arguments are
given as plain values (secrun shares them among the parties). --args-stream reads
argument records (four fields, each prefixed by its u64 LE length: name, domain or
"" for public, type, data bytes; private data as plain values) from a file, - or
unix:PATH; --results-stream writes the results in the same format.

Output: print lines and "name = value" per published result (arrays as {1, 2, 3});
with --json one object {"results": [{"name", "domain", "type", "value"}], "output": [...]}
where domain is "" for public results and 64-bit integers are decimal strings.

Exit codes:
  0   success
  1   runtime error in the program (message with file:(line,col)), or invalid bytecode
  2   usage error (bad option, missing file, bad argument value)
  3   the program does not compile
  4   network or party failure (three-party runs)
  70  internal error (a bug in secrun)`;

function programOptions<T extends ReturnType<typeof newProgram>>(c: T): T {
  return c
    .option("-I, --include <dir>", "add a directory to the import search path (repeatable)", collect, [])
    .option("--no-stdlib", "do not search the built-in library directory")
    .addOption(optLevelOption())
    .option("--json", "print results and output as one JSON object") as T;
}

function runFlags<T extends ReturnType<typeof newProgram>>(c: T): T {
  return c
    .option("--stats", "report what the run cost: rounds and bytes per operation (emulator), time and traffic per party")
    .option("--time-limit <seconds>", "end a run on three parties that takes longer (exit code 4)", parseSeconds) as T;
}

function argumentOptions<T extends ReturnType<typeof newProgram>>(c: T): T {
  return c
    .option("--arg <name=value>", "a program argument (repeatable)", collect, [])
    .option("--args <file.json>", "program arguments from a JSON object")
    .option("--args-stream <source>", "argument records (record stream) from a file, - (stdin) or unix:PATH")
    .option("--results-stream <dest>", "also write the results as records to a file, - (stdout) or unix:PATH") as T;
}

const program = runFlags(argumentOptions(
  programOptions(
    newProgram("secrun", "Runs SecreC programs (source or bytecode)")
      .version("0.1.0")
      // Options after `client`/`party` belong to that subcommand, not to the top-level run.
      .enablePositionalOptions()
      .argument("<file>", "a SecreC source file (.sc) or compiled bytecode (.sb)")
      .option("--emulate", "run in this process under the plain-text emulator"),
  ),
))
  .addHelpText("after", help)
  .action(async (file: string, options: RunOptions) => {
    process.exitCode = await runCommand(file, options);
  });

runFlags(argumentOptions(
  programOptions(
    program
      .command("client")
      .description("act as the client of a deployment: share the arguments, reconstruct the results")
      .argument("<file>", "the program the parties run (.sc or .sb)")
      .requiredOption("--config <file>", "the deployment configuration (JSON)"),
  ),
))
  .addHelpText("after", help)
  .action(async (file: string, options: ClientOptions) => {
    process.exitCode = await clientRunCommand(file, options);
  });

programOptions(
  program
    .command("party")
    .description("run one computing party of a deployment for one task")
    .argument("<file>", "the program (.sc or .sb)")
    .requiredOption("--id <n>", "this party's number: 0, 1 or 2")
    .requiredOption("--config <file>", "the deployment configuration (JSON)"),
)
  .addHelpText("after", help)
  .action(async (file: string, options: PartyOptions) => {
    process.exitCode = await partyRunCommand(file, options);
  });

if (process.argv.includes("--party-child")) {
  partyChildMain().catch(internalError);
} else {
  handleEpipe();
  runProgram(program, process.argv).catch(internalError);
}
