/**
 * Formatting the real programs: every example and every library module formats
 * to a fixpoint, parses to the same tree (modulo offsets) with the same comments,
 * and every example compiles, formatted (with the formatted library) and not, to
 * the same diagnostics and the same bytecode. The only bytes allowed to differ are the line and column
 * numbers of the debug span table (formatting moves code between lines); the test
 * compares the encoding with those positions cleared, so instructions, constants,
 * line-table entries (which index spans) and the span count must all be equal.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, SourceFile } from "../../../compiler/index.js";
import { defaultStdlibPath } from "../../../compiler/stdlib-path.js";
import { encode, type Module } from "../../../vm/bytecode.js";
import { commentTexts, fmt, parseOk, stripOffsets } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..", "..");
const stdlibDir = defaultStdlibPath();
const examplesDir = join(root, "examples");
const scFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith(".sc")).map((f) => join(dir, f));
const libraryFiles = scFiles(stdlibDir);
const exampleFiles = scFiles(examplesDir);

const formatted = new Map<string, string>();
async function formattedText(path: string): Promise<string> {
  let text = formatted.get(path);
  if (text === undefined) {
    text = await fmt(readFileSync(path, "utf8"));
    formatted.set(path, text);
  }
  return text;
}

function readOriginal(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** The encoding with the debug spans' line and column numbers cleared. */
function withoutPositions(m: Module): Uint8Array {
  return encode({ ...m, spans: m.spans.map((s) => ({ file: s.file, line: 0, column: 0, endLine: 0, endColumn: 0 })) });
}

describe("formatting the library and the examples", () => {
  for (const path of [...libraryFiles, ...exampleFiles]) {
    const name = path.slice(root.length + 1);
    it(`${name}: a fixpoint with the same tree and comments`, async () => {
      const source = readFileSync(path, "utf8");
      const once = await formattedText(path);
      expect(await fmt(once)).toBe(once);
      const before = parseOk(source, path);
      const after = parseOk(once, path);
      expect(stripOffsets(after)).toEqual(stripOffsets(before));
      expect(commentTexts(after)).toEqual(commentTexts(before));
    }, 120_000);
  }

  for (const path of exampleFiles) {
    const name = path.slice(root.length + 1);
    it(`${name}: formatted and unformatted sources compile to the same bytecode`, async () => {
      for (const p of [...libraryFiles, path]) await formattedText(p);
      const original = compile(new SourceFile(path, readFileSync(path, "utf8")), { host: { readFile: readOriginal }, stdlibPath: stdlibDir });
      const reformatted = compile(new SourceFile(path, formatted.get(path) as string), {
        host: { readFile: (p) => formatted.get(p) ?? readOriginal(p) },
        stdlibPath: stdlibDir,
      });
      // Same diagnostics (codes and messages); same bytecode when it compiles.
      const summary = (ds: typeof original.diagnostics) => ds.map((d) => `${d.code} ${d.message}`);
      expect(summary(reformatted.diagnostics)).toEqual(summary(original.diagnostics));
      expect(reformatted.module === undefined).toBe(original.module === undefined);
      if (original.module === undefined || reformatted.module === undefined) return;
      const a = original.module;
      const b = reformatted.module;
      expect(b.spans.length).toBe(a.spans.length);
      expect(Buffer.from(withoutPositions(b)).equals(Buffer.from(withoutPositions(a)))).toBe(true);
    }, 120_000);
  }
});
