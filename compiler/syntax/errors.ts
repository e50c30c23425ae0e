/**
 * Syntax error messages: the chevrotain errorMessageProvider and the conversion of
 * chevrotain recognition exceptions into our Diagnostics (codes SC11xx).
 *
 * chevrotain builds an error's message when it raises the error; the provider here
 * chooses the catalogue message and remembers, per message text, which code it
 * belongs to and where to point (the found token, or just after the previous token
 * when the found token is on a later line: a missing ';' at the end of a line is
 * shown where the ';' belongs).
 */
import type { IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from "chevrotain";
import { EOF } from "chevrotain";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { MessageDef } from "../diagnostics/messages/define.js";
import { Syntax } from "../diagnostics/messages/syntax.js";
import type { SourceFile } from "../source/source-file.js";
import { Semicolon } from "./tokens.js";

/** `'x'` for a token, `end of file` at the end. */
export function describeToken(t: IToken): string {
  if (t.tokenType === EOF) return "end of file";
  const image = t.image.length > 24 ? `${t.image.slice(0, 21)}...` : t.image;
  return `'${image}'`;
}

function tokenLabel(t: TokenType): string {
  return t.LABEL ?? t.name;
}

/** Phrases placing an expected ';' in its construct, by rule name. */
const semicolonContext: Record<string, string> = {
  varDeclStatement: " after the declaration",
  globalVarRest: " after the declaration",
  exprStatement: " after the expression",
  returnStatement: " after the return statement",
  breakStatement: " after 'break'",
  continueStatement: " after 'continue'",
  assertStatement: " after the assert statement",
  printStatement: " after the print statement",
  syscallStatement: " after the syscall",
  doWhileStatement: " after the do-while statement",
  domainDecl: " after the domain declaration",
  importDecl: " after the import",
  moduleHeader: " after the module name",
  structField: " after the struct field",
  kindType: " after the kind's type declaration",
  forStatement: " in the 'for' header",
};

/** Rules whose "no alternative matched" error means a missing expression. */
const expressionRules = new Set(["unary", "postfix", "primary", "expression", "assignment", "annotated", "indexItem", "ternary", "binary"]);
const typeRules = new Set(["typeExpr", "dataType", "returnType", "castType", "typeArg", "security"]);

interface Pending {
  readonly def: MessageDef<string[]>;
  readonly args: string[];
  /** Point after the previous token (for a missing terminator at the end of a line). */
  readonly afterPrevious: boolean;
}

const byMessage = new Map<string, Pending>();

/** Forgets the messages of the previous run (called when a parse starts). */
export function clearMessages(): void {
  byMessage.clear();
}

function record(def: MessageDef<string[]>, args: string[], afterPrevious: boolean): string {
  const text = def.text(...args);
  if (!byMessage.has(text)) byMessage.set(text, { def, args, afterPrevious });
  return text;
}

function noAlternative(ruleName: string, actual: IToken): string {
  const found = describeToken(actual);
  if (expressionRules.has(ruleName)) return record(Syntax.expectedExpression as MessageDef<string[]>, [found], false);
  if (typeRules.has(ruleName)) return record(Syntax.expectedType as MessageDef<string[]>, [found], false);
  switch (ruleName) {
    case "statement":
      return record(Syntax.expectedStatement as MessageDef<string[]>, [found], false);
    case "topDecl":
    case "module":
      return record(Syntax.expectedDeclaration as MessageDef<string[]>, [found], false);
    case "dims":
      return record(Syntax.expected as MessageDef<string[]>, ["a dimensionality (an integer or a 'dim' variable)", "", found], false);
    case "operatorSymbol":
      return record(Syntax.expected as MessageDef<string[]>, ["an operator symbol", " after 'operator'", found], false);
    case "templateParam":
      return record(Syntax.expected as MessageDef<string[]>, ["'domain', 'type' or 'dim'", " in the template header", found], false);
    case "kindType":
      return record(Syntax.expected as MessageDef<string[]>, ["a type name", " in the kind declaration", found], false);
    case "procRest":
    case "procOrGlobal":
      return record(Syntax.expected as MessageDef<string[]>, ["a name, 'operator' or 'cast'", " after the type", found], false);
    case "namedType":
      return record(Syntax.expected as MessageDef<string[]>, ["'>'", " to close the type arguments", found], true);
    default:
      return record(Syntax.unexpected as MessageDef<string[]>, [found, ""], false);
  }
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }): string {
    const context = expected === Semicolon ? (semicolonContext[ruleName] ?? "") : "";
    return record(Syntax.expected as MessageDef<string[]>, [tokenLabel(expected), context, describeToken(actual)], true);
  },
  buildNotAllInputParsedMessage({ firstRedundant, ruleName }): string {
    if (ruleName === "module") return record(Syntax.expectedDeclaration as MessageDef<string[]>, [describeToken(firstRedundant)], false);
    return record(Syntax.unexpected as MessageDef<string[]>, [describeToken(firstRedundant), ` after the ${ruleName}`], false);
  },
  buildNoViableAltMessage({ actual, ruleName }): string {
    return noAlternative(ruleName, actual[0] as IToken);
  },
  buildEarlyExitMessage({ actual, ruleName }): string {
    return noAlternative(ruleName, actual[0] as IToken);
  },
};

function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

/** Whether a line break separates `a` from `b` in `text`. */
function lineBreakBetween(text: string, a: IToken, b: IToken): boolean {
  const from = tokenEnd(a);
  const to = Number.isNaN(b.startOffset) ? text.length : b.startOffset;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Converts a chevrotain parser error into a Diagnostic in `file`. */
export function diagnosticOf(e: IRecognitionException, file: SourceFile): Diagnostic {
  const pending = byMessage.get(e.message);
  const token = e.token;
  const atEnd = token.tokenType === EOF || Number.isNaN(token.startOffset);
  let start = atEnd ? file.text.length : token.startOffset;
  let end = atEnd ? start : tokenEnd(token);
  const previous = (e as { previousToken?: IToken }).previousToken;
  const prevOk = previous !== undefined && !Number.isNaN(previous.startOffset) && previous.tokenType !== EOF;
  if (pending?.afterPrevious && prevOk && (atEnd || lineBreakBetween(file.text, previous, token))) {
    start = end = tokenEnd(previous);
  }
  const span = { file, start, end };
  if (pending === undefined) return Syntax.unexpected.at(span, describeToken(token), "");
  return pending.def.at(span, ...pending.args);
}
