/**
 * Test support: compile a Tripl source string together with the shipped protocols
 * (so it can call reshare, and, to2, …) and look instances up.
 */
import { readFileSync, readdirSync } from "node:fs";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { type CompiledFile, type CompiledInstance, compileTripl } from "../../../compiler/protocol/compile.js";

const DIR = "stdlib/protocols";
export const shipped: SourceFile[] = readdirSync(DIR)
  .filter((f) => f.endsWith(".tripl"))
  .sort()
  .map((f) => new SourceFile(`${DIR}/${f}`, readFileSync(`${DIR}/${f}`, "utf8")));

const cache = new Map<string, CompiledFile>();

/** Compiles `text` (as test.tripl) with the shipped protocols visible (memoised per text). */
export function compileWithStdlib(text: string): CompiledFile {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const file = new SourceFile("test.tripl", text);
  // Only the test file's exports are elaborated; the shipped files contribute protocols.
  const all = compileTripl(...shipped.map((f) => new SourceFile(f.path, f.text.replace(/^export .*$/gm, ""))), file);
  const result = all[all.length - 1] as CompiledFile;
  cache.set(text, result);
  return result;
}

/** Compiles the shipped protocols. */
export function compileShipped(): CompiledFile[] {
  return compileTripl(...shipped);
}

export function instance(c: CompiledFile | CompiledFile[], name: string): CompiledInstance {
  const list = Array.isArray(c) ? c.flatMap((f) => f.instances) : c.instances;
  const i = list.find((x) => x.program.instance === name);
  if (i === undefined) throw new Error(`no instance ${name}`);
  return i;
}

/** `line:column` of a diagnostic's primary span. */
export function where(d: { span?: { file: SourceFile; start: number } }): string {
  if (d.span === undefined) return "-";
  const { line, column } = d.span.file.lineColumn(d.span.start);
  return `${line}:${column}`;
}
