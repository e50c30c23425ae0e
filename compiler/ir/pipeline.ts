/**
 * The ordered list of IR passes run between lowering and bytecode emission. Each
 * pass transforms one procedure in place and keeps the IR invariants of ir.ts.
 *
 * Without optimisation (`secc compile -O0`) only the clean-up passes run (jump
 * threading, unreachable blocks, move coalescing). With it (the default), first
 * small procedures are inlined into their callers (the only whole-program pass),
 * then per procedure: counted loops are unrolled, straight-line blocks merged,
 * constants folded, repeated private operations on the same inputs replaced by
 * copies of the first result (cse-private.ts), independent lane-wise private syscalls batched into one vector
 * syscall per round (batch-syscalls.ts), dead code removed, and the clean-up passes
 * run again. Every pass is a deterministic function of the IR, so the same program
 * always gives the same bytecode.
 */
import type { CheckedProgram } from "../semantic/bound.js";
import type { IrProc, IrProgram } from "./ir.js";
import { lowerProgram } from "./lower-program.js";
import { batchSyscalls } from "./passes/batch-syscalls.js";
import { coalesceMoves } from "./passes/coalesce-moves.js";
import { csePrivate } from "./passes/cse-private.js";
import { foldConstants } from "./passes/fold-constants.js";
import { inlineCalls } from "./passes/inline-calls.js";
import { mergeBlocks } from "./passes/merge-blocks.js";
import { removeDeadCode } from "./passes/remove-dead-code.js";
import { removeUnreachable } from "./passes/remove-unreachable.js";
import { threadJumps } from "./passes/thread-jumps.js";
import { unrollLoops } from "./passes/unroll-loops.js";

export interface IrPass {
  readonly name: string;
  run(proc: IrProc): void;
}

export interface IrOptions {
  /** Run the optimiser (default true; `-O0` turns it off). */
  readonly optimize?: boolean;
}

const clean = (proc: IrProc): void => {
  threadJumps(proc);
  removeUnreachable(proc);
};

/** Between unrolling rounds: merging keeps the graph small for the next round's loop search. */
const cleanAndMerge = (proc: IrProc): void => {
  clean(proc);
  mergeBlocks(proc);
  clean(proc);
};

/** The clean-up passes, in order (all that runs at -O0). */
export const PASSES: readonly IrPass[] = [
  { name: "thread-jumps", run: threadJumps },
  { name: "remove-unreachable", run: removeUnreachable },
  { name: "coalesce-moves", run: coalesceMoves },
];

/** The optimising passes run per procedure after inlining, in order. */
export const OPTIMISING_PASSES: readonly IrPass[] = [
  { name: "clean", run: clean },
  { name: "coalesce-moves", run: coalesceMoves },
  { name: "unroll-loops", run: (p) => unrollLoops(p, cleanAndMerge) },
  { name: "merge-blocks", run: mergeBlocks },
  { name: "clean", run: clean },
  { name: "fold-constants", run: foldConstants },
  { name: "cse-private", run: csePrivate },
  { name: "remove-dead-code", run: removeDeadCode },
  { name: "batch-syscalls", run: batchSyscalls },
  { name: "remove-dead-code", run: removeDeadCode },
  { name: "coalesce-moves", run: coalesceMoves },
];

/** Runs every pass over every procedure. */
export function runPasses(program: IrProgram, passes: readonly IrPass[] = PASSES): IrProgram {
  for (const pass of passes) for (const proc of program.procs) pass.run(proc);
  return program;
}

/** Inlines small procedures, then runs the optimising passes. */
export function optimise(program: IrProgram): IrProgram {
  runPasses(program, [{ name: "clean", run: clean }]);
  inlineCalls(program);
  return runPasses(program, OPTIMISING_PASSES);
}

/** Lowers a checked program and runs the passes (the optimiser unless `optimize: false`). */
export function buildIr(checked: CheckedProgram, options: IrOptions = {}): IrProgram {
  const ir = lowerProgram(checked);
  return options.optimize === false ? runPasses(ir) : optimise(ir);
}
