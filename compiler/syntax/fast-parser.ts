/**
 * The fast parse path: a hand-written recursive-descent parser for modules without
 * syntax errors, over the fast lexer's token arrays (fast-lexer.ts). It builds the
 * very tree the chevrotain parser builds (same nodes, fields and offsets) and gives up
 * (`undefined`) at the first token that parser would not accept without a diagnostic:
 * a mismatch, a stray token, a literal or nesting problem, a trailing ';'. The caller
 * then runs the chevrotain lexer and parser, which recover and report. So error
 * messages and recovery have one implementation; this file only makes the common,
 * error-free case cheap: no grammar analysis at start-up, and plain code that is fast
 * before the JIT has warmed up (a cold `secc check` spends most of its time parsing).
 *
 * The grammar and its decisions mirror parse-*.ts rule by rule (the rule names are
 * the same): each OR / OPTION / MANY there is an LL(1) test on the same token types
 * and categories here, with the same lookahead gates (written out again over the token
 * arrays) and the same nesting limits. test/compiler/syntax/fast-parser.test.ts checks
 * that both parsers agree on every .sc file of the repository and on generated
 * programs; a grammar change must be made in both.
 */
import type * as A from "./ast.js";
import type { SourceFile } from "../source/source-file.js";
import type { FastTokens } from "./fast-lexer.js";
import { parseFloatText, parseIntegerText } from "./literals.js";
import { numberLiteralNode, stringLiteralNode } from "./literal-nodes.js";
import { castFollowers, declarationKeywords, maxExpressionDepth, maxStatementDepth } from "./parser-base.js";
import { K, kindTable } from "./token-kinds.js";
import * as T from "./tokens.js";

/** Thrown to abandon the fast path. */
class GiveUp {}
const giveUp = new GiveUp();

const isPrimitive = kindTable((t) => T.belongsTo(t, T.PrimitiveType));
const isBinaryOp = kindTable((t) => T.belongsTo(t, T.BinaryOp));
const isAssignOp = kindTable((t) => T.belongsTo(t, T.AssignOp));
const isBuiltin = kindTable((t) => T.belongsTo(t, T.BuiltinCall));
const isSyscallMode = kindTable((t) => T.belongsTo(t, T.SyscallMode));
const isStringLiteral = kindTable((t) => T.belongsTo(t, T.StringLiteral));
const isDeclarationKeyword = kindTable((t) => declarationKeywords.has(t));
const isCastFollower = kindTable((t) => castFollowers.has(t) || T.belongsTo(t, T.BuiltinCall));
/** FIRST(expression): the unary operators and FIRST(primary). */
const startsExpression = kindTable(
  (t) =>
    [T.Minus, T.Bang, T.Tilde, T.PlusPlus, T.MinusMinus, T.IntLiteral, T.FloatLiteral, T.True, T.False, T.Identifier, T.LParen, T.LBrace, T.FpuState].includes(t) ||
    T.belongsTo(t, T.StringLiteral) ||
    T.belongsTo(t, T.BuiltinCall),
);
/** FIRST(type): 'public', a primitive type or a name. */
const startsType = kindTable((t) => t === T.Public || t === T.Identifier || T.belongsTo(t, T.PrimitiveType));

/** Binding strength of a binary operator token (tokens.ts `binaryPrecedence`). */
function precedence(image: string): number {
  return T.binaryPrecedence[image as A.BinaryOp] ?? 0;
}

/** Parses a module whose tokens are `tokens`; undefined when the chevrotain parser must take over. */
export function fastParseModule(file: SourceFile, tokens: FastTokens, lazyBodies = false): A.Module | undefined {
  const p = new FastParser(file, tokens, lazyBodies);
  try {
    return p.module();
  } catch (e) {
    if (e === giveUp || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A lazily parsed body (see FastParser.lazyBlock); a body that does not parse is a bug in the library module. */
function parseBodyAt(file: SourceFile, tokens: FastTokens, open: number, close: number): readonly A.Stmt[] {
  const stmts = new FastParser(file, tokens).bodyAt(open, close);
  if (stmts === undefined) {
    const at = file.lineColumn(tokens.starts[open] as number);
    throw new Error(`${file.path}:${at.line}:${at.column}: this procedure body has a syntax error (check the module on its own to see it)`);
  }
  return stmts;
}

class FastParser {
  private readonly text: string;
  private readonly kinds: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly count: number;
  private pos = 0;
  private exprDepth = 0;
  private stmtDepth = 0;
  private nestedTypeArgs = 0;
  private closedByShift: number | undefined;

  constructor(
    private readonly file: SourceFile,
    private readonly tokens: FastTokens,
    private readonly lazyBodies = false,
  ) {
    this.text = file.text;
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.count = tokens.count;
  }

  // -------------------------------------------------------------------------
  // Tokens

  /**
   * The kind of token LA(k) (k = 1 is the next token); EOF_KIND past the end (the
   * lexer's slack). Hot paths read `this.kinds[this.pos]` directly: a call costs
   * more than the read before the JIT has inlined it.
   */
  private la(k: number): number {
    return this.kinds[this.pos + k - 1] as number;
  }

  private is(k: number, kind: number): boolean {
    return this.la(k) === kind;
  }

  /** Consumes a token of kind `kind` and returns its index, or gives up. */
  private consume(kind: number): number {
    if (this.pos >= this.count || this.kinds[this.pos] !== kind) throw giveUp;
    return this.pos++;
  }

  /** Consumes a token whose kind is in `table`, or gives up. */
  private consumeIn(table: Uint8Array): number {
    if (this.pos >= this.count || table[this.kinds[this.pos] as number] !== 1) throw giveUp;
    return this.pos++;
  }

  private start(i: number): number {
    return this.starts[i] as number;
  }

  private end(i: number): number {
    return this.ends[i] as number;
  }

  private image(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  private ident(i: number): A.Identifier {
    return { kind: "Identifier", name: this.image(i), start: this.start(i), end: this.end(i) };
  }

  /** Whether a line break separates token LA(1) from the one before it (parser-base `startsLine`). */
  private startsLine(): boolean {
    if (this.pos === 0) return true;
    const from = this.ends[this.pos - 1] as number;
    const to = this.pos < this.count ? (this.starts[this.pos] as number) : this.text.length;
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return true;
    }
    return false;
  }

  // -------------------------------------------------------------------------
  // Lookahead gates (parser-base.ts)

  private isDeclStart(): boolean {
    if (this.kinds[this.pos] === K.Public || isPrimitive[(this.kinds[this.pos] as number)] === 1) return true;
    if (this.kinds[this.pos] !== K.Identifier) return false;
    if (this.is(2, K.Identifier) || isPrimitive[this.la(2)] === 1) return true;
    if (this.is(2, K.LBracket)) return this.is(3, K.LBracket);
    if (this.is(2, K.Less)) return this.typeArgsThenName(2);
    return false;
  }

  private typeArgsThenName(i: number, orProcKeyword = false): boolean {
    let depth = 0;
    let j = i;
    for (;;) {
      const t = this.la(j);
      if (t === K.Less) depth++;
      else if (t === K.Greater) depth--;
      else if (t === K.ShiftRight) depth -= 2;
      else if (t !== K.Identifier && isPrimitive[t] !== 1 && t !== K.Public && t !== K.IntLiteral && t !== K.Comma) return false;
      j++;
      if (depth <= 0) break;
    }
    if (depth < 0) return false;
    if (this.is(j, K.LBracket) && this.is(j + 1, K.LBracket)) j += 5;
    return this.is(j, K.Identifier) || (orProcKeyword && (this.is(j, K.Operator) || this.is(j, K.Cast)));
  }

  private isTopTypeStart(): boolean {
    if (this.kinds[this.pos] === K.Void || this.kinds[this.pos] === K.Public || isPrimitive[(this.kinds[this.pos] as number)] === 1) return true;
    if (this.kinds[this.pos] === K.Identifier && (this.is(2, K.Operator) || this.is(2, K.Cast))) return true;
    if (this.kinds[this.pos] === K.Identifier && this.is(2, K.Less)) return this.typeArgsThenName(2, true);
    return this.isDeclStart();
  }

  private hasSecurityPrefix(): boolean {
    if (this.kinds[this.pos] === K.Public) return true;
    if (this.kinds[this.pos] !== K.Identifier) return false;
    if (isPrimitive[this.la(2)] === 1) return true;
    if (!this.is(2, K.Identifier)) return false;
    return this.is(3, K.Identifier) || this.is(3, K.Less) || this.is(3, K.LBracket) || this.is(3, K.Operator) || this.is(3, K.Cast);
  }

  private isProcHead(): boolean {
    if (this.kinds[this.pos] !== K.Identifier || !this.is(2, K.LParen)) return false;
    if (this.is(3, K.RParen)) return !(this.is(4, K.Semicolon) || this.is(4, K.Comma) || this.is(4, K.Assign));
    if (this.is(3, K.Public) || isPrimitive[this.la(3)] === 1) return true;
    if (!this.is(3, K.Identifier)) return false;
    if (this.is(4, K.Less)) return this.typeArgsThenName(4);
    return this.is(4, K.Identifier) || isPrimitive[this.la(4)] === 1 || (this.is(4, K.LBracket) && this.is(5, K.LBracket));
  }

  private isCastStart(): boolean {
    if (this.kinds[this.pos] !== K.LParen) return false;
    if (isPrimitive[this.la(2)] === 1) return this.is(3, K.RParen);
    if (!this.is(2, K.Identifier) || !this.is(3, K.RParen)) return false;
    const next = this.la(4);
    return isCastFollower[next] === 1;
  }

  // -------------------------------------------------------------------------
  // Module and declarations (parse-declarations.ts)

  module(): A.Module {
    let name: A.Identifier | undefined;
    const imports: A.ImportDecl[] = [];
    const decls: A.TopDecl[] = [];
    if (this.kinds[this.pos] === K.Module) {
      this.consume(K.Module);
      name = this.ident(this.consume(K.Identifier));
      this.consume(K.Semicolon);
    }
    while (this.kinds[this.pos] === K.Import) imports.push(this.importDecl());
    while (this.pos < this.count) decls.push(this.topDecl());
    return { kind: "Module", name, imports, decls, comments: [], start: 0, end: this.text.length };
  }

  private importDecl(): A.ImportDecl {
    const kw = this.consume(K.Import);
    const name = this.ident(this.consume(K.Identifier));
    const semi = this.consume(K.Semicolon);
    return { kind: "Import", name, start: this.start(kw), end: this.end(semi) };
  }

  /** topDecl; a misplaced import or module header, or a stray token, gives up. */
  private topDecl(): A.TopDecl {
    const t = (this.kinds[this.pos] as number);
    if (t === K.Domain) return this.domainDecl();
    if (t === K.Kind) return this.kindDecl();
    if (t === K.Template) return this.templateDecl();
    if (t === K.Struct) return this.structDecl(undefined);
    if (t === K.At) return this.procDecl(undefined);
    if (t === K.Import || t === K.Module) throw giveUp;
    if ((t === K.Void || startsType[t] === 1) && this.isTopTypeStart()) return this.procOrGlobal();
    throw giveUp;
  }

  private domainDecl(): A.DomainDecl {
    const kw = this.consume(K.Domain);
    const name = this.ident(this.consume(K.Identifier));
    const kindName = this.ident(this.consume(K.Identifier));
    const semi = this.consume(K.Semicolon);
    return { kind: "DomainDecl", name, kindName, start: this.start(kw), end: this.end(semi) };
  }

  private kindDecl(): A.KindDecl {
    const kw = this.consume(K.Kind);
    const name = this.ident(this.consume(K.Identifier));
    let types: A.KindTypeDecl[] = [];
    let last: number;
    if (this.kinds[this.pos] === K.Semicolon) last = this.consume(K.Semicolon);
    else {
      this.consume(K.LBrace);
      const listed: A.KindTypeDecl[] = [];
      while (this.kinds[this.pos] === K.Type) listed.push(this.kindType());
      last = this.consume(K.RBrace);
      types = listed;
      if (this.kinds[this.pos] === K.Semicolon) throw giveUp;
    }
    return { kind: "KindDecl", name, types, start: this.start(kw), end: this.end(last) };
  }

  private kindType(): A.KindTypeDecl {
    const kw = this.consume(K.Type);
    const nameTok = this.kinds[this.pos] === K.Identifier ? this.consume(K.Identifier) : this.consumeIn(isPrimitive);
    let publicType: A.PrimitiveType | undefined;
    if (this.kinds[this.pos] === K.LBrace) {
      this.consume(K.LBrace);
      this.consume(K.Public);
      this.consume(K.Assign);
      const p = this.consumeIn(isPrimitive);
      this.consume(K.RBrace);
      publicType = { kind: "PrimitiveType", name: this.image(p) as A.PrimitiveTypeName, start: this.start(p), end: this.end(p) };
    }
    const semi = this.consume(K.Semicolon);
    return { kind: "KindTypeDecl", name: this.ident(nameTok), publicType, start: this.start(kw), end: this.end(semi) };
  }

  private templateHeader(): A.TemplateHeader {
    const kw = this.consume(K.Template);
    this.consume(K.Less);
    const params: A.TemplateParam[] = [this.templateParam()];
    while (this.kinds[this.pos] === K.Comma) {
      this.consume(K.Comma);
      params.push(this.templateParam());
    }
    const close = this.consume(K.Greater);
    return { kind: "TemplateHeader", params, start: this.start(kw), end: this.end(close) };
  }

  private templateParam(): A.TemplateParam {
    if (this.kinds[this.pos] === K.Domain) {
      const kw = this.consume(K.Domain);
      const name = this.ident(this.consume(K.Identifier));
      let kindName: A.Identifier | undefined;
      if (this.kinds[this.pos] === K.Colon) {
        this.consume(K.Colon);
        kindName = this.ident(this.consume(K.Identifier));
      }
      return { kind: "TemplateParam", paramKind: "domain", name, kindName, start: this.start(kw), end: (kindName ?? name).end };
    }
    const paramKind = this.kinds[this.pos] === K.Type ? "type" : "dim";
    const kw = this.consume(paramKind === "type" ? K.Type : K.Dim);
    const name = this.ident(this.consume(K.Identifier));
    return { kind: "TemplateParam", paramKind, name, kindName: undefined, start: this.start(kw), end: name.end };
  }

  private templateDecl(): A.StructDecl | A.ProcDecl {
    const header = this.templateHeader();
    if (this.kinds[this.pos] === K.Struct) return this.structDecl(header);
    return this.procDecl(header);
  }

  private annotation(): A.Annotation {
    const at = this.consume(K.At);
    const name = this.ident(this.consume(K.Identifier));
    let argument: A.StringLiteral | undefined;
    let end = name.end;
    if (this.kinds[this.pos] === K.LParen) {
      this.consume(K.LParen);
      const s = this.consumeIn(isStringLiteral);
      end = this.end(this.consume(K.RParen));
      argument = stringLiteralNode(this.image(s), this.start(s), this.end(s));
    }
    if (name.name !== "deprecated") throw giveUp;
    return { kind: "Annotation", name, argument, start: this.start(at), end };
  }

  private procDecl(template: A.TemplateHeader | undefined): A.ProcDecl {
    const annotations: A.Annotation[] = [];
    while (this.kinds[this.pos] === K.At) annotations.push(this.annotation());
    const returnType = this.returnType();
    return this.buildProc(template, annotations, returnType, this.procRest());
  }

  private buildProc(
    template: A.TemplateHeader | undefined,
    annotations: A.Annotation[],
    returnType: A.TypeExpr | A.VoidType,
    rest: ProcRest,
  ): A.ProcDecl {
    const start = template?.start ?? annotations[0]?.start ?? returnType.start;
    return { kind: "ProcDecl", template, annotations, returnType, ...rest, start, end: rest.body.end };
  }

  private procOrGlobal(): A.ProcDecl | A.VarDecl {
    const returnType = this.returnType();
    if (this.kinds[this.pos] === K.Identifier && !this.isProcHead()) {
      const declarators = this.declarators();
      const semi = this.consume(K.Semicolon);
      if (returnType.kind === "VoidType") throw giveUp;
      return { kind: "VarDecl", type: returnType, declarators, start: returnType.start, end: this.end(semi) };
    }
    return this.buildProc(undefined, [], returnType, this.procRest());
  }

  private procRest(): ProcRest {
    let head: ProcHead;
    if (this.kinds[this.pos] === K.Operator) {
      const kw = this.consume(K.Operator);
      const t = (this.kinds[this.pos] as number);
      if (isBinaryOp[t] !== 1 && t !== K.Bang && t !== K.Tilde) throw giveUp;
      const op = this.pos++;
      const symbol = this.image(op);
      head = {
        form: "operator",
        name: { kind: "Identifier", name: `operator${symbol}`, start: this.start(kw), end: this.end(kw) },
        operator: { symbol: symbol as A.OperatorSymbol, start: this.start(op), end: this.end(op) },
      };
    } else if (this.kinds[this.pos] === K.Cast) {
      const kw = this.consume(K.Cast);
      head = { form: "cast", name: { kind: "Identifier", name: "cast", start: this.start(kw), end: this.end(kw) }, operator: undefined };
    } else {
      head = { form: "procedure", name: this.ident(this.consume(K.Identifier)), operator: undefined };
    }
    const params = this.params();
    const body = this.lazyBodies ? this.lazyBlock() : this.block();
    if (this.kinds[this.pos] === K.Semicolon) throw giveUp;
    return { ...head, params, body };
  }

  /**
   * A procedure body whose statements are parsed when first read: here only the
   * braces are matched. The statements getter parses the saved token range with a
   * parser of its own and then replaces itself with the plain property.
   */
  private lazyBlock(): A.Block {
    const open = this.consume(K.LBrace);
    let depth = 1;
    while (depth > 0) {
      if (this.pos >= this.count) throw giveUp;
      const k = this.kinds[this.pos++];
      if (k === K.LBrace) depth++;
      else if (k === K.RBrace) depth--;
    }
    const close = this.pos - 1;
    const { file, tokens } = this;
    return {
      kind: "Block",
      start: this.start(open),
      end: this.end(close),
      get stmts(): readonly A.Stmt[] {
        const stmts = parseBodyAt(file, tokens, open, close);
        Object.defineProperty(this, "stmts", { value: stmts, enumerable: true });
        return stmts;
      },
    };
  }

  /** The statements of the block whose braces are tokens `open` and `close`. */
  bodyAt(open: number, close: number): readonly A.Stmt[] | undefined {
    this.pos = open;
    try {
      const block = this.block();
      return this.pos === close + 1 ? block.stmts : undefined;
    } catch (e) {
      if (e === giveUp || e instanceof RangeError) return undefined;
      throw e;
    }
  }

  private params(): A.Param[] {
    const params: A.Param[] = [];
    this.consume(K.LParen);
    if (startsType[(this.kinds[this.pos] as number)] === 1) {
      params.push(this.param());
      while (this.kinds[this.pos] === K.Comma) {
        this.consume(K.Comma);
        params.push(this.param());
      }
    }
    this.consume(K.RParen);
    return params;
  }

  private param(): A.Param {
    const type = this.typeExpr();
    const name = this.ident(this.consume(K.Identifier));
    return { kind: "Param", type, name, start: type.start, end: name.end };
  }

  private structDecl(template: A.TemplateHeader | undefined): A.StructDecl {
    const kw = this.consume(K.Struct);
    const name = this.ident(this.consume(K.Identifier));
    this.consume(K.LBrace);
    const fields: A.StructField[] = [];
    while (startsType[(this.kinds[this.pos] as number)] === 1) {
      const type = this.typeExpr();
      const fieldName = this.ident(this.consume(K.Identifier));
      const semi = this.consume(K.Semicolon);
      fields.push({ kind: "StructField", type, name: fieldName, start: type.start, end: this.end(semi) });
    }
    const close = this.consume(K.RBrace);
    if (this.kinds[this.pos] === K.Semicolon) throw giveUp;
    return { kind: "StructDecl", template, name, fields, start: template?.start ?? this.start(kw), end: this.end(close) };
  }

  // -------------------------------------------------------------------------
  // Types (parse-types.ts)

  private returnType(): A.TypeExpr | A.VoidType {
    if (this.kinds[this.pos] === K.Void) {
      const t = this.consume(K.Void);
      return { kind: "VoidType", start: this.start(t), end: this.end(t) };
    }
    return this.typeExpr();
  }

  private typeExpr(): A.TypeExpr {
    let security: A.SecurityExpr | undefined;
    let dim: A.DimExpr | undefined;
    if (this.hasSecurityPrefix()) security = this.security();
    const data = this.dataType();
    if (this.kinds[this.pos] === K.LBracket) dim = this.dims();
    return { kind: "TypeExpr", security, data, dim, start: (security ?? data).start, end: (dim ?? data).end };
  }

  private security(): A.SecurityExpr {
    if (this.kinds[this.pos] === K.Public) {
      const t = this.consume(K.Public);
      return { kind: "PublicSecurity", start: this.start(t), end: this.end(t) };
    }
    const name = this.ident(this.consume(K.Identifier));
    return { kind: "DomainSecurity", name, start: name.start, end: name.end };
  }

  private dataType(): A.DataTypeExpr {
    if (isPrimitive[(this.kinds[this.pos] as number)] === 1) return this.primitiveType();
    return this.namedType();
  }

  private primitiveType(): A.PrimitiveType {
    const t = this.consumeIn(isPrimitive);
    return { kind: "PrimitiveType", name: this.image(t) as A.PrimitiveTypeName, start: this.start(t), end: this.end(t) };
  }

  private namedType(): A.NamedType {
    const name = this.ident(this.consume(K.Identifier));
    let typeArgs: A.TypeArg[] | undefined;
    let end = name.end;
    if (this.kinds[this.pos] === K.Less) {
      this.consume(K.Less);
      typeArgs = [this.typeArg()];
      while (this.kinds[this.pos] === K.Comma) {
        this.consume(K.Comma);
        typeArgs.push(this.typeArg());
      }
      if (this.closedByShift !== undefined) {
        end = this.closedByShift;
        this.closedByShift = undefined;
      } else if (this.kinds[this.pos] === K.Greater) {
        end = this.end(this.consume(K.Greater));
      } else if (this.kinds[this.pos] === K.ShiftRight && this.nestedTypeArgs > 0) {
        const t = this.consume(K.ShiftRight);
        this.closedByShift = this.end(t);
        end = this.end(t);
      } else throw giveUp;
    }
    return { kind: "NamedType", name, typeArgs, start: name.start, end };
  }

  private typeArg(): A.TypeArg {
    const t = (this.kinds[this.pos] as number);
    if (t === K.Public) {
      const i = this.consume(K.Public);
      return { kind: "PublicSecurity", start: this.start(i), end: this.end(i) };
    }
    if (isPrimitive[t] === 1) return this.primitiveType();
    if (t === K.Identifier) {
      this.nestedTypeArgs++;
      try {
        if (this.nestedTypeArgs > maxExpressionDepth) throw giveUp;
        return this.namedType();
      } finally {
        this.nestedTypeArgs--;
      }
    }
    const i = this.consume(K.IntLiteral);
    const e = this.numberLiteral(i, parseIntegerText(this.image(i)));
    if (e.kind !== "IntLiteral") throw giveUp;
    return e;
  }

  private dims(): A.DimExpr {
    const open = this.consume(K.LBracket);
    this.consume(K.LBracket);
    let dim: A.DimExpr;
    if (this.kinds[this.pos] === K.IntLiteral) {
      const t = this.consume(K.IntLiteral);
      const parsed = parseIntegerText(this.image(t));
      const ok = parsed.ok && parsed.kind === "int" && parsed.suffix === undefined && parsed.value <= 255n;
      if (!ok) throw giveUp;
      dim = { kind: "DimLiteral", value: Number(parsed.value), start: 0, end: 0 };
    } else {
      dim = { kind: "DimVar", name: this.ident(this.consume(K.Identifier)), start: 0, end: 0 };
    }
    this.consume(K.RBracket);
    const close = this.consume(K.RBracket);
    return { ...dim, start: this.start(open), end: this.end(close) };
  }

  private castType(): A.DataTypeExpr {
    if (isPrimitive[(this.kinds[this.pos] as number)] === 1) return this.primitiveType();
    const name = this.ident(this.consume(K.Identifier));
    return { kind: "NamedType", name, typeArgs: undefined, start: name.start, end: name.end };
  }

  private typeAnnotation(): A.TypeAnnotation {
    let security: A.SecurityExpr | undefined;
    let data: A.DataTypeExpr | undefined;
    let dim: A.DimExpr | undefined;
    if (this.kinds[this.pos] === K.Public || (this.kinds[this.pos] === K.Identifier && (this.is(2, K.Identifier) || isPrimitive[this.la(2)] === 1))) {
      security = this.security();
    }
    if (this.kinds[this.pos] === K.Identifier || isPrimitive[(this.kinds[this.pos] as number)] === 1) data = this.dataType();
    if (this.kinds[this.pos] === K.LBracket) dim = this.dims();
    const first = security ?? data ?? dim;
    const last = dim ?? data ?? security;
    if (first === undefined || last === undefined) throw giveUp;
    return { kind: "TypeAnnotation", security, data, dim, start: first.start, end: last.end };
  }

  // -------------------------------------------------------------------------
  // Statements (parse-statements.ts)

  private block(): A.Block {
    const open = this.consume(K.LBrace);
    const stmts: A.Stmt[] = [];
    while (this.kinds[this.pos] !== K.RBrace) {
      // the end of input, or a declaration keyword at the start of a line, leaves the block open
      if (this.pos >= this.count || (isDeclarationKeyword[(this.kinds[this.pos] as number)] === 1 && this.startsLine())) throw giveUp;
      stmts.push(this.statement());
    }
    const close = this.consume(K.RBrace);
    return { kind: "Block", stmts, start: this.start(open), end: this.end(close) };
  }

  private statement(): A.Stmt {
    if (++this.stmtDepth > maxStatementDepth) throw giveUp;
    try {
      const t = (this.kinds[this.pos] as number);
      switch (t) {
        case K.LBrace:
          return this.block();
        case K.Semicolon: {
          const i = this.consume(K.Semicolon);
          return { kind: "Empty", start: this.start(i), end: this.end(i) };
        }
        case K.If:
          return this.ifStatement();
        case K.While: {
          const kw = this.consume(K.While);
          const cond = this.parenthesised();
          const body = this.statement();
          return { kind: "While", cond, body, start: this.start(kw), end: body.end };
        }
        case K.Do: {
          const kw = this.consume(K.Do);
          const body = this.statement();
          this.consume(K.While);
          const cond = this.parenthesised();
          const semi = this.consume(K.Semicolon);
          return { kind: "DoWhile", body, cond, start: this.start(kw), end: this.end(semi) };
        }
        case K.For:
          return this.forStatement();
        case K.Break: {
          const kw = this.consume(K.Break);
          const semi = this.consume(K.Semicolon);
          return { kind: "Break", start: this.start(kw), end: this.end(semi) };
        }
        case K.Continue: {
          const kw = this.consume(K.Continue);
          const semi = this.consume(K.Semicolon);
          return { kind: "Continue", start: this.start(kw), end: this.end(semi) };
        }
        case K.Return: {
          const kw = this.consume(K.Return);
          let value: A.Expr | undefined;
          if (startsExpression[(this.kinds[this.pos] as number)] === 1) value = this.expression();
          const semi = this.consume(K.Semicolon);
          return { kind: "Return", value, start: this.start(kw), end: this.end(semi) };
        }
        case K.Assert: {
          const kw = this.consume(K.Assert);
          const cond = this.parenthesised();
          const semi = this.consume(K.Semicolon);
          return { kind: "Assert", cond, start: this.start(kw), end: this.end(semi) };
        }
        case K.Print: {
          const kw = this.consume(K.Print);
          this.consume(K.LParen);
          const args = this.argList();
          this.consume(K.RParen);
          const semi = this.consume(K.Semicolon);
          return { kind: "Print", args, start: this.start(kw), end: this.end(semi) };
        }
        case K.Syscall:
          return this.syscallStatement();
        default:
          if (startsType[t] === 1 && this.isDeclStart()) {
            const type = this.typeExpr();
            const declarators = this.declarators();
            const semi = this.consume(K.Semicolon);
            return { kind: "VarDecl", type, declarators, start: type.start, end: this.end(semi) };
          }
          if (startsExpression[t] === 1) {
            const expr = this.expression();
            const semi = this.consume(K.Semicolon);
            return { kind: "ExprStmt", expr, start: expr.start, end: this.end(semi) };
          }
          throw giveUp;
      }
    } finally {
      this.stmtDepth--;
    }
  }

  /** '(' expression ')' */
  private parenthesised(): A.Expr {
    this.consume(K.LParen);
    const e = this.expression();
    this.consume(K.RParen);
    return e;
  }

  private ifStatement(): A.IfStmt {
    const kw = this.consume(K.If);
    const cond = this.parenthesised();
    const then = this.statement();
    let otherwise: A.Stmt | undefined;
    if (this.kinds[this.pos] === K.Else) {
      this.consume(K.Else);
      otherwise = this.statement();
    }
    return { kind: "If", cond, then, else: otherwise, start: this.start(kw), end: (otherwise ?? then).end };
  }

  private forStatement(): A.ForStmt {
    const kw = this.consume(K.For);
    this.consume(K.LParen);
    let init: A.VarDecl | A.Expr | undefined;
    let cond: A.Expr | undefined;
    let step: A.Expr | undefined;
    const first = (this.kinds[this.pos] as number);
    if (startsType[first] === 1 || startsExpression[first] === 1) {
      if (startsType[first] === 1 && this.isDeclStart()) {
        const type = this.typeExpr();
        const declarators = this.declarators();
        init = { kind: "VarDecl", type, declarators, start: type.start, end: (declarators[declarators.length - 1] as A.Declarator).end };
      } else if (startsExpression[first] === 1) init = this.expression();
      else throw giveUp;
    }
    this.consume(K.Semicolon);
    if (startsExpression[(this.kinds[this.pos] as number)] === 1) cond = this.expression();
    this.consume(K.Semicolon);
    if (startsExpression[(this.kinds[this.pos] as number)] === 1) step = this.expression();
    this.consume(K.RParen);
    const body = this.statement();
    return { kind: "For", init, cond, step, body, start: this.start(kw), end: body.end };
  }

  private declarators(): A.Declarator[] {
    const list = [this.declarator()];
    while (this.kinds[this.pos] === K.Comma) {
      this.consume(K.Comma);
      list.push(this.declarator());
    }
    return list;
  }

  private declarator(): A.Declarator {
    const name = this.ident(this.consume(K.Identifier));
    let shape: A.Expr[] | undefined;
    let init: A.Expr | undefined;
    let end = name.end;
    if (this.kinds[this.pos] === K.LParen) {
      this.consume(K.LParen);
      shape = this.argList();
      end = this.end(this.consume(K.RParen));
    }
    if (this.kinds[this.pos] === K.Assign) {
      this.consume(K.Assign);
      init = this.assignment();
    }
    return { kind: "Declarator", name, shape, init, start: name.start, end: init?.end ?? end };
  }

  private syscallStatement(): A.SyscallStmt {
    const kw = this.consume(K.Syscall);
    this.consume(K.LParen);
    const nameTok = this.consumeIn(isStringLiteral);
    const args: A.SyscallArg[] = [];
    while (this.kinds[this.pos] === K.Comma) {
      this.consume(K.Comma);
      let modeTok: number | undefined;
      if (isSyscallMode[(this.kinds[this.pos] as number)] === 1) modeTok = this.pos++;
      const expr = this.assignment();
      const mode = modeTok === undefined ? "push" : (this.image(modeTok).slice(2) as A.SyscallArg["mode"]);
      args.push({ kind: "SyscallArg", mode, expr, start: modeTok !== undefined ? this.start(modeTok) : expr.start, end: expr.end });
    }
    this.consume(K.RParen);
    const semi = this.consume(K.Semicolon);
    const name = stringLiteralNode(this.image(nameTok), this.start(nameTok), this.end(nameTok));
    return { kind: "Syscall", name, args, start: this.start(kw), end: this.end(semi) };
  }

  // -------------------------------------------------------------------------
  // Expressions (parse-expressions.ts)

  /** One more level of expression nesting (parse-expressions `nested`). */
  private enter(): void {
    if (++this.exprDepth > maxExpressionDepth) throw giveUp;
  }

  private expression(): A.Expr {
    let e = this.assignment();
    while (this.kinds[this.pos] === K.Comma) {
      this.consume(K.Comma);
      const right = this.assignment();
      e = { kind: "Comma", left: e, right, start: e.start, end: right.end };
    }
    return e;
  }

  private assignment(): A.Expr {
    const e = this.annotated();
    if (isAssignOp[(this.kinds[this.pos] as number)] !== 1) return e;
    const op = this.pos++;
    this.enter();
    let value: A.Expr;
    try {
      value = this.assignment();
    } finally {
      this.exprDepth--;
    }
    return { kind: "Assign", op: this.image(op) as A.AssignOp, target: e, value, start: e.start, end: value.end };
  }

  private annotated(): A.Expr {
    let e = this.ternary();
    while (this.kinds[this.pos] === K.ColonColon) {
      this.consume(K.ColonColon);
      const type = this.typeAnnotation();
      e = { kind: "Annotated", expr: e, type, start: e.start, end: Math.max(type.end, e.end) };
    }
    return e;
  }

  private ternary(): A.Expr {
    const e = this.binary();
    if (this.kinds[this.pos] !== K.Question) return e;
    this.consume(K.Question);
    const then = this.annotated();
    this.consume(K.Colon);
    this.enter();
    let otherwise: A.Expr;
    try {
      otherwise = this.ternary();
    } finally {
      this.exprDepth--;
    }
    return { kind: "Ternary", cond: e, then, else: otherwise, start: e.start, end: otherwise.end };
  }

  /** binary := unary (BINARY_OP unary)*, folded by precedence; a chained comparison gives up. */
  private binary(): A.Expr {
    const first = this.unary();
    if (isBinaryOp[(this.kinds[this.pos] as number)] !== 1) return first;
    const operands: A.Expr[] = [first];
    const ops: string[] = [];
    while (isBinaryOp[(this.kinds[this.pos] as number)] === 1) {
      ops.push(this.image(this.pos++));
      operands.push(this.unary());
    }
    const out: A.Expr[] = [first];
    const stack: string[] = [];
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i] as string;
      const level = precedence(op);
      while (stack.length > 0 && precedence(stack[stack.length - 1] as string) >= level) reduce(out, stack);
      stack.push(op);
      out.push(operands[i + 1] as A.Expr);
    }
    while (stack.length > 0) reduce(out, stack);
    return out[0] as A.Expr;
  }

  private unary(): A.Expr {
    this.enter();
    try {
      const t = (this.kinds[this.pos] as number);
      if (t === K.Minus || t === K.Bang || t === K.Tilde || t === K.PlusPlus || t === K.MinusMinus) {
        const op = this.pos++;
        const operand = this.unary();
        const image = this.image(op);
        if (t === K.PlusPlus || t === K.MinusMinus) {
          return { kind: "IncDec", op: image as "++" | "--", prefix: true, operand, start: this.start(op), end: operand.end };
        }
        return { kind: "Unary", op: image as A.UnaryExpr["op"], operand, start: this.start(op), end: operand.end };
      }
      return this.postfix();
    } finally {
      this.exprDepth--;
    }
  }

  private postfix(): A.Expr {
    let e = this.primary();
    for (;;) {
      const t = (this.kinds[this.pos] as number);
      if (t === K.LBracket) {
        this.consume(K.LBracket);
        const indices = [this.indexItem()];
        while (this.kinds[this.pos] === K.Comma) {
          this.consume(K.Comma);
          indices.push(this.indexItem());
        }
        const end = this.end(this.consume(K.RBracket));
        e = { kind: "Index", target: e, indices, start: e.start, end };
      } else if (t === K.Dot) {
        this.consume(K.Dot);
        const field = this.ident(this.consume(K.Identifier));
        e = { kind: "Member", target: e, field, start: e.start, end: field.end };
      } else if (t === K.PlusPlus || t === K.MinusMinus) {
        const op = this.pos++;
        e = { kind: "IncDec", op: this.image(op) as "++" | "--", prefix: false, operand: e, start: e.start, end: this.end(op) };
      } else return e;
    }
  }

  private indexItem(): A.Expr | A.Slice {
    if (this.kinds[this.pos] === K.Colon) {
      const colon = this.consume(K.Colon);
      let hi: A.Expr | undefined;
      if (startsExpression[(this.kinds[this.pos] as number)] === 1) hi = this.assignment();
      return { kind: "Slice", lo: undefined, hi, start: this.start(colon), end: hi?.end ?? this.end(colon) };
    }
    const lo = this.assignment();
    if (this.kinds[this.pos] !== K.Colon) return lo;
    const colon = this.consume(K.Colon);
    let hi: A.Expr | undefined;
    if (startsExpression[(this.kinds[this.pos] as number)] === 1) hi = this.assignment();
    return { kind: "Slice", lo, hi, start: lo.start, end: hi?.end ?? this.end(colon) };
  }

  private argList(): A.Expr[] {
    const args: A.Expr[] = [];
    if (startsExpression[(this.kinds[this.pos] as number)] !== 1) return args;
    args.push(this.assignment());
    while (this.kinds[this.pos] === K.Comma) {
      this.consume(K.Comma);
      args.push(this.assignment());
    }
    return args;
  }

  private numberLiteral(i: number, parsed: ReturnType<typeof parseIntegerText>): A.Expr {
    const { node, diagnostic } = numberLiteralNode(this.file, this.image(i), this.start(i), this.end(i), parsed);
    if (diagnostic !== undefined) throw giveUp;
    return node;
  }

  private primary(): A.Expr {
    const t = (this.kinds[this.pos] as number);
    switch (t) {
      case K.IntLiteral: {
        const i = this.pos++;
        return this.numberLiteral(i, parseIntegerText(this.image(i)));
      }
      case K.FloatLiteral: {
        const i = this.pos++;
        return this.numberLiteral(i, parseFloatText(this.image(i)));
      }
      case K.TerminatedString: {
        const i = this.pos++;
        return stringLiteralNode(this.image(i), this.start(i), this.end(i));
      }
      case K.True:
      case K.False: {
        const i = this.pos++;
        return { kind: "BoolLiteral", value: t === K.True, start: this.start(i), end: this.end(i) };
      }
      case K.Identifier: {
        const i = this.pos++;
        const start = this.start(i);
        if (this.kinds[this.pos] !== K.LParen) return { kind: "Name", name: this.image(i), start, end: this.end(i) };
        this.consume(K.LParen);
        const args = this.argList();
        const end = this.end(this.consume(K.RParen));
        return { kind: "Call", callee: this.ident(i), args, start, end };
      }
      case K.LParen: {
        if (this.isCastStart()) {
          const open = this.consume(K.LParen);
          const type = this.castType();
          this.consume(K.RParen);
          const operand = this.unary();
          return { kind: "Cast", type, operand, start: this.start(open), end: operand.end };
        }
        const open = this.consume(K.LParen);
        const expr = this.expression();
        const close = this.consume(K.RParen);
        return { kind: "Paren", expr, start: this.start(open), end: this.end(close) };
      }
      case K.LBrace: {
        const open = this.consume(K.LBrace);
        const elements = this.argList();
        const close = this.consume(K.RBrace);
        return { kind: "ArrayLiteral", elements, start: this.start(open), end: this.end(close) };
      }
      case K.FpuState: {
        const i = this.pos++;
        return { kind: "Builtin", name: "__fpu_state", args: [], start: this.start(i), end: this.end(i) };
      }
      default: {
        if (isBuiltin[t] !== 1) throw giveUp;
        const i = this.pos++;
        this.consume(K.LParen);
        const args = this.argList();
        const close = this.consume(K.RParen);
        return { kind: "Builtin", name: this.image(i) as A.BuiltinName, args, start: this.start(i), end: this.end(close) };
      }
    }
  }
}

/** Combines the top two operands with the top operator (parse-expressions `reduceBinary`); a chained comparison gives up. */
function reduce(out: A.Expr[], stack: string[]): void {
  const op = stack.pop() as string;
  const right = out.pop() as A.Expr;
  const left = out.pop() as A.Expr;
  const level = precedence(op);
  if ((level === 7 || level === 6) && left.kind === "Binary" && T.binaryPrecedence[left.op] === level) throw giveUp;
  out.push({ kind: "Binary", op: op as A.BinaryOp, left, right, start: left.start, end: right.end });
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
