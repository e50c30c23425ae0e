/**
 * SC2xxx: modules, imports and name resolution (semantic/modules.ts, scopes.ts,
 * check-decl.ts).
 */
import { defineMessage } from "./define.js";

export const Names = {
  unknownName: defineMessage("SC2001", "error", (name: string) => `cannot find \`${name}\` in this scope`),
  unknownProcedure: defineMessage("SC2002", "error", (name: string) => `cannot find a procedure named \`${name}\``),
  unknownType: defineMessage("SC2003", "error", (name: string) => `cannot find a data type named \`${name}\``),
  unknownDomain: defineMessage("SC2004", "error", (name: string) => `cannot find a protection domain named \`${name}\``),
  unknownKind: defineMessage("SC2005", "error", (name: string) => `cannot find a kind named \`${name}\``),
  moduleNotFound: defineMessage("SC2006", "error", (name: string) => `cannot find module \`${name}\` (${name}.sc)`),
  importCycle: defineMessage("SC2007", "error", (chain: string) => `import cycle: ${chain}`),
  redefinition: defineMessage("SC2008", "error", (what: string, name: string) => `${what} \`${name}\` is defined more than once`),
  redefinesImported: defineMessage("SC2009", "error", (name: string, module: string) => `\`${name}\` is already defined by imported module \`${module}\``),
  duplicateVariable: defineMessage("SC2010", "error", (name: string) => `variable \`${name}\` is already declared in this scope`),
  missingMain: defineMessage("SC2011", "error", () => "the program has no `void main()` procedure"),
  multipleMain: defineMessage("SC2012", "error", () => "the program defines `main` more than once"),
  badMain: defineMessage("SC2013", "error", () => "`main` must be declared as `void main()` (no parameters, no result, not a template)"),
  unknownField: defineMessage("SC2015", "error", (struct: string, field: string) => `struct \`${struct}\` has no field \`${field}\``),
  duplicateField: defineMessage("SC2016", "error", (name: string) => `field \`${name}\` is declared more than once`),
  duplicateQuantifier: defineMessage("SC2017", "error", (name: string) => `template parameter \`${name}\` is declared more than once`),
  globalBeforeInit: defineMessage("SC2018", "error", (name: string) => `global variable \`${name}\` is used before it is initialised`),
  duplicateKindType: defineMessage("SC2019", "error", (name: string) => `type \`${name}\` is declared more than once in this kind`),
  notAValue: defineMessage("SC2020", "error", (name: string, what: string) => `\`${name}\` is a ${what}, not a variable`),
  unknownInterpolation: defineMessage("SC2021", "error", (name: string) => `cannot interpolate \`$${name}\`: no variable, type or domain has that name`),
  importSelf: defineMessage("SC2022", "error", (name: string) => `module \`${name}\` imports itself`),
};
