/**
 * The message catalogue, one file per phase. Code ranges are stable:
 *
 * | range  | phase                                             | file          |
 * |--------|---------------------------------------------------|---------------|
 * | SC1xxx | lexical and syntax errors                         | syntax.ts     |
 * | SC2xxx | modules, imports and name resolution              | names.ts      |
 * | SC3xxx | data types, dimensions, expressions, statements   | types.ts      |
 * | SC4xxx | security types and information flow              | security.ts   |
 * | SC5xxx | templates, overloads, operator and cast definitions | templates.ts |
 * | SC6xxx | literal ranges and constant evaluation            | types.ts      |
 * | SC7xxx | lints (warnings with a rule name)                 | lints.ts      |
 * | SC8xxx | the protocol DSL                                  | protocol.ts   |
 * | SC9xxx | files, command line and internal errors           | io.ts         |
 */
export * from "./define.js";
export * from "./io.js";
export * from "./protocol.js";
export * from "./names.js";
export * from "./types.js";
export * from "./security.js";
export * from "./templates.js";
export * from "./syntax.js";
export * from "./codegen.js";
export * from "./lints.js";
