#!/usr/bin/env node
/**
 * The `secc` command: checks and compiles SecreC programs.
 *
 * Exit codes: 0 success (warnings only), 1 errors in the program, 2 usage error
 * (unknown option, missing argument), 70 internal error (a bug in secc).
 */
import { runCheck } from "./check-command.js";
import { collect, newProgram, runProgram } from "./options.js";
import { handleEpipe, internalError } from "./report.js";

const exitCodes = `
Exit codes:
  0   success (warnings only)
  1   the program has errors
  2   usage error
  70  internal error (a bug in secc)`;

const program = newProgram("secc", "Compiler for SecreC 2, the language of secure multi-party computation")
  .version("0.1.0")
  .addHelpText("after", exitCodes);

program
  .command("check")
  .description("parse and type-check programs, reporting every error")
  .argument("<files...>", "SecreC source files (.sc)")
  .option("-I, --include <dir>", "add a directory to the import search path (repeatable)", collect, [])
  .option("--json", "print the diagnostics as one JSON array on stdout")
  .option("--no-stdlib", "do not search the built-in library directory")
  .addHelpText("after", exitCodes)
  .action((files: string[], options: { include: string[]; json?: boolean; stdlib: boolean }) => {
    process.exitCode = runCheck(files, options);
  });

handleEpipe();
runProgram(program, process.argv).catch(internalError);
