/**
 * The base of the SecreC parser (see parser.ts for the grammar overview): the
 * chevrotain configuration, per-run state, token and offset helpers, the lookahead
 * gates that resolve the grammar's ambiguities, error recovery (synchronisation,
 * stray tokens, re-sync overrides) and literal nodes. The grammar rules live in the
 * layers above it: parse-types.ts, parse-expressions.ts, parse-statements.ts and
 * parse-declarations.ts, each extending the one before.
 */
import {
  EmbeddedActionsParser,
  EOF,
  NoViableAltException,
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
import type { NumberParse } from "./literals.js";
import { numberLiteralNode, stringLiteralNode } from "./literal-nodes.js";
import * as T from "./tokens.js";

/**
 * chevrotain's definition checks run under the test runner (vitest sets VITEST) or
 * with SECC_VALIDATE_GRAMMAR=1; shipped programs skip them (they cost start-up time).
 */
const validate = process.env.VITEST !== undefined || process.env.SECC_VALIDATE_GRAMMAR === "1";

type Ranged = { readonly start: number; readonly end: number };


/** Keywords at the start of a line where statement recovery stops. */
export const statementStarters: ReadonlySet<TokenType> = new Set([
  T.If, T.While, T.For, T.Do, T.Return, T.Break, T.Continue, T.Assert, T.Print, T.Syscall, T.Public,
]);
/**
 * Keywords that only start top-level declarations: at the start of a line they end
 * an unclosed block and stop every kind of recovery.
 */
export const declarationKeywords: ReadonlySet<TokenType> = new Set([T.Template, T.Struct, T.Domain, T.Kind, T.Import, T.At, T.Void]);
/** Tokens at the start of a line where top-level recovery stops (outside braces). */
export const topLevelStarters: ReadonlySet<TokenType> = new Set([...declarationKeywords, T.Public, T.Identifier]);
/** Tokens that can start an operand but not continue a binary expression (cast detection). */
export const castFollowers: ReadonlySet<TokenType> = new Set([
  T.Identifier, T.IntLiteral, T.FloatLiteral, T.TerminatedString, T.UnterminatedString, T.True, T.False,
  T.LParen, T.Bang, T.Tilde, T.FpuState,
]);

export const noResync = { resyncEnabled: false };

/**
 * Nesting limits. Each level of parentheses costs about 60 stack frames of rule
 * machinery (about 180 levels overflow Node's default stack), a statement level far
 * fewer; the limits leave room for both at once.
 */
export const maxExpressionDepth = 64;
export const maxStatementDepth = 256;

export abstract class ParserBase extends EmbeddedActionsParser {
  protected file = new SourceFile("", "");
  /** Diagnostics found by semantic actions (literals, stray tokens); chevrotain keeps its own in `errors`. */
  extra: Diagnostic[] = [];
  /** Offset where an unclosed block was last reported. */
  protected unclosedAt = -1;
  /** Current nesting of expressions (`unary` rules) and statements, bounded to keep the stack safe. */
  protected exprDepth = 0;
  protected stmtDepth = 0;
  private tooDeepReported = false;
  /** Depth of struct type arguments being parsed (a '>>' may close two lists). */
  protected nestedTypeArgs = 0;
  /** Set when a nested type argument list ended with '>>': the end of that token. */
  protected closedByShift: number | undefined;

  protected constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 1,
      errorMessageProvider,
      skipValidations: !validate,
      traceInitPerf: process.env.SECC_TRACE_PARSER_INIT === "1" ? 3 : false,
    });
    // Disable chevrotain's in-repetition recovery (re-syncing a MANY loop by skipping
    // tokens): the block and module loops recover explicitly, and the hook ran after
    // every loop. chevrotain 11.2 installs it per instance when recovery is enabled.
    (this as unknown as { attemptInRepetitionRecovery: () => void }).attemptInRepetitionRecovery = () => {};
  }

  /** Prepares a run over `tokens` of `file`. */
  begin(file: SourceFile, tokens: IToken[]): void {
    this.file = file;
    this.extra = [];
    this.unclosedAt = -1;
    this.exprDepth = 0;
    this.stmtDepth = 0;
    this.tooDeepReported = false;
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

  protected once<V>(key: string, build: () => V): V {
    let v = this.memo.get(key) as V | undefined;
    if (v === undefined) {
      v = build();
      this.memo.set(key, v);
    }
    return v;
  }

  /**
   * Stops the parse of a construct nested deeper than `max` levels (`depth` already
   * counts it): reports once per run and throws a recognition error, which the
   * enclosing statement's recovery handles like any syntax error.
   */
  protected tooDeep(depth: number, max: number, what: string): void {
    if (depth <= max || this.RECORDING_PHASE) return;
    const t = this.LA(1);
    if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      this.report(Syntax.nestedTooDeeply.at(this.tokenSpan(t), what, max));
    }
    throw new NoViableAltException(Syntax.nestedTooDeeply.text(what, max), t, this.LA(0));
  }

  // -------------------------------------------------------------------------
  // Token helpers

  protected prevEnd(): number {
    const p = this.LA(0);
    return p.tokenType === EOF || Number.isNaN(p.startOffset) ? 0 : p.startOffset + p.image.length;
  }

  protected tStart(t: IToken): number {
    if (this.RECORDING_PHASE) return 0;
    if (t.tokenType === EOF) return this.file.text.length;
    return Number.isNaN(t.startOffset) ? this.prevEnd() : t.startOffset;
  }

  protected tEnd(t: IToken): number {
    if (this.RECORDING_PHASE) return 0;
    if (t.tokenType === EOF) return this.file.text.length;
    return Number.isNaN(t.startOffset) ? this.prevEnd() : t.startOffset + t.image.length;
  }

  protected ident(t: IToken): A.Identifier {
    return { kind: "Identifier", name: t.image, start: this.tStart(t), end: this.tEnd(t) };
  }

  protected report(d: Diagnostic): void {
    this.extra.push(d);
  }

  protected spanOf(r: Ranged): { file: SourceFile; start: number; end: number } {
    return { file: this.file, start: r.start, end: r.end };
  }

  protected tokenSpan(t: IToken): { file: SourceFile; start: number; end: number } {
    return { file: this.file, start: this.tStart(t), end: this.tEnd(t) };
  }

  protected is(i: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(i), type);
  }

  /** Whether a line break separates token `t` from the token before it. */
  protected startsLine(t: IToken): boolean {
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

  protected isDeclStart(): boolean {
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
  protected typeArgsThenName(i: number, orProcKeyword = false): boolean {
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
  protected isTopTypeStart(): boolean {
    if (this.is(1, T.Void) || this.is(1, T.Public) || this.is(1, T.PrimitiveType)) return true;
    if (this.is(1, T.Identifier) && (this.is(2, T.Operator) || this.is(2, T.Cast))) return true;
    if (this.is(1, T.Identifier) && this.is(2, T.Less)) return this.typeArgsThenName(2, true);
    return this.isDeclStart();
  }

  protected hasSecurityPrefix(): boolean {
    if (this.is(1, T.Public)) return true;
    if (!this.is(1, T.Identifier)) return false;
    if (this.is(2, T.PrimitiveType)) return true;
    if (!this.is(2, T.Identifier)) return false;
    return this.is(3, T.Identifier) || this.is(3, T.Less) || this.is(3, T.LBracket) || this.is(3, T.Operator) || this.is(3, T.Cast);
  }

  protected isProcHead(): boolean {
    if (!this.is(1, T.Identifier) || !this.is(2, T.LParen)) return false;
    if (this.is(3, T.RParen)) return !(this.is(4, T.Semicolon) || this.is(4, T.Comma) || this.is(4, T.Assign));
    if (this.is(3, T.Public) || this.is(3, T.PrimitiveType)) return true;
    if (!this.is(3, T.Identifier)) return false;
    if (this.is(4, T.Less)) return this.typeArgsThenName(4);
    return this.is(4, T.Identifier) || this.is(4, T.PrimitiveType) || (this.is(4, T.LBracket) && this.is(5, T.LBracket));
  }

  protected isCastStart(): boolean {
    if (!this.is(1, T.LParen)) return false;
    if (this.is(2, T.PrimitiveType)) return this.is(3, T.RParen);
    if (!this.is(2, T.Identifier) || !this.is(3, T.RParen)) return false;
    const next = this.LA(4);
    return castFollowers.has(next.tokenType) || tokenMatcher(next, T.BuiltinCall);
  }

  // -------------------------------------------------------------------------
  // Recovery

  protected errorExpr(e: IRecognitionException): A.ErrorExpr {
    const start = this.tStart(e.token);
    return { kind: "ErrorExpr", start, end: Math.max(start, this.prevEnd()) };
  }

  /**
   * Skips to the end of the current statement: past a `;` or a closed `{...}` at
   * depth 0 (and on through any `else` parts), or before a `}` closing the enclosing
   * block, a statement keyword starting a line, or a declaration keyword.
   */
  protected syncStatement(): void {
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
        if (depth === 0 && this.LA(1).tokenType !== T.Else) return;
        continue;
      } else if (depth === 0) {
        if (type === T.Semicolon) {
          this.SKIP_TOKEN();
          // an `else` still belongs to the failed statement
          if (this.LA(1).tokenType !== T.Else) return;
          continue;
        }
        if ((statementStarters.has(type) || tokenMatcher(t, T.PrimitiveType)) && this.startsLine(t)) return;
      }
      this.SKIP_TOKEN();
    }
  }

  /** Whether LA(1) is a declaration-only keyword at the start of a line. */
  protected atDeclarationKeyword(): boolean {
    const t = this.LA(1);
    return declarationKeywords.has(t.tokenType) && this.startsLine(t);
  }

  /**
   * Skips to the next top-level declaration; `depth` counts braces already open in
   * the failed declaration (so `kind k { type ; }` is skipped as a whole).
   */
  protected syncTopLevel(depth = 0): void {
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
  protected recoverInitializer(eq: IToken): A.ErrorExpr {
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

  protected recoverStatement(before: IToken): A.ErrorStmt {
    const start = this.tStart(before);
    if (this.LA(1) === before && before.tokenType !== T.RBrace && before.tokenType !== EOF) this.SKIP_TOKEN();
    this.syncStatement();
    return { kind: "ErrorStmt", start, end: Math.max(start, this.prevEnd()) };
  }

  protected recoverTopLevel(before: IToken): A.ErrorDecl {
    const start = this.tStart(before);
    if (this.LA(1) === before && before.tokenType !== EOF) this.SKIP_TOKEN();
    this.syncTopLevel(this.bracesOpenedSince(before));
    return { kind: "ErrorDecl", start, end: Math.max(start, this.prevEnd()) };
  }

  /** Net number of `{` among the tokens consumed since `from` (a token of the input). */
  protected bracesOpenedSince(from: IToken): number {
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

  protected strayStatement(t: IToken): A.ErrorStmt {
    this.report(Syntax.expectedStatement.at(this.tokenSpan(t), describeToken(t)));
    this.syncStatement();
    return { kind: "ErrorStmt", start: this.tStart(t), end: this.prevEnd() };
  }

  protected strayTopLevel(t: IToken): A.ErrorDecl {
    const looksLikeStatement = statementStarters.has(t.tokenType) || (tokenMatcher(t, T.Identifier) && !this.is(1, T.Identifier));
    const help = looksLikeStatement ? ["statements are only allowed inside procedure bodies, such as 'void main() { ... }'"] : [];
    this.report(Syntax.expectedDeclaration.with(this.tokenSpan(t), { help }, describeToken(t)));
    this.syncTopLevel();
    return { kind: "ErrorDecl", start: this.tStart(t), end: this.prevEnd() };
  }

  /** A stray `;` after a struct, kind or procedure body. */
  protected trailingSemicolon(t: IToken, what: string): void {
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

  protected numberLiteral(t: IToken, parsed: NumberParse): A.Expr {
    const { node, diagnostic } = numberLiteralNode(this.file, t.image, this.tStart(t), this.tEnd(t), parsed);
    if (diagnostic !== undefined) this.report(diagnostic);
    return node;
  }

  protected stringLiteral(t: IToken): A.StringLiteral {
    return stringLiteralNode(t.image, this.tStart(t), this.tEnd(t));
  }

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
