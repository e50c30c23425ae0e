/**
 * Tables to fused loops: the generated protocol code describes each lane-wise segment
 * of a round as a constant table, and this module compiles a word table, on its first
 * use, into one JavaScript function with one loop over the lanes that keeps
 * temporaries in locals, the way a hand-written kernel would; plane tables go to the
 * plane interpreter (plane-interpreter.ts), which also describes their operations.
 * Compiled functions are cached per table.
 *
 * Table layout (the numbers its text stands for): table[0] is the loop (LOOP_PLANES or
 * LOOP_LANES); then runs (opcode, count, d, a, b) followed, if count > 1, by the strides
 * (dd, da, db): the run stands for the `count` instructions (opcode, d + k·dd, a + k·da,
 * b + k·db); opcode = operation·8 + type.
 * An operand ≥ 0 is a register of the file of its type (Registers in machine.ts); an
 * operand < 0 is temporary ~x, a local. Operations (operands of the instruction's type
 * unless stated): and, or, xor, not, copy, add, sub, mul, neg; shl, shr by the
 * immediate b; lift (a plane register a → 0/1 word); conv (a word of type b → this
 * type, truncated or zero-extended); const (temporary d ← the constant with low half a
 * and high half b, evaluated before the loop).
 *
 * Values: 8- and 16-bit words are kept masked, 32-bit words and planes as int32 (reads
 * `| 0`), so the JIT keeps them in integer registers; 64-bit words as BigInts reduced
 * by BigInt.asUintN(64, …), which TurboFan lowers to machine words. Stores wrap.
 * The numbering must agree with compiler/protocol/table.ts (a test pins it).
 */
import { type Registers, TYPE_PLANE, TYPE_W16, TYPE_W32, TYPE_W64, TYPE_W8 } from "./machine.js";
import { planeProgram } from "./plane-interpreter.js";

export const LOOP_PLANES = 0;
export const LOOP_LANES = 1;

/** Operations; opcode = operation · 8 + type. */
export const OPS = { and: 0, or: 1, xor: 2, not: 3, copy: 4, add: 5, sub: 6, mul: 7, neg: 8, shl: 9, shr: 10, lift: 11, conv: 12, const: 13 } as const;

type Kernel = (R: Registers) => void;

const cache = new Map<string, Kernel>();

/**
 * Runs the table with text `text` (see tableNumbers) on the registers of `R`: word
 * tables as compiled loops, plane tables by the plane interpreter (plane-interpreter.ts),
 * since a plane table has many short operations that each cover 32 lanes, and compiling
 * thousands of them costs more than interpreting them.
 */
export function runTable(R: Registers, text: string): void {
  let k = cache.get(text);
  if (k === undefined) {
    const code = tableNumbers(text);
    k = code[0] === LOOP_PLANES ? planeProgram(code) : compileTable(code);
    cache.set(text, k);
  }
  k(R);
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const DIGIT = new Map([...ALPHABET].map((c, i) => [c, i]));

/**
 * The numbers of a table's text: zigzag-encoded numbers in groups of 5 bits, least
 * significant first, one character of ALPHABET per group, plus 32 when more follow.
 * The alphabet must agree with TABLE_ALPHABET in compiler/protocol/table.ts.
 */
export function tableNumbers(text: string): number[] {
  const out: number[] = [];
  let z = 0;
  let scale = 1;
  for (const c of text) {
    const d = DIGIT.get(c);
    if (d === undefined) throw new Error(`table: bad character '${c}'`);
    z += (d & 31) * scale;
    if (d >= 32) scale *= 32;
    else {
      out.push(z % 2 === 0 ? z / 2 : -(z + 1) / 2);
      z = 0;
      scale = 1;
    }
  }
  return out;
}

/** The source of the fused loop of a table's numbers (exported for tests). */
export function tableSource(code: readonly number[]): string {
  return new TableCompiler(code).source();
}

function compileTable(code: readonly number[]): Kernel {
  // The source is built from the numbers of our own generated table only.
  return new Function("R", tableSource(code)) as Kernel;
}

const MASK: Record<number, number> = { [TYPE_W8]: 0xff, [TYPE_W16]: 0xffff };

class TableCompiler {
  private readonly regs = new Map<string, string>();
  /** The local currently holding each temporary (straight-line code: every write is a new const). */
  private readonly current = new Map<string, string>();
  private version = 0;
  private readonly before: string[] = [];
  private readonly body: string[] = [];
  private readonly lanes: boolean;

  constructor(private readonly code: readonly number[]) {
    this.lanes = code[0] === LOOP_LANES;
  }

  source(): string {
    const code = this.code;
    let pc = 1;
    while (pc < code.length) {
      const count = code[pc + 1] as number;
      const [dd, da, db] = count > 1 ? [code[pc + 5] as number, code[pc + 6] as number, code[pc + 7] as number] : [0, 0, 0];
      for (let k = 0; k < count; k++) this.instr(code[pc] as number, (code[pc + 2] as number) + k * dd, (code[pc + 3] as number) + k * da, (code[pc + 4] as number) + k * db);
      pc += count > 1 ? 8 : 5;
    }
    if (!this.lanes) throw new Error("table: only word tables are compiled");
    const decls = [...this.regs.entries()].map(([key, name]) => {
      const [type, r] = key.split(":");
      return `const ${name} = R.files[${type}][${r}];`;
    });
    return [...decls, ...this.before, "const n = R.L;", `for (let j = 0; j < n; j++) {`, ...this.body, `}`].join("\n");
  }

  private reg(type: number, r: number): string {
    const key = `${type}:${r}`;
    let name = this.regs.get(key);
    if (name === undefined) {
      name = `r${type}_${r}`;
      this.regs.set(key, name);
    }
    return name;
  }

  /** The value of operand x of `type`, as [value]. */
  private read(type: number, x: number): string[] {
    if (x < 0) {
      const t = this.current.get(`t${type}_${~x}`);
      if (t === undefined) throw new Error(`table: temporary ${~x} of type ${type} read before written`);
      return [t];
    }
    // A register is loaded once per iteration (and its value reused after a store).
    const key = `r${type}_${x}`;
    let v = this.current.get(key);
    if (v === undefined) {
      const r = this.reg(type, x);
      v = `x${type}_${x}`;
      this.body.push(`const ${v} = ${type === TYPE_W32 || type === TYPE_PLANE ? `${r}[j] | 0` : `${r}[j]`};`);
      this.current.set(key, v);
    }
    return [v];
  }

  /** Assigns a value to operand x of `type`. */
  private write(type: number, x: number, values: string[]): void {
    if (x < 0) {
      const t = `t${type}_${~x}_${this.version++}`;
      this.current.set(`t${type}_${~x}`, t);
      this.body.push(`const ${t} = ${values[0]};`);
      return;
    }
    const v = `v${type}_${x}_${this.version++}`;
    this.body.push(`const ${v} = ${values[0]};`, `${this.reg(type, x)}[j] = ${v};`);
    this.current.set(`r${type}_${x}`, v);
  }

  private instr(opcode: number, d: number, a: number, b: number): void {
    const type = opcode & 7;
    const op = opcode >>> 3;
    if (type === TYPE_PLANE && op !== OPS.const) throw new Error("table: plane operations are interpreted, not compiled");
    if (op === OPS.const) {
      const t = `c${type}_${~d}`;
      this.current.set(`t${type}_${~d}`, t);
      this.before.push(`const ${t} = ${type === TYPE_W64 ? `${(BigInt(b >>> 0) << 32n) | BigInt(a >>> 0)}n` : a | 0};`);
      return;
    }
    if (type === TYPE_W64) return this.wide(op, d, a, b);
    return this.word(type, op, d, a, b);
  }

  /** 8- and 16-bit words kept masked, 32-bit words as int32. */
  private word(type: number, op: number, d: number, a: number, b: number): void {
    const m = MASK[type];
    const fit = (e: string) => (m === undefined ? `(${e}) | 0` : `(${e}) & ${m}`);
    if (op === OPS.lift) {
      if (a < 0) throw new Error("table: lift of a temporary plane");
      const r = this.reg(TYPE_PLANE, a);
      return this.write(type, d, [`(${r}[j >>> 5] >>> (j & 31)) & 1`]);
    }
    if (op === OPS.conv) {
      const [x] = this.read(b, a) as [string];
      if (b === TYPE_W64) return this.write(type, d, [m === undefined ? `Number(BigInt.asUintN(32, ${x})) | 0` : `Number(${x} & ${m}n)`]);
      return this.write(type, d, [m === undefined ? `${x} | 0` : `${x} & ${m}`]);
    }
    const [x] = this.read(type, a) as [string];
    const binary = op === OPS.and || op === OPS.or || op === OPS.xor || op === OPS.add || op === OPS.sub || op === OPS.mul;
    const y = binary ? (this.read(type, b)[0] as string) : "";
    switch (op) {
      case OPS.and:
        return this.write(type, d, [fit(`${x} & ${y}`)]);
      case OPS.or:
        return this.write(type, d, [fit(`${x} | ${y}`)]);
      case OPS.xor:
        return this.write(type, d, [fit(`${x} ^ ${y}`)]);
      case OPS.not:
        return this.write(type, d, [fit(`~${x}`)]);
      case OPS.copy:
        return this.write(type, d, [x]);
      case OPS.add:
        return this.write(type, d, [fit(`${x} + ${y}`)]);
      case OPS.sub:
        return this.write(type, d, [fit(`${x} - ${y}`)]);
      case OPS.mul:
        return this.write(type, d, [fit(`Math.imul(${x}, ${y})`)]);
      case OPS.neg:
        return this.write(type, d, [fit(`-${x}`)]);
      case OPS.shl:
        return this.write(type, d, [fit(`${x} << ${b}`)]);
      case OPS.shr:
        return this.write(type, d, [`${x} >>> ${b}`]);
      default:
        throw new Error(`table: bad word operation ${op}`);
    }
  }

  /** 64-bit words as BigInts reduced with BigInt.asUintN(64, …), which the JIT lowers to machine words. */
  private wide(op: number, d: number, a: number, b: number): void {
    const T = TYPE_W64;
    const u = (e: string) => `BigInt.asUintN(64, ${e})`;
    if (op === OPS.lift) {
      if (a < 0) throw new Error("table: lift of a temporary plane");
      const r = this.reg(TYPE_PLANE, a);
      return this.write(T, d, [`((${r}[j >>> 5] >>> (j & 31)) & 1) === 1 ? 1n : 0n`]);
    }
    if (op === OPS.conv) {
      const [x] = this.read(b, a) as [string];
      return this.write(T, d, [b === TYPE_W32 ? `BigInt(${x} >>> 0)` : `BigInt(${x})`]);
    }
    const [x] = this.read(T, a) as [string];
    const binary = op === OPS.and || op === OPS.or || op === OPS.xor || op === OPS.add || op === OPS.sub || op === OPS.mul;
    const y = binary ? (this.read(T, b)[0] as string) : "";
    switch (op) {
      case OPS.and:
        return this.write(T, d, [`${x} & ${y}`]);
      case OPS.or:
        return this.write(T, d, [`${x} | ${y}`]);
      case OPS.xor:
        return this.write(T, d, [`${x} ^ ${y}`]);
      case OPS.not:
        return this.write(T, d, [u(`~${x}`)]);
      case OPS.copy:
        return this.write(T, d, [x]);
      case OPS.add:
        return this.write(T, d, [u(`${x} + ${y}`)]);
      case OPS.sub:
        return this.write(T, d, [u(`${x} - ${y}`)]);
      case OPS.mul:
        return this.write(T, d, [u(`${x} * ${y}`)]);
      case OPS.neg:
        return this.write(T, d, [u(`-${x}`)]);
      case OPS.shl:
        return this.write(T, d, [u(`${x} << ${b}n`)]);
      case OPS.shr:
        return this.write(T, d, [`${x} >> ${b}n`]);
      default:
        throw new Error(`table: bad 64-bit operation ${op}`);
    }
  }
}
