/**
 * The ordered list of IR passes run between lowering and bytecode emission. Each
 * pass transforms one procedure in place and keeps the IR invariants of ir.ts.
 * A later optimiser (batching independent private operations into one vector
 * call) slots in here.
 */
import type { CheckedProgram } from "../semantic/bound.js";
import type { IrProc, IrProgram } from "./ir.js";
import { lowerProgram } from "./lower-program.js";
import { coalesceMoves } from "./passes/coalesce-moves.js";
import { removeUnreachable } from "./passes/remove-unreachable.js";
import { threadJumps } from "./passes/thread-jumps.js";

export interface IrPass {
  readonly name: string;
  run(proc: IrProc): void;
}

/** The passes, in order. */
export const PASSES: readonly IrPass[] = [
  { name: "thread-jumps", run: threadJumps },
  { name: "remove-unreachable", run: removeUnreachable },
  { name: "coalesce-moves", run: coalesceMoves },
];

/** Runs every pass over every procedure. */
export function runPasses(program: IrProgram, passes: readonly IrPass[] = PASSES): IrProgram {
  for (const pass of passes) for (const proc of program.procs) pass.run(proc);
  return program;
}

/** Lowers a checked program and runs the passes. */
export function buildIr(checked: CheckedProgram): IrProgram {
  return runPasses(lowerProgram(checked));
}
