/**
 * Test helpers for the semantic phase: a CompilerHost over the real file system
 * (tests may read files; the compiler itself never does), and a one-call check of a
 * program given as a string, as an entry file, with the repository's stdlib/ and
 * test/cases/semantic/lib/ on the search path.
 */
import { readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { checkProgram, type CheckOptions, type CompilerHost } from "../../../compiler/semantic/index.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const casesDir = path.join(repoRoot, "test/cases/semantic");
export const stdlibDir = path.join(repoRoot, "stdlib");

export const fsHost: CompilerHost = {
  readFile(p: string): string | undefined {
    try {
      if (!statSync(p).isFile()) return undefined;
      return readFileSync(p, "utf8");
    } catch {
      return undefined;
    }
  },
};

/** A host over in-memory files (path -> text). */
export function memoryHost(files: Record<string, string>): CompilerHost {
  return { readFile: (p: string) => files[p] };
}

export function checkFile(file: string, extra: Partial<CheckOptions> = {}) {
  const text = readFileSync(file, "utf8");
  return checkProgram(new SourceFile(file, text), {
    host: fsHost,
    includePaths: [path.join(casesDir, "lib")],
    stdlibPath: stdlibDir,
    ...extra,
  });
}

/** Checks a program given as source text (entry path `/virtual/main.sc`), with stdlib/ available. */
export function checkSource(text: string, extra: Partial<CheckOptions> = {}) {
  return checkProgram(new SourceFile("/virtual/main.sc", text), {
    host: fsHost,
    includePaths: [],
    stdlibPath: stdlibDir,
    ...extra,
  });
}
