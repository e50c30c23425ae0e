/**
 * The Tripl pipeline for one source file: parse, elaborate every export, schedule,
 * cost and generate code. Used by generate.ts (the build script) and by tests.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import { generateInstance } from "./codegen.js";
import { type Program, type Unit, elaborateExports } from "./elaborate.js";
import { declaredProtocols, parseTripl } from "./parser.js";
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

/**
 * Parses and elaborates files that form one compilation (protocols of every file are
 * visible to all); instances are scheduled but no code is generated.
 */
export function compileTripl(...files: SourceFile[]): CompiledFile[] {
  const units: Unit[] = [];
  const parseErrors = new Map<SourceFile, Diagnostic[]>();
  const known = files.flatMap((f) => declaredProtocols(f.text));
  for (const file of files) {
    const ds: Diagnostic[] = [];
    units.push({ file, ast: parseTripl(file, ds, known) });
    parseErrors.set(file, ds);
  }
  return units.map((unit) => {
    const diagnostics = [...(parseErrors.get(unit.file) ?? [])];
    if (diagnostics.length > 0) return { file: unit.file, instances: [], diagnostics };
    const { programs, diagnostics: ds } = elaborateExports(units, unit);
    diagnostics.push(...ds);
    const instances = programs.map((program) => {
      const s = schedule(program);
      return { program, schedule: s, cost: costOf(s) };
    });
    return { file: unit.file, instances, diagnostics };
  });
}

/** TypeScript source of one instance (dispatcher plus party functions). */
export function instanceCode(i: CompiledInstance): string {
  return generateInstance(i.schedule, i.cost);
}
