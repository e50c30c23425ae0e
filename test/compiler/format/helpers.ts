/**
 * Helpers for formatter tests: format with the plugin (failing on syntax errors),
 * and compare trees modulo source offsets (the formatter may move text, never
 * change the tree) and comment lists modulo the re-indentation of block comments.
 */
import { formatSource } from "../../../compiler/format/index.js";
import { SourceFile } from "../../../compiler/source/source-file.js";
import type * as A from "../../../compiler/syntax/ast.js";
import { parseModule } from "../../../compiler/syntax/index.js";

/** Formats `text`, throwing with the diagnostics when it does not parse. */
export async function fmt(text: string, printWidth?: number): Promise<string> {
  const r = await formatSource(text, printWidth === undefined ? {} : { printWidth });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.text;
}

/** A deep copy without `start`/`end` offsets and without the comment list. */
export function stripOffsets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripOffsets);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "start" || k === "end" || k === "comments") continue;
    out[k] = stripOffsets(v);
  }
  return out;
}

/** Parses a module, failing on any diagnostic. */
export function parseOk(text: string, path = "<test>"): A.Module {
  const r = parseModule(new SourceFile(path, text));
  if (r.diagnostics.length > 0) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.module;
}

/** The comments of a module, each with its lines trimmed (block comments get re-indented). */
export function commentTexts(m: A.Module): string[] {
  return m.comments.map((c) => c.text.split(/\r?\n/).map((l) => l.trim()).join("\n"));
}
