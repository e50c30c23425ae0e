/**
 * The interpreter: runs a linked module (vm/link.ts turned every instruction into a
 * specialised closure `(machine, registers) => nextPc`). The hot loop is
 * synchronous and plain: it calls closures until one raises a signal (a frame was
 * pushed or popped, a backend call returned a Promise, the program ended), and only
 * then leaves the loop to switch frames or await. Calls use an explicit frame stack,
 * so deep SecreC recursion does not grow the JS stack. Errors thrown by a closure
 * get the source position of the failing instruction from the line table.
 *
 * Entry point: `runModule(module, { host, backends })` (or `new Machine(...)`).
 */
import { isPromise, type MaybePromise, type SecretBackend } from "./backend.js";
import type { Module } from "./bytecode.js";
import { VmError, type StackFrame } from "./errors.js";
import type { Host } from "./host.js";
import { linkModule, type LinkedProc, type LinkedProgram } from "./link.js";
import { PrivValue, PubArray, StructValue, type Value } from "./values.js";

export const SIG_FRAME = 1;
export const SIG_PENDING = 2;

export interface RunOptions {
  readonly host: Host;
  /** Backends by kind name; a backend with kind "*" serves every kind (the emulator). */
  readonly backends?: readonly SecretBackend[];
  /** Maximum call depth (default 10000). */
  readonly maxDepth?: number;
}

interface Frame {
  readonly proc: LinkedProc;
  readonly regs: Value[];
  pc: number;
  /** Caller's register receiving the return value, -1 to discard. */
  readonly dst: number;
}

export class Machine {
  /** Non-zero when the hot loop must stop (SIG_* bits). */
  signal = 0;
  private pending: Promise<unknown> | null = null;
  readonly globals: Value[];
  fpuState = 0n;
  private readonly frames: Frame[] = [];
  private readonly maxDepth: number;
  readonly program: LinkedProgram;

  constructor(
    module: Module,
    readonly options: RunOptions,
  ) {
    this.program = linkModule(module, options.backends ?? []);
    this.globals = new Array(module.globals.length).fill(undefined);
    this.maxDepth = options.maxDepth ?? 10000;
  }

  get host(): Host {
    return this.options.host;
  }

  /** Runs the global initialiser and `main`. Rejects with VmError on a runtime error. */
  async run(): Promise<void> {
    if (this.program.init >= 0) await this.runProcedure(this.program.init);
    await this.runProcedure(this.program.main);
  }

  private async runProcedure(index: number): Promise<void> {
    this.enter(index, [], -1);
    while (this.frames.length > 0) {
      const f = this.frames[this.frames.length - 1]!;
      const ops = f.proc.ops;
      const regs = f.regs;
      let pc = f.pc;
      try {
        do pc = ops[pc]!(this, regs);
        while (this.signal === 0);
      } catch (e) {
        throw this.locate(e, f, pc);
      }
      f.pc = pc;
      // a continuation may itself start another backend call: await until quiet
      while ((this.signal & SIG_PENDING) !== 0) {
        const p = this.pending!;
        this.pending = null;
        this.signal &= ~SIG_PENDING;
        try {
          await p;
        } catch (e) {
          throw this.locate(e, f, pc - 1);
        }
      }
      this.signal = 0;
    }
  }

  /** Continues with `then(x)` now, or after the promise settles (raising SIG_PENDING). */
  settle<T>(x: MaybePromise<T>, then: (v: T) => void): void {
    if (isPromise(x)) {
      const prev = this.pending;
      const next = x.then(then);
      this.pending = prev === null ? next : Promise.all([prev, next]);
      this.signal |= SIG_PENDING;
    } else {
      then(x);
    }
  }

  /** Pushes a frame for procedure `index` with `args` (already cloned) as parameters. */
  enter(index: number, args: readonly Value[], dst: number): void {
    if (this.frames.length >= this.maxDepth) throw new VmError(`Stack overflow: more than ${this.maxDepth} nested calls`);
    const proc = this.program.procs[index]!;
    const regs: Value[] = new Array(proc.registers).fill(undefined);
    for (let i = 0; i < args.length; i++) regs[i] = args[i];
    this.frames.push({ proc, regs, pc: 0, dst });
    this.signal |= SIG_FRAME;
  }

  /** `call`: clones the argument registers and enters the callee. */
  call(index: number, argRegs: readonly number[], regs: Value[], dst: number): void {
    let async = false;
    const args: MaybePromise<Value>[] = argRegs.map((r) => {
      const v = this.clone(regs[r]);
      if (isPromise(v)) async = true;
      return v;
    });
    if (!async) this.enter(index, args as Value[], dst);
    else this.settle(Promise.all(args), (vs) => this.enter(index, vs, dst));
  }

  /** `ret`: pops the frame and hands `value` to the caller. */
  ret(value: Value): void {
    const f = this.frames.pop()!;
    const caller = this.frames[this.frames.length - 1];
    if (caller !== undefined && f.dst >= 0) caller.regs[f.dst] = value;
    this.signal |= SIG_FRAME;
  }

  backendFor(kind: string): SecretBackend {
    return this.program.backendFor(kind);
  }

  /** Deep clone of a value (private values through their backend). */
  clone(v: Value): MaybePromise<Value> {
    if (typeof v !== "object") return v;
    if (v instanceof PubArray) return new PubArray(v.type, v.shape, v.data.slice());
    if (v instanceof PrivValue) {
      const h = this.backendFor(v.type.kind).copy(v.type, v.handle, v.length);
      return isPromise(h) ? h.then((x) => new PrivValue(v.type, v.shape, x)) : new PrivValue(v.type, v.shape, h);
    }
    const fields = v.fields.map((x) => this.clone(x));
    if (fields.some(isPromise)) return Promise.all(fields).then((fs) => new StructValue(v.layout, fs));
    return new StructValue(v.layout, fields as Value[]);
  }

  /**
   * Attaches the call stack: the failing instruction's frames (with the procedures
   * inlined there, vm/link.ts `frames`), then each caller's `call` the same way.
   */
  private locate(e: unknown, f: Frame, pc: number): VmError {
    const err =
      e instanceof VmError ? e : new VmError(e instanceof Error ? `internal error: ${e.message}` : `internal error: ${String(e)}`);
    const stack: StackFrame[] = this.program.frames(f.proc, pc);
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const x = this.frames[i]!;
      if (x !== f) stack.push(...this.program.frames(x.proc, x.pc - 1));
    }
    return err.locate(stack);
  }
}

/** Links and runs a module to completion. */
export async function runModule(module: Module, options: RunOptions): Promise<Machine> {
  const m = new Machine(module, options);
  await m.run();
  return m;
}
