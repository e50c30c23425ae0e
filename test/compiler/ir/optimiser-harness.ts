/**
 * Test helpers for the optimiser: compile a program with and without it (`-O0`),
 * run it under the emulator with the protocol cost table (what `secrun --emulate
 * --stats` counts), and read back published results, printed lines, the runtime
 * error and the measured calls and rounds per operation.
 */
import { expect } from "vitest";
import { compile, SourceFile } from "../../../compiler/index.js";
import type { IrProgram } from "../../../compiler/ir/ir.js";
import { defaultStdlibPath } from "../../../compiler/stdlib-path.js";
import { argumentRecords, parseArgOptions } from "../../../runtime/cli/arguments.js";
import { showResult } from "../../../runtime/cli/results.js";
import { runEmulated } from "../../../runtime/cli/run-emulated.js";
import type { Module } from "../../../vm/bytecode.js";
import { nodeHost } from "../../../compiler/cli/node-host.js";


export interface Compiled {
  readonly module: Module;
  readonly ir: IrProgram;
  readonly bytecode: Uint8Array;
}

/** Compiles `text` (with the built-in library), optimised unless `optimize` is false. */
export function compileWith(text: string, optimize: boolean): Compiled {
  const r = compile(new SourceFile("/virtual/opt.sc", text), { host: nodeHost, stdlibPath: defaultStdlibPath(), optimize });
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return { module: r.module!, ir: r.ir!, bytecode: r.bytecode! };
}

export interface Measured {
  /** `name = value` per published result, in order. */
  readonly results: string[];
  readonly output: string[];
  readonly error: string | undefined;
  /** Total rounds of the priced operations. */
  readonly rounds: number;
  /** operation → [calls, lanes, rounds]. */
  readonly ops: Record<string, [number, number, number]>;
}

/** Runs a compiled program under the priced emulator with `--arg`-style arguments. */
export async function measure(c: Compiled, args: readonly string[] = []): Promise<Measured> {
  const records = argumentRecords(c.module, parseArgOptions([...args]));
  const out = await runEmulated(c.module, records, { priced: true });
  const ops: Record<string, [number, number, number]> = {};
  for (const [op, s] of out.backend.costs.byOperation) ops[op] = [s.invocations, s.lanes, s.rounds];
  return {
    results: out.results.map((r) => showResult(c.module, r).text),
    output: out.output,
    error: out.error,
    rounds: out.backend.costs.totals().rounds,
    ops,
  };
}

/** Compiles `text` both ways and runs both with the same arguments. */
export async function both(text: string, args: readonly string[] = []): Promise<{ o0: Measured; o1: Measured }> {
  const [o0, o1] = [await measure(compileWith(text, false), args), await measure(compileWith(text, true), args)];
  return { o0, o1 };
}

/** A program importing stdlib and shared3p with a `pd_shared3p` domain and `body` as main's body. */
export function program(body: string): string {
  return `import stdlib;\nimport shared3p;\ndomain pd_shared3p shared3p;\nvoid main() {\n${body}\n}\n`;
}

/** Syscall names in main's IR (in order). */
export function mainSyscalls(ir: IrProgram): string[] {
  const out: string[] = [];
  for (const b of ir.procs[ir.main]!.blocks) for (const i of b.instrs) if (i.op === "syscall") out.push(i.args[0] as string);
  return out;
}
