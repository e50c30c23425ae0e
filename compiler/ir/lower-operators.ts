/**
 * Lowering of operators and casts.
 *
 * Built-in public operators become `binop`/`unop` on scalars and `vbinop`/`vunop`
 * on arrays (a scalar operand is broadcast by the instruction's mode); `&&`/`||` on
 * scalars short-circuit with a branch. Operator and cast definitions are procedure
 * calls: when the definition works on vectors and the use site's operands are
 * scalars or n-D arrays, the checker wrapped them in ToVector (bound.ts header);
 * here each wrapped operand is flattened to a vector (a scalar is replicated to the
 * element count of the first array operand), two array operands must have equal
 * shapes ("Mismatching shapes in arithmetic expression"), and with `reshapeResult`
 * the result vector is reshaped back to the first array operand's shape, or to a
 * scalar when every operand was a scalar.
 */
import type { BinaryOp, UnaryOp } from "../../vm/isa.js";
import type * as ast from "../syntax/ast.js";
import type {
  BoundBuiltinBinary,
  BoundBuiltinUnary,
  BoundCastCall,
  BoundExpr,
  BoundOperatorCall,
  BoundPublicCast,
  BoundToVector,
} from "../semantic/bound.js";
import type { ProcInstance } from "../semantic/symbols.js";
import type { Type } from "../semantic/types.js";
import type { ProcLowering } from "./lower-context.js";
import { lowerExpr } from "./lower-expr.js";
import { dtypeOf, isPrivateType, uintConst } from "./lower-types.js";

const BINARY: Record<ast.BinaryOp, BinaryOp> = {
  "+": "add",
  "-": "sub",
  "*": "mul",
  "/": "div",
  "%": "mod",
  "&": "band",
  "|": "bor",
  "^": "bxor",
  "<<": "shl",
  ">>": "shr",
  "==": "eq",
  "!=": "ne",
  "<": "lt",
  "<=": "le",
  ">": "gt",
  ">=": "ge",
  "&&": "land",
  "||": "lor",
};

const UNARY: Record<"-" | "!" | "~", UnaryOp> = { "-": "neg", "!": "not", "~": "bnot" };

export const SHAPE_MISMATCH = "Mismatching shapes in arithmetic expression";

export function lowerBuiltinUnary(p: ProcLowering, e: BoundBuiltinUnary): number {
  const x = lowerExpr(p, e.operand);
  const r = p.b.reg();
  const dt = dtypeOf(e.operand.type.data);
  p.b.emit(e.operand.type.dim === 0 ? "unop" : "vunop", UNARY[e.op], dt, r, x.reg);
  return r;
}

export function lowerBuiltinBinary(p: ProcLowering, e: BoundBuiltinBinary): number {
  const scalars = e.left.type.dim === 0 && e.right.type.dim === 0;
  if (scalars && (e.op === "&&" || e.op === "||")) return lowerShortCircuit(p, e.op, e.left, e.right);
  const a = lowerExpr(p, e.left);
  const b = lowerExpr(p, e.right);
  const r = p.b.reg();
  const dt = dtypeOf(e.left.type.data);
  if (scalars) p.b.emit("binop", BINARY[e.op], dt, r, a.reg, b.reg);
  else {
    const mode = e.left.type.dim === 0 ? "sa" : e.right.type.dim === 0 ? "as" : "aa";
    p.b.emit("vbinop", BINARY[e.op], dt, mode, r, a.reg, b.reg);
  }
  return r;
}

function lowerShortCircuit(p: ProcLowering, op: "&&" | "||", left: BoundExpr, right: BoundExpr): number {
  const dst = p.b.reg();
  const a = lowerExpr(p, left);
  p.b.emit("mov", dst, a.reg);
  const rhs = p.b.newBlock();
  const done = p.b.newBlock();
  if (op === "&&") p.b.branch(dst, rhs, done);
  else p.b.branch(dst, done, rhs);
  p.b.switchTo(rhs);
  const b = lowerExpr(p, right);
  p.b.emit("mov", dst, b.reg);
  p.b.jumpAndSwitch(done);
  return dst;
}

export function lowerPublicCast(p: ProcLowering, e: BoundPublicCast): number {
  const x = lowerExpr(p, e.operand);
  const r = p.b.reg();
  const from = dtypeOf(e.operand.type.data);
  const to = dtypeOf(e.type.data);
  p.b.emit(e.type.dim === 0 ? "cast" : "vcast", from, to, r, x.reg);
  return r;
}

export function lowerOperatorCall(p: ProcLowering, e: BoundOperatorCall): number {
  return lowerDefinitionCall(p, e.instance, e.args, e.type, e.reshapeResult);
}

export function lowerCastCall(p: ProcLowering, e: BoundCastCall): number {
  return lowerDefinitionCall(p, e.instance, [e.operand], e.type, e.reshapeResult);
}

/** A ToVector outside an operator call: the operand flattened to a vector of its own size. */
export function lowerToVector(p: ProcLowering, e: BoundToVector): number {
  const x = lowerExpr(p, e.operand);
  return flatten(p, e.operand.type, x.reg, elementCount(p, e.operand.type, x.reg));
}

interface Operand {
  readonly reg: number;
  /** The operand's type at the use site (before flattening). */
  readonly type: Type;
  readonly wrapped: boolean;
}

function lowerDefinitionCall(
  p: ProcLowering,
  instance: ProcInstance,
  args: readonly BoundExpr[],
  resultType: Type,
  reshapeResult: boolean,
): number {
  const operands: Operand[] = args.map((a) => {
    const inner = a.kind === "ToVector" ? a.operand : a;
    return { reg: lowerExpr(p, inner).reg, type: inner.type, wrapped: a.kind === "ToVector" };
  });
  const arrays = operands.filter((o) => o.type.dim > 0);
  const shapeSource = arrays[0];
  for (const other of arrays.slice(1)) checkSameShape(p, shapeSource!, other);
  const needsCount = operands.some((o) => o.wrapped);
  const count = !needsCount ? -1 : shapeSource === undefined ? uintConst(p, 1) : elementCount(p, shapeSource.type, shapeSource.reg);
  const regs = operands.map((o) => (o.wrapped ? flatten(p, o.type, o.reg, count) : o.reg));
  const dst = p.b.reg();
  p.b.emit("call", p.program.procIndex(instance), dst, regs);
  if (!reshapeResult) return dst;
  if (shapeSource !== undefined && shapeSource.type.dim === 1) return dst;
  return reshapeBack(p, dst, resultType, shapeSource);
}

/** Number of elements (uint64) of the value in `reg`: its own size, or 1 for scalars. */
function elementCount(p: ProcLowering, t: Type, reg: number): number {
  if (t.dim === 0) return uintConst(p, 1);
  const r = p.b.reg();
  p.b.emit("size", r, reg);
  return r;
}

/** The value reshaped to a vector of `count` elements (a scalar is replicated). */
function flatten(p: ProcLowering, t: Type, reg: number, count: number): number {
  const r = p.b.reg();
  if (isPrivateType(t)) p.b.emit("preshape", r, reg, [count]);
  else p.b.emit("reshape", dtypeOf(t.data), r, reg, [count]);
  return r;
}

/** Stops with SHAPE_MISMATCH unless two array operands have the same shape. */
function checkSameShape(p: ProcLowering, a: Operand, b: Operand): void {
  const extents = (o: Operand): number[] => {
    if (o.type.dim === 1) {
      const r = p.b.reg();
      p.b.emit("size", r, o.reg);
      return [r];
    }
    return shapeExtents(p, o.reg, o.type.dim);
  };
  const xs = extents(a);
  const ys = extents(b);
  xs.forEach((x, i) => {
    const c = p.b.reg();
    p.b.emit("binop", "eq", "uint64", c, x, ys[i]!);
    p.b.check(c, SHAPE_MISMATCH);
  });
}

/** Registers holding the `dim` extents of an array value. */
export function shapeExtents(p: ProcLowering, reg: number, dim: number): number[] {
  const s = p.b.reg();
  p.b.emit("shape", s, reg);
  return Array.from({ length: dim }, (_, i) => {
    const r = p.b.reg();
    p.b.emit("index", r, s, [{ kind: "index", reg: uintConst(p, i) }]);
    return r;
  });
}

/** The definition's result vector reshaped to the use site's type. */
function reshapeBack(p: ProcLowering, vec: number, t: Type, shapeSource: Operand | undefined): number {
  const r = p.b.reg();
  const extents = shapeSource === undefined ? [] : shapeExtents(p, shapeSource.reg, shapeSource.type.dim);
  if (isPrivateType(t)) {
    p.b.emit("preshape", r, vec, extents);
    return r;
  }
  if (extents.length === 0) p.b.emit("index", r, vec, [{ kind: "index", reg: uintConst(p, 0) }]);
  else p.b.emit("reshape", dtypeOf(t.data), r, vec, extents);
  return r;
}
