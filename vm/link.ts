/**
 * Linking: turns a verified Module into closures the interpreter runs. Each
 * instruction becomes one specialised closure `(machine, regs) => nextPc` chosen
 * from its operands (data type, operator, broadcast mode...), so the interpreter
 * never dispatches on operand values at run time. Linking also maps every declared
 * domain to its kind's backend (refusing a program whose kind has no backend), and
 * resolves private type names against the kinds' type lists.
 */
import type { SecretBackend } from "./backend.js";
import type { Instruction, LineEntry, Module, Procedure } from "./bytecode.js";
import { BytecodeError, VmError, type SourcePosition, type StackFrame } from "./errors.js";
import type { Machine } from "./interpreter.js";
import { linkArrayOp } from "./ops/arrays.js";
import { linkControlOp } from "./ops/control.js";
import { linkPrivateOp } from "./ops/private.js";
import { linkScalarOp } from "./ops/scalar.js";
import { linkStructOp } from "./ops/structs.js";
import { linkSyscallOp } from "./ops/syscall.js";
import { BINARY_OPS, DATA_TYPES } from "./isa.js";
import { scalarBranch } from "./kernels.js";
import { verifyModule } from "./verify.js";
import type { PrivateType, Value } from "./values.js";

/** A linked instruction: runs, returns the next pc. */
export type Op = (m: Machine, r: Value[]) => number;

export interface LinkedProc {
  readonly name: string;
  readonly registers: number;
  readonly ops: readonly Op[];
  readonly source: Procedure;
}

/** What instruction linkers may ask about the module. */
export interface LinkContext {
  readonly module: Module;
  /** The string constant at index k. */
  string(k: number): string;
  /** The private type `tname` (string constant index) of domain `dom`. */
  privateType(dom: number, tname: number): PrivateType;
  /** The backend of a domain's kind. */
  backendOfDomain(dom: number): SecretBackend;
  /** The backend of a kind by name, or undefined. */
  backendOfKind(kind: string): SecretBackend | undefined;
}

export class LinkedProgram implements LinkContext {
  readonly procs: LinkedProc[];
  readonly main: number;
  readonly init: number;
  private readonly kindBackends = new Map<string, SecretBackend>();
  private readonly privateTypes = new Map<string, PrivateType>();

  constructor(
    readonly module: Module,
    private readonly backends: readonly SecretBackend[],
  ) {
    for (const d of module.domains) {
      const kind = module.kinds[d.kind]!.name;
      if (this.backendOfKind(kind) === undefined) {
        throw new VmError(
          `cannot run this program: no backend implements kind "${kind}" (protection domain "${d.name}")`,
        );
      }
    }
    this.main = module.main;
    this.init = module.init;
    this.procs = module.procedures.map((p) => this.linkProc(p));
  }

  string(k: number): string {
    const c = this.module.constants[k];
    if (c === undefined || c.kind !== "string") throw new BytecodeError(`constant ${k} is not a string`);
    return c.value;
  }

  privateType(dom: number, tname: number): PrivateType {
    const key = `${dom}:${tname}`;
    let t = this.privateTypes.get(key);
    if (t === undefined) {
      const d = this.module.domains[dom]!;
      const kind = this.module.kinds[d.kind]!;
      const name = this.string(tname);
      const kt = kind.types.find((x) => x.name === name);
      if (kt === undefined) throw new BytecodeError(`kind ${kind.name} has no type ${name}`);
      t = { kind: kind.name, domain: d.name, domainId: dom, name, publicType: kt.publicType };
      this.privateTypes.set(key, t);
    }
    return t;
  }

  backendOfDomain(dom: number): SecretBackend {
    const d = this.module.domains[dom]!;
    return this.backendFor(this.module.kinds[d.kind]!.name);
  }

  backendOfKind(kind: string): SecretBackend | undefined {
    let b = this.kindBackends.get(kind);
    if (b === undefined) {
      b = this.backends.find((x) => x.kind === kind) ?? this.backends.find((x) => x.kind === "*");
      if (b !== undefined) this.kindBackends.set(kind, b);
    }
    return b;
  }

  backendFor(kind: string): SecretBackend {
    const b = this.backendOfKind(kind);
    if (b === undefined) throw new VmError(`no backend implements kind "${kind}"`);
    return b;
  }

  /**
   * The source-level frames of instruction `pc` of a procedure, innermost first: when
   * the line table says the code was inlined, one frame per inlined procedure (the
   * innermost at the instruction's position, each outer one at the call that was
   * inlined), then `proc` itself, at the outermost inlined call or the instruction.
   */
  frames(proc: LinkedProc, pc: number): StackFrame[] {
    const entry = lineEntryAt(proc.source, pc);
    const sites = this.module.inlineSites ?? [];
    const frames: StackFrame[] = [];
    let span = entry?.span ?? -1;
    let site = entry?.inline ?? -1;
    // the verifier rejects cycles; the bound keeps an unverified module from hanging
    while (site >= 0 && frames.length < sites.length) {
      const s = sites[site];
      if (s === undefined) break;
      frames.push({ procedure: s.procedure, position: this.spanPosition(span) });
      span = s.call;
      site = s.parent;
    }
    frames.push({ procedure: proc.name, position: this.spanPosition(span) });
    return frames;
  }

  private spanPosition(span: number): SourcePosition | undefined {
    const s = this.module.spans[span];
    if (s === undefined) return undefined;
    return { file: this.module.files[s.file] ?? "?", line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
  }

  private linkProc(p: Procedure): LinkedProc {
    const ops: Op[] = p.code.map((ins, pc) => linkInstruction(ins, pc, this));
    fuseCompareBranches(p, ops);
    const name = p.name;
    ops.push(() => {
      throw new VmError(`procedure ${name} ended without a return`);
    });
    return { name, registers: p.registers, ops, source: p };
  }
}

/** The line-table entry covering instruction `pc` (the last one starting at or before it). */
function lineEntryAt(p: Procedure, pc: number): LineEntry | undefined {
  let found: LineEntry | undefined;
  for (const l of p.lines) {
    if (l.start > pc) break;
    found = l;
  }
  return found;
}

/** Verifies and links a module for the given backends. */
export function linkModule(module: Module, backends: readonly SecretBackend[]): LinkedProgram {
  verifyModule(module);
  return new LinkedProgram(module, backends);
}

/**
 * Superinstructions: a bool-producing `binop` directly followed by `jt`/`jf` on its
 * result becomes one closure that also branches. The `jt`/`jf` keeps its own closure,
 * so jumps landing on it still work.
 */
function fuseCompareBranches(p: Procedure, ops: Op[]): void {
  for (let pc = 0; pc + 1 < p.code.length; pc++) {
    const ins = p.code[pc]!;
    const br = p.code[pc + 1]!;
    if (ins.op !== "binop" || (br.op !== "jt" && br.op !== "jf")) continue;
    const [op, type, d, a, b] = ins.args as [number, number, number, number, number];
    const [cond, target] = br.args as [number, number];
    if (cond !== d) continue;
    const factory = scalarBranch(BINARY_OPS[op]!, DATA_TYPES[type]!);
    if (factory === null) continue;
    const fallthrough = pc + 2;
    ops[pc] = (br.op === "jt" ? factory(d, a, b, target, fallthrough) : factory(d, a, b, fallthrough, target)) as Op;
  }
}

function linkInstruction(ins: Instruction, pc: number, ctx: LinkContext): Op {
  const op =
    linkControlOp(ins, pc, ctx) ??
    linkScalarOp(ins, pc, ctx) ??
    linkArrayOp(ins, pc, ctx) ??
    linkPrivateOp(ins, pc, ctx) ??
    linkStructOp(ins, pc, ctx) ??
    linkSyscallOp(ins, pc, ctx);
  if (op === null) throw new BytecodeError(`instruction ${ins.op} has no implementation`);
  return op;
}
