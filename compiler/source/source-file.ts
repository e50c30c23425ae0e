/**
 * A source file held in memory: its path, text and a line-start table.
 * Offsets are UTF-16 code-unit indices into `text` (what chevrotain and the LSP use);
 * lines and columns derived from them are 1-based for people and 0-based for the LSP.
 * Instances are immutable once created.
 */

/** A position for people: 1-based line and column. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export class SourceFile {
  readonly path: string;
  readonly text: string;
  private lineStartsCache: number[] | undefined;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  /** Offsets at which each line starts; line i (0-based) starts at lineStarts[i]. */
  get lineStarts(): readonly number[] {
    if (this.lineStartsCache === undefined) {
      const starts = [0];
      const text = this.text;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.lineStartsCache = starts;
    }
    return this.lineStartsCache;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line index containing `offset` (clamped to the file). */
  lineIndexOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line and column of `offset`. */
  lineColumn(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineIndexOf(clamped);
    return { line: line + 1, column: clamped - (this.lineStarts[line] as number) + 1 };
  }

  /** Offset of a 0-based (line, character) position, clamped to the file (LSP positions). */
  offsetAt(line: number, character: number): number {
    const starts = this.lineStarts;
    if (line < 0) return 0;
    if (line >= starts.length) return this.text.length;
    const start = starts[line] as number;
    const end = line + 1 < starts.length ? (starts[line + 1] as number) : this.text.length;
    return Math.min(start + Math.max(0, character), end);
  }

  /** The text of a 0-based line without its line terminator. */
  lineText(lineIndex: number): string {
    const starts = this.lineStarts;
    const start = starts[lineIndex] ?? this.text.length;
    let end = lineIndex + 1 < starts.length ? (starts[lineIndex + 1] as number) : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}
