/**
 * Typed arithmetic kernels. Each (operator, data type) pair has one JS expression
 * over `x` and `y` (table below); from it we generate, once per pair and context,
 * a specialised function with `new Function`, so every instruction of that pair
 * runs monomorphic code with no per-element dispatch or allocation:
 * - scalar factories `(d, a, b, next) => (m, r) => { r[d] = EXPR; return next }`,
 * - array kernels `(o, a, b, n) => { for (i...) o[i] = EXPR(a[i], b[i]) }` and the
 *   broadcast variants with a scalar `y` or `x`.
 * Scalar contexts see bool as JS booleans; array contexts see bool elements as 0/1.
 * Generated code only ever contains expressions from this file.
 */
import {
  isBigType,
  isFloatType,
  type BinaryOp,
  type BroadcastMode,
  type DataTypeName,
  type UnaryOp,
} from "./isa.js";
import { H } from "./numeric.js";
import type { Value } from "./values.js";

type Context = "scalar" | "array";

/** The wrapping expression that brings `e` back into `type`'s range. */
function wrap(type: DataTypeName, e: string): string {
  switch (type) {
    case "int8":
      return `((${e}) << 24 >> 24)`;
    case "int16":
      return `((${e}) << 16 >> 16)`;
    case "int32":
      return `((${e}) | 0)`;
    case "uint8":
      return `((${e}) & 255)`;
    case "uint16":
      return `((${e}) & 65535)`;
    case "uint32":
      return `((${e}) >>> 0)`;
    case "int64":
      return `BigInt.asIntN(64, ${e})`;
    case "uint64":
      return `BigInt.asUintN(64, ${e})`;
    case "float32":
      return `Math.fround(${e})`;
    default:
      return `(${e})`;
  }
}

const WIDTH: Partial<Record<DataTypeName, number>> = {
  int8: 8,
  int16: 16,
  int32: 32,
  uint8: 8,
  uint16: 16,
  uint32: 32,
};

const MIN: Partial<Record<DataTypeName, number>> = { int8: -128, int16: -32768, int32: -2147483648 };

function comparison(op: BinaryOp): string | null {
  switch (op) {
    case "eq":
      return "===";
    case "ne":
      return "!==";
    case "lt":
      return "<";
    case "le":
      return "<=";
    case "gt":
      return ">";
    case "ge":
      return ">=";
    default:
      return null;
  }
}

/** The expression of a binary operator on `type`, or null when undefined. */
export function binaryExpr(op: BinaryOp, type: DataTypeName, ctx: Context): string | null {
  const cmp = comparison(op);
  if (type === "string") {
    if (op === "add") return "(x + y)";
    if (op === "eq" || op === "ne") return `(x ${cmp} y)`;
    return cmp === null ? null : `(H.scmp(x, y) ${cmp} 0)`;
  }
  if (type === "bool") return boolExpr(op, ctx);
  if (cmp !== null) return `(x ${cmp} y)`;
  if (isFloatType(type)) {
    switch (op) {
      case "add":
        return wrap(type, "x + y");
      case "sub":
        return wrap(type, "x - y");
      case "mul":
        return wrap(type, "x * y");
      case "div":
        return wrap(type, "x / y");
      case "mod":
        return wrap(type, "H.rem(x, y)");
      default:
        return null;
    }
  }
  if (isBigType(type)) return bigExpr(op, type);
  return smallIntExpr(op, type);
}

function boolExpr(op: BinaryOp, ctx: Context): string | null {
  const scalar = ctx === "scalar";
  switch (op) {
    case "band":
    case "land":
      return scalar ? "(x && y)" : "(x & y)";
    case "bor":
    case "lor":
      return scalar ? "(x || y)" : "(x | y)";
    case "bxor":
      return scalar ? "(x !== y)" : "(x ^ y)";
    case "eq":
      return "(x === y)";
    case "ne":
      return "(x !== y)";
    case "lt":
      return "(x < y)";
    case "le":
      return "(x <= y)";
    case "gt":
      return "(x > y)";
    case "ge":
      return "(x >= y)";
    default:
      return null;
  }
}

function smallIntExpr(op: BinaryOp, type: DataTypeName): string | null {
  const w = WIDTH[type]!;
  const signed = MIN[type] !== undefined;
  switch (op) {
    case "add":
      return wrap(type, "x + y");
    case "sub":
      return wrap(type, "x - y");
    case "mul":
      return w === 32 ? wrap(type, "Math.imul(x, y)") : wrap(type, "x * y");
    case "div":
      return signed ? wrap(type, `H.idiv(x, y, ${MIN[type]})`) : `H.udiv(x, y)`;
    case "mod":
      return signed ? wrap(type, `H.imod(x, y, ${MIN[type]})`) : `H.umod(x, y)`;
    case "band":
      return wrap(type, "x & y");
    case "bor":
      return wrap(type, "x | y");
    case "bxor":
      return wrap(type, "x ^ y");
    case "shl":
      return `((y < 0 || y >= ${w}) ? 0 : ${wrap(type, "x << y")})`;
    case "shr":
      return signed
        ? `((y < 0 || y >= ${w}) ? (x < 0 ? -1 : 0) : (x >> y))`
        : `((y < 0 || y >= ${w}) ? 0 : (x >>> y))`;
    default:
      return null;
  }
}

function bigExpr(op: BinaryOp, type: DataTypeName): string | null {
  const signed = type === "int64";
  switch (op) {
    case "add":
      return wrap(type, "x + y");
    case "sub":
      return wrap(type, "x - y");
    case "mul":
      return wrap(type, "x * y");
    case "div":
      return "H.bdiv(x, y)";
    case "mod":
      return "H.bmod(x, y)";
    case "band":
      return wrap(type, "x & y");
    case "bor":
      return wrap(type, "x | y");
    case "bxor":
      return wrap(type, "x ^ y");
    case "shl":
      return `((y < 0n || y >= 64n) ? 0n : ${wrap(type, "x << y")})`;
    case "shr":
      return signed
        ? "((y < 0n || y >= 64n) ? (x < 0n ? -1n : 0n) : (x >> y))"
        : "((y < 0n || y >= 64n) ? 0n : (x >> y))";
    default:
      return null;
  }
}

/** True when the operator gives bool whatever its operand type. */
export function isComparison(op: BinaryOp): boolean {
  return comparison(op) !== null;
}

/** The expression of a unary operator on `type`, or null when undefined. */
export function unaryExpr(op: UnaryOp, type: DataTypeName, ctx: Context): string | null {
  if (type === "string") return null;
  if (type === "bool") {
    if (op === "not" || op === "bnot") return ctx === "scalar" ? "(!x)" : "(x ^ 1)";
    return null;
  }
  switch (op) {
    case "neg":
      return isFloatType(type) ? "(-x)" : wrap(type, "-x");
    case "bnot":
      return isFloatType(type) ? null : wrap(type, "~x");
    case "not":
      return null;
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** The expression converting `x` of `from` to `to` (bool scalars are booleans in scalar context). */
export function castExpr(from: DataTypeName, to: DataTypeName, ctx: Context): string | null {
  if (from === "string" || to === "string") return from === to ? "x" : null;
  if (from === to) return "x";
  const scalar = ctx === "scalar";
  if (to === "bool") return isBigType(from) ? "(x !== 0n)" : from === "bool" ? "x" : "(x !== 0)";
  if (from === "bool") {
    if (isBigType(to)) return scalar ? "(x ? 1n : 0n)" : "BigInt(x)";
    return scalar ? "(x ? 1 : 0)" : "x";
  }
  if (isFloatType(to)) {
    if (isBigType(from)) return to === "float32" ? "H.big2f32(x)" : "Number(x)";
    return to === "float32" ? "Math.fround(x)" : "x";
  }
  if (isBigType(to)) {
    if (isFloatType(from)) return wrap(to, "H.f2big(x)");
    return wrap(to, isBigType(from) ? "x" : "BigInt(x)");
  }
  // to is a <= 32-bit integer
  if (isFloatType(from)) return wrap(to, "H.ftrunc(x)");
  if (isBigType(from)) return wrap(to, "Number(BigInt.asUintN(32, x))");
  return wrap(to, "x");
}

// ---------------------------------------------------------------- code generation

export type Op = (m: unknown, r: Value[]) => number;
type BinaryFactory = (d: number, a: number, b: number, next: number) => Op;
type UnaryFactory = (d: number, a: number, next: number) => Op;
export type ArrayKernel2 = (o: ArrayLike<unknown>, a: unknown, b: unknown, n: number) => void;
export type ArrayKernel1 = (o: ArrayLike<unknown>, a: ArrayLike<unknown>, n: number) => void;

const cache = new Map<string, unknown>();

function generated<T>(key: string, params: string, body: string): T {
  let f = cache.get(key);
  if (f === undefined) {
    f = new Function("H", `"use strict"; return (${params}) => { ${body} };`)(H);
    cache.set(key, f);
  }
  return f as T;
}

/** Factory of scalar closures for `binop op type`; null when the pair is undefined. */
export function scalarBinary(op: BinaryOp, type: DataTypeName): BinaryFactory | null {
  const e = binaryExpr(op, type, "scalar");
  if (e === null) return null;
  return generated(`sb:${op}:${type}`, "d, a, b, next", `return (m, r) => { const x = r[a], y = r[b]; r[d] = ${e}; return next; };`);
}

/**
 * Factory of a fused "compare and branch" closure (binop producing a bool followed by
 * jt/jf on it): stores the bool as the binop would and returns the branch target.
 */
export function scalarBranch(
  op: BinaryOp,
  type: DataTypeName,
): ((d: number, a: number, b: number, ifTrue: number, ifFalse: number) => Op) | null {
  const e = binaryExpr(op, type, "scalar");
  if (e === null || !(isComparison(op) || type === "bool")) return null;
  return generated(
    `sj:${op}:${type}`,
    "d, a, b, ifTrue, ifFalse",
    `return (m, r) => { const x = r[a], y = r[b]; const c = ${e}; r[d] = c; return c ? ifTrue : ifFalse; };`,
  );
}

export function scalarUnary(op: UnaryOp, type: DataTypeName): UnaryFactory | null {
  const e = unaryExpr(op, type, "scalar");
  if (e === null) return null;
  return generated(`su:${op}:${type}`, "d, a, next", `return (m, r) => { const x = r[a]; r[d] = ${e}; return next; };`);
}

export function scalarCast(from: DataTypeName, to: DataTypeName): UnaryFactory | null {
  const e = castExpr(from, to, "scalar");
  if (e === null) return null;
  return generated(`sc:${from}:${to}`, "d, a, next", `return (m, r) => { const x = r[a]; r[d] = ${e}; return next; };`);
}

/** Element-wise kernel for `vbinop`; in modes as/sa the scalar operand is passed as is. */
export function arrayBinary(op: BinaryOp, type: DataTypeName, mode: BroadcastMode): ArrayKernel2 | null {
  const e = binaryExpr(op, type, "array");
  if (e === null) return null;
  const load = mode === "aa" ? "const x = a[i], y = b[i];" : mode === "as" ? "const x = a[i], y = b;" : "const x = a, y = b[i];";
  return generated(`ab:${op}:${type}:${mode}`, "o, a, b, n", `for (let i = 0; i < n; i++) { ${load} o[i] = ${e}; }`);
}

export function arrayUnary(op: UnaryOp, type: DataTypeName): ArrayKernel1 | null {
  const e = unaryExpr(op, type, "array");
  if (e === null) return null;
  return generated(`au:${op}:${type}`, "o, a, n", `for (let i = 0; i < n; i++) { const x = a[i]; o[i] = ${e}; }`);
}

export function arrayCast(from: DataTypeName, to: DataTypeName): ArrayKernel1 | null {
  const e = castExpr(from, to, "array");
  if (e === null) return null;
  return generated(`ac:${from}:${to}`, "o, a, n", `for (let i = 0; i < n; i++) { const x = a[i]; o[i] = ${e}; }`);
}

/** Casts one scalar value outside generated code (constants, syscall returns). */
export function castScalar(from: DataTypeName, to: DataTypeName, x: unknown): unknown {
  const e = castExpr(from, to, "scalar");
  if (e === null) throw new Error(`no cast from ${from} to ${to}`);
  return generated<(x: unknown) => unknown>(`cs:${from}:${to}`, "x", `return ${e};`)(x);
}
