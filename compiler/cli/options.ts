/**
 * Command-line conventions shared by secc and secrun: commander configured so that
 * usage errors exit with code 2 (commander's default is 1), `--help`/`--version`
 * exit 0, repeatable options collect into arrays, and `-O0` (the optimisation level
 * option) is spelled the same in secc and secrun.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { LINT_RULES, isLintRule } from "../lint/index.js";
import { ExitCode } from "./report.js";

/** Collects a repeatable option (`-I a -I b`). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Collects `--allow RULE`, refusing names that are not lint rules (a usage error). */
export function collectRule(value: string, previous: string[]): string[] {
  if (!isLintRule(value)) throw new InvalidArgumentError(`'${value}' is not a lint rule (rules: ${LINT_RULES.join(", ")})`);
  return [...previous, value];
}

/** Parses a positive number of seconds (`--time-limit 30`, `0.5`); a usage error otherwise. */
export function parseSeconds(value: string): number {
  const s = Number(value);
  if (value.trim() === "" || !Number.isFinite(s) || s <= 0) throw new InvalidArgumentError(`'${value}' is not a positive number of seconds`);
  return s;
}

/** A commander program whose parse errors become exit code 2. */
export function newProgram(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
}

/** Runs a commander program, mapping its exits to our exit codes. */
export async function runProgram(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      process.exit(benign ? ExitCode.ok : ExitCode.usage);
    }
    throw error;
  }
}

/** Optimisation levels: 0 turns the IR optimiser off, 1 (the default) runs it. */
export type OptLevel = "0" | "1";

/** The `-O LEVEL` option (`-O0` turns the optimiser off); its value is `optLevel`. */
export function optLevelOption(): Option {
  return new Option("-O, --opt-level <level>", "optimisation level: 0 turns the optimiser off (round merging, inlining, unrolling)").choices(["0", "1"]).default("1");
}

/** Whether an `optLevel` option value asks for the optimiser. */
export function optimizeFor(level: string | undefined): boolean {
  return level !== "0";
}
