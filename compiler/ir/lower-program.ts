/**
 * Lowering of a whole checked program to IR: the global initialiser procedure
 * (`init`: every global's initial value in declaration order, may be absent),
 * `main`, and every procedure instance reachable from them, discovered through a
 * worklist so the order (and so the bytecode) depends only on the program.
 *
 * In: a CheckedProgram without errors (bound.ts). Out: an IrProgram, or a
 * LoweringError for a construct code generation does not support.
 */
import type { CheckedProgram } from "../semantic/bound.js";
import type { ProcInstance } from "../semantic/symbols.js";
import { isVoid, typeName } from "../semantic/types.js";
import type { IrProc, IrProgram } from "./ir.js";
import { LoweringError, ProcLowering, ProgramLowering } from "./lower-context.js";
import { lowerInitialValue, lowerStmt } from "./lower-stmt.js";

/** Lowers a checked program (which must have a `main` and no errors). */
export function lowerProgram(checked: CheckedProgram): IrProgram {
  const main = checked.main;
  if (main === undefined) throw new LoweringError("the program has no `void main()`", undefined);
  const pl = new ProgramLowering(checked);
  const init = checked.globals.length > 0 ? pl.reserveProc() : -1;
  const mainIndex = pl.procIndex(main);
  if (init >= 0) pl.procs[init] = lowerGlobals(pl);
  for (let inst = pl.pending.shift(); inst !== undefined; inst = pl.pending.shift()) {
    pl.procs[pl.procIndex(inst)] = lowerInstance(pl, inst);
  }
  const procs = pl.procs.map((x, i) => {
    if (x === undefined) throw new Error(`internal: procedure ${i} was never lowered`);
    return x;
  });
  return {
    kinds: pl.kinds,
    domains: pl.domains,
    structs: pl.structs,
    globals: pl.globals,
    procs,
    interface: pl.interface,
    main: mainIndex,
    init,
  };
}

/** The readable name of an instance: `twice<uint32>(uint32)`. */
export function procName(inst: ProcInstance): string {
  return `${inst.displayName}(${inst.params.map(typeName).join(", ")})`;
}

function lowerGlobals(pl: ProgramLowering): IrProc {
  const first = pl.checked.globals[0]!;
  const p = new ProcLowering(pl, first.symbol.module.file, "init", []);
  for (const g of pl.checked.globals) {
    p.file = g.symbol.module.file;
    p.at(g.syntax);
    const r = lowerInitialValue(p, g.symbol.type, g.shape, g.init);
    p.b.emit("gset", pl.globalIndex(g.symbol), r);
  }
  return p.b.finish({ kind: "return", src: null, span: p.b.span });
}

function lowerInstance(pl: ProgramLowering, inst: ProcInstance): IrProc {
  const name = procName(inst);
  if (inst.body === undefined || inst.state !== "ok") {
    throw new LoweringError(`internal: ${name} has no checked body`, undefined);
  }
  const p = new ProcLowering(pl, inst.proc.module.file, name, inst.paramSymbols);
  p.at(inst.body.syntax);
  lowerStmt(p, inst.body);
  const end = { start: inst.body.syntax.end - 1, end: inst.body.syntax.end };
  p.at(end);
  if (isVoid(inst.ret)) return p.b.finish({ kind: "return", src: null, span: p.b.span });
  return p.b.finish({ kind: "fail", message: `procedure ${name} ended without returning a value`, span: p.b.span });
}
