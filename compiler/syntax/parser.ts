/**
 * The SecreC 2 parser (secrec-reference.md §2, §4, §5): chevrotain tokens → the typed
 * AST of ast.ts, with error recovery. One EmbeddedActionsParser instance lives at
 * module level and is reset by assigning its input; rules build AST nodes directly.
 *
 * Ambiguities the grammar resolves with lookahead (gates, see `isDeclStart`,
 * `hasSecurityPrefix`, `isProcHead`, `isCastStart`):
 * - `D T x` vs `T x`: in a type followed by a name, `ID ID` is security + data type
 *   only when a third name, `<`, `[`, `operator` or `cast` follows; `ID prim` is
 *   always security + primitive.
 * - statement start: a declaration when it starts with `public` or a primitive type, or
 *   with `ID ID`, `ID prim`, `ID [[`, or `ID <...> [ [[..]] ] ID`; otherwise an expression.
 * - `T f(...)` vs a global `T x(3);`: a procedure when the parenthesis is empty and not
 *   followed by `;`, `,` or `=`, or starts like a parameter (a type followed by a name).
 * - `(T) e` vs `(x) - y`: `(prim) e` is always a cast; `(ID) e` is a cast only when the
 *   token after `)` starts an operand and cannot continue a binary expression: a name,
 *   a literal, `(`, `!`, `~` or a built-in keyword. So `(T) -x` parses as `T - x`;
 *   write `(T) (-x)`.
 * - After `::`, a lone identifier is recorded as a data type (`NamedType`); whether it
 *   names a domain (`x :: pd_shared3p`) is for name resolution to decide.
 *
 * - A nested struct type argument list may end with `>>` (`pair<D, box<T>>`), which
 *   closes two lists.
 *
 * The grammar is LL(1) plus these gates (`maxLookahead: 1`): with LL(3) chevrotain's
 * lookahead analysis took tens of seconds at start-up, for no gain.
 *
 * Binary operators are parsed as a flat operand/operator list and folded by
 * precedence (§2 levels 5–14); `<`-level and `==`-level operators are non-associative
 * (chaining is reported, SC1106, and the tree is built left-associatively).
 *
 * Error recovery: expression rules re-sync (chevrotain) and yield `ErrorExpr`;
 * statements and top-level declarations that fail are caught in the enclosing
 * block/module loop, which skips to a synchronisation point (`;`, a closing brace, a
 * statement or declaration keyword at the start of a line) and inserts an
 * `ErrorStmt`/`ErrorDecl`. Stray tokens are skipped the same way. The tree never
 * contains `undefined` where a node is required.
 */
import {
  EmbeddedActionsParser,
  EOF,
  isRecognitionException,
  tokenMatcher,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from "chevrotain";
import type * as A from "./ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Syntax } from "../diagnostics/messages/syntax.js";
import { SourceFile } from "../source/source-file.js";
import { clearMessages, errorMessageProvider, describeToken } from "./errors.js";
import {
  floatOverflows,
  maxLiteral,
  parseFloatText,
  parseIntegerText,
  parseStringText,
  suffixMax,
  suffixTypeName,
  type NumberParse,
} from "./literals.js";
import * as T from "./tokens.js";

const production = process.env.NODE_ENV === "production";

type Ranged = { readonly start: number; readonly end: number };

function binaryLevel(t: IToken): number {
  return T.binaryPrecedence[t.image as A.BinaryOp] ?? 0;
}

/** Keywords at the start of a line where statement recovery stops. */
const statementStarters: ReadonlySet<TokenType> = new Set([
  T.If, T.While, T.For, T.Do, T.Return, T.Break, T.Continue, T.Assert, T.Print, T.Syscall, T.Public,
]);
/**
 * Keywords that only start top-level declarations: at the start of a line they end
 * an unclosed block and stop every kind of recovery.
 */
const declarationKeywords: ReadonlySet<TokenType> = new Set([T.Template, T.Struct, T.Domain, T.Kind, T.Import, T.At, T.Void]);
/** Tokens at the start of a line where top-level recovery stops (outside braces). */
const topLevelStarters: ReadonlySet<TokenType> = new Set([...declarationKeywords, T.Public, T.Identifier]);
/** Tokens that can start an operand but not continue a binary expression (cast detection). */
const castFollowers: ReadonlySet<TokenType> = new Set([
  T.Identifier, T.IntLiteral, T.FloatLiteral, T.TerminatedString, T.UnterminatedString, T.True, T.False,
  T.LParen, T.Bang, T.Tilde, T.FpuState,
]);

const noResync = { resyncEnabled: false };

class SecrecParser extends EmbeddedActionsParser {
  private file = new SourceFile("", "");
  /** Diagnostics found by semantic actions (literals, stray tokens); chevrotain keeps its own in `errors`. */
  extra: Diagnostic[] = [];
  /** Offset where an unclosed block was last reported. */
  private unclosedAt = -1;
  /** Depth of struct type arguments being parsed (a '>>' may close two lists). */
  private nestedTypeArgs = 0;
  /** Set when a nested type argument list ended with '>>': the end of that token. */
  private closedByShift: number | undefined;

  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 1,
      errorMessageProvider,
      skipValidations: production,
      traceInitPerf: process.env.SECC_TRACE_PARSER_INIT === "1" ? 3 : false,
    });
    // Disable chevrotain's in-repetition recovery (re-syncing a MANY loop by skipping
    // tokens): the block and module loops recover explicitly, and the hook ran after
    // every loop. chevrotain 11.2 installs it per instance when recovery is enabled.
    (this as unknown as { attemptInRepetitionRecovery: () => void }).attemptInRepetitionRecovery = () => {};
    this.performSelfAnalysis();
  }

  /** Prepares a run over `tokens` of `file`. */
  begin(file: SourceFile, tokens: IToken[]): void {
    this.file = file;
    this.extra = [];
    this.unclosedAt = -1;
    this.nestedTypeArgs = 0;
    this.closedByShift = undefined;
    clearMessages();
    this.input = tokens;
  }

  /**
   * Alternatives and option objects built once per parser and reused on every call,
   * as chevrotain's performance guide recommends (they must not capture locals).
   */
  private readonly memo = new Map<string, unknown>();

  private once<V>(key: string, build: () => V): V {
    let v = this.memo.get(key) as V | undefined;
    if (v === undefined) {
      v = build();
      this.memo.set(key, v);
    }
    return v;
  }

  // -------------------------------------------------------------------------
  // Token helpers

  private prevEnd(): number {
    const p = this.LA(0);
    return p.tokenType === EOF || Number.isNaN(p.startOffset) ? 0 : p.startOffset + p.image.length;
  }

  private tStart(t: IToken): number {
    if (this.RECORDING_PHASE) return 0;
    if (t.tokenType === EOF) return this.file.text.length;
    return Number.isNaN(t.startOffset) ? this.prevEnd() : t.startOffset;
  }

  private tEnd(t: IToken): number {
    if (this.RECORDING_PHASE) return 0;
    if (t.tokenType === EOF) return this.file.text.length;
    return Number.isNaN(t.startOffset) ? this.prevEnd() : t.startOffset + t.image.length;
  }

  private ident(t: IToken): A.Identifier {
    return { kind: "Identifier", name: t.image, start: this.tStart(t), end: this.tEnd(t) };
  }

  private report(d: Diagnostic): void {
    this.extra.push(d);
  }

  private spanOf(r: Ranged): { file: SourceFile; start: number; end: number } {
    return { file: this.file, start: r.start, end: r.end };
  }

  private tokenSpan(t: IToken): { file: SourceFile; start: number; end: number } {
    return { file: this.file, start: this.tStart(t), end: this.tEnd(t) };
  }

  private is(i: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(i), type);
  }

  /** Whether a line break separates token `t` from the token before it. */
  private startsLine(t: IToken): boolean {
    const from = this.prevEnd();
    const to = this.tStart(t);
    const text = this.file.text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) return true;
    }
    return from === 0;
  }

  // -------------------------------------------------------------------------
  // Lookahead gates (see the header)

  private isDeclStart(): boolean {
    if (this.is(1, T.Public) || this.is(1, T.PrimitiveType)) return true;
    if (!this.is(1, T.Identifier)) return false;
    if (this.is(2, T.Identifier) || this.is(2, T.PrimitiveType)) return true;
    if (this.is(2, T.LBracket)) return this.is(3, T.LBracket);
    if (this.is(2, T.Less)) return this.typeArgsThenName(2);
    return false;
  }

  /**
   * From a `<` at LA(i): balanced type arguments, optional `[[..]]`, then a name (or,
   * with `orProcKeyword`, `operator`/`cast` as in a definition's return type).
   */
  private typeArgsThenName(i: number, orProcKeyword = false): boolean {
    let depth = 0;
    let j = i;
    for (;;) {
      const t = this.LA(j);
      if (tokenMatcher(t, T.Less)) depth++;
      else if (tokenMatcher(t, T.Greater)) depth--;
      else if (tokenMatcher(t, T.ShiftRight)) depth -= 2;
      else if (
        !tokenMatcher(t, T.Identifier) && !tokenMatcher(t, T.PrimitiveType) && !tokenMatcher(t, T.Public) &&
        !tokenMatcher(t, T.IntLiteral) && !tokenMatcher(t, T.Comma)
      ) return false;
      j++;
      if (depth <= 0) break;
    }
    if (depth < 0) return false;
    if (this.is(j, T.LBracket) && this.is(j + 1, T.LBracket)) j += 5;
    return this.is(j, T.Identifier) || (orProcKeyword && (this.is(j, T.Operator) || this.is(j, T.Cast)));
  }

  /** A top-level declaration starting with a (return) type, as opposed to a stray statement. */
  private isTopTypeStart(): boolean {
    if (this.is(1, T.Void) || this.is(1, T.Public) || this.is(1, T.PrimitiveType)) return true;
    if (this.is(1, T.Identifier) && (this.is(2, T.Operator) || this.is(2, T.Cast))) return true;
    if (this.is(1, T.Identifier) && this.is(2, T.Less)) return this.typeArgsThenName(2, true);
    return this.isDeclStart();
  }

  private hasSecurityPrefix(): boolean {
    if (this.is(1, T.Public)) return true;
    if (!this.is(1, T.Identifier)) return false;
    if (this.is(2, T.PrimitiveType)) return true;
    if (!this.is(2, T.Identifier)) return false;
    return this.is(3, T.Identifier) || this.is(3, T.Less) || this.is(3, T.LBracket) || this.is(3, T.Operator) || this.is(3, T.Cast);
  }

  private isProcHead(): boolean {
    if (!this.is(1, T.Identifier) || !this.is(2, T.LParen)) return false;
    if (this.is(3, T.RParen)) return !(this.is(4, T.Semicolon) || this.is(4, T.Comma) || this.is(4, T.Assign));
    if (this.is(3, T.Public) || this.is(3, T.PrimitiveType)) return true;
    if (!this.is(3, T.Identifier)) return false;
    if (this.is(4, T.Less)) return this.typeArgsThenName(4);
    return this.is(4, T.Identifier) || this.is(4, T.PrimitiveType) || (this.is(4, T.LBracket) && this.is(5, T.LBracket));
  }

  private isCastStart(): boolean {
    if (!this.is(1, T.LParen)) return false;
    if (this.is(2, T.PrimitiveType)) return this.is(3, T.RParen);
    if (!this.is(2, T.Identifier) || !this.is(3, T.RParen)) return false;
    const next = this.LA(4);
    return castFollowers.has(next.tokenType) || tokenMatcher(next, T.BuiltinCall);
  }

  // -------------------------------------------------------------------------
  // Recovery

  private errorExpr(e: IRecognitionException): A.ErrorExpr {
    const start = this.tStart(e.token);
    return { kind: "ErrorExpr", start, end: Math.max(start, this.prevEnd()) };
  }

  /** Skips to the end of the current statement (see the header). */
  private syncStatement(): void {
    let depth = 0;
    for (;;) {
      const t = this.LA(1);
      const type = t.tokenType;
      if (type === EOF || this.atDeclarationKeyword()) return;
      if (type === T.LBrace) depth++;
      else if (type === T.RBrace) {
        if (depth === 0) return;
        depth--;
        this.SKIP_TOKEN();
        if (depth === 0) return;
        continue;
      } else if (depth === 0) {
        if (type === T.Semicolon) {
          this.SKIP_TOKEN();
          return;
        }
        if ((statementStarters.has(type) || tokenMatcher(t, T.PrimitiveType)) && this.startsLine(t)) return;
      }
      this.SKIP_TOKEN();
    }
  }

  /** Whether LA(1) is a declaration-only keyword at the start of a line. */
  private atDeclarationKeyword(): boolean {
    const t = this.LA(1);
    return declarationKeywords.has(t.tokenType) && this.startsLine(t);
  }

  /**
   * Skips to the next top-level declaration; `depth` counts braces already open in
   * the failed declaration (so `kind k { type ; }` is skipped as a whole).
   */
  private syncTopLevel(depth = 0): void {
    for (;;) {
      const t = this.LA(1);
      const type = t.tokenType;
      if (type === EOF || this.atDeclarationKeyword()) return;
      if (type === T.LBrace) depth++;
      else if (type === T.RBrace) {
        this.SKIP_TOKEN();
        if (depth > 0 && --depth === 0) return;
        continue;
      } else if (depth === 0) {
        if (type === T.Semicolon) {
          this.SKIP_TOKEN();
          return;
        }
        if ((topLevelStarters.has(type) || tokenMatcher(t, T.PrimitiveType)) && this.startsLine(t)) return;
      }
      this.SKIP_TOKEN();
    }
  }

  /**
   * After a failed initialiser: skips to the `,` or `;` ending it (outside brackets)
   * and stands in an ErrorExpr, so the declaration and its name survive.
   */
  private recoverInitializer(eq: IToken): A.ErrorExpr {
    let depth = 0;
    for (;;) {
      const t = this.LA(1);
      const type = t.tokenType;
      if (type === EOF) break;
      if (type === T.LParen || type === T.LBracket || type === T.LBrace) depth++;
      else if (type === T.RParen || type === T.RBracket || type === T.RBrace) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (type === T.Comma || type === T.Semicolon)) break;
      else if (depth === 0 && statementStarters.has(type) && this.startsLine(t)) break;
      this.SKIP_TOKEN();
    }
    const start = this.tEnd(eq);
    return { kind: "ErrorExpr", start, end: Math.max(start, this.prevEnd()) };
  }

  private recoverStatement(before: IToken): A.ErrorStmt {
    const start = this.tStart(before);
    if (this.LA(1) === before && before.tokenType !== T.RBrace && before.tokenType !== EOF) this.SKIP_TOKEN();
    this.syncStatement();
    return { kind: "ErrorStmt", start, end: Math.max(start, this.prevEnd()) };
  }

  private recoverTopLevel(before: IToken): A.ErrorDecl {
    const start = this.tStart(before);
    if (this.LA(1) === before && before.tokenType !== EOF) this.SKIP_TOKEN();
    this.syncTopLevel(this.bracesOpenedSince(before));
    return { kind: "ErrorDecl", start, end: Math.max(start, this.prevEnd()) };
  }

  /** Net number of `{` among the tokens consumed since `from` (a token of the input). */
  private bracesOpenedSince(from: IToken): number {
    const tokens = this.input;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid] as IToken).startOffset < from.startOffset) lo = mid + 1;
      else hi = mid;
    }
    let depth = 0;
    const stop = this.LA(0);
    for (let i = lo; i < tokens.length; i++) {
      const t = tokens[i] as IToken;
      if (t.tokenType === T.LBrace) depth++;
      else if (t.tokenType === T.RBrace) depth = Math.max(0, depth - 1);
      if (t === stop) break;
    }
    return depth;
  }

  private strayStatement(t: IToken): A.ErrorStmt {
    this.report(Syntax.expectedStatement.at(this.tokenSpan(t), describeToken(t)));
    this.syncStatement();
    return { kind: "ErrorStmt", start: this.tStart(t), end: this.prevEnd() };
  }

  private strayTopLevel(t: IToken): A.ErrorDecl {
    const looksLikeStatement = statementStarters.has(t.tokenType) || (tokenMatcher(t, T.Identifier) && !this.is(1, T.Identifier));
    const help = looksLikeStatement ? ["statements are only allowed inside procedure bodies, such as 'void main() { ... }'"] : [];
    this.report(Syntax.expectedDeclaration.with(this.tokenSpan(t), { help }, describeToken(t)));
    this.syncTopLevel();
    return { kind: "ErrorDecl", start: this.tStart(t), end: this.prevEnd() };
  }

  /** A stray `;` after a struct, kind or procedure body. */
  private trailingSemicolon(t: IToken, what: string): void {
    const span = this.tokenSpan(t);
    this.report(
      Syntax.trailingSemicolon.with(
        span,
        {
          help: [`remove the ';': in SecreC a ${what} ends with its '}'`],
          fixes: [{ message: "remove the ';'", edits: [{ span, newText: "" }] }],
        },
        what,
      ),
    );
  }

  // -------------------------------------------------------------------------
  // Literals

  private numberLiteral(t: IToken, parsed: NumberParse): A.Expr {
    const start = this.tStart(t);
    const end = this.tEnd(t);
    const raw = t.image;
    const span = { file: this.file, start, end };
    if (!parsed.ok) {
      if (parsed.problem === "digits") this.report(Syntax.invalidIntegerLiteral.at(span, raw, parsed.reason));
      else {
        const help =
          parsed.suffix === "u" || parsed.suffix === "l" || parsed.suffix === "U" || parsed.suffix === "L"
            ? [`SecreC has no '${parsed.suffix}' suffix: write a width such as '${raw.slice(0, -parsed.suffix.length)}u64', or annotate with '::'`]
            : ["integer suffixes are u8 u16 u32 u64 i8 i16 i32 i64; decimal and float literals may take f32 or f64"];
        this.report(Syntax.invalidLiteralSuffix.with(span, { help }, raw, parsed.suffix));
      }
      return { kind: "ErrorExpr", start, end };
    }
    if (parsed.kind === "float") {
      if (floatOverflows(parsed.value, parsed.suffix)) {
        this.report(Syntax.floatTooLarge.at(span, raw, parsed.suffix === "f32" ? "float32" : "float64"));
      }
      return { kind: "FloatLiteral", raw, value: parsed.value, suffix: parsed.suffix, start, end };
    }
    if (parsed.value > maxLiteral) this.report(Syntax.literalTooLarge.at(span, raw));
    else if (parsed.suffix !== undefined && parsed.value > suffixMax(parsed.suffix)) {
      const help = parsed.suffix.startsWith("i")
        ? [`a literal is never negative: '-${raw}' applies '-' to '${raw}'; write '-${raw.slice(0, -parsed.suffix.length)} :: ${suffixTypeName(parsed.suffix)}' for the minimum`]
        : [];
      this.report(Syntax.literalOutOfRange.with(span, { help }, raw, suffixTypeName(parsed.suffix), String(suffixMax(parsed.suffix))));
    }
    return { kind: "IntLiteral", raw, value: parsed.value, suffix: parsed.suffix, start, end };
  }

  private stringLiteral(t: IToken): A.StringLiteral {
    const start = this.tStart(t);
    return { kind: "StringLiteral", raw: t.image, parts: parseStringText(t.image, start).parts, start, end: this.tEnd(t) };
  }

  /** Folds operands and operators by precedence (all levels left-associative). */
  private foldBinary(operands: A.Expr[], ops: IToken[]): A.Expr {
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
  private reduceBinary(out: A.Expr[], stack: IToken[]): void {
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

  // -------------------------------------------------------------------------
  // Module and top-level declarations

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
  private moduleHeader = this.RULE(
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
  private importDecl = this.RULE(
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
  private topDecl = this.RULE(
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
  private domainDecl = this.RULE(
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

  /** kind_decl := 'kind' ID '{' kind_type* '}' */
  private kindDecl = this.RULE(
    "kindDecl",
    (): A.KindDecl => {
      const kw = this.CONSUME(T.Kind);
      const name = this.ident(this.CONSUME(T.Identifier));
      this.CONSUME(T.LBrace);
      const types: A.KindTypeDecl[] = [];
      this.MANY(() => {
        types.push(this.SUBRULE(this.kindType));
      });
      const close = this.CONSUME(T.RBrace);
      this.OPTION(() => {
        const semi = this.CONSUME(T.Semicolon);
        this.ACTION(() => this.trailingSemicolon(semi, "kind declaration"));
      });
      return { kind: "KindDecl", name, types, start: this.tStart(kw), end: this.tEnd(close) };
    },
    noResync,
  );

  /** kind_type := 'type' NAME ';' | 'type' NAME '{' 'public' '=' PRIM '}' ';' */
  private kindType = this.RULE(
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
  private templateHeader = this.RULE(
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
  private templateParam = this.RULE(
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
  private templateDecl = this.RULE(
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
  private annotation = this.RULE(
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
  private procDecl = this.RULE(
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

  private buildProc(
    template: A.TemplateHeader | undefined,
    annotations: A.Annotation[],
    returnType: A.TypeExpr | A.VoidType,
    rest: ProcRest,
  ): A.ProcDecl {
    const start = template?.start ?? annotations[0]?.start ?? returnType.start;
    return { kind: "ProcDecl", template, annotations, returnType, ...rest, start, end: rest.body.end };
  }

  /** A declaration starting with a type: a procedure definition or a global variable. */
  private procOrGlobal = this.RULE(
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
  private globalVarRest = this.RULE(
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
  private procRest = this.RULE(
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
  private operatorSymbol = this.RULE(
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
  private params = this.RULE(
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

  private param = this.RULE(
    "param",
    (): A.Param => {
      const type = this.SUBRULE(this.typeExpr);
      const name = this.ident(this.CONSUME(T.Identifier));
      return { kind: "Param", type, name, start: type.start, end: name.end };
    },
    noResync,
  );

  /** struct_decl := 'struct' ID '{' (type ID ';')* '}' — a ';' after '}' is an error */
  private structDecl = this.RULE(
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

  private structField = this.RULE(
    "structField",
    (): A.StructField => {
      const type = this.SUBRULE(this.typeExpr);
      const name = this.ident(this.CONSUME(T.Identifier));
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "StructField", type, name, start: type.start, end: this.tEnd(semi) };
    },
    noResync,
  );

  // -------------------------------------------------------------------------
  // Types

  /** ret_type := 'void' | type */
  private returnType = this.RULE(
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
  private typeExpr = this.RULE(
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
  private security = this.RULE(
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
  private dataType = this.RULE(
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

  private namedType = this.RULE(
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
  private typeArg = this.RULE(
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
  private dims = this.RULE(
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
  private castType = this.RULE(
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
  private typeAnnotation = this.RULE(
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

  // -------------------------------------------------------------------------
  // Statements

  /** block := '{' statement* '}' */
  private block = this.RULE(
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

  private statement = this.RULE(
    "statement",
    (): A.Stmt =>
      this.OR(this.once("statement", () => ({
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
      }))),
    noResync,
  );

  /** A declaration or an expression statement, told apart by `isDeclStart`. */
  private declOrExprStatement = this.RULE(
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
  private varDeclStatement = this.RULE(
    "varDeclStatement",
    (): A.VarDecl => {
      const type = this.SUBRULE(this.typeExpr);
      const declarators = this.SUBRULE(this.declarators);
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "VarDecl", type, declarators, start: type.start, end: this.tEnd(semi) };
    },
    noResync,
  );

  private declarators = this.RULE(
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
  private declarator = this.RULE(
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

  private ifStatement = this.RULE(
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

  private whileStatement = this.RULE(
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

  private doWhileStatement = this.RULE(
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
  private forStatement = this.RULE(
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

  private breakStatement = this.RULE(
    "breakStatement",
    (): A.BreakStmt => {
      const kw = this.CONSUME(T.Break);
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "Break", start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  private continueStatement = this.RULE(
    "continueStatement",
    (): A.ContinueStmt => {
      const kw = this.CONSUME(T.Continue);
      const semi = this.CONSUME(T.Semicolon);
      return { kind: "Continue", start: this.tStart(kw), end: this.tEnd(semi) };
    },
    noResync,
  );

  private returnStatement = this.RULE(
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

  private assertStatement = this.RULE(
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

  private printStatement = this.RULE(
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
  private syscallStatement = this.RULE(
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
  private syscallArg = this.RULE(
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

  private exprStatement = this.RULE(
    "exprStatement",
    (): A.ExprStmt => {
      const expr = this.SUBRULE(this.expression);
      const semi = this.CONSUME(T.Semicolon);
      return this.ACTION(() => ({ kind: "ExprStmt", expr, start: expr.start, end: this.tEnd(semi) }));
    },
    noResync,
  );

  // -------------------------------------------------------------------------
  // Expressions

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
  private assignment = this.RULE(
    "assignment",
    (): A.Expr => {
      let e = this.SUBRULE(this.annotated);
      this.OPTION(() => {
        const op = this.CONSUME(T.AssignOp);
        const value = this.SUBRULE(this.assignment);
        e = this.ACTION((): A.Expr => ({ kind: "Assign", op: op.image as A.AssignOp, target: e, value, start: e.start, end: value.end }));
      });
      return e;
    },
    { recoveryValueFunc: (e) => this.errorExpr(e) },
  );

  /** annotated := ternary ( '::' type_annotation )* */
  private annotated = this.RULE(
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
  private ternary = this.RULE(
    "ternary",
    (): A.Expr => {
      let e = this.SUBRULE(this.binary);
      this.OPTION(() => {
        this.CONSUME(T.Question);
        const then = this.SUBRULE(this.annotated);
        this.CONSUME(T.Colon);
        const otherwise = this.SUBRULE(this.ternary);
        e = this.ACTION((): A.Expr => ({ kind: "Ternary", cond: e, then, else: otherwise, start: e.start, end: otherwise.end }));
      });
      return e;
    },
    noResync,
  );

  /** binary := unary ( BINARY_OP unary )*   folded by precedence */
  private binary = this.RULE(
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
  private unary = this.RULE(
    "unary",
    (): A.Expr =>
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
    noResync,
  );

  /** postfix := primary ( '[' index (',' index)* ']' | '.' ID | '++' | '--' )* */
  private postfix = this.RULE(
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
  private indexItem = this.RULE(
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
  private argList = this.RULE(
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
  private primary = this.RULE(
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

  // -------------------------------------------------------------------------
  // Recovery policy

  /**
   * Re-sync on the concrete token found, not on the follow-set entry it matched:
   * follow sets contain categories (`AnyToken` from the stray-token alternatives), and
   * chevrotain's default would report the category and then fail the exact-type
   * membership test of `isInCurrentRuleReSyncSet`, so no expression rule could ever
   * re-sync. (Overrides chevrotain 11.2 internals of the same names.)
   */
  protected findReSyncTokenType(): TokenType {
    const follows = (this as unknown as Internals).flattenFollowSet();
    for (let k = 1; ; k++) {
      const t = this.LA(k);
      if (t.tokenType === EOF || follows.some((f) => tokenMatcher(t, f))) return t.tokenType;
    }
  }

  protected isInCurrentRuleReSyncSet(tokType: TokenType): boolean {
    const self = this as unknown as Internals;
    const set = self.getFollowSetFromFollowKey(self.getCurrFollowKey());
    return set.some((f) => f === tokType || f.categoryMatchesMap?.[tokType.tokenTypeIdx as number] === true);
  }

  /** Only closing punctuation is ever invented by single-token insertion. */
  protected override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    if (tokType === T.Semicolon) {
      const next = this.LA(1);
      return next.tokenType === EOF || next.tokenType === T.RBrace || this.startsLine(next);
    }
    return tokType === T.RParen || tokType === T.RBracket || tokType === T.Greater;
  }
}

/** chevrotain 11.2 recovery internals used by the re-sync overrides. */
interface Internals {
  flattenFollowSet(): TokenType[];
  getCurrFollowKey(): unknown;
  getFollowSetFromFollowKey(key: unknown): TokenType[];
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

interface ProcHead {
  readonly form: A.ProcDecl["form"];
  readonly name: A.Identifier;
  readonly operator: A.ProcDecl["operator"];
}

interface ProcRest extends ProcHead {
  readonly params: A.Param[];
  readonly body: A.Block;
}

/** The one parser instance (construction runs chevrotain's grammar analysis once). */
export const parser = new SecrecParser();

export interface ParseRun<T> {
  readonly result: T;
  readonly errors: IRecognitionException[];
  readonly extra: Diagnostic[];
}

/** Parses a whole module from `tokens` of `file`. */
export function parseTokens(file: SourceFile, tokens: IToken[]): ParseRun<A.Module> {
  parser.begin(file, tokens);
  const result = parser.module();
  return { result, errors: [...parser.errors], extra: parser.extra };
}

/** Parses one expression (the whole input) from `tokens` of `file`. */
export function parseExpressionTokens(file: SourceFile, tokens: IToken[]): ParseRun<A.Expr> {
  parser.begin(file, tokens);
  const result = parser.expression();
  return { result, errors: [...parser.errors], extra: parser.extra };
}
