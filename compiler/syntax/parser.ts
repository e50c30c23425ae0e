/**
 * The SecreC 2 parser (secrec-reference.md §2, §4, §5): chevrotain tokens → the typed
 * AST of ast.ts, with error recovery. One EmbeddedActionsParser instance lives at
 * module level and is reset by assigning its input; rules build AST nodes directly.
 * `parseModule` (index.ts) tries the fast path first (fast-parser.ts, the same grammar
 * hand-written for error-free input); this parser handles every module with a syntax
 * error, and is the reference the fast path is tested against.
 *
 * The grammar is split in layers, each a class extending the one below:
 * parser-base.ts (helpers, lookahead gates, recovery), parse-types.ts,
 * parse-expressions.ts, parse-statements.ts, parse-declarations.ts; this file
 * completes the stack and exposes the entry points.
 *
 * Ambiguities the grammar resolves with lookahead (gates in parser-base.ts:
 * `isDeclStart`, `hasSecurityPrefix`, `isProcHead`, `isCastStart`):
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
import type { IRecognitionException, IToken } from "chevrotain";
import type * as A from "./ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../source/source-file.js";
import { DeclarationsParser } from "./parse-declarations.js";
import { Io } from "../diagnostics/messages/io.js";

/** The complete grammar; construction runs chevrotain's grammar analysis. */
class SecrecParser extends DeclarationsParser {
  constructor() {
    super();
    this.performSelfAnalysis();
  }
}

let instance: SecrecParser | undefined;

/**
 * The one parser instance, built on first use: construction runs chevrotain's
 * grammar analysis (a few hundred milliseconds), which programs that never parse
 * (party processes, `secc disasm`) should not pay at start-up.
 */
function theParser(): SecrecParser {
  instance ??= new SecrecParser();
  return instance;
}

export interface ParseRun<T> {
  readonly result: T;
  readonly errors: IRecognitionException[];
  readonly extra: Diagnostic[];
}

/**
 * Runs `rule` over `tokens`. The nesting limits keep the stack safe; should a stack
 * overflow still happen, it becomes an internal-error diagnostic and `fallback`, never
 * an exception.
 */
function run<T>(file: SourceFile, tokens: IToken[], rule: (parser: SecrecParser) => T, fallback: () => T): ParseRun<T> {
  const parser = theParser();
  parser.begin(file, tokens);
  try {
    const result = rule(parser);
    return { result, errors: [...parser.errors], extra: parser.extra };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const span = { file, start: 0, end: 0 };
    return { result: fallback(), errors: [], extra: [...parser.extra, Io.internal.at(span, "the parser ran out of stack space")] };
  }
}

/** Parses a whole module from `tokens` of `file`. */
export function parseTokens(file: SourceFile, tokens: IToken[]): ParseRun<A.Module> {
  return run(file, tokens, (parser) => parser.module(), () => ({
    kind: "Module",
    name: undefined,
    imports: [],
    decls: [],
    comments: [],
    start: 0,
    end: file.text.length,
  }));
}

/** Parses one expression (the whole input) from `tokens` of `file`. */
export function parseExpressionTokens(file: SourceFile, tokens: IToken[]): ParseRun<A.Expr> {
  return run(file, tokens, (parser) => parser.expression(), () => ({ kind: "ErrorExpr", start: 0, end: file.text.length }));
}
