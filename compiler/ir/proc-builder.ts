/**
 * Builds one IrProc during lowering: allocates registers and blocks, appends
 * instructions to the current block with the current source span, and terminates
 * blocks. After a terminator the builder continues in a fresh block that nothing
 * jumps to (code after `return`/`break` is unreachable and a later pass drops it),
 * so lowering never has to ask whether the current block is still open.
 */
import type { Span } from "../source/span.js";
import type { IrArg, IrBlock, IrOp, IrProc, IrTerminator } from "./ir.js";

export class IrProcBuilder {
  private readonly blocks: IrBlock[] = [];
  private current: IrBlock;
  private registers: number;
  /** Span given to the instructions emitted from now on. */
  span: Span | undefined;

  constructor(
    readonly name: string,
    readonly params: number,
  ) {
    this.registers = params;
    this.current = this.newBlock();
  }

  /** A fresh register. */
  reg(): number {
    return this.registers++;
  }

  /** A new, empty block (not yet current). */
  newBlock(): IrBlock {
    const b: IrBlock = { id: this.blocks.length, instrs: [], terminator: undefined };
    this.blocks.push(b);
    return b;
  }

  /** Continues emitting in `b` (which must not be terminated). */
  switchTo(b: IrBlock): void {
    this.current = b;
  }

  /** Appends an instruction to the current block. */
  emit(op: IrOp, ...args: IrArg[]): void {
    this.current.instrs.push({ op, args, span: this.span });
  }

  /** Ends the current block; emission continues in a fresh unreachable block. */
  terminate(t: IrTerminator): void {
    this.current.terminator = t;
    this.current = this.newBlock();
  }

  jump(to: IrBlock): void {
    this.terminate({ kind: "jump", to: to.id, span: this.span });
  }

  branch(cond: number, ifTrue: IrBlock, ifFalse: IrBlock): void {
    this.terminate({ kind: "branch", cond, ifTrue: ifTrue.id, ifFalse: ifFalse.id, span: this.span });
  }

  /** Jumps to `b` and continues there. */
  jumpAndSwitch(b: IrBlock): void {
    this.jump(b);
    this.switchTo(b);
  }

  /** Stops with `message` at the current span when `cond` (a bool register) is false. */
  check(cond: number, message: string): void {
    const ok = this.newBlock();
    const bad = this.newBlock();
    this.branch(cond, ok, bad);
    this.switchTo(bad);
    this.terminate({ kind: "fail", message, span: this.span });
    this.switchTo(ok);
  }

  /** The finished procedure; an open last block gets `fallthrough`. */
  finish(fallthrough: IrTerminator): IrProc {
    if (this.current.terminator === undefined) this.current.terminator = fallthrough;
    for (const b of this.blocks) if (b.terminator === undefined) b.terminator = fallthrough;
    return { name: this.name, params: this.params, registers: this.registers, blocks: this.blocks };
  }
}
