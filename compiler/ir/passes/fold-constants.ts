/**
 * Constant folding inside each block (facts from block-facts.ts): an integer or
 * bool `binop`/`unop` of known constants becomes a `const` (the VM's wrapping
 * arithmetic; division, remainder and shifts are left to run time), `size` of a
 * value of known shape and an extent read from `shape` of one become `const`s, and
 * `assert` of a known `true` goes. Removing the now unused definitions is
 * remove-dead-code's job.
 */
import type { DataTypeName } from "../../../vm/isa.js";
import type { IrInstr, IrProc } from "../ir.js";
import { walkBlock, type ConstValue, type FactsView } from "./block-facts.js";
import { intWidth, wrapInt } from "./int-wrap.js";

const wrap = wrapInt;

function intOp(op: string, t: DataTypeName, x: bigint, y: bigint): ConstValue | undefined {
  switch (op) {
    case "add":
      return wrap(t, x + y);
    case "sub":
      return wrap(t, x - y);
    case "mul":
      return wrap(t, x * y);
    case "band":
      return wrap(t, x & y);
    case "bor":
      return wrap(t, x | y);
    case "bxor":
      return wrap(t, x ^ y);
    case "eq":
      return x === y;
    case "ne":
      return x !== y;
    case "lt":
      return x < y;
    case "le":
      return x <= y;
    case "gt":
      return x > y;
    case "ge":
      return x >= y;
    default:
      return undefined;
  }
}

function boolOp(op: string, x: boolean, y: boolean): ConstValue | undefined {
  switch (op) {
    case "band":
    case "land":
      return x && y;
    case "bor":
    case "lor":
      return x || y;
    case "bxor":
    case "ne":
      return x !== y;
    case "eq":
      return x === y;
    default:
      return undefined;
  }
}

const constant = (ins: IrInstr, dst: number, v: ConstValue): IrInstr => ({
  op: "const",
  args: [typeof v === "boolean" ? "bool" : "uint64", dst, v],
  span: ins.span,
});

function fold(ins: IrInstr, f: FactsView): IrInstr | null {
  const a = ins.args;
  switch (ins.op) {
    case "binop": {
      const [op, t, d, x, y] = a as [string, DataTypeName, number, number, number];
      const cx = f.consts.get(x);
      const cy = f.consts.get(y);
      if (cx === undefined || cy === undefined) return ins;
      let v: ConstValue | undefined;
      if (typeof cx === "bigint" && typeof cy === "bigint" && intWidth(t) !== undefined) v = intOp(op, t, cx, cy);
      else if (typeof cx === "boolean" && typeof cy === "boolean" && t === "bool") v = boolOp(op, cx, cy);
      if (v === undefined) return ins;
      return typeof v === "boolean" ? constant(ins, d, v) : { op: "const", args: [t, d, v], span: ins.span };
    }
    case "unop": {
      const [op, t, d, x] = a as [string, DataTypeName, number, number];
      const c = f.consts.get(x);
      if (typeof c === "boolean" && t === "bool" && (op === "not" || op === "bnot")) return constant(ins, d, !c);
      if (typeof c === "bigint" && intWidth(t) !== undefined && (op === "neg" || op === "bnot")) return { op: "const", args: [t, d, wrap(t, op === "neg" ? -c : ~c)], span: ins.span };
      return ins;
    }
    case "size": {
      const s = f.shapes.get(a[1] as number);
      return s === undefined ? ins : constant(ins, a[0] as number, BigInt(s.reduce((p, q) => p * q, 1)));
    }
    case "index": {
      const ext = f.shapeArrays.get(a[1] as number);
      const items = a[2] as readonly { kind: string; reg?: number }[];
      if (ext === undefined || items.length !== 1 || items[0]!.kind !== "index") return ins;
      const i = f.consts.get(items[0]!.reg!);
      return typeof i === "bigint" && i < BigInt(ext.length) ? constant(ins, a[0] as number, BigInt(ext[Number(i)]!)) : ins;
    }
    case "assert":
      return f.consts.get(a[0] as number) === true ? null : ins;
    default:
      return ins;
  }
}

export function foldConstants(proc: IrProc): void {
  for (const b of proc.blocks) {
    const r = walkBlock(b, fold);
    b.instrs.length = 0;
    b.instrs.push(...r.instrs);
  }
}
