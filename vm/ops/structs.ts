/**
 * Linkers for structs: snew (a struct of a layout with undefined fields), fget
 * (a reference to a field) and fset (stores by reference; the emitter copies when
 * value semantics need it, see vm/isa.ts).
 */
import type { Instruction } from "../bytecode.js";
import { VmError } from "../errors.js";
import type { LinkContext, Op } from "../link.js";
import { StructValue } from "../values.js";

export function linkStructOp(ins: Instruction, pc: number, ctx: LinkContext): Op | null {
  const a = ins.args as readonly number[];
  const next = pc + 1;
  switch (ins.op) {
    case "snew": {
      const [layout, d] = a as [number, number];
      const n = ctx.module.structs[layout]!.fields.length;
      return (m, r) => {
        r[d] = new StructValue(layout, new Array(n).fill(undefined));
        return next;
      };
    }
    case "fget": {
      const [d, s, field] = a as [number, number, number];
      return (m, r) => {
        const v = struct(r[s], field);
        r[d] = v.fields[field];
        return next;
      };
    }
    case "fset": {
      const [d, field, s] = a as [number, number, number];
      return (m, r) => {
        struct(r[d], field).fields[field] = r[s];
        return next;
      };
    }
    default:
      return null;
  }
}

function struct(v: unknown, field: number): StructValue {
  if (!(v instanceof StructValue) || field >= v.fields.length) {
    throw new VmError(`internal: field ${field} of a value that is not a struct with that field`);
  }
  return v;
}
