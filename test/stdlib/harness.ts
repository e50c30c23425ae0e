/**
 * Test harness for the standard library: compiles a SecreC program given as a
 * string (with the built-in library on the import path) and runs it in process
 * under the plain-text emulator. Returns the `print` lines, the published results
 * decoded to JSON values by name, and the runtime error if any. Compile errors
 * throw with their codes and messages so a failing test shows what went wrong.
 */
import { compile, SourceFile } from "../../compiler/index.js";
import { nodeHost } from "../../compiler/cli/node-host.js";
import { renderDiagnostic } from "../../compiler/diagnostics/render.js";
import { defaultStdlibPath } from "../../compiler/stdlib-path.js";
import { showResult } from "../../runtime/cli/results.js";
import { runEmulated } from "../../runtime/cli/run-emulated.js";
import type { JsonValue } from "../../runtime/cli/values.js";
import type { Module } from "../../vm/bytecode.js";

export interface StdlibRun {
  readonly output: string[];
  readonly values: Record<string, JsonValue>;
  readonly error?: string;
}

let counter = 0;

/** Compiles `source` (a whole program) and returns its bytecode module. */
export function compileProgram(source: string): Module {
  const path = `/tmp/stdlib-test-${process.pid}-${counter++}.sc`;
  const result = compile(new SourceFile(path, source), { host: nodeHost, stdlibPath: defaultStdlibPath() });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || result.module === undefined) {
    throw new Error(`compile errors:\n${errors.slice(0, 5).map((d) => renderDiagnostic(d, { color: false })).join("")}`);
  }
  return result.module;
}

/** Runs a compiled module under the emulator. */
export async function runModuleEmulated(module: Module): Promise<StdlibRun> {
  const outcome = await runEmulated(module, []);
  const values: Record<string, JsonValue> = {};
  for (const r of outcome.results) values[r.name] = showResult(module, r).value;
  return { output: outcome.output, values, ...(outcome.error !== undefined ? { error: outcome.error } : {}) };
}

/** Compiles and runs; throws on compile errors. */
export async function runProgram(source: string): Promise<StdlibRun> {
  return runModuleEmulated(compileProgram(source));
}

/** A program importing `modules` with a shared3p domain and `body` as main's body (plus extra top-level `decls`). */
export function program(modules: readonly string[], body: string, decls = ""): string {
  const imports = modules.map((m) => `import ${m};`).join("\n");
  const domain = modules.includes("shared3p") ? "domain pd_shared3p shared3p;\n" : "";
  return `${imports}\n${domain}${decls}\nvoid main() {\n${body}\n}\n`;
}
