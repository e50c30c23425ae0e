/**
 * The formatter's API: `formatSource(text, options)` formats one SecreC source
 * with the prettier plugin and returns the text, or the syntax diagnostics when
 * the source does not parse (a program with errors is never rewritten).
 */
import { format } from "./prettier.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { FormatSyntaxError } from "./parse.js";
import { secrecPlugin } from "./plugin.js";

export { secrecPlugin } from "./plugin.js";

export interface FormatOptions {
  /** Shown in diagnostics; defaults to `<input>`. */
  readonly filepath?: string;
  readonly printWidth?: number;
  readonly tabWidth?: number;
}

export type FormatResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Formats `text`. Never throws for bad input: syntax errors come back as diagnostics. */
export async function formatSource(text: string, options: FormatOptions = {}): Promise<FormatResult> {
  try {
    const formatted = await format(text, {
      parser: "secrec",
      plugins: [secrecPlugin],
      filepath: options.filepath ?? "<input>",
      ...(options.printWidth !== undefined ? { printWidth: options.printWidth } : {}),
      ...(options.tabWidth !== undefined ? { tabWidth: options.tabWidth } : {}),
    });
    return { ok: true, text: formatted };
  } catch (error) {
    if (error instanceof FormatSyntaxError) return { ok: false, diagnostics: error.diagnostics };
    throw error;
  }
}
