/**
 * The Tripl pipeline for one source file: parse, elaborate every export, schedule,
 * cost and generate code. Used by generate.ts (the build script) and by tests.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import { generateInstance } from "./codegen.js";
import { type Program, elaborateExports } from "./elaborate.js";
import { parseTripl } from "./parser.js";
import { type Cost, type Schedule, costOf, schedule } from "./schedule.js";

export interface CompiledInstance {
  readonly program: Program;
  readonly schedule: Schedule;
  readonly cost: Cost;
}

export interface CompiledFile {
  readonly file: SourceFile;
  readonly instances: readonly CompiledInstance[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses and elaborates a file; instances are scheduled but no code is generated. */
export function compileTripl(file: SourceFile): CompiledFile {
  const diagnostics: Diagnostic[] = [];
  const ast = parseTripl(file, diagnostics);
  if (diagnostics.length > 0) return { file, instances: [], diagnostics };
  const { programs, diagnostics: ds } = elaborateExports(file, ast);
  diagnostics.push(...ds);
  const instances = programs.map((program) => {
    const s = schedule(program);
    return { program, schedule: s, cost: costOf(s) };
  });
  return { file, instances, diagnostics };
}

/** TypeScript source of one instance (dispatcher plus party functions). */
export function instanceCode(i: CompiledInstance): string {
  return generateInstance(i.schedule, i.cost);
}
