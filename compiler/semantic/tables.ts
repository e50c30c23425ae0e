/**
 * The language server's side tables (bound.ts `SideTables`), keyed by AST node
 * identity. Symbols of top-level declarations and names inside types are recorded
 * while checking; everything inside bodies (expression types, variable and callee
 * references, local declarations) is derived from the bound trees the first time a
 * table is read, so a plain `secc check` never pays for it. For template bodies the
 * first checked instantiation wins.
 */
import type * as ast from "../syntax/ast.js";
import type { BoundExpr, BoundGlobal, BoundStmt, SideTables } from "./bound.js";
import { boundChildren } from "./bound-walk.js";
import type { AnySymbol, ModuleInfo, ProcInstance } from "./symbols.js";
import type { Type } from "./types.js";

const exprKinds = new Set<string>([
  "IntLiteral", "FloatLiteral", "BoolLiteral", "StringLiteral", "Name", "Paren", "ArrayLiteral", "Unary",
  "IncDec", "Cast", "Binary", "Ternary", "Assign", "Comma", "Annotated", "Call", "Index", "Member", "Builtin",
]);

export class LazySideTables implements SideTables {
  private readonly types = new Map<ast.Expr, Type>();
  private readonly refs = new Map<ast.Node, AnySymbol>();
  private readonly decls = new Map<ast.Node, AnySymbol>();
  readonly modules = new Map<ast.Module, ModuleInfo>();
  private built = false;

  constructor(
    private readonly instances: readonly ProcInstance[],
    private readonly globals: readonly BoundGlobal[],
  ) {}

  get exprTypes(): Map<ast.Expr, Type> {
    this.build();
    return this.types;
  }

  get references(): Map<ast.Node, AnySymbol> {
    this.build();
    return this.refs;
  }

  get declarations(): Map<ast.Node, AnySymbol> {
    this.build();
    return this.decls;
  }

  /** Records a reference found while checking (names inside types, kind names...). */
  addReference(n: ast.Node, s: AnySymbol): void {
    if (!this.refs.has(n)) this.refs.set(n, s);
  }

  addDeclaration(n: ast.Node, s: AnySymbol): void {
    this.decls.set(n, s);
  }

  private build(): void {
    if (this.built) return;
    this.built = true;
    for (const g of this.globals) {
      for (const e of g.shape ?? []) this.expr(e);
      if (g.init) this.expr(g.init);
    }
    for (const inst of this.instances) {
      for (const p of inst.paramSymbols) this.setDecl(p.decl, p);
      if (inst.body) this.stmt(inst.body);
    }
  }

  private setDecl(n: ast.Node, s: AnySymbol): void {
    if (!this.decls.has(n)) this.decls.set(n, s);
  }

  private expr(e: BoundExpr): void {
    for (const c of boundChildren(e)) this.expr(c);
    const syntax = e.syntax;
    if (exprKinds.has(syntax.kind) && !this.types.has(syntax as ast.Expr)) this.types.set(syntax as ast.Expr, e.type);
    switch (e.kind) {
      case "Var":
        this.addReference(syntax, e.symbol);
        break;
      case "Call":
        this.addReference((syntax as ast.CallExpr).callee ?? syntax, e.instance.proc);
        break;
      case "OperatorCall":
      case "CastCall":
        this.addReference(syntax, e.instance.proc);
        break;
      default:
        break;
    }
  }

  private stmt(s: BoundStmt): void {
    switch (s.kind) {
      case "Block":
        for (const x of s.stmts) this.stmt(x);
        return;
      case "VarDecl":
        for (const d of s.declarators) {
          this.setDecl(d.syntax, d.symbol);
          for (const e of d.shape ?? []) this.expr(e);
          if (d.init) this.expr(d.init);
        }
        return;
      case "If":
        this.expr(s.cond);
        this.stmt(s.then);
        if (s.else) this.stmt(s.else);
        return;
      case "While":
      case "DoWhile":
        this.expr(s.cond);
        this.stmt(s.body);
        return;
      case "For":
        if (s.init) {
          if (s.init.kind === "VarDecl") this.stmt(s.init);
          else this.expr(s.init);
        }
        if (s.cond) this.expr(s.cond);
        if (s.step) this.expr(s.step);
        this.stmt(s.body);
        return;
      case "Return":
        if (s.value) this.expr(s.value);
        return;
      case "Assert":
        this.expr(s.cond);
        return;
      case "Print":
        for (const a of s.args) this.expr(a);
        return;
      case "Syscall":
        for (const a of s.args) this.expr(a.expr);
        return;
      case "ExprStmt":
        this.expr(s.expr);
        return;
      case "Break":
      case "Continue":
        return;
      default: {
        const never: never = s;
        return never;
      }
    }
  }
}
