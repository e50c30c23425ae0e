/**
 * The optimiser's passes on hand-built procedures: block merging joins single-entry
 * chains, dead-code removal keeps effects and what is live, constant folding uses
 * the VM's wrapping arithmetic and known shapes, loop unrolling finds trip counts
 * by running the comparison and step (and refuses loops it cannot count), and
 * natural loops are found from back edges.
 */
import { describe, expect, it } from "vitest";
import type { IrBlock, IrInstr, IrProc, IrTerminator } from "../../../compiler/ir/ir.js";
import { naturalLoops } from "../../../compiler/ir/passes/cfg.js";
import { foldConstants } from "../../../compiler/ir/passes/fold-constants.js";
import { mergeBlocks } from "../../../compiler/ir/passes/merge-blocks.js";
import { removeDeadCode } from "../../../compiler/ir/passes/remove-dead-code.js";
import { removeUnreachable } from "../../../compiler/ir/passes/remove-unreachable.js";
import { threadJumps } from "../../../compiler/ir/passes/thread-jumps.js";
import { unrollLoops } from "../../../compiler/ir/passes/unroll-loops.js";

const ins = (op: string, ...args: IrInstr["args"]): IrInstr => ({ op, args, span: undefined });
const jump = (to: number): IrTerminator => ({ kind: "jump", to, span: undefined });
const branch = (cond: number, ifTrue: number, ifFalse: number): IrTerminator => ({ kind: "branch", cond, ifTrue, ifFalse, span: undefined });
const ret: IrTerminator = { kind: "return", src: null, span: undefined };
const block = (id: number, instrs: IrInstr[], terminator: IrTerminator): IrBlock => ({ id, instrs, terminator });
const proc = (blocks: IrBlock[], registers = 32): IrProc => ({ name: "p", params: 0, registers, blocks });
const clean = (p: IrProc): void => {
  threadJumps(p);
  removeUnreachable(p);
};

/** A counted loop: r1 = start; while (r1 OP limit) { print r1; r1 = r1 + step }. */
function counted(type: string, start: bigint, op: string, limit: bigint, step: bigint): IrProc {
  return proc([
    block(0, [ins("const", type, 1, start)], jump(1)),
    block(1, [ins("const", type, 2, limit), ins("binop", op, type, 3, 1, 2)], branch(3, 2, 3)),
    block(2, [ins("tostring", type, 4, 1), ins("print", 4), ins("const", type, 5, step), ins("binop", "add", type, 1, 1, 5)], jump(1)),
    block(3, [], ret),
  ]);
}

const prints = (p: IrProc): number => p.blocks.reduce((n, b) => n + b.instrs.filter((i) => i.op === "print").length, 0);

describe("unrollLoops", () => {
  it("unrolls `for (i = 0; i < 5; ++i)` into five copies in one straight line", () => {
    const p = counted("uint64", 0n, "lt", 5n, 1n);
    unrollLoops(p, clean);
    mergeBlocks(p);
    clean(p);
    expect(naturalLoops(p)).toEqual([]);
    expect(prints(p)).toBe(5);
    expect(p.blocks.length).toBe(1);
  });

  it("counts with wrapping: uint8 from 250 by 5 until != 4 runs twice (250, 255)", () => {
    const p = counted("uint8", 250n, "ne", 4n, 5n);
    unrollLoops(p, clean);
    expect(prints(p)).toBe(2);
  });

  it("a loop that never runs becomes the exit path", () => {
    const p = counted("int32", 3n, "lt", 3n, 1n);
    unrollLoops(p, clean);
    expect(prints(p)).toBe(0);
    expect(naturalLoops(p)).toEqual([]);
  });

  it("leaves loops it cannot count: too many trips, an unknown start, a second exit", () => {
    const many = counted("uint64", 0n, "lt", 100000n, 1n);
    unrollLoops(many, clean);
    expect(naturalLoops(many).length).toBe(1);
    const unknown = counted("uint64", 0n, "lt", 5n, 1n);
    unknown.blocks[0]!.instrs.length = 0;
    unrollLoops(unknown, clean);
    expect(naturalLoops(unknown).length).toBe(1);
    const exit2 = counted("uint64", 0n, "lt", 5n, 1n);
    exit2.blocks[2]!.terminator = branch(4, 3, 1);
    unrollLoops(exit2, clean);
    expect(naturalLoops(exit2).length).toBe(1);
  });
});

describe("mergeBlocks", () => {
  it("joins a chain of single-entry blocks but not a block with two predecessors", () => {
    const p = proc([
      block(0, [ins("nop")], branch(0, 1, 2)),
      block(1, [ins("nop")], jump(3)),
      block(2, [ins("nop")], jump(3)),
      block(3, [ins("nop")], jump(4)),
      block(4, [ins("nop")], ret),
    ]);
    mergeBlocks(p);
    clean(p);
    expect(p.blocks.map((b) => b.instrs.length)).toEqual([1, 1, 1, 2]);
  });
});

describe("foldConstants", () => {
  it("folds wrapping arithmetic, comparisons, size of a known shape and assert true", () => {
    const p = proc([
      block(
        0,
        [
          ins("const", "uint8", 1, 200n),
          ins("const", "uint8", 2, 100n),
          ins("binop", "add", "uint8", 3, 1, 2),
          ins("binop", "lt", "uint8", 4, 3, 1),
          ins("assert", 4),
          ins("const", "uint64", 5, 3n),
          ins("pnew", 0, "uint32", 6, null, [5]),
          ins("size", 7, 6),
          ins("binop", "div", "uint8", 8, 1, 2),
        ],
        ret,
      ),
    ]);
    foldConstants(p);
    const out = p.blocks[0]!.instrs;
    expect(out[2]).toEqual(ins("const", "uint8", 3, 44n));
    expect(out[3]).toEqual(ins("const", "bool", 4, true));
    expect(out.some((i) => i.op === "assert")).toBe(false);
    expect(out).toContainEqual(ins("const", "uint64", 7, 3n));
    expect(out[out.length - 1]).toEqual(ins("binop", "div", "uint8", 8, 1, 2));
  });
});

describe("removeDeadCode", () => {
  it("removes unused pure definitions and keeps effects, failing instructions and live values", () => {
    const p = proc([
      block(
        0,
        [
          ins("const", "uint64", 1, 1n),
          ins("const", "uint64", 2, 2n),
          ins("binop", "div", "uint64", 3, 1, 2),
          ins("binop", "add", "uint64", 4, 1, 2),
          ins("tostring", "uint64", 5, 2),
          ins("print", 5),
        ],
        jump(1),
      ),
      block(1, [], { kind: "return", src: 1, span: undefined }),
    ]);
    removeDeadCode(p);
    expect(p.blocks[0]!.instrs.map((i) => i.op)).toEqual(["const", "const", "binop", "tostring", "print"]);
    expect(p.blocks[0]!.instrs[2]!.args[0]).toBe("div");
  });
});
