/**
 * Common private subexpressions: inside a block, a lane-wise private syscall
 * (lane-wise.ts) whose inputs hold the same values as an earlier call's, with no
 * object written in between, is replaced by a `copy` of the earlier result, so the
 * protocol never runs twice on the same inputs (`a*b + a*b`, a value squared in two
 * places, one comparison reused by several choices).
 *
 * Value numbers: `const`s by type and value, `mov` shares its source's number,
 * scalar operations (binop without division, unop, cast, domainid) and operations
 * computing a new value from their operands (pindex, preshape, pcat, classify,
 * size...) by operation and operand numbers. A number given to a register holding an
 * object is trusted only while that object is unchanged: every instruction that may
 * change an object in place (stores, struct fields, syscalls, frees) invalidates the
 * numbers of the registers that may hold it (class Numbering). The call is
 * replaced only when its result was made by a `pnew` in the block and not used before
 * the call (so no other register sees the object the `copy` replaces), and when the
 * earlier result register still holds the earlier result.
 */
import type { SliceItem, SysArg } from "../../../vm/bytecode.js";
import { INSTRUCTION_BY_NAME } from "../../../vm/isa.js";
import type { IrArg, IrBlock, IrInstr, IrProc } from "../ir.js";
import { definedOperand } from "./coalesce-moves.js";
import { defsOf, usesOf, writesOf } from "./instr-info.js";
import { laneWiseInputs } from "./lane-wise.js";

/** Operations whose result is a public scalar computed from scalars (never an object). */
const SCALAR = new Set(["const", "binop", "unop", "cast", "domainid"]);
/** Operations computing a value from their operands' contents without effects. */
const VALUE = new Set(["size", "shape", "pnew", "anew", "alit", "preshape", "pindex", "pcat", "classify", "index", "reshape", "cat", "vbinop", "vunop", "vcast"]);

const SCALAR_OBJ = -2;
const HEAP = -1;

interface Numbered {
  readonly vn: number;
  /** The object the register held when numbered (SCALAR_OBJ: an immutable scalar). */
  readonly obj: number;
  /** That object's version then. */
  readonly version: number;
}

/**
 * Value numbers of registers, each valid while the object it describes is unchanged:
 * objects created in the block are told apart (a `mov` shares its source's object),
 * all others, and any object stored into or read out of a struct, are one HEAP.
 */
class Numbering {
  private readonly table = new Map<string, number>();
  private readonly regs = new Map<number, Numbered>();
  private readonly versions = new Map<number, number>();
  private readonly escaped = new Set<number>();
  private next = 0;

  fresh(): number {
    return this.next++;
  }

  intern(key: string): number {
    let v = this.table.get(key);
    if (v === undefined) {
      v = this.fresh();
      this.table.set(key, v);
    }
    return v;
  }

  private objOf(o: number): number {
    return o >= 0 && this.escaped.has(o) ? HEAP : o;
  }

  private version(o: number): number {
    return this.versions.get(o) ?? 0;
  }

  /** The object register `r` holds now (HEAP when unknown). */
  object(r: number): number {
    const n = this.regs.get(r);
    return n === undefined ? HEAP : this.objOf(n.obj);
  }

  /** The register's number, or undefined when its object changed since it was numbered. */
  of(r: number): number | undefined {
    let n = this.regs.get(r);
    if (n === undefined) {
      n = { vn: this.fresh(), obj: HEAP, version: this.version(HEAP) };
      this.regs.set(r, n);
    }
    if (n.obj === SCALAR_OBJ) return n.vn;
    const o = this.objOf(n.obj);
    return o === n.obj && this.version(o) === n.version ? n.vn : undefined;
  }

  /** Numbers `r`, holding object `obj` (a new object id when `obj` is "new"). */
  set(r: number, vn: number, obj: number | "new"): void {
    const o = obj === "new" ? 1_000_000 + this.fresh() : obj;
    this.regs.set(r, { vn, obj: o, version: this.version(o) });
  }

  /** An in-place change of the object `r` holds. */
  write(r: number): void {
    const o = this.object(r);
    if (o !== SCALAR_OBJ) this.versions.set(o, this.version(o) + 1);
  }

  /** The object `r` holds becomes reachable from a struct: from now on it is HEAP. */
  escape(r: number): void {
    const o = this.object(r);
    this.write(r);
    if (o >= 0) this.escaped.add(o);
    this.versions.set(HEAP, this.version(HEAP) + 1);
  }
}

/** A key of the instruction's operands (registers by value number, the defined one left out), or undefined when one is stale. */
function keyOf(ins: IrInstr, n: Numbering): string | undefined {
  const d = INSTRUCTION_BY_NAME.get(ins.op);
  if (d === undefined) return undefined;
  const def = definedOperand(ins.op);
  let stale = false;
  const num = (r: number): string => {
    const v = n.of(r);
    if (v === undefined) stale = true;
    return `v${v}`;
  };
  const parts = ins.args.map((a: IrArg, i) => {
    if (i === def) return "_";
    switch (d.operands[i]) {
      case "reg":
        return num(a as number);
      case "optreg":
        return a === null || (a as number) < 0 ? "-" : num(a as number);
      case "regs":
        return `[${(a as readonly number[]).map(num).join(",")}]`;
      case "slices":
        return `[${(a as readonly SliceItem[]).map((it) => (it.kind === "index" ? num(it.reg) : `${it.lo >= 0 ? num(it.lo) : "-"}:${it.hi >= 0 ? num(it.hi) : "-"}`)).join(",")}]`;
      default:
        return `${typeof a}:${String(a)}`;
    }
  });
  return stale ? undefined : `${ins.op}|${parts.join("|")}`;
}

function cseBlock(b: IrBlock): void {
  const n = new Numbering();
  const pnewAt = new Map<number, number>();
  const lastUse = new Map<number, number>();
  const results = new Map<string, { reg: number; vn: number }>();
  b.instrs.forEach((ins, i) => {
    let out = ins;
    if (ins.op === "syscall") out = syscall(ins, n, pnewAt, lastUse, results);
    else number(ins, n);
    if (out !== ins) b.instrs[i] = out;
    for (const r of usesOf(out)) lastUse.set(r, i);
    if (out.op === "pnew") pnewAt.set(out.args[2] as number, i);
    else for (const r of defsOf(out)) pnewAt.delete(r);
  });
}

function number(ins: IrInstr, n: Numbering): void {
  for (const r of writesOf(ins)) n.write(r);
  if (ins.op === "fset") n.escape(ins.args[2] as number);
  if (ins.op === "fget") n.escape(ins.args[1] as number);
  if (ins.op === "mov") {
    const [d, src] = ins.args as [number, number];
    const v = n.of(src);
    n.set(d, v ?? n.fresh(), n.object(src));
    return;
  }
  const scalar = SCALAR.has(ins.op) && !(ins.op === "binop" && (ins.args[0] === "div" || ins.args[0] === "mod"));
  const key = scalar || VALUE.has(ins.op) ? keyOf(ins, n) : undefined;
  for (const r of defsOf(ins)) n.set(r, key === undefined ? n.fresh() : n.intern(key), scalar ? SCALAR_OBJ : "new");
}

function syscall(
  ins: IrInstr,
  n: Numbering,
  pnewAt: ReadonlyMap<number, number>,
  lastUse: ReadonlyMap<number, number>,
  results: Map<string, { reg: number; vn: number }>,
): IrInstr {
  const args = ins.args[1] as readonly SysArg[];
  const k = laneWiseInputs(ins.args[0] as string);
  const res = args[args.length - 1]?.reg;
  const p = res === undefined ? undefined : pnewAt.get(res);
  if (k === 0 || args.length !== k + 2 || !args.every((a) => a.mode === "push") || p === undefined || (lastUse.get(res!) ?? -1) > p) {
    number(ins, n);
    return ins;
  }
  const nums = args.slice(0, k + 1).map((a) => n.of(a.reg));
  // the syscall's key: its name, the domain id's and inputs' numbers, the result's allocation
  const shape = n.of(res!);
  const obj = n.object(res!);
  n.write(res!);
  if (nums.some((v) => v === undefined) || shape === undefined) {
    n.set(res!, n.fresh(), obj);
    return ins;
  }
  const key = `${String(ins.args[0])}|${nums.join(",")}|${shape}`;
  const earlier = results.get(key);
  if (earlier !== undefined && n.of(earlier.reg) === earlier.vn) {
    n.set(res!, earlier.vn, "new");
    return { op: "copy", args: [res!, earlier.reg], span: ins.span };
  }
  const vn = n.intern(key);
  n.set(res!, vn, obj);
  results.set(key, { reg: res!, vn });
  return ins;
}

/** Replaces repeated lane-wise private syscalls by copies of the first result. */
export function csePrivate(proc: IrProc): void {
  for (const b of proc.blocks) cseBlock(b);
}
