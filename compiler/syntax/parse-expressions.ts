/**
 * Parser layer: expressions (secrec-reference.md §2 "Expressions", §4 built-ins), from
 * the comma operator down to primaries, with binary operators folded by precedence.
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { Syntax } from "../diagnostics/messages/syntax.js";
import { maxExpressionDepth, noResync } from "./parser-base.js";
import { parseFloatText, parseIntegerText } from "./literals.js";
import { TypesParser } from "./parse-types.js";
import * as T from "./tokens.js";

function binaryLevel(t: IToken): number {
  return T.binaryPrecedence[t.image as A.BinaryOp] ?? 0;
}

export abstract class ExpressionsParser extends TypesParser {
  /** Parses one more level of expression nesting, within `maxExpressionDepth`. */
  private nested(parse: () => A.Expr): A.Expr {
    this.tooDeep(++this.exprDepth, maxExpressionDepth, "expressions");
    try {
      return parse();
    } finally {
      this.exprDepth--;
    }
  }


  /** expression := assignment (',' assignment)*   — the comma operator, lowest precedence */
  expression = this.RULE(
    "expression",
    (): A.Expr => {
      let e = this.SUBRULE(this.assignment);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        const right = this.SUBRULE2(this.assignment);
        e = this.ACTION((): A.Expr => ({ kind: "Comma", left: e, right, start: e.start, end: right.end }));
      });
      return e;
    },
    { recoveryValueFunc: (e) => this.errorExpr(e) },
  );

  /** assignment := annotated [ ASSIGN_OP assignment ]   (right-associative) */
  protected assignment = this.RULE(
    "assignment",
    (): A.Expr => {
      let e = this.SUBRULE(this.annotated);
      this.OPTION(() => {
        const op = this.CONSUME(T.AssignOp);
        const value = this.nested(() => this.SUBRULE(this.assignment));
        e = this.ACTION((): A.Expr => ({ kind: "Assign", op: op.image as A.AssignOp, target: e, value, start: e.start, end: value.end }));
      });
      return e;
    },
    { recoveryValueFunc: (e) => this.errorExpr(e) },
  );

  /** annotated := ternary ( '::' type_annotation )* */
  protected annotated = this.RULE(
    "annotated",
    (): A.Expr => {
      let e = this.SUBRULE(this.ternary);
      this.MANY(() => {
        this.CONSUME(T.ColonColon);
        const type = this.SUBRULE(this.typeAnnotation);
        e = this.ACTION((): A.Expr => ({ kind: "Annotated", expr: e, type, start: e.start, end: Math.max(type.end, e.end) }));
      });
      return e;
    },
    noResync,
  );

  /** ternary := binary [ '?' annotated ':' ternary ] */
  protected ternary = this.RULE(
    "ternary",
    (): A.Expr => {
      let e = this.SUBRULE(this.binary);
      this.OPTION(() => {
        this.CONSUME(T.Question);
        const then = this.SUBRULE(this.annotated);
        this.CONSUME(T.Colon);
        const otherwise = this.nested(() => this.SUBRULE(this.ternary));
        e = this.ACTION((): A.Expr => ({ kind: "Ternary", cond: e, then, else: otherwise, start: e.start, end: otherwise.end }));
      });
      return e;
    },
    noResync,
  );

  /** binary := unary ( BINARY_OP unary )*   folded by precedence */
  protected binary = this.RULE(
    "binary",
    (): A.Expr => {
      const operands = [this.SUBRULE(this.unary)];
      const ops: IToken[] = [];
      this.MANY(() => {
        ops.push(this.CONSUME(T.BinaryOp));
        operands.push(this.SUBRULE2(this.unary));
      });
      return ops.length === 0 ? (operands[0] as A.Expr) : this.ACTION(() => this.foldBinary(operands, ops));
    },
    noResync,
  );

  /** unary := ('-' | '!' | '~') unary | ('++' | '--') unary | postfix   (casts: see `primary`) */
  protected unary = this.RULE(
    "unary",
    (): A.Expr =>
      this.nested(() =>
        this.OR(this.once("unary", () => ({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            ALT: () => {
              const op = this.OR2(this.once("unaryOp", () => ([
                { ALT: () => this.CONSUME(T.Minus) },
                { ALT: () => this.CONSUME(T.Bang) },
                { ALT: () => this.CONSUME(T.Tilde) },
              ])));
              const operand = this.SUBRULE(this.unary);
              return this.ACTION((): A.Expr => ({ kind: "Unary", op: op.image as A.UnaryExpr["op"], operand, start: this.tStart(op), end: operand.end }));
            },
          },
          {
            ALT: () => {
              const op = this.OR3(this.once("prefixIncDec", () => ([{ ALT: () => this.CONSUME(T.PlusPlus) }, { ALT: () => this.CONSUME(T.MinusMinus) }])));
              const operand = this.SUBRULE2(this.unary);
              return this.ACTION((): A.Expr => ({ kind: "IncDec", op: op.image as "++" | "--", prefix: true, operand, start: this.tStart(op), end: operand.end }));
            },
          },
          { ALT: () => this.SUBRULE(this.postfix) },
        ],
      }))),
      ),
    noResync,
  );

  /** postfix := primary ( '[' index (',' index)* ']' | '.' ID | '++' | '--' )* */
  protected postfix = this.RULE(
    "postfix",
    (): A.Expr => {
      let e = this.SUBRULE(this.primary);
      this.MANY(() => {
        const suffix = this.OR(this.once("postfix", () => [
          {
            ALT: (): PostfixSuffix => {
              this.CONSUME(T.LBracket);
              const indices = [this.SUBRULE(this.indexItem)];
              this.MANY2(() => {
                this.CONSUME(T.Comma);
                indices.push(this.SUBRULE2(this.indexItem));
              });
              return { kind: "Index", indices, end: this.tEnd(this.CONSUME(T.RBracket)) };
            },
          },
          {
            ALT: (): PostfixSuffix => {
              this.CONSUME(T.Dot);
              return { kind: "Member", field: this.ident(this.CONSUME(T.Identifier)) };
            },
          },
          {
            ALT: (): PostfixSuffix => {
              const op = this.OR2(this.once("postfixIncDec", () => [{ ALT: () => this.CONSUME(T.PlusPlus) }, { ALT: () => this.CONSUME(T.MinusMinus) }]));
              return { kind: "IncDec", op: op.image as "++" | "--", end: this.tEnd(op) };
            },
          },
        ]));
        e = this.ACTION(() => applySuffix(e, suffix));
      });
      return e;
    },
    noResync,
  );

  /** index := ':' [expr] | expr [ ':' [expr] ] */
  protected indexItem = this.RULE(
    "indexItem",
    (): A.Expr | A.Slice =>
      this.OR(this.once("indexItem", () => ([
        {
          ALT: () => {
            const colon = this.CONSUME(T.Colon);
            let hi: A.Expr | undefined;
            this.OPTION(() => (hi = this.SUBRULE(this.assignment)));
            return this.ACTION((): A.Slice => ({ kind: "Slice", lo: undefined, hi, start: this.tStart(colon), end: hi?.end ?? this.tEnd(colon) }));
          },
        },
        {
          ALT: () => {
            const lo = this.SUBRULE2(this.assignment);
            let result: A.Expr | A.Slice = lo;
            this.OPTION2(() => {
              const colon = this.CONSUME2(T.Colon);
              let hi: A.Expr | undefined;
              this.OPTION3(() => (hi = this.SUBRULE3(this.assignment)));
              result = this.ACTION((): A.Slice => ({ kind: "Slice", lo, hi, start: lo.start, end: hi?.end ?? this.tEnd(colon) }));
            });
            return result;
          },
        },
      ]))),
    noResync,
  );

  /** args := [ assignment (',' assignment)* ] */
  protected argList = this.RULE(
    "argList",
    (): A.Expr[] => {
      const args: A.Expr[] = [];
      this.OPTION(() => {
        args.push(this.SUBRULE(this.assignment));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          args.push(this.SUBRULE2(this.assignment));
        });
      });
      return args;
    },
    noResync,
  );

  /**
   * primary := INT | FLOAT | STRING | 'true' | 'false' | ID [ '(' args ')' ]
   *          | '(' cast_type ')' unary | '(' expression ')'
   *          | '{' args '}' | BUILTIN '(' args ')' | '__fpu_state'
   * A cast `(T) e` (precedence level 4 of §2) is parsed here, after its '(', so that
   * only parenthesised input pays for the cast gate; its operand is a whole `unary`,
   * so no postfix operator is left for the cast itself.
   */
  protected primary = this.RULE(
    "primary",
    (): A.Expr =>
      this.OR(this.once("primary", () => ([
        {
          ALT: () => {
            const t = this.CONSUME(T.IntLiteral);
            return this.ACTION(() => this.numberLiteral(t, parseIntegerText(t.image)));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.FloatLiteral);
            return this.ACTION(() => this.numberLiteral(t, parseFloatText(t.image)));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.StringLiteral);
            return this.ACTION(() => this.stringLiteral(t));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.True);
            return { kind: "BoolLiteral", value: true, start: this.tStart(t), end: this.tEnd(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.False);
            return { kind: "BoolLiteral", value: false, start: this.tStart(t), end: this.tEnd(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.Identifier);
            let args: A.Expr[] | undefined;
            let end = this.tEnd(t);
            this.OPTION(() => {
              this.CONSUME(T.LParen);
              args = this.SUBRULE(this.argList);
              end = this.tEnd(this.CONSUME(T.RParen));
            });
            const start = this.tStart(t);
            if (args === undefined) return { kind: "Name", name: t.image, start, end };
            return { kind: "Call", callee: this.ident(t), args, start, end };
          },
        },
        {
          ALT: () =>
            this.OR2(
              this.once("parenOrCast", () => ({
                IGNORE_AMBIGUITIES: true,
                DEF: [
                  {
                    GATE: () => this.isCastStart(),
                    ALT: (): A.Expr => {
                      const open = this.CONSUME3(T.LParen);
                      const type = this.SUBRULE(this.castType);
                      this.CONSUME3(T.RParen);
                      const operand = this.SUBRULE(this.unary);
                      return this.ACTION((): A.Expr => ({ kind: "Cast", type, operand, start: this.tStart(open), end: operand.end }));
                    },
                  },
                  {
                    ALT: (): A.Expr => {
                      const open = this.CONSUME2(T.LParen);
                      const expr = this.SUBRULE(this.expression);
                      const close = this.CONSUME2(T.RParen);
                      return { kind: "Paren", expr, start: this.tStart(open), end: this.tEnd(close) };
                    },
                  },
                ],
              })),
            ),
        },
        {
          ALT: () => {
            const open = this.CONSUME(T.LBrace);
            const elements = this.SUBRULE2(this.argList);
            const close = this.CONSUME(T.RBrace);
            return { kind: "ArrayLiteral", elements, start: this.tStart(open), end: this.tEnd(close) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.BuiltinCall);
            this.CONSUME4(T.LParen);
            const args = this.SUBRULE3(this.argList);
            const close = this.CONSUME4(T.RParen);
            return { kind: "Builtin", name: t.image as A.BuiltinName, args, start: this.tStart(t), end: this.tEnd(close) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.FpuState);
            return { kind: "Builtin", name: "__fpu_state", args: [], start: this.tStart(t), end: this.tEnd(t) };
          },
        },
      ]))),
    noResync,
  );

  /** Folds operands and operators by precedence (all levels left-associative). */
  protected foldBinary(operands: A.Expr[], ops: IToken[]): A.Expr {
    const out: A.Expr[] = [operands[0] as A.Expr];
    const stack: IToken[] = [];
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i] as IToken;
      const level = binaryLevel(op);
      while (stack.length > 0 && binaryLevel(stack[stack.length - 1] as IToken) >= level) this.reduceBinary(out, stack);
      stack.push(op);
      out.push(operands[i + 1] as A.Expr);
    }
    while (stack.length > 0) this.reduceBinary(out, stack);
    return out[0] as A.Expr;
  }

  /** Combines the top two operands with the top operator; reports chained comparisons. */
  protected reduceBinary(out: A.Expr[], stack: IToken[]): void {
    const op = stack.pop() as IToken;
    const right = out.pop() as A.Expr;
    const left = out.pop() as A.Expr;
    const level = binaryLevel(op);
    if ((level === 7 || level === 6) && left.kind === "Binary" && T.binaryPrecedence[left.op] === level) {
      this.report(
        Syntax.chainedComparison.with(
          this.tokenSpan(op),
          { help: [`write '(a ${left.op} b) && (b ${op.image} c)', or parenthesise the first comparison`] },
          left.op,
          op.image,
        ),
      );
    }
    out.push({ kind: "Binary", op: op.image as A.BinaryOp, left, right, start: left.start, end: right.end });
  }
}

/** What follows an operand in a postfix chain. */
type PostfixSuffix =
  | { readonly kind: "Index"; readonly indices: (A.Expr | A.Slice)[]; readonly end: number }
  | { readonly kind: "Member"; readonly field: A.Identifier }
  | { readonly kind: "IncDec"; readonly op: "++" | "--"; readonly end: number };

function applySuffix(target: A.Expr, s: PostfixSuffix): A.Expr {
  switch (s.kind) {
    case "Index":
      return { kind: "Index", target, indices: s.indices, start: target.start, end: s.end };
    case "Member":
      return { kind: "Member", target, field: s.field, start: target.start, end: s.field.end };
    case "IncDec":
      return { kind: "IncDec", op: s.op, prefix: false, operand: target, start: target.start, end: s.end };
    default: {
      const never: never = s;
      return never;
    }
  }
}
