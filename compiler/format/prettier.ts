/**
 * The prettier API the formatter uses, loaded through `require` when the formatter
 * is first loaded rather than by an ESM import: an import of prettier (external to
 * the bundles) would be hoisted to the top of every bundle and cost each `secc`
 * command about 50 ms, while `secc fmt` and the language server load the formatter
 * only when they format.
 */
import { createRequire } from "node:module";
import type * as Prettier from "prettier";

const prettier = createRequire(import.meta.url)("prettier") as typeof Prettier;

export const { doc, util, format } = prettier;
