/**
 * A programmatic builder for bytecode Modules: the compiler's emitter and the VM's
 * tests use it. It interns constants, allocates registers, resolves labels to
 * instruction indices, records the line table from the current span, and checks
 * operand counts against the instruction table as instructions are emitted.
 *
 * Operands given to `ins` follow the table's operand order; `dtype`, `binop`,
 * `unop` and `mode` operands may be given by name, `const` operands by their value
 * (strings are interned), `target` operands by Label, `optreg` as a register or
 * `null`.
 */
import type {
  Constant,
  DomainDecl,
  InterfaceEntry,
  Instruction,
  KindDecl,
  KindType,
  LineEntry,
  Module,
  Operand,
  Procedure,
  SliceItem,
  SpanEntry,
  StructLayout,
  SysArg,
} from "./bytecode.js";
import {
  BINARY_OPS,
  BROADCAST_MODES,
  DATA_TYPES,
  INSTRUCTION_BY_NAME,
  UNARY_OPS,
  type DataTypeName,
} from "./isa.js";

/** A forward-referencable jump target. */
export class Label {
  index = -1;
}

export type BuilderOperand =
  | number
  | bigint
  | string
  | boolean
  | null
  | Label
  | readonly number[]
  | readonly SliceItem[]
  | readonly SysArg[];

/** Slice helpers for `index`/`store`/`pindex`/`pstore` operands. */
export const at = {
  index: (reg: number): SliceItem => ({ kind: "index", reg }),
  slice: (lo: number | null = null, hi: number | null = null): SliceItem => ({
    kind: "slice",
    lo: lo ?? -1,
    hi: hi ?? -1,
  }),
};

/** Syscall argument helpers. */
export const sys = {
  push: (reg: number, type: DataTypeName | null = null): SysArg => ({ mode: "push", reg, type }),
  ref: (reg: number, type: DataTypeName | null = null): SysArg => ({ mode: "ref", reg, type }),
  cref: (reg: number, type: DataTypeName | null = null): SysArg => ({ mode: "cref", reg, type }),
  readonly: (reg: number): SysArg => ({ mode: "readonly", reg, type: null }),
  ret: (reg: number, type: DataTypeName): SysArg => ({ mode: "return", reg, type }),
};

export class ModuleBuilder {
  private readonly constants: Constant[] = [];
  private readonly constantIndex = new Map<string, number>();
  private readonly files: string[] = [];
  private readonly spans: SpanEntry[] = [];
  private readonly kinds: KindDecl[] = [];
  private readonly domains: DomainDecl[] = [];
  private readonly structs: StructLayout[] = [];
  private readonly globals: string[] = [];
  private readonly procs: ProcBuilder[] = [];
  private readonly iface: InterfaceEntry[] = [];
  private mainIndex = -1;
  private initIndex = -1;

  /** Interns a constant and returns its index. */
  constant(value: number | bigint | string | boolean, asFloat = false): number {
    let c: Constant;
    if (typeof value === "string") c = { kind: "string", value };
    else if (typeof value === "bigint") c = { kind: "int", value: BigInt.asIntN(64, value) };
    else if (typeof value === "boolean") c = { kind: "int", value: value ? 1n : 0n };
    else if (!asFloat && Number.isInteger(value) && !Object.is(value, -0)) c = { kind: "int", value: BigInt(value) };
    else c = { kind: "float", value };
    const key = c.kind === "float" ? `float:${floatKey(c.value)}` : `${c.kind}:${String(c.value)}`;
    const known = this.constantIndex.get(key);
    if (known !== undefined) return known;
    this.constants.push(c);
    this.constantIndex.set(key, this.constants.length - 1);
    return this.constants.length - 1;
  }

  file(name: string): number {
    const i = this.files.indexOf(name);
    if (i >= 0) return i;
    this.files.push(name);
    return this.files.length - 1;
  }

  span(file: number, line: number, column: number, endLine = line, endColumn = column): number {
    this.spans.push({ file, line, column, endLine, endColumn });
    return this.spans.length - 1;
  }

  kind(name: string, types: readonly KindType[]): number {
    this.kinds.push({ name, types });
    return this.kinds.length - 1;
  }

  domain(name: string, kind: number): number {
    this.domains.push({ name, kind });
    return this.domains.length - 1;
  }

  struct(name: string, fields: readonly string[]): number {
    this.structs.push({ name, fields });
    return this.structs.length - 1;
  }

  global(name: string): number {
    this.globals.push(name);
    return this.globals.length - 1;
  }

  interfaceEntry(entry: InterfaceEntry): void {
    this.iface.push(entry);
  }

  /** Creates a procedure (its index is fixed now, its body may be emitted later). */
  procedure(name: string, params = 0): ProcBuilder {
    const p = new ProcBuilder(this, name, params, this.procs.length);
    this.procs.push(p);
    return p;
  }

  setMain(p: ProcBuilder): void {
    this.mainIndex = p.index;
  }

  setInit(p: ProcBuilder): void {
    this.initIndex = p.index;
  }

  build(): Module {
    if (this.mainIndex < 0) throw new Error("ModuleBuilder: no main procedure");
    return {
      constants: [...this.constants],
      files: [...this.files],
      spans: [...this.spans],
      kinds: [...this.kinds],
      domains: [...this.domains],
      structs: [...this.structs],
      globals: this.globals.map((name) => ({ name })),
      procedures: this.procs.map((p) => p.finish()),
      interface: [...this.iface],
      main: this.mainIndex,
      init: this.initIndex,
    };
  }
}

function floatKey(v: number): string {
  return Object.is(v, -0) ? "-0" : String(v);
}

export class ProcBuilder {
  private registers: number;
  private readonly code: Instruction[] = [];
  private readonly pending: { ins: number; arg: number; label: Label }[] = [];
  private readonly lines: LineEntry[] = [];
  private currentSpan = -1;

  constructor(
    private readonly module: ModuleBuilder,
    readonly name: string,
    readonly params: number,
    readonly index: number,
  ) {
    this.registers = params;
  }

  /** Register of parameter i. */
  param(i: number): number {
    if (i >= this.params) throw new Error(`${this.name}: no parameter ${i}`);
    return i;
  }

  /** A fresh register. */
  reg(): number {
    return this.registers++;
  }

  label(): Label {
    return new Label();
  }

  /** Binds a label to the next instruction. */
  bind(label: Label): void {
    label.index = this.code.length;
  }

  /** Instructions emitted from now on map to this span (from ModuleBuilder.span). */
  at(span: number): this {
    if (span !== this.currentSpan) {
      this.currentSpan = span;
      const last = this.lines[this.lines.length - 1];
      if (last !== undefined && last.start === this.code.length) this.lines.pop();
      this.lines.push({ start: this.code.length, span });
    }
    return this;
  }

  /** Emits an instruction; operands follow the instruction table's order. */
  ins(op: string, ...operands: BuilderOperand[]): this {
    const d = INSTRUCTION_BY_NAME.get(op);
    if (d === undefined) throw new Error(`unknown instruction ${op}`);
    if (operands.length !== d.operands.length) {
      throw new Error(`${op} takes ${d.operands.length} operands (${d.names.join(", ")}), got ${operands.length}`);
    }
    const args: Operand[] = d.operands.map((kind, i) => {
      const v = operands[i]!;
      switch (kind) {
        case "dtype":
          return named(DATA_TYPES, v, op);
        case "binop":
          return named(BINARY_OPS, v, op);
        case "unop":
          return named(UNARY_OPS, v, op);
        case "mode":
          return named(BROADCAST_MODES, v, op);
        case "const":
          return typeof v === "number" ? v : this.module.constant(v as string | bigint | boolean);
        case "optreg":
          return v === null ? -1 : (v as number);
        case "target":
          if (v instanceof Label) {
            this.pending.push({ ins: this.code.length, arg: i, label: v });
            return -1;
          }
          return v as number;
        default:
          return v as Operand;
      }
    });
    this.code.push({ op, args });
    return this;
  }

  /** Loads a constant of `type` into `dst` (interning the value). */
  const(type: DataTypeName, dst: number, value: number | bigint | string | boolean): this {
    const asFloat = type === "float32" || type === "float64";
    return this.ins("const", type, dst, this.module.constant(value, asFloat));
  }

  /** A fresh register holding a constant. */
  value(type: DataTypeName, value: number | bigint | string | boolean): number {
    const r = this.reg();
    this.const(type, r, value);
    return r;
  }

  finish(): Procedure {
    const code = this.code.map((ins) => ({ op: ins.op, args: [...ins.args] }));
    for (const p of this.pending) {
      if (p.label.index < 0) throw new Error(`${this.name}: unbound label`);
      code[p.ins]!.args[p.arg] = p.label.index;
    }
    return { name: this.name, params: this.params, registers: this.registers, code, lines: [...this.lines] };
  }
}

function named(table: readonly string[], v: BuilderOperand, op: string): number {
  if (typeof v === "number") return v;
  const i = table.indexOf(v as string);
  if (i < 0) throw new Error(`${op}: unknown operand ${String(v)}`);
  return i;
}
