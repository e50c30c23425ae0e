/**
 * Linkers for control flow, moves, constants, globals and output: nop, jmp, jt,
 * jf, call, ret, assert, error, const, mov, copy, gget, gset, print, fpuget,
 * fpuset. Each returns the specialised closure, or null for other instructions.
 */
import type { Constant, Instruction } from "../bytecode.js";
import { BytecodeError, VmError } from "../errors.js";
import { DATA_TYPES, isBigType, isFloatType, type DataTypeName } from "../isa.js";
import type { LinkContext, Op } from "../link.js";
import type { PublicScalar } from "../values.js";

export function linkControlOp(ins: Instruction, pc: number, ctx: LinkContext): Op | null {
  const a = ins.args as readonly number[];
  const next = pc + 1;
  switch (ins.op) {
    case "nop":
      return () => next;
    case "jmp": {
      const to = a[0]!;
      return () => to;
    }
    case "jt": {
      const [c, to] = a as [number, number];
      return (m, r) => (r[c] === true ? to : next);
    }
    case "jf": {
      const [c, to] = a as [number, number];
      return (m, r) => (r[c] === true ? next : to);
    }
    case "call": {
      const proc = a[0]!;
      const dst = a[1]!;
      const args = ins.args[2] as readonly number[];
      return (m, r) => {
        m.call(proc, args, r, dst);
        return next;
      };
    }
    case "ret": {
      const src = a[0]!;
      if (src < 0)
        return (m) => {
          m.ret(undefined);
          return next;
        };
      return (m, r) => {
        m.ret(r[src]);
        return next;
      };
    }
    case "assert": {
      const c = a[0]!;
      return (m, r) => {
        if (r[c] !== true) throw new VmError("assert failed");
        return next;
      };
    }
    case "error": {
      const msg = ctx.string(a[0]!);
      return () => {
        throw new VmError(msg);
      };
    }
    case "const": {
      const type = DATA_TYPES[a[0]!]!;
      const d = a[1]!;
      const v = constantValue(ctx.module.constants[a[2]!]!, type);
      return (m, r) => {
        r[d] = v;
        return next;
      };
    }
    case "mov": {
      const [d, s] = a as [number, number];
      return (m, r) => {
        r[d] = r[s];
        return next;
      };
    }
    case "copy": {
      const [d, s] = a as [number, number];
      return (m, r) => {
        m.settle(m.clone(r[s]), (v) => (r[d] = v));
        return next;
      };
    }
    case "gget": {
      const [d, g] = a as [number, number];
      return (m, r) => {
        m.settle(m.clone(m.globals[g]), (v) => (r[d] = v));
        return next;
      };
    }
    case "gset": {
      const [g, s] = a as [number, number];
      return (m, r) => {
        m.settle(m.clone(r[s]), (v) => (m.globals[g] = v));
        return next;
      };
    }
    case "print": {
      const s = a[0]!;
      return (m, r) => {
        m.host.print(String(r[s]));
        return next;
      };
    }
    case "fpuget": {
      const d = a[0]!;
      return (m, r) => {
        r[d] = m.fpuState;
        return next;
      };
    }
    case "fpuset": {
      const s = a[0]!;
      return (m, r) => {
        const v = r[s];
        m.fpuState = typeof v === "bigint" ? v : 0n;
        return next;
      };
    }
    default:
      return null;
  }
}

/** A constant converted to a scalar of `type` (ints wrap, floats round). */
export function constantValue(c: Constant, type: DataTypeName): PublicScalar {
  switch (c.kind) {
    case "string":
      if (type !== "string") throw new BytecodeError(`string constant loaded as ${type}`);
      return c.value;
    case "int":
      return intConstant(c.value, type);
    case "float":
      if (type === "float64") return c.value;
      if (type === "float32") return Math.fround(c.value);
      if (type === "bool") return c.value !== 0;
      if (type === "string") throw new BytecodeError("float constant loaded as string");
      return intConstant(BigInt(Number.isFinite(c.value) ? Math.trunc(c.value) : 0), type);
    default: {
      const never: never = c;
      return never;
    }
  }
}

function intConstant(v: bigint, type: DataTypeName): PublicScalar {
  if (type === "string") throw new BytecodeError("integer constant loaded as string");
  if (type === "bool") return v !== 0n;
  if (isFloatType(type)) return type === "float32" ? Math.fround(Number(v)) : Number(v);
  if (isBigType(type)) return type === "int64" ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v);
  const bits = type.endsWith("8") ? 8 : type.endsWith("16") ? 16 : 32;
  return Number(type.startsWith("u") ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v));
}
