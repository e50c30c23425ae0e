/**
 * The prettier plugin for SecreC: one language (`.sc`), one parser (`secrec`,
 * the compiler's parser) and one printer (`secrec-ast`). Defaults: 4-space
 * indentation and a 120-column line (the library's syscall lines are long). Usable from the prettier CLI
 * (`prettier --plugin ./compiler/format/plugin.ts`) and through format.ts.
 */
import type { Plugin, Printer } from "prettier";
import {
  canAttachComment,
  getVisitorKeys,
  handleComments,
  hasPrettierIgnore,
  isBlockComment,
  printComment,
} from "./comments.js";
import { locEnd, locStart, parseForFormat } from "./parse.js";
import { print } from "./printer.js";
import type { FormatNode } from "./types.js";

const printer: Printer<FormatNode> = {
  print,
  printComment,
  canAttachComment,
  isBlockComment,
  getVisitorKeys: (node) => [...getVisitorKeys(node)],
  handleComments,
  hasPrettierIgnore,
};

export const secrecPlugin: Plugin<FormatNode> = {
  languages: [{ name: "SecreC", parsers: ["secrec"], extensions: [".sc"], vscodeLanguageIds: ["secrec"] }],
  parsers: {
    secrec: {
      parse: (text, options) => parseForFormat(text, options.filepath) as FormatNode,
      astFormat: "secrec-ast",
      locStart,
      locEnd,
    },
  },
  printers: { "secrec-ast": printer },
  defaultOptions: { tabWidth: 4, printWidth: 120 },
};

export default secrecPlugin;
