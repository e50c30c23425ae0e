/**
 * Test helpers: compile a program given as text (imports come from the built-in
 * library on disk) and run it under the emulator, collecting print output,
 * published results and the runtime error message.
 */
import { expect } from "vitest";
import { compile, SourceFile, type CompileResult } from "../../../compiler/index.js";
import { defaultStdlibPath } from "../../../compiler/stdlib-path.js";
import type { Module } from "../../../vm/bytecode.js";
import type { DataRecord } from "../../../vm/host.js";
import { runEmulated } from "../../../runtime/cli/run-emulated.js";
import { showResult } from "../../../runtime/cli/results.js";
import { nodeHost } from "../../../compiler/cli/node-host.js";

export const PROGRAM_PATH = "/virtual/prog.sc";


/** Compiles `text` as /virtual/prog.sc (or `path`) with the built-in library. */
export function compileText(text: string, path = PROGRAM_PATH): CompileResult {
  return compile(new SourceFile(path, text), { host: nodeHost, stdlibPath: defaultStdlibPath() });
}

/** Compiles `text`, failing the test on compile errors. */
export function compileOk(text: string): Module {
  const r = compileText(text);
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return r.module!;
}

export interface Run {
  readonly output: string[];
  /** `name = value` per published result. */
  readonly results: string[];
  readonly error: string | undefined;
}

/** Compiles and runs `text` under the emulator. */
export async function run(text: string, args: readonly DataRecord[] = []): Promise<Run> {
  const module = compileOk(text);
  const outcome = await runEmulated(module, args);
  return { output: outcome.output, results: outcome.results.map((r) => showResult(module, r).text), error: outcome.error };
}

/** Runs `text` and returns its print lines, failing on a runtime error. */
export async function output(text: string): Promise<string[]> {
  const r = await run(text);
  expect(r.error).toBeUndefined();
  return r.output;
}
