/**
 * SC5xxx: templates, overload resolution, operator and cast definitions
 * (semantic/templates.ts, overloads.ts, operators.ts).
 */
import { defineMessage } from "./define.js";

export const Templates = {
  noMatchingProcedure: defineMessage("SC5001", "error", (call: string) => `no matching procedure for \`${call}\``),
  multipleProcedures: defineMessage("SC5002", "error", (call: string) => `multiple procedures match \`${call}\``),
  multipleTemplates: defineMessage("SC5003", "error", (call: string) => `multiple templates match \`${call}\` equally well`),
  freeQuantifier: defineMessage("SC5004", "error", (name: string) => `template parameter \`${name}\` does not appear in the parameter or return types`),
  instantiationFailed: defineMessage("SC5005", "error", (instance: string) => `instantiating \`${instance}\` failed`),
  instantiationDepth: defineMessage("SC5006", "error", (instance: string) => `template instantiation of \`${instance}\` is nested too deeply`),
  operatorArity: defineMessage("SC5007", "error", (op: string, arity: string) => `operator \`${op}\` takes ${arity} operand(s)`),
  operatorNotDefinable: defineMessage("SC5008", "error", (op: string) => `operator \`${op}\` cannot be defined on private operands`),
  operatorShape: defineMessage("SC5009", "error", (reason: string) => `invalid operator definition: ${reason}`),
  castShape: defineMessage("SC5010", "error", (reason: string) => `invalid cast definition: ${reason}`),
  duplicateDefinition: defineMessage("SC5011", "error", (sig: string) => `\`${sig}\` is defined more than once`),
  deprecated: defineMessage("SC5012", "warning", (name: string, message: string) => `\`${name}\` is deprecated${message ? `: ${message}` : ""}`, "deprecated"),
  noMatchingCast: defineMessage("SC5015", "error", (from: string, to: string) => `no matching cast from \`${from}\` to \`${to}\``),
  ambiguousOperator: defineMessage("SC5016", "error", (op: string, types: string) => `several definitions of operator \`${op}\` match ${types} equally well`),
};
