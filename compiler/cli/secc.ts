#!/usr/bin/env node
/**
 * The `secc` command: checks and compiles SecreC programs.
 *
 * Exit codes: 0 success (warnings only), 1 errors in the program, 2 usage error
 * (unknown option, missing argument), 70 internal error (a bug in secc).
 */
import { runCheck, type CheckOptions } from "./check-command.js";
import { runCompile, type CompileCommandOptions } from "./compile-command.js";
import { runCost, type CostCommandOptions } from "./cost-command.js";
import { runDisasm } from "./disasm-command.js";
import type { FmtCommandOptions } from "./fmt-command.js";
import { Option } from "commander";
import { collect, collectRule, newProgram, optLevelOption, runProgram } from "./options.js";
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
  .option("--allow <rule>", "turn off a lint rule: scalar-private-in-loop, declassify-in-loop (repeatable)", collectRule, [])
  .addHelpText("after", exitCodes)
  .action((files: string[], options: CheckOptions) => {
    process.exitCode = runCheck(files, options);
  });

program
  .command("compile")
  .description("compile a program to bytecode (FILE.sb beside the source unless -o is given)")
  .argument("<file>", "the SecreC source file (.sc) with `void main()`")
  .option("-o, --output <file>", "where to write the bytecode")
  .addOption(optLevelOption())
  .option("-I, --include <dir>", "add a directory to the import search path (repeatable)", collect, [])
  .option("--json", "print the diagnostics as one JSON array on stdout")
  .option("--no-stdlib", "do not search the built-in library directory")
  .option("--allow <rule>", "turn off a lint rule: scalar-private-in-loop, declassify-in-loop (repeatable)", collectRule, [])
  .addHelpText("after", exitCodes)
  .action((file: string, options: CompileCommandOptions) => {
    process.exitCode = runCompile(file, options);
  });

program
  .command("cost")
  .description("estimate protocol runs, rounds and bytes per party, per procedure and for the whole program")
  .argument("<file>", "the SecreC source file (.sc) with `void main()`")
  .option("-I, --include <dir>", "add a directory to the import search path (repeatable)", collect, [])
  .option("--json", "print the report as one JSON document on stdout")
  .option("--no-stdlib", "do not search the built-in library directory")
  .addHelpText("after", exitCodes)
  .action((file: string, options: CostCommandOptions) => {
    process.exitCode = runCost(file, options);
  });

program
  .command("fmt")
  .description("format programs (prints the result unless --check or --write is given)")
  .argument("<files...>", "SecreC source files (.sc)")
  .addOption(new Option("--check", "list the files that are not formatted; exit 1 if any").conflicts("write"))
  .option("--write", "rewrite the files in place and list the ones that changed")
  .addHelpText("after", exitCodes)
  .action(async (files: string[], options: FmtCommandOptions) => {
    // loaded on demand: the formatter brings prettier, which no other command needs
    const { runFmt } = await import("./fmt-command.js");
    process.exitCode = await runFmt(files, options);
  });

program
  .command("disasm")
  .description("print compiled bytecode as readable assembly with source positions")
  .argument("<file>", "a compiled program (.sb)")
  .addHelpText("after", exitCodes)
  .action((file: string) => {
    process.exitCode = runDisasm(file);
  });

handleEpipe();
runProgram(program, process.argv).catch(internalError);
