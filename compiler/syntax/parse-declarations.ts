/**
 * Parser layer: the module and its top-level declarations (secrec-reference.md §2
 * "Program structure"): imports, domains, kinds, templates, procedures, operator and
 * cast definitions, structs, annotations and global variables, with top-level
 * recovery.
 */
import { isRecognitionException, type IToken } from "chevrotain";
import type * as A from "./ast.js";
import { Syntax } from "../diagnostics/messages/syntax.js";
import { noResync } from "./parser-base.js";
import { StatementsParser } from "./parse-statements.js";
import * as T from "./tokens.js";

export abstract class DeclarationsParser extends StatementsParser {
  /** module := [ 'module' ID ';' ] import* global_decl* */
  module = this.RULE(
    "module",
    (): A.Module => {
      let name: A.Identifier | undefined;
      const imports: A.ImportDecl[] = [];
      const decls: A.TopDecl[] = [];
      this.OPTION(() => {
        const before = this.LA(1);
        try {
          name = this.SUBRULE(this.moduleHeader);
        } catch (e) {
          if (!isRecognitionException(e as Error)) throw e;
          decls.push(this.recoverTopLevel(before));
        }
      });
      this.MANY(() => {
        const before = this.LA(1);
        try {
          imports.push(this.SUBRULE(this.importDecl));
        } catch (e) {
          if (!isRecognitionException(e as Error)) throw e;
          decls.push(this.recoverTopLevel(before));
        }
      });
      this.MANY2(() => {
        const before = this.LA(1);
        try {
          const d = this.SUBRULE(this.topDecl);
          this.ACTION(() => {
            if (d.kind === "Import") imports.push(d);
            else decls.push(d);
          });
        } catch (e) {
          if (!isRecognitionException(e as Error)) throw e;
          decls.push(this.recoverTopLevel(before));
        }
      });
      return { kind: "Module", name, imports, decls, comments: [], start: 0, end: this.file.text.length };
    },
    {
      resyncEnabled: false,
      recoveryValueFunc: (): A.Module => ({ kind: "Module", name: undefined, imports: [], decls: [], comments: [], start: 0, end: this.file.text.length }),
    },
  );

  /** 'module' ID ';' */
  protected moduleHeader = this.RULE(
    "moduleHeader",
    (): A.Identifier => {
      this.CONSUME(T.Module);
      const name = this.ident(this.CONSUME(T.Identifier));
      this.CONSUME(T.Semicolon);
      return name;
    },
    noResync,
  );

  /** import := 'import' ID ';' */
  protected importDecl = this.RULE(
    "importDecl",
    (): A.ImportDecl => {
      const kw = this.CONSUME(T.Import);
      const name = this.ident(this.CONSUME(T.Identifier));
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "Import", name, start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  /**
   * global_decl := domain_decl | kind_decl | template_decl | struct_decl
   *              | [annotation+] proc_def | var_decl ';'
   * (plus misplaced `import`/`module`, and stray tokens, reported and skipped)
   */
  protected topDecl = this.RULE(
    "topDecl",
    (): A.TopDecl | A.ImportDecl =>
      this.OR(this.once("topDecl", () => ({
        MAX_LOOKAHEAD: 1,
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.domainDecl) },
          { ALT: () => this.SUBRULE(this.kindDecl) },
          { ALT: () => this.SUBRULE(this.templateDecl) },
          { ALT: () => this.SUBRULE(this.structDecl, { ARGS: [undefined] }) },
          { GATE: () => this.is(1, T.At), ALT: () => this.SUBRULE(this.procDecl, { ARGS: [undefined] }) },
          {
            ALT: () => {
              const d = this.SUBRULE2(this.importDecl);
              this.ACTION(() => this.report(Syntax.misplacedImport.at(this.spanOf(d))));
              return d;
            },
          },
          {
            ALT: () => {
              const before = this.LA(1);
              const name = this.SUBRULE2(this.moduleHeader);
              return this.ACTION((): A.ErrorDecl => {
                const r = { start: this.tStart(before), end: name.end + 1 };
                this.report(Syntax.misplacedModule.at(this.spanOf({ start: r.start, end: r.start + 6 })));
                return { kind: "ErrorDecl", ...r };
              });
            },
          },
          { GATE: () => this.isTopTypeStart(), ALT: () => this.SUBRULE(this.procOrGlobal) },
          {
            ALT: () => {
              const t = this.OR2(this.once("strayTopLevel", () => ([{ ALT: () => this.CONSUME(T.AnyToken) }, { ALT: () => this.CONSUME(T.RBrace) }])));
              return this.ACTION(() => this.strayTopLevel(t));
            },
          },
        ],
      }))),
    noResync,
  );

  /** 'domain' ID ID ';' */
  protected domainDecl = this.RULE(
    "domainDecl",
    (): A.DomainDecl => {
      const kw = this.CONSUME(T.Domain);
      const name = this.ident(this.CONSUME(T.Identifier));
      const kindName = this.ident(this.CONSUME2(T.Identifier));
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "DomainDecl", name, kindName, start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  /**
   * kind_decl := 'kind' ID '{' kind_type* '}' | 'kind' ID ';'
   * (the second form, used throughout the original compiler's tests, declares a kind
   * with no type list: it supports every built-in type)
   */
  protected kindDecl = this.RULE(
    "kindDecl",
    (): A.KindDecl => {
      const kw = this.CONSUME(T.Kind);
      const name = this.ident(this.CONSUME(T.Identifier));
      let types: A.KindTypeDecl[] = [];
      let last: IToken | undefined;
      this.OR([
        { ALT: () => { last = this.CONSUME2(T.Semicolon); } },
        {
          ALT: () => {
            this.CONSUME(T.LBrace);
            const listed: A.KindTypeDecl[] = [];
            this.MANY(() => {
              listed.push(this.SUBRULE(this.kindType));
            });
            last = this.CONSUME(T.RBrace);
            types = listed;
            this.OPTION(() => {
              const semi = this.CONSUME(T.Semicolon);
              this.ACTION(() => this.trailingSemicolon(semi, "kind declaration"));
            });
          },
        },
      ]);
      return { kind: "KindDecl", name, types, start: this.tStart(kw), end: last === undefined ? name.end : this.tEnd(last) };
    },
    noResync,
  );

  /** kind_type := 'type' NAME ';' | 'type' NAME '{' 'public' '=' PRIM '}' ';' */
  protected kindType = this.RULE(
    "kindType",
    (): A.KindTypeDecl => {
      const kw = this.CONSUME(T.Type);
      const nameTok = this.OR(this.once("kindTypeName", () => ([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.PrimitiveType) }])));
      let publicType: A.PrimitiveType | undefined;
      this.OPTION(() => {
        this.CONSUME(T.LBrace);
        this.CONSUME(T.Public);
        this.CONSUME(T.Assign);
        const p = this.CONSUME2(T.PrimitiveType);
        this.CONSUME(T.RBrace);
        publicType = { kind: "PrimitiveType", name: p.image as A.PrimitiveTypeName, start: this.tStart(p), end: this.tEnd(p) };
      });
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "KindTypeDecl", name: this.ident(nameTok), publicType, start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  /** template_header := 'template' '<' quant (',' quant)* '>' */
  protected templateHeader = this.RULE(
    "templateHeader",
    (): A.TemplateHeader => {
      const kw = this.CONSUME(T.Template);
      this.CONSUME(T.Less);
      const params: A.TemplateParam[] = [this.SUBRULE(this.templateParam)];
      this.MANY(() => {
        this.CONSUME(T.Comma);
        params.push(this.SUBRULE2(this.templateParam));
      });
      const close = this.CONSUME(T.Greater);
      return { kind: "TemplateHeader", params, start: this.tStart(kw), end: this.tEnd(close) };
    },
    noResync,
  );

  /** quant := 'domain' ID [':' KIND] | 'type' ID | 'dim' ID */
  protected templateParam = this.RULE(
    "templateParam",
    (): A.TemplateParam =>
      this.OR(this.once("templateParam", () => ([
        {
          ALT: () => {
            const kw = this.CONSUME(T.Domain);
            const name = this.ident(this.CONSUME(T.Identifier));
            let kindName: A.Identifier | undefined;
            this.OPTION(() => {
              this.CONSUME(T.Colon);
              kindName = this.ident(this.CONSUME2(T.Identifier));
            });
            return { kind: "TemplateParam", paramKind: "domain", name, kindName, start: this.tStart(kw), end: (kindName ?? name).end };
          },
        },
        {
          ALT: () => {
            const kw = this.CONSUME(T.Type);
            const name = this.ident(this.CONSUME3(T.Identifier));
            return { kind: "TemplateParam", paramKind: "type", name, kindName: undefined, start: this.tStart(kw), end: name.end };
          },
        },
        {
          ALT: () => {
            const kw = this.CONSUME(T.Dim);
            const name = this.ident(this.CONSUME4(T.Identifier));
            return { kind: "TemplateParam", paramKind: "dim", name, kindName: undefined, start: this.tStart(kw), end: name.end };
          },
        },
      ]))),
    noResync,
  );

  /** template_decl := template_header (struct_decl | [annotation+] proc_def) */
  protected templateDecl = this.RULE(
    "templateDecl",
    (): A.StructDecl | A.ProcDecl => {
      const header = this.SUBRULE(this.templateHeader);
      return this.OR([
        { ALT: () => this.SUBRULE(this.structDecl, { ARGS: [header] }) },
        { ALT: () => this.SUBRULE(this.procDecl, { ARGS: [header] }) },
      ]);
    },
    noResync,
  );

  /** annotation := '@' ID [ '(' STRING ')' ] */
  protected annotation = this.RULE(
    "annotation",
    (): A.Annotation => {
      const at = this.CONSUME(T.At);
      const name = this.ident(this.CONSUME(T.Identifier));
      let argument: A.StringLiteral | undefined;
      let end = name.end;
      this.OPTION(() => {
        this.CONSUME(T.LParen);
        const s = this.CONSUME(T.StringLiteral);
        end = this.tEnd(this.CONSUME(T.RParen));
        argument = this.ACTION(() => this.stringLiteral(s));
      });
      this.ACTION(() => {
        if (name.name !== "deprecated") this.report(Syntax.unknownAnnotation.at(this.spanOf({ start: this.tStart(at), end: name.end }), name.name));
      });
      return { kind: "Annotation", name, argument, start: this.tStart(at), end };
    },
    noResync,
  );

  /** proc_def := annotation* ret_type proc_rest (after an optional template header) */
  protected procDecl = this.RULE(
    "procDecl",
    (template: A.TemplateHeader | undefined): A.ProcDecl => {
      const annotations: A.Annotation[] = [];
      this.MANY(() => {
        annotations.push(this.SUBRULE(this.annotation));
      });
      const returnType = this.SUBRULE(this.returnType);
      const rest = this.SUBRULE(this.procRest);
      return this.ACTION(() => this.buildProc(template, annotations, returnType, rest));
    },
    noResync,
  );

  protected buildProc(
    template: A.TemplateHeader | undefined,
    annotations: A.Annotation[],
    returnType: A.TypeExpr | A.VoidType,
    rest: ProcRest,
  ): A.ProcDecl {
    const start = template?.start ?? annotations[0]?.start ?? returnType.start;
    return { kind: "ProcDecl", template, annotations, returnType, ...rest, start, end: rest.body.end };
  }

  /** A declaration starting with a type: a procedure definition or a global variable. */
  protected procOrGlobal = this.RULE(
    "procOrGlobal",
    (): A.ProcDecl | A.VarDecl | A.ErrorDecl => {
      const returnType = this.SUBRULE(this.returnType);
      return this.OR({
        MAX_LOOKAHEAD: 1,
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => this.is(1, T.Identifier) && !this.isProcHead(),
            ALT: () => this.SUBRULE(this.globalVarRest, { ARGS: [returnType] }),
          },
          {
            ALT: () => {
              const rest = this.SUBRULE(this.procRest);
              return this.ACTION(() => this.buildProc(undefined, [], returnType, rest));
            },
          },
        ],
      });
    },
    noResync,
  );

  /** declarator (',' declarator)* ';' after a global variable's type */
  protected globalVarRest = this.RULE(
    "globalVarRest",
    (type: A.TypeExpr | A.VoidType): A.VarDecl | A.ErrorDecl => {
      const declarators = this.SUBRULE(this.declarators);
      const semi = this.CONSUME(T.Semicolon);
      return this.ACTION((): A.VarDecl | A.ErrorDecl => {
        const end = this.tEnd(semi);
        if (type.kind === "VoidType") {
          this.report(Syntax.voidVariable.at(this.spanOf(type)));
          return { kind: "ErrorDecl", start: type.start, end };
        }
        return { kind: "VarDecl", type, declarators, start: type.start, end };
      });
    },
    noResync,
  );

  /**
   * proc_rest := 'operator' OP '(' params ')' block | 'cast' '(' params ')' block
   *            | ID '(' params ')' block
   */
  protected procRest = this.RULE(
    "procRest",
    (): ProcRest => {
      const head = this.OR<ProcHead>([
        {
          ALT: () => {
            const kw = this.CONSUME(T.Operator);
            const op = this.SUBRULE(this.operatorSymbol);
            return {
              form: "operator",
              name: { kind: "Identifier", name: `operator${op.image}`, start: this.tStart(kw), end: this.tEnd(kw) },
              operator: { symbol: op.image as A.OperatorSymbol, start: this.tStart(op), end: this.tEnd(op) },
            };
          },
        },
        {
          ALT: () => {
            const kw = this.CONSUME(T.Cast);
            return { form: "cast", name: { kind: "Identifier", name: "cast", start: this.tStart(kw), end: this.tEnd(kw) }, operator: undefined };
          },
        },
        { ALT: () => ({ form: "procedure", name: this.ident(this.CONSUME(T.Identifier)), operator: undefined }) },
      ]);
      const params = this.SUBRULE(this.params);
      const body = this.SUBRULE(this.block);
      this.OPTION(() => {
        const semi = this.CONSUME(T.Semicolon);
        this.ACTION(() => this.trailingSemicolon(semi, "procedure definition"));
      });
      return { ...head, params, body };
    },
    noResync,
  );

  /** OP := a binary operator, '!' or '~' */
  protected operatorSymbol = this.RULE(
    "operatorSymbol",
    (): IToken =>
      this.OR(this.once("operatorSymbol", () => ([
        { ALT: () => this.CONSUME(T.BinaryOp) },
        { ALT: () => this.CONSUME(T.Bang) },
        { ALT: () => this.CONSUME(T.Tilde) },
      ]))),
    noResync,
  );

  /** params := '(' [ param (',' param)* ] ')' ; param := type ID */
  protected params = this.RULE(
    "params",
    (): A.Param[] => {
      const params: A.Param[] = [];
      this.CONSUME(T.LParen);
      this.OPTION(() => {
        params.push(this.SUBRULE(this.param));
        this.MANY(() => {
          this.CONSUME(T.Comma);
          params.push(this.SUBRULE2(this.param));
        });
      });
      this.CONSUME(T.RParen);
      return params;
    },
    noResync,
  );

  protected param = this.RULE(
    "param",
    (): A.Param => {
      const type = this.SUBRULE(this.typeExpr);
      const name = this.ident(this.CONSUME(T.Identifier));
      return { kind: "Param", type, name, start: type.start, end: name.end };
    },
    noResync,
  );

  /** struct_decl := 'struct' ID '{' (type ID ';')* '}' — a ';' after '}' is an error */
  protected structDecl = this.RULE(
    "structDecl",
    (template: A.TemplateHeader | undefined): A.StructDecl => {
      const kw = this.CONSUME(T.Struct);
      const name = this.ident(this.CONSUME(T.Identifier));
      this.CONSUME(T.LBrace);
      const fields: A.StructField[] = [];
      this.MANY(() => {
        fields.push(this.SUBRULE(this.structField));
      });
      const close = this.CONSUME(T.RBrace);
      this.OPTION(() => {
        const semi = this.CONSUME(T.Semicolon);
        this.ACTION(() => this.trailingSemicolon(semi, "struct declaration"));
      });
      return { kind: "StructDecl", template, name, fields, start: template?.start ?? this.tStart(kw), end: this.tEnd(close) };
    },
    noResync,
  );

  protected structField = this.RULE(
    "structField",
    (): A.StructField => {
      const type = this.SUBRULE(this.typeExpr);
      const name = this.ident(this.CONSUME(T.Identifier));
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "StructField", type, name, start: type.start, end: this.tEnd(semi) };
    },
    noResync,
  );
}

interface ProcHead {
  readonly form: A.ProcDecl["form"];
  readonly name: A.Identifier;
  readonly operator: A.ProcDecl["operator"];
}

interface ProcRest extends ProcHead {
  readonly params: A.Param[];
  readonly body: A.Block;
}
