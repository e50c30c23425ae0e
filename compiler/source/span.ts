/**
 * Spans: a half-open range [start, end) of UTF-16 offsets in one source file.
 * AST nodes carry only offsets; a Span adds the file so diagnostics can point
 * into any module of a program.
 */
import type { SourceFile } from "./source-file.js";

export interface Span {
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
}

/** Anything with offsets, such as an AST node or a token range. */
export interface Ranged {
  readonly start: number;
  readonly end: number;
}

export function span(file: SourceFile, range: Ranged): Span {
  return { file, start: range.start, end: range.end };
}

/** The smallest span covering both ranges (same file). */
export function cover(a: Ranged, b: Ranged): Ranged {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
