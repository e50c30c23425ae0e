/**
 * The one Diagnostic type every phase reports with (lexer, parser, resolver,
 * type checker, protocol DSL, command-line I/O), and a bag that collects them.
 * Diagnostics are plain data: a stable code from the catalogue (messages/),
 * a severity, a message, a primary span, labelled secondary spans, notes, help
 * lines and machine-applicable fixes. Rendering lives in render.ts.
 */
import type { Span } from "../source/span.js";

export type Severity = "error" | "warning" | "info";

export interface Label {
  readonly span: Span;
  readonly message: string;
}

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly message: string;
  readonly edits: readonly TextEdit[];
}

export interface Diagnostic {
  /** Stable code such as `SC3104`; see messages/index.ts for the ranges. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Primary location; absent for diagnostics about the whole run (missing file...). */
  readonly span?: Span;
  /** Label under the primary span. */
  readonly label?: string;
  readonly related: readonly Label[];
  readonly notes: readonly string[];
  readonly help: readonly string[];
  readonly fixes: readonly Fix[];
  /** Lint rule name for diagnostics that can be turned off. */
  readonly rule?: string;
}

/** Optional parts when creating a diagnostic. */
export interface DiagnosticExtras {
  label?: string;
  related?: Label[];
  notes?: string[];
  help?: string[];
  fixes?: Fix[];
  severity?: Severity;
}

/** Collects diagnostics in report order; drops exact duplicates (same code and span). */
export class DiagnosticBag {
  private readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  add(d: Diagnostic): void {
    const key = `${d.code}:${d.span?.file.path ?? ""}:${d.span?.start ?? -1}:${d.span?.end ?? -1}:${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(d);
  }

  addAll(ds: Iterable<Diagnostic>): void {
    for (const d of ds) this.add(d);
  }

  get all(): readonly Diagnostic[] {
    return this.items;
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === "error").length;
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}

/** Sorts diagnostics by file path and position, keeping report order for ties. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const pa = a.d.span?.file.path ?? "";
      const pb = b.d.span?.file.path ?? "";
      if (pa !== pb) return pa < pb ? -1 : 1;
      const sa = a.d.span?.start ?? -1;
      const sb = b.d.span?.start ?? -1;
      return sa - sb || a.i - b.i;
    })
    .map((x) => x.d);
}
