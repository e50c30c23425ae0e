/**
 * Inlining keeps provenance: every instruction and terminator copied from a callee
 * keeps its source position and gets, on its span, the chain of inlined calls it came
 * from (callee name and call span, innermost first), nested when the callee had
 * itself inlined code. Built from hand-written IR, so the expected chains are known.
 */
import { describe, expect, it } from "vitest";
import type { InlineSite, IrProc, IrProgram, IrSpan } from "../../../compiler/ir/ir.js";
import { inlineCalls } from "../../../compiler/ir/passes/inline-calls.js";
import { SourceFile } from "../../../compiler/source/source-file.js";

const file = new SourceFile("/virtual/prov.sc", "x".repeat(200));
const at = (start: number, end: number): IrSpan => ({ file, start, end });

// spans: inner's division, inner's return, mid's call of inner, mid's return,
// guard's fail, guard's branch, main's call of mid, main's call of guard, main's return
const S = {
  div: at(10, 15),
  innerRet: at(3, 16),
  callInner: at(40, 52),
  midRet: at(33, 53),
  fail: at(70, 80),
  branch: at(66, 69),
  callMid: at(100, 112),
  callGuard: at(120, 130),
  mainRet: at(140, 141),
};

/** inner(a, b) = a / b; mid(a, b) = inner(a, b); guard(c) fails unless c; main calls mid and guard. */
function program(): IrProgram {
  const inner: IrProc = {
    name: "inner",
    params: 2,
    registers: 3,
    blocks: [{ id: 0, instrs: [{ op: "binop", args: ["div", "int64", 2, 0, 1], span: S.div }], terminator: { kind: "return", src: 2, span: S.innerRet } }],
  };
  const mid: IrProc = {
    name: "mid",
    params: 2,
    registers: 3,
    blocks: [{ id: 0, instrs: [{ op: "call", args: [0, 2, [0, 1]], span: S.callInner }], terminator: { kind: "return", src: 2, span: S.midRet } }],
  };
  const guard: IrProc = {
    name: "guard",
    params: 1,
    registers: 1,
    blocks: [
      { id: 0, instrs: [], terminator: { kind: "branch", cond: 0, ifTrue: 2, ifFalse: 1, span: S.branch } },
      { id: 1, instrs: [], terminator: { kind: "fail", message: "guard failed", span: S.fail } },
      { id: 2, instrs: [], terminator: { kind: "return", src: null, span: S.branch } },
    ],
  };
  const main: IrProc = {
    name: "main",
    params: 0,
    registers: 4,
    blocks: [
      {
        id: 0,
        instrs: [
          { op: "const", args: ["int64", 0, 7n], span: S.callMid },
          { op: "const", args: ["int64", 1, 0n], span: S.callMid },
          { op: "call", args: [1, 2, [0, 1]], span: S.callMid },
          { op: "const", args: ["bool", 3, false], span: S.callGuard },
          { op: "call", args: [2, null, [3]], span: S.callGuard },
        ],
        terminator: { kind: "return", src: null, span: S.mainRet },
      },
    ],
  };
  return { kinds: [], domains: [], structs: [], globals: [], procs: [inner, mid, guard, main], interface: [], main: 3, init: -1 };
}

/** The chain of a span as `callee@start-end` strings, innermost first. */
function chain(s: IrSpan | undefined): string[] {
  const out: string[] = [];
  for (let site: InlineSite | undefined = s?.inlined; site !== undefined; site = site.parent) {
    out.push(`${site.callee}@${site.call?.start}-${site.call?.end}`);
  }
  return out;
}

describe("inlining provenance", () => {
  const p = program();
  inlineCalls(p);
  const main = p.procs[3]!;
  const instrs = main.blocks.flatMap((b) => b.instrs);
  const terminators = main.blocks.map((b) => b.terminator!);

  it("inlines everything into main (no call is left)", () => {
    expect(instrs.filter((i) => i.op === "call")).toEqual([]);
  });

  it("code inlined twice deep carries both calls, innermost first, and keeps its position", () => {
    const div = instrs.find((i) => i.op === "binop")!;
    expect([div.span?.start, div.span?.end]).toEqual([10, 15]);
    expect(chain(div.span)).toEqual(["inner@40-52", "mid@100-112"]);
  });

  it("terminators are marked too: a callee's fail, branch and returns (now jumps)", () => {
    const fail = terminators.find((t) => t.kind === "fail")!;
    expect(fail).toMatchObject({ kind: "fail", message: "guard failed", span: { start: 70, end: 80 } });
    expect(chain(fail.span)).toEqual(["guard@120-130"]);
    const branch = terminators.find((t) => t.kind === "branch")!;
    expect(chain(branch.span)).toEqual(["guard@120-130"]);
    const fromInnerReturn = terminators.find((t) => t.kind === "jump" && t.span?.start === 3)!;
    expect(chain(fromInnerReturn.span)).toEqual(["inner@40-52", "mid@100-112"]);
    const fromMidReturn = terminators.find((t) => t.kind === "jump" && t.span?.start === 33)!;
    expect(chain(fromMidReturn.span)).toEqual(["mid@100-112"]);
  });

  it("call-site markers are code of the caller: main's unmarked, mid's (calling inner) marked as mid's", () => {
    const nops = instrs.filter((i) => i.op === "nop");
    expect(nops.map((n) => [n.span?.start, chain(n.span)])).toEqual([
      [100, []],
      [40, ["mid@100-112"]],
      [120, []],
    ]);
    const ret = terminators.find((t) => t.kind === "return")!;
    expect(ret.span).toBe(S.mainRet);
    expect(chain(ret.span)).toEqual([]);
  });

  it("the callee procedures keep their own spans (mid only has inner's site)", () => {
    const midDiv = p.procs[1]!.blocks.flatMap((b) => b.instrs).find((i) => i.op === "binop")!;
    expect(chain(midDiv.span)).toEqual(["inner@40-52"]);
    expect(p.procs[0]!.blocks[0]!.instrs[0]!.span).toBe(S.div);
  });
});
