/**
 * The IR passes on hand-built control-flow graphs: jump threading redirects edges
 * through empty jump-only blocks (and stops on cycles), unreachable-block removal
 * keeps reachable blocks in order and renumbers every edge, move coalescing lets an
 * instruction write a variable directly when its temporary has no other use.
 */
import { describe, expect, it } from "vitest";
import type { IrBlock, IrInstr, IrProc, IrTerminator } from "../../../compiler/ir/ir.js";
import { coalesceMoves } from "../../../compiler/ir/passes/coalesce-moves.js";
import { removeUnreachable } from "../../../compiler/ir/passes/remove-unreachable.js";
import { threadJumps } from "../../../compiler/ir/passes/thread-jumps.js";
import { runPasses } from "../../../compiler/ir/pipeline.js";

const jump = (to: number): IrTerminator => ({ kind: "jump", to, span: undefined });
const branch = (ifTrue: number, ifFalse: number): IrTerminator => ({ kind: "branch", cond: 0, ifTrue, ifFalse, span: undefined });
const ret: IrTerminator = { kind: "return", src: null, span: undefined };

function block(id: number, t: IrTerminator, instrs = 0): IrBlock {
  return { id, instrs: Array.from({ length: instrs }, () => ({ op: "nop", args: [], span: undefined })), terminator: t };
}

function proc(blocks: IrBlock[]): IrProc {
  return { name: "p", params: 1, registers: 1, blocks };
}

describe("threadJumps", () => {
  it("follows chains of empty jump blocks", () => {
    const p = proc([block(0, branch(1, 2), 1), block(1, jump(3)), block(2, jump(1)), block(3, ret, 1)]);
    threadJumps(p);
    expect(p.blocks[0]!.terminator).toEqual(branch(3, 3));
    expect(p.blocks[2]!.terminator).toEqual(jump(3));
  });

  it("stops at a cycle of empty blocks", () => {
    const p = proc([block(0, jump(1), 1), block(1, jump(2)), block(2, jump(1))]);
    threadJumps(p);
    expect([1, 2]).toContain((p.blocks[0]!.terminator as { to: number }).to);
  });
});

describe("removeUnreachable", () => {
  it("drops blocks no path reaches and renumbers edges", () => {
    const p = proc([block(0, branch(2, 4), 1), block(1, ret, 1), block(2, jump(4), 1), block(3, jump(1), 1), block(4, ret, 1)]);
    removeUnreachable(p);
    expect(p.blocks.map((b) => b.id)).toEqual([0, 1, 2]);
    expect(p.blocks[0]!.terminator).toEqual(branch(1, 2));
    expect(p.blocks[1]!.terminator).toEqual(jump(2));
  });

  it("runs as part of the pipeline", () => {
    const p = proc([block(0, jump(1)), block(1, jump(3)), block(2, ret, 1), block(3, ret, 2)]);
    runPasses({ kinds: [], domains: [], structs: [], globals: [], procs: [p], interface: [], main: 0, init: -1 });
    expect(p.blocks.length).toBe(2);
    expect(p.blocks[0]!.terminator).toEqual(jump(1));
    expect(p.blocks[1]!.instrs.length).toBe(2);
  });
});

describe("coalesceMoves", () => {
  const ins = (op: string, ...args: IrInstr["args"]): IrInstr => ({ op, args, span: undefined });

  it("writes the variable directly when the temporary is used once", () => {
    const p: IrProc = {
      name: "p",
      params: 1,
      registers: 4,
      blocks: [{ id: 0, instrs: [ins("binop", "add", "int64", 2, 0, 1), ins("mov", 1, 2), ins("tostring", "int64", 3, 1), ins("print", 3)], terminator: ret }],
    };
    coalesceMoves(p);
    expect(p.blocks[0]!.instrs).toEqual([ins("binop", "add", "int64", 1, 0, 1), ins("tostring", "int64", 3, 1), ins("print", 3)]);
  });

  it("keeps moves of temporaries used elsewhere, of parameters, and into in-place operands", () => {
    const instrs = [
      ins("binop", "add", "int64", 2, 1, 1),
      ins("mov", 1, 2),
      ins("print", 2),
      ins("mov", 3, 0),
      ins("store", 4, [], 5),
      ins("mov", 6, 4),
    ];
    const p: IrProc = { name: "p", params: 1, registers: 7, blocks: [{ id: 0, instrs: [...instrs], terminator: ret }] };
    coalesceMoves(p);
    expect(p.blocks[0]!.instrs).toEqual(instrs);
  });
});
