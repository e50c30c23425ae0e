/**
 * Parser layer: statements (secrec-reference.md §2 "Statements", §5 `__syscall`),
 * blocks with statement-level recovery, and variable declarations.
 */
import { isRecognitionException, type IToken } from "chevrotain";
import type * as A from "./ast.js";
import { Syntax } from "../diagnostics/messages/syntax.js";
import { describeToken } from "./errors.js";
import { maxStatementDepth, noResync } from "./parser-base.js";
import { ExpressionsParser } from "./parse-expressions.js";
import * as T from "./tokens.js";

export abstract class StatementsParser extends ExpressionsParser {
  /** block := '{' statement* '}' */
  protected block = this.RULE(
    "block",
    (): A.Block => {
      const open = this.CONSUME(T.LBrace);
      const stmts: A.Stmt[] = [];
      this.MANY({
        // a declaration keyword at the start of a line ends a block left open
        GATE: () => !this.atDeclarationKeyword(),
        DEF: () => {
          const before = this.LA(1);
          try {
            stmts.push(this.SUBRULE(this.statement));
          } catch (e) {
            if (!isRecognitionException(e as Error)) throw e;
            stmts.push(this.recoverStatement(before));
          }
        },
      });
      let close: IToken | undefined;
      this.OPTION(() => (close = this.CONSUME(T.RBrace)));
      return this.ACTION((): A.Block => {
        const t = this.LA(1);
        const at = this.tStart(t);
        // one report per place where blocks are left open (nested blocks end together)
        if (close === undefined && at !== this.unclosedAt) {
          this.unclosedAt = at;
          this.report(
            Syntax.expected.with(
              this.spanOf({ start: at, end: at }),
              { related: [{ span: this.tokenSpan(open), message: "this '{' is not closed" }] },
              "'}'",
              " to close the block",
              describeToken(t),
            ),
          );
        }
        return { kind: "Block", stmts, start: this.tStart(open), end: close ? this.tEnd(close) : this.prevEnd() };
      });
    },
    noResync,
  );

  protected statement = this.RULE(
    "statement",
    (): A.Stmt => {
      this.tooDeep(++this.stmtDepth, maxStatementDepth, "statements");
      try {
        return this.OR(this.once("statement", () => ({
        MAX_LOOKAHEAD: 1,
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.block) },
          {
            ALT: () => {
              const t = this.CONSUME(T.Semicolon);
              return { kind: "Empty", start: this.tStart(t), end: this.tEnd(t) };
            },
          },
          { ALT: () => this.SUBRULE(this.ifStatement) },
          { ALT: () => this.SUBRULE(this.whileStatement) },
          { ALT: () => this.SUBRULE(this.doWhileStatement) },
          { ALT: () => this.SUBRULE(this.forStatement) },
          { ALT: () => this.SUBRULE(this.breakStatement) },
          { ALT: () => this.SUBRULE(this.continueStatement) },
          { ALT: () => this.SUBRULE(this.returnStatement) },
          { ALT: () => this.SUBRULE(this.assertStatement) },
          { ALT: () => this.SUBRULE(this.printStatement) },
          { ALT: () => this.SUBRULE(this.syscallStatement) },
          { ALT: () => this.SUBRULE(this.declOrExprStatement) },
          {
            ALT: () => {
              const t = this.CONSUME(T.AnyToken);
              return this.ACTION(() => this.strayStatement(t));
            },
          },
        ],
      })));
      } finally {
        this.stmtDepth--;
      }
    },
    noResync,
  );

  /** A declaration or an expression statement, told apart by `isDeclStart`. */
  protected declOrExprStatement = this.RULE(
    "declOrExprStatement",
    (): A.VarDecl | A.ExprStmt =>
      this.OR(
        this.once("declOrExpr", () => ({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            { GATE: () => this.isDeclStart(), ALT: (): A.VarDecl | A.ExprStmt => this.SUBRULE(this.varDeclStatement) },
            { ALT: (): A.VarDecl | A.ExprStmt => this.SUBRULE(this.exprStatement) },
          ],
        })),
      ),
    noResync,
  );

  /** var_decl := type declarator (',' declarator)* ';' */
  protected varDeclStatement = this.RULE(
    "varDeclStatement",
    (): A.VarDecl => {
      const type = this.SUBRULE(this.typeExpr);
      const declarators = this.SUBRULE(this.declarators);
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "VarDecl", type, declarators, start: type.start, end: this.tEnd(semi) };
    },
    noResync,
  );

  protected declarators = this.RULE(
    "declarators",
    (): A.Declarator[] => {
      const list = [this.SUBRULE(this.declarator)];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        list.push(this.SUBRULE2(this.declarator));
      });
      return list;
    },
    noResync,
  );

  /** declarator := ID [ '(' args ')' ] [ '=' expr ] */
  protected declarator = this.RULE(
    "declarator",
    (): A.Declarator => {
      const name = this.ident(this.CONSUME(T.Identifier));
      let shape: A.Expr[] | undefined;
      let init: A.Expr | undefined;
      let end = name.end;
      this.OPTION(() => {
        this.CONSUME(T.LParen);
        shape = this.SUBRULE(this.argList);
        end = this.tEnd(this.CONSUME(T.RParen));
      });
      this.OPTION2(() => {
        const eq = this.CONSUME(T.Assign);
        try {
          init = this.SUBRULE(this.assignment);
        } catch (e) {
          if (!isRecognitionException(e as Error)) throw e;
          init = this.recoverInitializer(eq);
        }
      });
      return this.ACTION(() => ({ kind: "Declarator", name, shape, init, start: name.start, end: init?.end ?? end }));
    },
    noResync,
  );

  protected ifStatement = this.RULE(
    "ifStatement",
    (): A.IfStmt => {
      const kw = this.CONSUME(T.If);
      this.CONSUME(T.LParen);
      const cond = this.SUBRULE(this.expression);
      this.CONSUME(T.RParen);
      const then = this.SUBRULE(this.statement);
      let otherwise: A.Stmt | undefined;
      this.OPTION(() => {
        this.CONSUME(T.Else);
        otherwise = this.SUBRULE2(this.statement);
      });
      return this.ACTION(() => ({ kind: "If", cond, then, else: otherwise, start: this.tStart(kw), end: (otherwise ?? then).end }));
    },
    noResync,
  );

  protected whileStatement = this.RULE(
    "whileStatement",
    (): A.WhileStmt => {
      const kw = this.CONSUME(T.While);
      this.CONSUME(T.LParen);
      const cond = this.SUBRULE(this.expression);
      this.CONSUME(T.RParen);
      const body = this.SUBRULE(this.statement);
      return { kind: "While", cond, body, start: this.tStart(kw), end: body.end };
    },
    noResync,
  );

  protected doWhileStatement = this.RULE(
    "doWhileStatement",
    (): A.DoWhileStmt => {
      const kw = this.CONSUME(T.Do);
      const body = this.SUBRULE(this.statement);
      this.CONSUME(T.While);
      this.CONSUME(T.LParen);
      const cond = this.SUBRULE(this.expression);
      this.CONSUME(T.RParen);
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "DoWhile", body, cond, start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  /** for := 'for' '(' [init] ';' [expr] ';' [expr] ')' statement ; init := var_decl_no_semi | expr */
  protected forStatement = this.RULE(
    "forStatement",
    (): A.ForStmt => {
      const kw = this.CONSUME(T.For);
      this.CONSUME(T.LParen);
      let init: A.VarDecl | A.Expr | undefined;
      let cond: A.Expr | undefined;
      let step: A.Expr | undefined;
      this.OPTION(() => {
        init = this.OR(this.once("forInit", () => ({
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => this.isDeclStart(),
              ALT: () => {
                const type = this.SUBRULE(this.typeExpr);
                const declarators = this.SUBRULE(this.declarators);
                return this.ACTION((): A.VarDecl => ({ kind: "VarDecl", type, declarators, start: type.start, end: (declarators[declarators.length - 1] as A.Declarator).end }));
              },
            },
            { ALT: () => this.SUBRULE(this.expression) },
          ],
        })));
      });
      this.CONSUME(T.Semicolon);
      this.OPTION2(() => (cond = this.SUBRULE2(this.expression)));
      this.CONSUME2(T.Semicolon);
      this.OPTION3(() => (step = this.SUBRULE3(this.expression)));
      this.CONSUME(T.RParen);
      const body = this.SUBRULE(this.statement);
      return { kind: "For", init, cond, step, body, start: this.tStart(kw), end: body.end };
    },
    noResync,
  );

  protected breakStatement = this.RULE(
    "breakStatement",
    (): A.BreakStmt => {
      const kw = this.CONSUME(T.Break);
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "Break", start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  protected continueStatement = this.RULE(
    "continueStatement",
    (): A.ContinueStmt => {
      const kw = this.CONSUME(T.Continue);
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "Continue", start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  protected returnStatement = this.RULE(
    "returnStatement",
    (): A.ReturnStmt => {
      const kw = this.CONSUME(T.Return);
      let value: A.Expr | undefined;
      this.OPTION(() => (value = this.SUBRULE(this.expression)));
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "Return", value, start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  protected assertStatement = this.RULE(
    "assertStatement",
    (): A.AssertStmt => {
      const kw = this.CONSUME(T.Assert);
      this.CONSUME(T.LParen);
      const cond = this.SUBRULE(this.expression);
      this.CONSUME(T.RParen);
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "Assert", cond, start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  protected printStatement = this.RULE(
    "printStatement",
    (): A.PrintStmt => {
      const kw = this.CONSUME(T.Print);
      this.CONSUME(T.LParen);
      const args = this.SUBRULE(this.argList);
      this.CONSUME(T.RParen);
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "Print", args, start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  /** syscall := '__syscall' '(' STRING (',' syscall_arg)* ')' ';' */
  protected syscallStatement = this.RULE(
    "syscallStatement",
    (): A.SyscallStmt => {
      const kw = this.CONSUME(T.Syscall);
      this.CONSUME(T.LParen);
      const nameTok = this.CONSUME(T.StringLiteral);
      const args: A.SyscallArg[] = [];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        args.push(this.SUBRULE(this.syscallArg));
      });
      this.CONSUME(T.RParen);
      const semi = this.CONSUME(T.Semicolon);
      return this.ACTION(() => ({ kind: "Syscall", name: this.stringLiteral(nameTok), args, start: this.tStart(kw), end: this.tEnd(semi) }));
    },
    noResync,
  );

  /** syscall_arg := [ '__return' | '__ref' | '__cref' | '__readonly' ] expr */
  protected syscallArg = this.RULE(
    "syscallArg",
    (): A.SyscallArg => {
      let modeTok: IToken | undefined;
      this.OPTION(() => (modeTok = this.CONSUME(T.SyscallMode)));
      const expr = this.SUBRULE(this.assignment);
      return this.ACTION((): A.SyscallArg => {
        const mode = modeTok === undefined ? "push" : (modeTok.image.slice(2) as A.SyscallArg["mode"]);
        return { kind: "SyscallArg", mode, expr, start: modeTok ? this.tStart(modeTok) : expr.start, end: expr.end };
      });
    },
    noResync,
  );

  protected exprStatement = this.RULE(
    "exprStatement",
    (): A.ExprStmt => {
      const expr = this.SUBRULE(this.expression);
      const semi = this.CONSUME(T.Semicolon);
      return this.ACTION(() => ({ kind: "ExprStmt", expr, start: expr.start, end: this.tEnd(semi) }));
    },
    noResync,
  );
}
