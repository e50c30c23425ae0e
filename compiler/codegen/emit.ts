/**
 * Bytecode emission: turns an IrProgram into a vm Module through vm/builder.ts and
 * encodes it. Blocks are laid out in order; a jump to the next block is dropped, a
 * branch becomes `jt`/`jf` (plus `jmp` when neither successor follows), `return`
 * becomes `ret` and `fail` becomes `error`. Every instruction is mapped to its
 * source span in the line table, and inlined code to its inline site (debug-info.ts).
 * The output is a pure function of the IR.
 */
import type { KindType, Module } from "../../vm/bytecode.js";
import { encode } from "../../vm/bytecode.js";
import { Label, ModuleBuilder, type BuilderOperand, type ProcBuilder } from "../../vm/builder.js";
import { isDataTypeName, type DataTypeName } from "../../vm/isa.js";
import type { IrProc, IrProgram, IrTerminator } from "../ir/ir.js";
import { DebugInfo, type DebugInfoOptions } from "./debug-info.js";

export type EmitOptions = DebugInfoOptions;

/** Builds the bytecode Module of an IR program. */
export function emitModule(ir: IrProgram, options: EmitOptions = {}): Module {
  const mb = new ModuleBuilder();
  const debug = new DebugInfo(mb, options);
  for (const k of ir.kinds) mb.kind(k.name, k.types.map(kindType));
  for (const d of ir.domains) mb.domain(d.name, d.kind);
  for (const s of ir.structs) mb.struct(s.name, s.fields);
  for (const g of ir.globals) mb.global(g);
  for (const e of ir.interface) mb.interfaceEntry(e);
  const builders = ir.procs.map((p) => mb.procedure(p.name, p.params));
  ir.procs.forEach((p, i) => emitProc(p, builders[i]!, debug));
  mb.setMain(builders[ir.main]!);
  if (ir.init >= 0) mb.setInit(builders[ir.init]!);
  return debug.resolve(mb.build());
}

/** Encodes an IR program to bytecode bytes. */
export function emitBytecode(ir: IrProgram, options: EmitOptions = {}): Uint8Array {
  return encode(emitModule(ir, options));
}

function kindType(t: { name: string; publicType: string | null }): KindType {
  const pub: DataTypeName | null = t.publicType !== null && isDataTypeName(t.publicType) ? t.publicType : null;
  return { name: t.name, publicType: pub };
}

function emitProc(p: IrProc, pb: ProcBuilder, debug: DebugInfo): void {
  for (let allocated = p.params; allocated < p.registers; allocated++) pb.reg();
  const labels = p.blocks.map(() => new Label());
  p.blocks.forEach((b, i) => {
    pb.bind(labels[i]!);
    for (const ins of b.instrs) {
      pb.at(debug.location(ins.span));
      if (ins.op === "const") {
        const [type, dst, value] = ins.args as [DataTypeName, number, number | bigint | string | boolean];
        pb.const(type, dst, value);
      } else pb.ins(ins.op, ...(ins.args as BuilderOperand[]));
    }
    const t = b.terminator;
    if (t === undefined) throw new Error(`internal: block ${i} of ${p.name} is not terminated`);
    pb.at(debug.location(t.span));
    emitTerminator(pb, t, i, labels);
  });
}

function emitTerminator(pb: ProcBuilder, t: IrTerminator, index: number, labels: readonly Label[]): void {
  const next = index + 1;
  switch (t.kind) {
    case "jump":
      if (t.to !== next) pb.ins("jmp", labels[t.to]!);
      return;
    case "branch":
      if (t.ifFalse === next) pb.ins("jt", t.cond, labels[t.ifTrue]!);
      else if (t.ifTrue === next) pb.ins("jf", t.cond, labels[t.ifFalse]!);
      else {
        pb.ins("jt", t.cond, labels[t.ifTrue]!);
        pb.ins("jmp", labels[t.ifFalse]!);
      }
      return;
    case "return":
      pb.ins("ret", t.src);
      return;
    case "fail":
      pb.ins("error", t.message);
      return;
    default: {
      const never: never = t;
      return never;
    }
  }
}
