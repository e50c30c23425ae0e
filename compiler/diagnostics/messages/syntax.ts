/**
 * SC1xxx: lexical (SC10xx) and syntax (SC11xx) errors, reported by compiler/syntax/.
 *
 * Found tokens are passed already described (`'x'`, `end of file`); `what` arguments
 * are phrases such as `';'` or `an expression`.
 */
import { defineMessage } from "./define.js";

export const Syntax = {
  // Lexical
  invalidCharacter: defineMessage("SC1001", "error", (chars: string) => `invalid character ${chars} in the source`),
  unterminatedString: defineMessage("SC1002", "error", () => `unterminated string literal: the closing '"' is missing on this line`),
  unterminatedComment: defineMessage("SC1003", "error", () => `unterminated block comment: the closing '*/' is missing`),
  invalidIntegerLiteral: defineMessage("SC1004", "error", (raw: string, reason: string) => `invalid integer literal '${raw}': ${reason}`),
  invalidLiteralSuffix: defineMessage("SC1005", "error", (raw: string, suffix: string) => `invalid suffix '${suffix}' on the literal '${raw}'`),
  literalOutOfRange: defineMessage(
    "SC1006",
    "error",
    (raw: string, type: string, min: string, max: string) => `literal '${raw}' is out of range for ${type} (${min} to ${max})`,
  ),
  literalTooLarge: defineMessage(
    "SC1007",
    "error",
    (raw: string) => `integer literal '${raw}' does not fit in 64 bits (the largest is 18446744073709551615)`,
  ),
  floatTooLarge: defineMessage("SC1008", "error", (raw: string, type: string) => `float literal '${raw}' is too large for ${type}`),

  // Syntax
  expected: defineMessage("SC1100", "error", (what: string, context: string, found: string) => `expected ${what}${context}, found ${found}`),
  expectedExpression: defineMessage("SC1101", "error", (found: string) => `expected an expression, found ${found}`),
  expectedStatement: defineMessage("SC1102", "error", (found: string) => `expected a statement, found ${found}`),
  expectedDeclaration: defineMessage("SC1103", "error", (found: string) => `expected a declaration, found ${found}`),
  expectedType: defineMessage("SC1104", "error", (found: string) => `expected a type, found ${found}`),
  trailingSemicolon: defineMessage("SC1105", "error", (what: string) => `unexpected ';' after the ${what}`),
  chainedComparison: defineMessage(
    "SC1106",
    "error",
    (first: string, second: string) => `comparison operators cannot be chained: '${first}' followed by '${second}'`,
  ),
  voidVariable: defineMessage("SC1107", "error", () => `a variable cannot have type 'void'`),
  unknownAnnotation: defineMessage("SC1108", "error", (name: string) => `unknown annotation '@${name}': only '@deprecated' is supported`),
  misplacedImport: defineMessage("SC1109", "error", () => `imports must come before all declarations`),
  unexpected: defineMessage("SC1110", "error", (found: string, where: string) => `unexpected ${found}${where}`),
  misplacedModule: defineMessage("SC1111", "error", () => `the 'module' declaration must come first in the file`),
  emptyAnnotationType: defineMessage("SC1112", "error", (found: string) => `expected a type after '::', found ${found}`),
  nestedTooDeeply: defineMessage("SC1114", "error", (what: string, max: number) => `${what} nested too deeply (the limit is ${max} levels)`),
  badDimension: defineMessage("SC1113", "error", (raw: string) => `invalid dimensionality '${raw}': expected a small non-negative integer`),
};
