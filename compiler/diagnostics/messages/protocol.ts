/**
 * SC8xxx: the protocol DSL (Tripl): syntax (80xx), elaboration and static evaluation
 * (81xx), locality and transfers (82xx), widths and kinds (83xx), privacy (85xx).
 */
import { defineMessage } from "./define.js";

export const Protocol = {
  unexpectedChar: defineMessage("SC8001", "error", (ch: string) => `unexpected character '${ch}'`),
  expected: defineMessage("SC8002", "error", (what: string, found: string) => `expected ${what}, found ${found}`),
  unterminatedComment: defineMessage("SC8003", "error", () => `unterminated block comment`),
  unknownName: defineMessage("SC8101", "error", (name: string) => `unknown name '${name}'`),
  unknownProtocol: defineMessage("SC8102", "error", (name: string) => `unknown protocol '${name}'`),
  staticArity: defineMessage("SC8103", "error", (name: string, want: number, got: number) => `'${name}' takes ${want} static argument(s), got ${got}`),
  argumentArity: defineMessage("SC8104", "error", (name: string, want: number, got: number) => `'${name}' takes ${want} argument(s), got ${got}`),
  notStatic: defineMessage("SC8105", "error", (what: string) => `${what} must be a compile-time value`),
  staticType: defineMessage("SC8106", "error", (want: string, got: string) => `expected a static ${want}, got ${got}`),
  missingReturn: defineMessage("SC8107", "error", (name: string) => `protocol '${name}' does not return a value`),
  recursion: defineMessage("SC8108", "error", (name: string) => `protocol '${name}' calls itself; protocols are inlined and cannot recurse`),
  duplicateProtocol: defineMessage("SC8109", "error", (name: string) => `protocol '${name}' is declared twice`),
  patternMismatch: defineMessage("SC8110", "error", (want: number, got: string) => `pattern expects a tuple of ${want}, got ${got}`),
  badWidth: defineMessage("SC8111", "error", (w: string) => `ring width ${w} is out of range (1..64)`),
  divisionByZero: defineMessage("SC8112", "error", () => `static division by zero`),
  eachMismatch: defineMessage("SC8113", "error", () => `the three instances of 'each' drew different numbers of zero-shares`),
  notHeld: defineMessage("SC8201", "error", (name: string, party: string, holders: string) => `'${name}' is not held by ${party} (held by ${holders}); transfer it explicitly with '${name}@…'`),
  atNotHeld: defineMessage("SC8202", "error", (party: string) => `the value is not defined at ${party}, so it cannot be sent from there`),
  partyContextRequired: defineMessage("SC8203", "error", (what: string) => `${what} is only allowed inside 'each' or 'at'`),
  globalContextRequired: defineMessage("SC8204", "error", (what: string) => `${what} is not allowed inside 'each' or 'at'`),
  rndNotHolder: defineMessage("SC8205", "error", (party: string) => `${party} does not hold this randomness`),
  rndHolders: defineMessage("SC8206", "error", () => `randomness must be held by one or two distinct parties`),
  undefinedAt: defineMessage("SC8207", "error", (name: string, party: string) => `'${name}' has no value at ${party}`),
  returnMissingAt: defineMessage("SC8208", "error", (party: string) => `'each' does not return a component for ${party}`),
  widthMismatch: defineMessage("SC8301", "error", (op: string, a: string, b: string) => `operands of '${op}' have different types: ${a} and ${b}`),
  kindMismatch: defineMessage("SC8302", "error", (what: string, got: string) => `${what}, got ${got}`),
  needsProtocol: defineMessage("SC8303", "error", (op: string, a: string) => `'${op}' on ${a} values needs a protocol (it is not local)`),
  resultType: defineMessage("SC8304", "error", (want: string, got: string) => `protocol returns ${got}, but its declared result is ${want}`),
  argumentType: defineMessage("SC8305", "error", (param: string, want: string, got: string) => `argument '${param}' expects ${want}, got ${got}`),
  privacyLeak: defineMessage("SC8501", "error", (proto: string, message: string, leak: string) => `${proto}: message ${message} is not masked: it still depends on ${leak}`),
  outputNotFresh: defineMessage("SC8502", "error", (proto: string, output: string) => `${proto}: output ${output} does not end in a fresh zero-share`),
};
