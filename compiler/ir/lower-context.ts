/**
 * Lowering state. ProgramLowering holds what the whole program shares: the tables
 * of kinds, domains, struct layouts and globals (indices as the bytecode will have
 * them), the procedure instances discovered so far (a worklist: an instance gets
 * its index the first time something calls it, so only reachable instances are
 * emitted, in a deterministic order) and the program interface. ProcLowering is
 * the state of one procedure being lowered: its IR builder, the registers of its
 * variables, the enclosing loops and the value of the enclosing compound
 * assignment's target.
 */
import type { Span } from "../source/span.js";
import type { SourceFile } from "../source/source-file.js";
import type { CheckedProgram } from "../semantic/bound.js";
import type { DomainSymbol, ProcInstance, StructInstance, VarSymbol } from "../semantic/symbols.js";
import type { Type } from "../semantic/types.js";
import { typeName } from "../semantic/types.js";
import type { IrBlock, IrDomain, IrInterfaceEntry, IrKind, IrProc, IrStruct } from "./ir.js";
import { IrProcBuilder } from "./proc-builder.js";

/** A lowering failure on a construct the lowering does not support (reported as a diagnostic). */
export class LoweringError extends Error {
  constructor(
    message: string,
    readonly span: Span | undefined,
  ) {
    super(message);
    this.name = "LoweringError";
  }
}

export class ProgramLowering {
  readonly kinds: IrKind[] = [];
  readonly domains: IrDomain[] = [];
  readonly structs: IrStruct[] = [];
  readonly globals: string[] = [];
  readonly procs: (IrProc | undefined)[] = [];
  readonly interface: IrInterfaceEntry[] = [];
  private readonly domainIdx = new Map<DomainSymbol, number>();
  private readonly layoutIdx = new Map<StructInstance, number>();
  private readonly globalIdx = new Map<VarSymbol, number>();
  private readonly procIdx = new Map<ProcInstance, number>();
  private readonly interfaceKeys = new Set<string>();
  /** Instances with an index whose bodies are not lowered yet. */
  readonly pending: ProcInstance[] = [];

  constructor(readonly checked: CheckedProgram) {
    const kindIdx = new Map<unknown, number>();
    for (const k of checked.kinds) {
      kindIdx.set(k, this.kinds.length);
      const types = [...k.types.values()].map((t) => ({
        name: t.name,
        publicType: t.publicType ? t.publicType.name : t.data.tag === "prim" ? t.data.name : null,
      }));
      this.kinds.push({ name: k.name, types });
    }
    for (const d of checked.domains) {
      const kind = d.kindSym === undefined ? undefined : kindIdx.get(d.kindSym);
      if (kind === undefined) continue;
      this.domainIdx.set(d, this.domains.length);
      this.domains.push({ name: d.name, kind });
    }
    for (const s of checked.structs) {
      this.layoutIdx.set(s, this.structs.length);
      this.structs.push({ name: s.displayName, fields: s.fields.map((f) => f.name) });
    }
    for (const g of checked.globals) {
      this.globalIdx.set(g.symbol, this.globals.length);
      this.globals.push(g.symbol.name);
    }
  }

  domainIndex(t: Type): number {
    if (t.sec.tag !== "domain") throw new Error(`internal: ${typeName(t)} is not private`);
    return this.domainOf(t.sec.domain);
  }

  domainOf(d: DomainSymbol): number {
    const i = this.domainIdx.get(d);
    if (i === undefined) throw new Error(`internal: unknown domain ${d.name}`);
    return i;
  }

  layoutIndex(s: StructInstance): number {
    const i = this.layoutIdx.get(s);
    if (i === undefined) throw new Error(`internal: unknown struct instance ${s.displayName}`);
    return i;
  }

  globalIndex(v: VarSymbol): number {
    const i = this.globalIdx.get(v);
    if (i === undefined) throw new Error(`internal: unknown global ${v.name}`);
    return i;
  }

  /** The procedure index of an instance, queueing it for lowering the first time. */
  procIndex(inst: ProcInstance): number {
    let i = this.procIdx.get(inst);
    if (i === undefined) {
      i = this.procs.length;
      this.procs.push(undefined);
      this.procIdx.set(inst, i);
      this.pending.push(inst);
    }
    return i;
  }

  /** Reserves a procedure slot that is not an instance (the global initialiser). */
  reserveProc(): number {
    this.procs.push(undefined);
    return this.procs.length - 1;
  }

  /** Records an interface entry once (first occurrence wins the position). */
  addInterface(entry: IrInterfaceEntry): void {
    const key = `${entry.role}\0${entry.name}\0${entry.domain}\0${entry.type}\0${entry.dims}`;
    if (this.interfaceKeys.has(key)) return;
    this.interfaceKeys.add(key);
    this.interface.push(entry);
  }
}

export interface LoopTargets {
  readonly breakTo: IrBlock;
  readonly continueTo: IrBlock;
}

export class ProcLowering {
  readonly b: IrProcBuilder;
  private readonly vars = new Map<VarSymbol, number>();
  readonly loops: LoopTargets[] = [];
  /** Registers holding the current target value of enclosing CompoundAssign/IncDec nodes. */
  readonly targetValues: number[] = [];

  constructor(
    readonly program: ProgramLowering,
    /** The file the bound tree's offsets refer to (the global initialiser changes it per global). */
    public file: SourceFile,
    name: string,
    params: readonly VarSymbol[],
  ) {
    this.b = new IrProcBuilder(name, params.length);
    params.forEach((s, i) => this.vars.set(s, i));
  }

  /** The register of a local variable or parameter (allocated on first use). */
  varReg(v: VarSymbol): number {
    let r = this.vars.get(v);
    if (r === undefined) {
      r = this.b.reg();
      this.vars.set(v, r);
    }
    return r;
  }

  /** Sets the span of the following instructions to a node of this procedure's file. */
  at(node: { readonly start: number; readonly end: number }): void {
    this.b.span = { file: this.file, start: node.start, end: node.end };
  }

  unsupported(what: string): never {
    throw new LoweringError(`code generation does not support ${what} yet`, this.b.span);
  }
}
