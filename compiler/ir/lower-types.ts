/**
 * How semantic types map onto VM values: the VM data type of public values, the
 * kind type name of private ones, and the instructions that build a type's
 * default value (what a declaration without initialiser holds: 0, false, "",
 * empty arrays, private zeros, structs of defaults).
 */
import type { DataTypeName } from "../../vm/isa.js";
import type { StructInstance } from "../semantic/symbols.js";
import type { DataType, Type } from "../semantic/types.js";
import type { ProcLowering } from "./lower-context.js";

/** The VM data type of a public primitive data type (throws on others: a lowering bug). */
export function dtypeOf(data: DataType): DataTypeName {
  if (data.tag !== "prim") throw new Error(`internal: ${data.tag} data type where a public primitive was expected`);
  return data.name;
}

/** The kind type name of a private data type (`uint32`, `xor_uint32`, `fix32`). */
export function kindTypeName(data: DataType): string {
  if (data.tag === "prim" || data.tag === "user") return data.name;
  throw new Error(`internal: ${data.tag} data type cannot be private`);
}

export function isPrivateType(t: Type): boolean {
  return t.sec.tag === "domain";
}

/** A register holding public uint64 `n`. */
export function uintConst(p: ProcLowering, n: number | bigint): number {
  const r = p.b.reg();
  p.b.emit("const", "uint64", r, BigInt(n));
  return r;
}

/** The default scalar of a public primitive type as an IR constant value. */
export function defaultConstant(t: DataTypeName): bigint | number | boolean | string {
  switch (t) {
    case "bool":
      return false;
    case "string":
      return "";
    case "float32":
    case "float64":
      return 0;
    default:
      return 0n;
  }
}

/** Emits the default value of `t` into `dst`. */
export function emitDefault(p: ProcLowering, t: Type, dst: number): void {
  if (t.data.tag === "struct") {
    emitDefaultStruct(p, t.data.instance, dst);
    return;
  }
  if (isPrivateType(t)) {
    const zeros = Array.from({ length: t.dim }, () => uintConst(p, 0));
    p.b.emit("pnew", p.program.domainIndex(t), kindTypeName(t.data), dst, null, zeros);
    return;
  }
  const dt = dtypeOf(t.data);
  if (t.dim === 0) {
    p.b.emit("const", dt, dst, defaultConstant(dt));
    return;
  }
  const zeros = Array.from({ length: t.dim }, () => uintConst(p, 0));
  p.b.emit("anew", dt, dst, null, zeros);
}

function emitDefaultStruct(p: ProcLowering, inst: StructInstance, dst: number): void {
  p.b.emit("snew", p.program.layoutIndex(inst), dst);
  inst.fields.forEach((f, i) => {
    const r = p.b.reg();
    emitDefault(p, f.type, r);
    p.b.emit("fset", dst, i, r);
  });
}

/** Emits a new value of type `t` (dim >= 1) with the extents in `shape`, filled with defaults. */
export function emitSized(p: ProcLowering, t: Type, dst: number, shape: readonly number[]): void {
  if (isPrivateType(t)) p.b.emit("pnew", p.program.domainIndex(t), kindTypeName(t.data), dst, null, shape);
  else p.b.emit("anew", dtypeOf(t.data), dst, null, shape);
}
