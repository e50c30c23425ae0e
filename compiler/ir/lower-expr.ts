/**
 * Lowering of expressions: `lowerExpr` evaluates a bound expression into a
 * register and says whether the value there is owned (a fresh value no variable
 * refers to) or borrowed (the register of a variable, a reference into a struct).
 * Whoever stores a borrowed array, private value or struct into another variable
 * or a struct field must copy it first (`own`), following the VM's value rules in
 * vm/isa.ts. Operators live in lower-operators.ts, l-values in lower-places.ts,
 * built-in functions in lower-builtins.ts.
 */
import type { SliceItem } from "../../vm/bytecode.js";
import type { BoundCall, BoundExpr, BoundIndex, BoundInterpolation, BoundSlice } from "../semantic/bound.js";
import type { Type } from "../semantic/types.js";
import { dataName, isVoid } from "../semantic/types.js";
import { lowerBuiltin } from "./lower-builtins.js";
import type { ProcLowering } from "./lower-context.js";
import { lowerBuiltinBinary, lowerBuiltinUnary, lowerCastCall, lowerOperatorCall, lowerPublicCast, lowerToVector } from "./lower-operators.js";
import { lowerAssign, lowerCompoundAssign, lowerIncDec } from "./lower-places.js";
import { dtypeOf, isPrivateType, kindTypeName, uintConst } from "./lower-types.js";

/** A value in a register; `owned` when nothing else refers to it. */
export interface Val {
  readonly reg: number;
  readonly owned: boolean;
}

/** Lowers `e` with its own span for the instructions it emits. */
export function lowerExpr(p: ProcLowering, e: BoundExpr): Val {
  const saved = p.b.span;
  p.at(e.syntax);
  try {
    return lowerNode(p, e);
  } finally {
    p.b.span = saved;
  }
}

/** Lowers `e` for its effects only (an expression statement, a `for` step). */
export function lowerDiscarded(p: ProcLowering, e: BoundExpr): void {
  if (e.kind !== "IncDec") {
    lowerExpr(p, e);
    return;
  }
  const saved = p.b.span;
  p.at(e.syntax);
  lowerIncDec(p, e, true);
  p.b.span = saved;
}

/** Lowers `e` into a register that holds a value nothing else refers to. */
export function lowerOwned(p: ProcLowering, e: BoundExpr): number {
  return own(p, lowerExpr(p, e), e.type);
}

/** The register of `v` if owned or immutable (public scalars), otherwise a copy. */
export function own(p: ProcLowering, v: Val, t: Type): number {
  if (v.owned || (t.dim === 0 && !isPrivateType(t) && t.data.tag === "prim")) return v.reg;
  const r = p.b.reg();
  p.b.emit("copy", r, v.reg);
  return r;
}

function fresh(reg: number): Val {
  return { reg, owned: true };
}

function lowerNode(p: ProcLowering, e: BoundExpr): Val {
  switch (e.kind) {
    case "Literal":
      return fresh(lowerLiteral(p, e.type, e.value));
    case "Interpolation":
      return fresh(lowerInterpolation(p, e));
    case "Var": {
      const s = e.symbol;
      if (s.storage === "global") {
        const r = p.b.reg();
        p.b.emit("gget", r, p.program.globalIndex(s));
        return fresh(r);
      }
      return { reg: p.varReg(s), owned: false };
    }
    case "Classify": {
      const src = lowerExpr(p, e.operand);
      const r = p.b.reg();
      p.b.emit("classify", p.program.domainIndex(e.type), kindTypeName(e.type.data), r, src.reg);
      return fresh(r);
    }
    case "ToVector":
      return fresh(lowerToVector(p, e));
    case "BuiltinUnary":
      return fresh(lowerBuiltinUnary(p, e));
    case "BuiltinBinary":
      return fresh(lowerBuiltinBinary(p, e));
    case "OperatorCall":
      return fresh(lowerOperatorCall(p, e));
    case "CastCall":
      return fresh(lowerCastCall(p, e));
    case "PublicCast":
      return fresh(lowerPublicCast(p, e));
    case "Call":
      return fresh(lowerCall(p, e));
    case "Ternary":
      return lowerTernary(p, e.cond, e.then, e.else);
    case "Assign":
      return lowerAssign(p, e);
    case "CompoundAssign":
      return lowerCompoundAssign(p, e);
    case "IncDec":
      return lowerIncDec(p, e);
    case "TargetValue": {
      const r = p.targetValues[p.targetValues.length - 1];
      if (r === undefined) throw new Error("internal: TargetValue outside a compound assignment");
      return { reg: r, owned: false };
    }
    case "Comma":
      lowerExpr(p, e.left);
      return lowerExpr(p, e.right);
    case "Index":
      return fresh(lowerIndexRead(p, e));
    case "Member": {
      const target = lowerExpr(p, e.target);
      const r = p.b.reg();
      p.b.emit("fget", r, target.reg, e.fieldIndex);
      return { reg: r, owned: false };
    }
    case "ArrayLiteral":
      return fresh(lowerArrayLiteral(p, e.type, e.elements));
    case "Builtin":
      return fresh(lowerBuiltin(p, e));
    case "Error":
      throw new Error("internal: an erroneous expression reached code generation");
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** A register holding a literal of the (public) type `t`. */
export function lowerLiteral(p: ProcLowering, t: Type, value: bigint | number | boolean | string): number {
  const dt = dtypeOf(t.data);
  const r = p.b.reg();
  let v = value;
  if ((dt === "float32" || dt === "float64") && typeof v === "bigint") v = Number(v);
  else if (dt !== "bool" && dt !== "string" && dt !== "float32" && dt !== "float64" && typeof v === "number") v = BigInt(Math.trunc(v));
  p.b.emit("const", dt, r, v);
  return r;
}

/** A string register: `tostring` of a public scalar, or the string itself. */
export function lowerAsString(p: ProcLowering, e: BoundExpr): number {
  const v = lowerExpr(p, e);
  const dt = dtypeOf(e.type.data);
  if (dt === "string") return v.reg;
  const r = p.b.reg();
  p.b.emit("tostring", dt, r, v.reg);
  return r;
}

/** Concatenates string registers (an empty list gives ""). */
export function concatStrings(p: ProcLowering, parts: readonly number[]): number {
  if (parts.length === 0) {
    const r = p.b.reg();
    p.b.emit("const", "string", r, "");
    return r;
  }
  let acc = parts[0]!;
  for (const part of parts.slice(1)) {
    const r = p.b.reg();
    p.b.emit("binop", "add", "string", r, acc, part);
    acc = r;
  }
  return acc;
}

function lowerInterpolation(p: ProcLowering, e: BoundInterpolation): number {
  const regs: number[] = [];
  let text = "";
  const flush = (): void => {
    if (text === "") return;
    const r = p.b.reg();
    p.b.emit("const", "string", r, text);
    regs.push(r);
    text = "";
  };
  for (const part of e.parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    flush();
    regs.push(lowerAsString(p, part));
  }
  flush();
  return concatStrings(p, regs);
}

function lowerCall(p: ProcLowering, e: BoundCall): number {
  recordInterface(p, e);
  const args = e.args.map((a) => lowerExpr(p, a).reg);
  const index = p.program.procIndex(e.instance);
  const dst = p.b.reg();
  p.b.emit("call", index, isVoid(e.type) ? null : dst, args);
  return dst;
}

/** The constant text of a string literal (or a fully constant interpolation). */
export function constantString(e: BoundExpr): string | undefined {
  if (e.kind === "Literal" && typeof e.value === "string") return e.value;
  if (e.kind === "Interpolation" && e.parts.every((x) => typeof x === "string")) return e.parts.join("");
  return undefined;
}

/** Records `argument("name")` and `publish("name", v)` calls in the program interface. */
function recordInterface(p: ProcLowering, e: BoundCall): void {
  const name = e.instance.proc.name;
  const params = e.instance.params;
  const first = e.args[0];
  if (first === undefined || params[0] === undefined || dataName(params[0].data) !== "string" || params[0].dim !== 0) return;
  let role: "argument" | "result";
  let t: Type;
  if (name === "argument" && params.length === 1 && !isVoid(e.instance.ret)) {
    role = "argument";
    t = e.instance.ret;
  } else if (name === "publish" && params.length === 2 && isVoid(e.instance.ret)) {
    role = "result";
    t = params[1]!;
  } else return;
  const key = constantString(first);
  if (key === undefined) return;
  p.program.addInterface({
    role,
    name: key,
    domain: t.sec.tag === "domain" ? t.sec.domain.name : "",
    type: dataName(t.data),
    dims: t.dim,
  });
}

function lowerTernary(p: ProcLowering, cond: BoundExpr, a: BoundExpr, b: BoundExpr): Val {
  const c = lowerExpr(p, cond);
  const dst = p.b.reg();
  const thenB = p.b.newBlock();
  const elseB = p.b.newBlock();
  const join = p.b.newBlock();
  p.b.branch(c.reg, thenB, elseB);
  p.b.switchTo(thenB);
  const x = lowerExpr(p, a);
  p.b.emit("mov", dst, x.reg);
  p.b.jump(join);
  p.b.switchTo(elseB);
  const y = lowerExpr(p, b);
  p.b.emit("mov", dst, y.reg);
  p.b.jumpAndSwitch(join);
  return { reg: dst, owned: x.owned && y.owned };
}

/** The slice operands of an index expression (indices and bounds evaluated left to right). */
export function lowerIndexItems(p: ProcLowering, indices: readonly (BoundExpr | BoundSlice)[]): SliceItem[] {
  return indices.map((ix): SliceItem => {
    if (ix.kind === "Slice") {
      const lo = ix.lo === undefined ? -1 : lowerExpr(p, ix.lo).reg;
      const hi = ix.hi === undefined ? -1 : lowerExpr(p, ix.hi).reg;
      return { kind: "slice", lo, hi };
    }
    return { kind: "index", reg: lowerExpr(p, ix).reg };
  });
}

function lowerIndexRead(p: ProcLowering, e: BoundIndex): number {
  const target = lowerExpr(p, e.target);
  const items = lowerIndexItems(p, e.indices);
  const r = p.b.reg();
  p.b.emit(isPrivateType(e.target.type) ? "pindex" : "index", r, target.reg, items);
  return r;
}

function lowerArrayLiteral(p: ProcLowering, t: Type, elements: readonly BoundExpr[]): number {
  const r = p.b.reg();
  if (!isPrivateType(t)) {
    const regs = elements.map((x) => lowerExpr(p, x).reg);
    p.b.emit("alit", dtypeOf(t.data), r, regs);
    return r;
  }
  const n = uintConst(p, elements.length);
  p.b.emit("pnew", p.program.domainIndex(t), kindTypeName(t.data), r, null, [n]);
  elements.forEach((x, i) => {
    const v = lowerExpr(p, x);
    p.b.emit("pstore", r, [{ kind: "index", reg: uintConst(p, i) }], v.reg);
  });
  return r;
}
