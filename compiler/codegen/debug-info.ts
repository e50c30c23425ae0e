/**
 * Debug information for the bytecode: the file names recorded in it and the
 * source spans of the line table. Spans are interned (one entry per distinct
 * file and range) in first-use order, so the table is deterministic. File names
 * are the paths as the compiler loaded them, except that files of the built-in
 * library are named `<stdlib>/NAME.sc`: the bytes then do not depend on where
 * secc is installed.
 */
import { relative, sep } from "node:path";
import type { ModuleBuilder } from "../../vm/builder.js";
import type { SourceFile } from "../source/source-file.js";
import type { Span } from "../source/span.js";

export interface DebugInfoOptions {
  /** The built-in library directory, for naming its files. */
  readonly stdlibPath?: string | undefined;
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
    const lib = this.options.stdlibPath;
    if (lib !== undefined) {
      const rel = relative(lib, file.path);
      if (rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel)) {
        return `<stdlib>/${rel.split(sep).join("/")}`;
      }
    }
    return file.path;
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
