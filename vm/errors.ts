/**
 * The VM's own error classes (vm/ imports nothing of ours, so not the compiler's
 * Diagnostic): VmError for a program stopped at run time, with the source position
 * from the line table when known, and BytecodeError for bytecode the decoder or the
 * verifier rejects before anything runs.
 */

/** A source span as the line table stores it (1-based lines and columns). */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** Renders a position the way the reference VM does: `FILE:(l,c)(l,c)`. */
export function formatPosition(p: SourcePosition): string {
  return `${p.file}:(${p.line},${p.column})(${p.endLine},${p.endColumn})`;
}

/**
 * One frame of a runtime error's call stack. Procedures the compiler inlined still
 * get their own frames (from the line table's inline sites), so a stack is the same
 * with and without the optimiser.
 */
export interface StackFrame {
  readonly procedure: string;
  readonly position: SourcePosition | undefined;
}

/** `PROC at POS` (or `PROC` without a position): one frame of a printed call stack. */
export function formatFrame(f: StackFrame): string {
  return f.position === undefined ? f.procedure : `${f.procedure} at ${formatPosition(f.position)}`;
}

/** A runtime error of the program: message, position and the procedure stack. */
export class VmError extends Error {
  /** The message without position (e.g. "Index out of bounds"). */
  readonly bare: string;
  position: SourcePosition | undefined;
  /** The call stack, innermost first, when the VM attached it. */
  callStack: readonly StackFrame[] = [];

  constructor(message: string, position?: SourcePosition) {
    super(message);
    this.name = "VmError";
    this.bare = message;
    this.position = position;
    this.refresh();
  }

  /** Attaches the call stack; the innermost frame's position becomes the error's position. */
  locate(stack: readonly StackFrame[]): this {
    if (this.callStack.length === 0) {
      this.callStack = stack;
      if (this.position === undefined) this.position = stack[0]?.position;
    }
    this.refresh();
    return this;
  }

  /** The message followed by one `  in PROC at POS` line per frame. */
  describe(): string {
    return [this.message, ...this.callStack.map((f) => `  in ${formatFrame(f)}`)].join("\n");
  }

  private refresh(): void {
    this.message =
      this.position === undefined ? this.bare : `${this.bare} at ${formatPosition(this.position)}`;
  }
}

/** Malformed, truncated or inconsistent bytecode. `offset` is a byte offset when known. */
export class BytecodeError extends Error {
  readonly offset: number | undefined;
  constructor(message: string, offset?: number) {
    super(offset === undefined ? message : `${message} (at byte ${offset})`);
    this.name = "BytecodeError";
    this.offset = offset;
  }
}
