/**
 * Lowering of the built-in expressions (secrec-reference.md §4): size, shape,
 * reshape, cat, declassify, tostring, strlen, __domainid, the string/byte
 * conversions and the floating-point mode word. Each maps to one VM instruction
 * (the private variants of reshape and cat to preshape and pcat).
 */
import type { BoundBuiltin, BoundExpr } from "../semantic/bound.js";
import type { ProcLowering } from "./lower-context.js";
import { lowerExpr } from "./lower-expr.js";
import { dtypeOf, isPrivateType } from "./lower-types.js";

function arg(e: BoundBuiltin, i: number): BoundExpr {
  const a = e.args[i];
  if (a === undefined) throw new Error(`internal: ${e.name} without argument ${i + 1}`);
  return a;
}

export function lowerBuiltin(p: ProcLowering, e: BoundBuiltin): number {
  const r = p.b.reg();
  switch (e.name) {
    case "size":
    case "shape":
    case "declassify":
    case "strlen": {
      const x = lowerExpr(p, arg(e, 0));
      p.b.emit(e.name, r, x.reg);
      return r;
    }
    case "bytes_from_string":
      p.b.emit("strbytes", r, lowerExpr(p, arg(e, 0)).reg);
      return r;
    case "string_from_bytes":
      p.b.emit("bytesstr", r, lowerExpr(p, arg(e, 0)).reg);
      return r;
    case "tostring": {
      const a = arg(e, 0);
      const x = lowerExpr(p, a);
      const dt = dtypeOf(a.type.data);
      if (dt === "string") return x.reg;
      p.b.emit("tostring", dt, r, x.reg);
      return r;
    }
    case "reshape": {
      const src = arg(e, 0);
      const x = lowerExpr(p, src);
      const extents = e.args.slice(1).map((a) => lowerExpr(p, a).reg);
      if (isPrivateType(src.type)) p.b.emit("preshape", r, x.reg, extents);
      else p.b.emit("reshape", dtypeOf(src.type.data), r, x.reg, extents);
      return r;
    }
    case "cat": {
      const a = lowerExpr(p, arg(e, 0));
      const b = lowerExpr(p, arg(e, 1));
      p.b.emit(isPrivateType(e.type) ? "pcat" : "cat", r, a.reg, b.reg, e.dimension ?? 0);
      return r;
    }
    case "domainid":
      if (e.domain === undefined) throw new Error("internal: __domainid without a domain");
      p.b.emit("domainid", r, p.program.domainOf(e.domain));
      return r;
    case "fpu_state":
      p.b.emit("fpuget", r);
      return r;
    case "set_fpu_state":
      p.b.emit("fpuset", lowerExpr(p, arg(e, 0)).reg);
      return r;
    default: {
      const never: never = e.name;
      return never;
    }
  }
}
