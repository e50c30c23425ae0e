/**
 * The intermediate form between the bound tree and bytecode: procedures made of
 * basic blocks of register instructions, each block ending in one terminator.
 *
 * Instructions are the VM's own (vm/isa.ts names and operand order) minus control
 * flow, which lives only in terminators, so passes (compiler/ir/pipeline.ts) can
 * reorder and batch instructions inside a block and edit the control-flow graph
 * without patching jump offsets. Operands are as vm/builder.ts takes them, with
 * two differences: the `const` instruction carries the constant's value (bigint for
 * integers, number for floats, boolean, string), not a constant index, and
 * procedure/domain/layout/global operands are indices into IrProgram's tables.
 * Every instruction and terminator carries the source span it was lowered from, or
 * undefined; the emitter turns spans into the line table. Code copied in by inlining
 * carries, on that span, where it was inlined (`IrSpan.inlined`, like LLVM's
 * `inlinedAt`): kept on the span object, it survives every pass that copies spans.
 *
 * Invariants: registers 0..params-1 are the parameters; every block is terminated
 * once lowering has finished; block ids are indices into `blocks`.
 */
import type { SliceItem, SysArg } from "../../vm/bytecode.js";
import type { Span } from "../source/span.js";

/**
 * Where inlined code came from: it is the body of procedure `callee` (its IrProc name),
 * inlined at the call with span `call`. `parent` is where that call itself was inlined
 * from, undefined when the call is code of the procedure that now holds the instruction.
 */
export interface InlineSite {
  readonly callee: string;
  readonly call: Span | undefined;
  readonly parent: InlineSite | undefined;
}

/** A source span; `inlined` is set on the spans of inlined code (see InlineSite). */
export interface IrSpan extends Span {
  readonly inlined?: InlineSite;
}

/** A VM instruction name that is not control flow (those are terminators). */
export type IrOp = string;

export type IrArg = number | bigint | string | boolean | null | readonly number[] | readonly SliceItem[] | readonly SysArg[];

export interface IrInstr {
  readonly op: IrOp;
  readonly args: readonly IrArg[];
  readonly span: IrSpan | undefined;
}

export type IrTerminator =
  | { readonly kind: "jump"; readonly to: number; readonly span: IrSpan | undefined }
  | { readonly kind: "branch"; readonly cond: number; readonly ifTrue: number; readonly ifFalse: number; readonly span: IrSpan | undefined }
  | { readonly kind: "return"; readonly src: number | null; readonly span: IrSpan | undefined }
  /** Stops the program with a message (e.g. a non-void procedure that ends without `return`). */
  | { readonly kind: "fail"; readonly message: string; readonly span: IrSpan | undefined };

export interface IrBlock {
  readonly id: number;
  readonly instrs: IrInstr[];
  terminator: IrTerminator | undefined;
}

export interface IrProc {
  /** Readable name for stack traces and the disassembler, e.g. `twice<uint32>(uint32)`. */
  readonly name: string;
  readonly params: number;
  registers: number;
  /** blocks[0] is the entry block. */
  blocks: IrBlock[];
}

export interface IrKindType {
  readonly name: string;
  /** Public counterpart type name, null when the type has none. */
  readonly publicType: string | null;
}

export interface IrKind {
  readonly name: string;
  readonly types: readonly IrKindType[];
}

export interface IrDomain {
  readonly name: string;
  readonly kind: number;
}

export interface IrStruct {
  readonly name: string;
  readonly fields: readonly string[];
}

/** One `argument("name")` / `publish("name", ...)` with a constant name. */
export interface IrInterfaceEntry {
  readonly role: "argument" | "result";
  readonly name: string;
  /** Protection-domain name, "" for public. */
  readonly domain: string;
  readonly type: string;
  readonly dims: number;
}

export interface IrProgram {
  readonly kinds: readonly IrKind[];
  readonly domains: readonly IrDomain[];
  readonly structs: readonly IrStruct[];
  readonly globals: readonly string[];
  readonly procs: IrProc[];
  readonly interface: readonly IrInterfaceEntry[];
  readonly main: number;
  /** -1 when there are no globals to initialise. */
  readonly init: number;
}
