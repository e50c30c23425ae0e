/**
 * The compiler's public API (a pure library: files come in through a host,
 * bytecode and diagnostics go out):
 * - `parse(file)`: one module's syntax tree and syntax diagnostics;
 * - `check(entry, options)`: load, resolve and type-check a program (the language
 *   server calls this on every change);
 * - `compile(entry, options)`: check, lower to IR, run the IR passes (the optimiser
 *   unless `optimize: false`) and emit bytecode. The bytecode is present only
 *   when there are no errors; the same
 *   source and options always give the same bytes, wherever the files are (source
 *   positions name files relative to the entry file's directory).
 */
import { dirname } from "node:path";
import type { Module as BytecodeModule } from "../vm/bytecode.js";
import { encode } from "../vm/bytecode.js";
import { emitModule } from "./codegen/emit.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { Codegen } from "./diagnostics/messages/codegen.js";
import { Io } from "./diagnostics/messages/io.js";
import { buildIr } from "./ir/pipeline.js";
import { LoweringError } from "./ir/lower-context.js";
import { lintProgram, type LintOptions } from "./lint/index.js";
import type { IrProgram } from "./ir/ir.js";
import { checkProgram, type CheckOptions, type CheckProgramResult } from "./semantic/index.js";
import type { SourceFile } from "./source/source-file.js";
import { parseModule } from "./syntax/index.js";
import type { Module as AstModule } from "./syntax/ast.js";

export type { CheckOptions, CheckProgramResult, CompilerHost } from "./semantic/index.js";
export type { Diagnostic } from "./diagnostics/diagnostic.js";
export { SourceFile } from "./source/source-file.js";

/** Parses one module. */
export function parse(file: SourceFile): { module: AstModule; diagnostics: Diagnostic[] } {
  return parseModule(file);
}

/** The lint warnings (compiler/lint/) added to an error-free check. */
function withLints(checked: CheckProgramResult, options: CheckOptions & LintOptions): CheckProgramResult {
  if (hasErrors(checked.diagnostics)) return checked;
  const lints = lintProgram(checked.program, { allow: options.allow, stdlibPath: options.stdlibPath });
  return lints.length === 0 ? checked : { ...checked, diagnostics: [...checked.diagnostics, ...lints] };
}

/** Loads, resolves and type-checks a program; without errors, adds the lint warnings. */
export function check(entry: SourceFile, options: CheckOptions & LintOptions): CheckProgramResult {
  return withLints(checkProgram(entry, options), options);
}

export type CompileOptions = CheckOptions &
  LintOptions & {
    /** Run the IR optimiser (default true; `secc compile -O0` passes false). */
    readonly optimize?: boolean;
  };

export interface CompileResult {
  /** The encoded program; absent when there are errors. */
  readonly bytecode?: Uint8Array;
  /** The decoded form of `bytecode` (for tools that run it in process). */
  readonly module?: BytecodeModule;
  /** The IR after the passes (for tests and tools). */
  readonly ir?: IrProgram;
  readonly diagnostics: readonly Diagnostic[];
}

function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === "error");
}

/** Checks and compiles a program to bytecode. Never throws on bad input. */
export function compile(entry: SourceFile, options: CompileOptions): CompileResult {
  const checked = withLints(checkProgram(entry, options), options);
  const diagnostics = [...checked.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics };
  if (checked.program.main === undefined) return { diagnostics: [...diagnostics, Codegen.noMain.at(undefined)] };
  try {
    const ir = buildIr(checked.program, { optimize: options.optimize });
    const module = emitModule(ir, { stdlibPath: options.stdlibPath, baseDir: dirname(entry.path) });
    return { bytecode: encode(module), module, ir, diagnostics };
  } catch (e) {
    if (e instanceof LoweringError) return { diagnostics: [...diagnostics, Codegen.unsupported.at(e.span, e.message)] };
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    return { diagnostics: [...diagnostics, Io.internal.at(undefined, `code generation failed: ${detail}`)] };
  }
}
