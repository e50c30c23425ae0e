/**
 * Parser layer: types (secrec-reference.md §2 `type`, `datatype`, dimensions, struct
 * type arguments, the type after `::` and the type in a cast).
 */
import type * as A from "./ast.js";
import { Syntax } from "../diagnostics/messages/syntax.js";
import { describeToken } from "./errors.js";
import { parseIntegerText } from "./literals.js";
import { maxExpressionDepth, noResync, ParserBase } from "./parser-base.js";
import * as T from "./tokens.js";

export abstract class TypesParser extends ParserBase {
  /** ret_type := 'void' | type */
  protected returnType = this.RULE(
    "returnType",
    (): A.TypeExpr | A.VoidType =>
      this.OR(this.once("returnType", () => ([
        {
          ALT: () => {
            const t = this.CONSUME(T.Void);
            return { kind: "VoidType", start: this.tStart(t), end: this.tEnd(t) };
          },
        },
        { ALT: () => this.SUBRULE(this.typeExpr) },
      ]))),
    noResync,
  );

  /** type := [ 'public' | ID ] datatype [ '[[' (INT | ID) ']]' ] */
  protected typeExpr = this.RULE(
    "typeExpr",
    (): A.TypeExpr => {
      let security: A.SecurityExpr | undefined;
      let dim: A.DimExpr | undefined;
      security = this.OPTION(this.once("typeSecurity", () => ({ GATE: () => this.hasSecurityPrefix(), DEF: () => this.SUBRULE(this.security) })));
      const data = this.SUBRULE(this.dataType);
      this.OPTION2(() => (dim = this.SUBRULE(this.dims)));
      return this.ACTION(() => ({ kind: "TypeExpr", security, data, dim, start: (security ?? data).start, end: (dim ?? data).end }));
    },
    noResync,
  );

  /** security := 'public' | ID */
  protected security = this.RULE(
    "security",
    (): A.SecurityExpr =>
      this.OR(this.once("security", () => ([
        {
          ALT: () => {
            const t = this.CONSUME(T.Public);
            return { kind: "PublicSecurity", start: this.tStart(t), end: this.tEnd(t) };
          },
        },
        {
          ALT: () => {
            const name = this.ident(this.CONSUME(T.Identifier));
            return { kind: "DomainSecurity", name, start: name.start, end: name.end };
          },
        },
      ]))),
    noResync,
  );

  /**
   * datatype := PRIM | ID [ '<' type_arg (',' type_arg)* '>' ]
   * A nested list may end with '>>' (`pair<D, box<T>>`), closing both lists.
   */
  protected dataType = this.RULE(
    "dataType",
    (): A.DataTypeExpr =>
      this.OR(this.once("dataType", () => ([
        {
          ALT: () => {
            const t = this.CONSUME(T.PrimitiveType);
            return { kind: "PrimitiveType", name: t.image as A.PrimitiveTypeName, start: this.tStart(t), end: this.tEnd(t) };
          },
        },
        { ALT: () => this.SUBRULE(this.namedType) },
      ]))),
    noResync,
  );

  protected namedType = this.RULE(
    "namedType",
    (): A.NamedType => {
      const name = this.ident(this.CONSUME(T.Identifier));
      let typeArgs: A.TypeArg[] | undefined;
      let end = name.end;
      this.OPTION(() => {
        this.CONSUME(T.Less);
        typeArgs = [this.SUBRULE(this.typeArg)];
        this.MANY(() => {
          this.CONSUME(T.Comma);
          typeArgs!.push(this.SUBRULE2(this.typeArg));
        });
        if (this.closedByShift !== undefined) {
          // the inner list's '>>' also closed this one
          end = this.closedByShift;
          this.closedByShift = undefined;
        } else {
          const close = this.OR(
            this.once("closeAngle", () => [
              { ALT: () => this.CONSUME(T.Greater) },
              {
                GATE: () => this.nestedTypeArgs > 0,
                ALT: () => {
                  const t = this.CONSUME(T.ShiftRight);
                  this.ACTION(() => (this.closedByShift = this.tEnd(t)));
                  return t;
                },
              },
            ]),
          );
          end = this.tEnd(close);
        }
      });
      return { kind: "NamedType", name, typeArgs, start: name.start, end };
    },
    noResync,
  );

  /** type_arg := 'public' | PRIM | ID [type_args] | INT */
  protected typeArg = this.RULE(
    "typeArg",
    (): A.TypeArg =>
      this.OR(this.once("typeArg", () => ([
        {
          ALT: () => {
            const t = this.CONSUME(T.Public);
            return { kind: "PublicSecurity", start: this.tStart(t), end: this.tEnd(t) };
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.PrimitiveType);
            return { kind: "PrimitiveType", name: t.image as A.PrimitiveTypeName, start: this.tStart(t), end: this.tEnd(t) };
          },
        },
        {
          ALT: () => {
            this.nestedTypeArgs++;
            try {
              this.tooDeep(this.nestedTypeArgs, maxExpressionDepth, "type arguments");
              return this.SUBRULE(this.namedType);
            } finally {
              this.nestedTypeArgs--;
            }
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.IntLiteral);
            return this.ACTION((): A.TypeArg => {
              const e = this.numberLiteral(t, parseIntegerText(t.image));
              return e.kind === "IntLiteral" ? e : { kind: "IntLiteral", raw: t.image, value: 0n, suffix: undefined, start: e.start, end: e.end };
            });
          },
        },
      ]))),
    noResync,
  );

  /** dims := '[' '[' (INT | ID) ']' ']' */
  protected dims = this.RULE(
    "dims",
    (): A.DimExpr => {
      const open = this.CONSUME(T.LBracket);
      this.CONSUME2(T.LBracket);
      const dim = this.OR(this.once("dims", () => ([
        {
          ALT: (): A.DimExpr => {
            const t = this.CONSUME(T.IntLiteral);
            return this.ACTION((): A.DimExpr => {
              const parsed = parseIntegerText(t.image);
              const ok = parsed.ok && parsed.kind === "int" && parsed.suffix === undefined && parsed.value <= 255n;
              if (!ok) this.report(Syntax.badDimension.at(this.tokenSpan(t), t.image));
              return { kind: "DimLiteral", value: ok ? Number(parsed.value) : 0, start: 0, end: 0 };
            });
          },
        },
        {
          ALT: (): A.DimExpr => {
            const name = this.ident(this.CONSUME(T.Identifier));
            return { kind: "DimVar", name, start: 0, end: 0 };
          },
        },
      ])));
      this.CONSUME(T.RBracket);
      const close = this.CONSUME2(T.RBracket);
      return { ...dim, start: this.tStart(open), end: this.tEnd(close) };
    },
    noResync,
  );

  /** cast_type := PRIM | ID */
  protected castType = this.RULE(
    "castType",
    (): A.DataTypeExpr =>
      this.OR(this.once("castType", () => ([
        {
          ALT: () => {
            const t = this.CONSUME(T.PrimitiveType);
            return { kind: "PrimitiveType", name: t.image as A.PrimitiveTypeName, start: this.tStart(t), end: this.tEnd(t) };
          },
        },
        {
          ALT: () => {
            const name = this.ident(this.CONSUME(T.Identifier));
            return { kind: "NamedType", name, typeArgs: undefined, start: name.start, end: name.end };
          },
        },
      ]))),
    noResync,
  );

  /** annotation_type := [ 'public' | ID ] [ datatype ] [ dims ] — at least one part */
  protected typeAnnotation = this.RULE(
    "typeAnnotation",
    (): A.TypeAnnotation => {
      let security: A.SecurityExpr | undefined;
      let data: A.DataTypeExpr | undefined;
      let dim: A.DimExpr | undefined;
      security = this.OPTION(
        this.once("annotationSecurity", () => ({
          GATE: () => this.is(1, T.Public) || (this.is(1, T.Identifier) && (this.is(2, T.Identifier) || this.is(2, T.PrimitiveType))),
          DEF: () => this.SUBRULE(this.security),
        })),
      );
      this.OPTION2(() => (data = this.SUBRULE(this.dataType)));
      this.OPTION3(() => (dim = this.SUBRULE(this.dims)));
      return this.ACTION((): A.TypeAnnotation => {
        const first = security ?? data ?? dim;
        const last = dim ?? data ?? security;
        if (first === undefined || last === undefined) {
          const t = this.LA(1);
          this.report(Syntax.emptyAnnotationType.at(this.tokenSpan(t), describeToken(t)));
          const at = this.prevEnd();
          return { kind: "TypeAnnotation", security, data, dim, start: at, end: at };
        }
        return { kind: "TypeAnnotation", security, data, dim, start: first.start, end: last.end };
      });
    },
    noResync,
  );
}
