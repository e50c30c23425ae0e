/**
 * The loop lints (rules in rules.ts): walks every checked procedure body of the
 * user's modules, tracking whether the current node runs once per loop iteration
 * (loop bodies, conditions and steps; not a `for` initialiser), and reports
 * scalar private protocol calls (SC7001) and `declassify` (SC7002) there.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Lints } from "../diagnostics/messages/lints.js";
import type { BoundExpr, BoundStmt } from "../semantic/bound.js";
import type { ModuleInfo } from "../semantic/symbols.js";
import { span } from "../source/span.js";
import { exprChildren, stmtChildren, stmtExprs } from "./bound-children.js";
import type { CommunicationOracle } from "./communicates.js";

function isPrivate(e: BoundExpr): boolean {
  return e.type.sec.tag === "domain";
}

/** The operand as written: a scalar lifted to a vector for a vector definition counts as a scalar. */
function written(e: BoundExpr): BoundExpr {
  return e.kind === "ToVector" ? e.operand : e;
}

function scalarOperands(args: readonly BoundExpr[]): boolean {
  const ops = args.map(written);
  return ops.length > 0 && ops.every((a) => a.type.dim === 0) && ops.some(isPrivate);
}

function describe(e: BoundExpr): string {
  switch (e.kind) {
    case "OperatorCall":
      return `operator \`${e.op}\``;
    case "CastCall":
      return "this cast";
    case "Call":
      return `the call to \`${e.instance.proc.name}\``;
    default:
      return "this operation";
  }
}

export class LoopLinter {
  readonly out: Diagnostic[] = [];

  constructor(
    private readonly module: ModuleInfo,
    private readonly oracle: CommunicationOracle,
  ) {}

  stmt(s: BoundStmt, inLoop: boolean): void {
    switch (s.kind) {
      case "While":
      case "DoWhile":
        this.expr(s.cond, true);
        this.stmt(s.body, true);
        return;
      case "For":
        if (s.init !== undefined) {
          if (s.init.kind === "VarDecl") this.stmt(s.init, inLoop);
          else this.expr(s.init, inLoop);
        }
        if (s.cond !== undefined) this.expr(s.cond, true);
        if (s.step !== undefined) this.expr(s.step, true);
        this.stmt(s.body, true);
        return;
      default:
        for (const e of stmtExprs(s)) this.expr(e, inLoop);
        for (const c of stmtChildren(s)) this.stmt(c, inLoop);
    }
  }

  private expr(e: BoundExpr, inLoop: boolean): void {
    if (inLoop) this.check(e);
    for (const c of exprChildren(e)) this.expr(c, inLoop);
  }

  private check(e: BoundExpr): void {
    const at = span(this.module.file, e.syntax);
    if (e.kind === "Builtin" && e.name === "declassify") {
      this.out.push(
        Lints.declassifyInLoop.with(at, {
          help: ["compute the values in the loop, then declassify them together after it (one round for all)", "turn off with `--allow declassify-in-loop` or `// secc-allow: declassify-in-loop`"],
        }),
      );
      return;
    }
    if (e.kind !== "OperatorCall" && e.kind !== "Call" && e.kind !== "CastCall") return;
    const args = e.kind === "CastCall" ? [e.operand] : e.args;
    if (!scalarOperands(args) || !this.oracle.node(e)) return;
    this.out.push(
      Lints.scalarPrivateInLoop.with(
        at,
        {
          help: [
            "collect the operands in vectors and apply the operation once to the whole vectors: one protocol run, the same rounds as one iteration",
            "turn off with `--allow scalar-private-in-loop` or `// secc-allow: scalar-private-in-loop`",
          ],
        },
        describe(e),
      ),
    );
  }
}
