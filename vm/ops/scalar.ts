/**
 * Linkers for public scalar instructions: binop, unop, cast (generated monomorphic
 * closures from vm/kernels.ts), tostring, strlen, strbytes, bytesstr. An operator
 * that is not defined on its data type (e.g. `band` on float32) is a BytecodeError
 * at load time.
 */
import type { Instruction } from "../bytecode.js";
import { BytecodeError } from "../errors.js";
import { formatScalar } from "../format.js";
import { BINARY_OPS, DATA_TYPES, UNARY_OPS } from "../isa.js";
import { scalarBinary, scalarCast, scalarUnary } from "../kernels.js";
import type { LinkContext, Op } from "../link.js";
import { PubArray, type PublicScalar } from "../values.js";

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8");

export function linkScalarOp(ins: Instruction, pc: number, _ctx: LinkContext): Op | null {
  const a = ins.args as readonly number[];
  const next = pc + 1;
  switch (ins.op) {
    case "binop": {
      const op = BINARY_OPS[a[0]!]!;
      const type = DATA_TYPES[a[1]!]!;
      const f = scalarBinary(op, type);
      if (f === null) throw new BytecodeError(`binop ${op} is not defined on ${type}`);
      return f(a[2]!, a[3]!, a[4]!, next) as Op;
    }
    case "unop": {
      const op = UNARY_OPS[a[0]!]!;
      const type = DATA_TYPES[a[1]!]!;
      const f = scalarUnary(op, type);
      if (f === null) throw new BytecodeError(`unop ${op} is not defined on ${type}`);
      return f(a[2]!, a[3]!, next) as Op;
    }
    case "cast": {
      const from = DATA_TYPES[a[0]!]!;
      const to = DATA_TYPES[a[1]!]!;
      const f = scalarCast(from, to);
      if (f === null) throw new BytecodeError(`no cast from ${from} to ${to}`);
      return f(a[2]!, a[3]!, next) as Op;
    }
    case "tostring": {
      const type = DATA_TYPES[a[0]!]!;
      const [, d, s] = a as [number, number, number];
      return (m, r) => {
        r[d] = formatScalar(type, r[s] as PublicScalar);
        return next;
      };
    }
    case "strlen": {
      const [d, s] = a as [number, number];
      return (m, r) => {
        r[d] = BigInt(utf8.encode(r[s] as string).length);
        return next;
      };
    }
    case "strbytes": {
      const [d, s] = a as [number, number];
      return (m, r) => {
        const b = utf8.encode(r[s] as string);
        r[d] = new PubArray("uint8", [b.length], b);
        return next;
      };
    }
    case "bytesstr": {
      const [d, s] = a as [number, number];
      return (m, r) => {
        const v = r[s] as PubArray;
        r[d] = fromUtf8.decode(v.data as Uint8Array);
        return next;
      };
    }
    default:
      return null;
  }
}
