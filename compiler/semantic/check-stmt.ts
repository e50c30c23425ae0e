/**
 * Statement checking: blocks and local declarations, control flow with public bool
 * conditions, `return` against the procedure's result type (classifying a public
 * value when the result is private), `assert`, `print` of public scalars and strings,
 * and `__syscall` argument rules (secrec-reference.md §5): a constant name, no bare
 * strings pushed by value, `__return`/`__ref` on public variables, `__cref` of
 * public values, at most one `__return`.
 */
import { Security } from "../diagnostics/messages/security.js";
import { Types } from "../diagnostics/messages/types.js";
import type * as ast from "../syntax/ast.js";
import type { BoundDeclarator, BoundExpr, BoundStmt, BoundSyscallArg, BoundVarDecl } from "./bound.js";
import { checkStringLiteral } from "./check-expr-builtins.js";
import { checkCondition, checkExpr, checkIndexValue, isLValue } from "./check-expr.js";
import type { BodyContext } from "./context.js";
import { coerce } from "./conversions.js";
import type { VarSymbol } from "./symbols.js";
import type { Type } from "./types.js";
import { expectedOf, isError, isVoid, typeName } from "./types.js";

export function checkBlock(cx: BodyContext, b: ast.Block): BoundStmt {
  cx.enterBlock();
  const stmts = checkStmts(cx, b.stmts);
  cx.leaveBlock();
  return { kind: "Block", stmts, syntax: b };
}

export function checkStmts(cx: BodyContext, list: readonly ast.Stmt[]): BoundStmt[] {
  const out: BoundStmt[] = [];
  for (const s of list) {
    const b = checkStmt(cx, s);
    if (b) out.push(b);
  }
  return out;
}

function checkBody(cx: BodyContext, s: ast.Stmt): BoundStmt {
  // a statement in a branch or loop body gets its own scope
  cx.enterBlock();
  const b = checkStmt(cx, s) ?? { kind: "Block", stmts: [], syntax: s };
  cx.leaveBlock();
  return b;
}

function checkLoopBody(cx: BodyContext, s: ast.Stmt): BoundStmt {
  cx.loopDepth++;
  const b = checkBody(cx, s);
  cx.loopDepth--;
  return b;
}

export function checkStmt(cx: BodyContext, s: ast.Stmt): BoundStmt | undefined {
  switch (s.kind) {
    case "Block":
      return checkBlock(cx, s);
    case "VarDecl":
      return checkVarDecl(cx, s, "local");
    case "If": {
      const cond = checkCondition(cx, s.cond, "an `if` statement");
      const then = checkBody(cx, s.then);
      const otherwise = s.else ? checkBody(cx, s.else) : undefined;
      return { kind: "If", cond, then, else: otherwise, syntax: s };
    }
    case "While": {
      const cond = checkCondition(cx, s.cond, "a `while` loop");
      return { kind: "While", cond, body: checkLoopBody(cx, s.body), syntax: s };
    }
    case "DoWhile": {
      const body = checkLoopBody(cx, s.body);
      const cond = checkCondition(cx, s.cond, "a `do ... while` loop");
      return { kind: "DoWhile", body, cond, syntax: s };
    }
    case "For":
      return checkFor(cx, s);
    case "Break":
    case "Continue":
      if (cx.loopDepth === 0) {
        cx.report((s.kind === "Break" ? Types.breakOutsideLoop : Types.continueOutsideLoop).at(cx.span(s)));
      }
      return { kind: s.kind, syntax: s };
    case "Return":
      return checkReturn(cx, s);
    case "Assert":
      return { kind: "Assert", cond: checkCondition(cx, s.cond, "`assert`"), syntax: s };
    case "Print":
      return { kind: "Print", args: s.args.map((a) => checkPrintArg(cx, a)), syntax: s };
    case "Syscall":
      return checkSyscall(cx, s);
    case "ExprStmt":
      return { kind: "ExprStmt", expr: checkExpr(cx, s.expr), syntax: s };
    case "Empty":
    case "ErrorStmt":
      return undefined;
    default: {
      const never: never = s;
      return never;
    }
  }
}

function checkFor(cx: BodyContext, s: ast.ForStmt): BoundStmt {
  cx.enterBlock();
  const init = s.init === undefined ? undefined : s.init.kind === "VarDecl" ? checkVarDecl(cx, s.init, "local") : checkExpr(cx, s.init);
  const cond = s.cond ? checkCondition(cx, s.cond, "a `for` loop") : undefined;
  const step = s.step ? checkExpr(cx, s.step) : undefined;
  const body = checkLoopBody(cx, s.body);
  cx.leaveBlock();
  return { kind: "For", init, cond, step, body, syntax: s };
}

/**
 * A declaration `T a, b(3), c = e;` (local, or global when `declareGlobal` gives the
 * already-created symbols). Extents are public uint64 scalars, one per dimension;
 * the initialiser is typed with the declared type as context and may be classified
 * or, for arrays, be a scalar that fills.
 */
export function checkVarDecl(
  cx: BodyContext,
  d: ast.VarDecl,
  storage: "local" | "global",
  globals?: readonly VarSymbol[],
): BoundVarDecl {
  const type = globals?.[0]?.type ?? cx.resolveType(d.type);
  const declarators: BoundDeclarator[] = [];
  d.declarators.forEach((decl, i) => {
    const shape = decl.shape ? checkShape(cx, decl, type) : undefined;
    let init: BoundExpr | undefined;
    if (decl.init) {
      const value = checkExpr(cx, decl.init, expectedOf(type));
      init = coerce(cx, value, type, "init");
    }
    const symbol = storage === "global" ? (globals?.[i] as VarSymbol) : cx.declare(decl.name, type, decl, "local");
    if (storage === "global" && cx.globalsReady) cx.globalsReady.add(symbol);
    declarators.push({ symbol, shape, init, syntax: decl });
  });
  return { kind: "VarDecl", declarators, syntax: d };
}

function checkShape(cx: BodyContext, decl: ast.Declarator, type: Type): BoundExpr[] {
  const shape = (decl.shape ?? []).map((e) => checkIndexValue(cx, e, "the extents of an array"));
  if (isError(type)) return shape;
  if (type.dim === 0) cx.report(Types.shapeOnScalar.at(cx.span(decl.name)));
  else if (shape.length !== type.dim) cx.report(Types.shapeCount.at(cx.span(decl.name), type.dim, shape.length));
  return shape;
}

function checkReturn(cx: BodyContext, s: ast.ReturnStmt): BoundStmt {
  const ret = cx.returnType;
  if (!s.value) {
    if (ret && !isVoid(ret) && !isError(ret)) cx.report(Types.missingReturnValue.at(cx.span(s), typeName(ret)));
    return { kind: "Return", value: undefined, syntax: s };
  }
  if (!ret || isVoid(ret)) {
    checkExpr(cx, s.value);
    cx.report(Types.returnInVoid.at(cx.span(s.value)));
    return { kind: "Return", value: undefined, syntax: s };
  }
  const value = checkExpr(cx, s.value, expectedOf(ret));
  return { kind: "Return", value: coerce(cx, value, ret, "return"), syntax: s };
}

function checkPrintArg(cx: BodyContext, a: ast.Expr): BoundExpr {
  const b = checkExpr(cx, a);
  const t = b.type;
  if (isError(t)) return b;
  if (t.sec.tag === "domain") {
    cx.report(
      Security.secretOutput.with(cx.span(a), { help: ["`print(declassify(x))` shows the value to every party"] }, "`print`", t.sec.domain.name),
    );
  } else if (isVoid(t) || t.dim !== 0 || t.data.tag !== "prim") {
    cx.report(Types.printArgument.at(cx.span(a), typeName(t)));
  }
  return b;
}

function checkSyscall(cx: BodyContext, s: ast.SyscallStmt): BoundStmt {
  const name = checkStringLiteral(cx, s.name, "syscall");
  const args: BoundSyscallArg[] = [];
  let returns = 0;
  for (const a of s.args) {
    const expr = checkExpr(cx, a.expr);
    args.push({ mode: a.mode, expr, syntax: a });
    if (a.mode === "return" && ++returns === 2) cx.report(Types.multipleReturnArgs.at(cx.span(a)));
    if (isError(expr.type)) continue;
    if (isVoid(expr.type)) {
      cx.report(Types.voidValue.at(cx.span(a.expr)));
      continue;
    }
    checkSyscallArg(cx, a, expr);
  }
  const constant = name.kind === "Literal" && typeof name.value === "string" ? name.value : "";
  return { kind: "Syscall", name: constant, args, syntax: s };
}

function checkSyscallArg(cx: BodyContext, a: ast.SyscallArg, expr: BoundExpr): void {
  switch (a.mode) {
    case "push":
    case "readonly":
      if (a.expr.kind === "StringLiteral") cx.report(Types.syscallStringPush.at(cx.span(a.expr)));
      return;
    case "return":
    case "ref":
      if (!isLValue(expr)) {
        cx.report(Types.syscallNeedsVariable.at(cx.span(a.expr), a.mode === "ref" ? "__ref" : "__return"));
        return;
      }
      if (expr.type.sec.tag === "domain") cx.report(Security.secretSyscallRef.at(cx.span(a.expr), a.mode === "ref" ? "__ref" : "__return"));
      else if (a.mode === "return" && (expr.type.dim !== 0 || expr.type.data.tag !== "prim")) {
        cx.report(Types.syscallReturnScalar.at(cx.span(a.expr), typeName(expr.type)));
      }
      return;
    case "cref":
      if (expr.type.sec.tag === "domain") cx.report(Security.secretSyscallRef.at(cx.span(a.expr), "__cref"));
      return;
    default: {
      const never: never = a.mode;
      return never;
    }
  }
}
