/**
 * Debug information for the bytecode: the file names recorded in it and the
 * source spans of the line table. Spans are interned (one entry per distinct
 * file and range) in first-use order, so the table is deterministic. File names
 * are relative to the entry file's directory (`prog.sc`, `lib/util.sc`) and files
 * of the built-in library are named `<stdlib>/NAME.sc`, so the bytes (and the hash
 * the three parties compare) depend neither on the working directory nor on where
 * secc is installed.
 */
import { isAbsolute, relative, sep } from "node:path";
import type { ModuleBuilder } from "../../vm/builder.js";
import type { SourceFile } from "../source/source-file.js";
import type { Span } from "../source/span.js";

export interface DebugInfoOptions {
  /** The built-in library directory, for naming its files. */
  readonly stdlibPath?: string | undefined;
  /** The entry file's directory; other files are named relative to it. */
  readonly baseDir?: string | undefined;
}

/** `path` relative to `dir` with `/` separators, or undefined when it is outside `dir`. */
function inside(dir: string, path: string): string | undefined {
  const rel = relative(dir, path);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return rel.split(sep).join("/");
}

export class DebugInfo {
  private readonly spanIndex = new Map<string, number>();
  private readonly fileIndex = new Map<SourceFile, number>();

  constructor(
    private readonly mb: ModuleBuilder,
    private readonly options: DebugInfoOptions,
  ) {}

  /** The name a file gets in the bytecode. */
  fileName(file: SourceFile): string {
    const { stdlibPath, baseDir } = this.options;
    const lib = stdlibPath === undefined ? undefined : inside(stdlibPath, file.path);
    if (lib !== undefined) return `<stdlib>/${lib}`;
    if (baseDir === undefined) return file.path;
    const rel = relative(baseDir, file.path);
    return rel === "" ? file.path : rel.split(sep).join("/");
  }

  private file(file: SourceFile): number {
    let i = this.fileIndex.get(file);
    if (i === undefined) {
      i = this.mb.file(this.fileName(file));
      this.fileIndex.set(file, i);
    }
    return i;
  }

  /** The span table index of a source span (-1 for none). */
  span(s: Span | undefined): number {
    if (s === undefined) return -1;
    const f = this.file(s.file);
    const from = s.file.lineColumn(s.start);
    const to = s.file.lineColumn(Math.max(s.start, s.end));
    const key = `${f}:${from.line}:${from.column}:${to.line}:${to.column}`;
    let i = this.spanIndex.get(key);
    if (i === undefined) {
      i = this.mb.span(f, from.line, from.column, to.line, to.column);
      this.spanIndex.set(key, i);
    }
    return i;
  }
}
