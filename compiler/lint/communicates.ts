/**
 * Whether a procedure instance runs a communicating protocol (one with rounds > 0 in
 * vm/protocol-costs.ts), directly through a syscall or `declassify`, or through the
 * procedures, operators and casts it calls. Syscalls without a known protocol
 * (compiler/cost/syscall-protocols.ts) do not count: the lints only warn about what
 * they know. Memoised per instance; recursion counts as not communicating until shown.
 */
import { protocolsOf } from "../cost/syscall-protocols.js";
import type { BoundExpr, BoundStmt } from "../semantic/bound.js";
import type { ProcInstance } from "../semantic/symbols.js";
import { PROTOCOL_COSTS } from "../../vm/protocol-costs.js";
import { exprChildren, stmtChildren, stmtExprs } from "./bound-children.js";

/** Whether one call of syscall `name` needs a round of communication. */
export function syscallCommunicates(name: string): boolean {
  const p = protocolsOf(name);
  return p.kind === "protocols" && p.keys.some((k) => (PROTOCOL_COSTS[k]?.rounds ?? 0) > 0);
}

export class CommunicationOracle {
  private readonly memo = new Map<ProcInstance, boolean>();

  communicates(inst: ProcInstance): boolean {
    const known = this.memo.get(inst);
    if (known !== undefined) return known;
    this.memo.set(inst, false);
    const r = inst.body !== undefined && this.stmt(inst.body);
    this.memo.set(inst, r);
    return r;
  }

  private stmt(s: BoundStmt): boolean {
    if (s.kind === "Syscall" && syscallCommunicates(s.name)) return true;
    return stmtExprs(s).some((e) => this.expr(e)) || stmtChildren(s).some((c) => this.stmt(c));
  }

  /** Whether evaluating `e` (with its operands) communicates. */
  expr(e: BoundExpr): boolean {
    if (this.node(e)) return true;
    return exprChildren(e).some((c) => this.expr(c));
  }

  /** Whether `e` itself (not its operands) communicates. */
  node(e: BoundExpr): boolean {
    switch (e.kind) {
      case "OperatorCall":
      case "Call":
      case "CastCall":
        return this.communicates(e.instance);
      case "Builtin":
        return e.name === "declassify";
      default:
        return false;
    }
  }
}
