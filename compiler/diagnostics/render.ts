/**
 * Renders diagnostics in one place: rustc-style text with a source excerpt, a
 * line-number gutter and `^^^` under the primary span (`---` under related spans),
 * optionally coloured; and the JSON form used by `--json` and tests.
 * Colour is decided by the caller (see colorEnabled) and passed in.
 */
import type { Diagnostic, Label, Severity } from "./diagnostic.js";
import type { Span } from "../source/span.js";

type Style = "red" | "yellow" | "blue" | "cyan" | "bold" | "dim";
const codes: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  blue: [34, 39],
  cyan: [36, 39],
  bold: [1, 22],
  dim: [2, 22],
};

export interface RenderOptions {
  color: boolean;
}

/** Whether to colour output on `stream`: a TTY, NO_COLOR unset, TERM not dumb; FORCE_COLOR forces it. */
export function colorEnabled(stream: { isTTY?: boolean }, mode: "auto" | "always" | "never" = "auto"): boolean {
  if (mode !== "auto") return mode === "always";
  const env = process.env;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.NO_COLOR !== undefined) return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

function paint(on: boolean, style: Style, text: string): string {
  if (!on) return text;
  const [open, close] = codes[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

const severityStyle: Record<Severity, Style> = { error: "red", warning: "yellow", info: "blue" };

/** `file:line:col` of a span's start. */
export function location(span: Span): string {
  const { line, column } = span.file.lineColumn(span.start);
  return `${span.file.path}:${line}:${column}`;
}

/** One diagnostic as text, ending with a newline. */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions): string {
  const c = options.color;
  const out: string[] = [];
  out.push(`${paint(c, "bold", paint(c, severityStyle[d.severity], `${d.severity}[${d.code}]`))}${paint(c, "bold", `: ${d.message}`)}`);
  if (d.span) {
    const labels: Array<{ label: Label; primary: boolean }> = [
      { label: { span: d.span, message: d.label ?? "" }, primary: true },
      ...d.related.filter((r) => r.span.file === d.span!.file).map((label) => ({ label, primary: false })),
    ];
    out.push(...renderExcerpt(d.span, labels, d.severity, c));
    for (const r of d.related) {
      if (r.span.file !== d.span.file) out.push(`${paint(c, "blue", "  = note:")} ${r.message} (${location(r.span)})`);
    }
  } else {
    for (const r of d.related) out.push(`${paint(c, "blue", "  = note:")} ${r.message} (${location(r.span)})`);
  }
  for (const n of d.notes) out.push(`${paint(c, "blue", "  = note:")} ${n}`);
  for (const h of d.help) out.push(`${paint(c, "cyan", "  = help:")} ${h}`);
  return out.join("\n") + "\n";
}

function renderExcerpt(primary: Span, labels: Array<{ label: Label; primary: boolean }>, severity: Severity, c: boolean): string[] {
  const file = primary.file;
  const lines = new Map<number, Array<{ from: number; to: number; text: string; primary: boolean }>>();
  for (const { label, primary: isPrimary } of labels) {
    const startLine = file.lineIndexOf(label.span.start);
    const endLine = file.lineIndexOf(Math.max(label.span.start, label.span.end - 1));
    // Multi-line spans are underlined on their first line only, to its end.
    const lineStart = file.lineStarts[startLine] as number;
    const from = label.span.start - lineStart;
    const lineLen = file.lineText(startLine).length;
    const to = endLine === startLine ? Math.max(from + 1, label.span.end - lineStart) : Math.max(from + 1, lineLen);
    const entry = lines.get(startLine) ?? [];
    entry.push({ from, to, text: label.message, primary: isPrimary });
    lines.set(startLine, entry);
  }
  const sorted = [...lines.keys()].sort((a, b) => a - b);
  const gutter = String((sorted[sorted.length - 1] ?? 0) + 1).length;
  const pad = " ".repeat(gutter);
  const out = [`${pad}${paint(c, "blue", "-->")} ${location(primary)}`, `${pad} ${paint(c, "blue", "|")}`];
  let previous = -1;
  for (const lineIndex of sorted) {
    if (previous >= 0 && lineIndex > previous + 1) out.push(paint(c, "blue", `${pad}...`));
    previous = lineIndex;
    const text = file.lineText(lineIndex).replace(/\t/g, " ");
    out.push(`${paint(c, "blue", `${String(lineIndex + 1).padStart(gutter)} |`)} ${text}`);
    for (const mark of (lines.get(lineIndex) ?? []).sort((a, b) => a.from - b.from)) {
      const ch = mark.primary ? "^" : "-";
      const style: Style = mark.primary ? severityStyle[severity] : "blue";
      const underline = " ".repeat(mark.from) + ch.repeat(Math.max(1, mark.to - mark.from));
      out.push(`${pad} ${paint(c, "blue", "|")} ${paint(c, style, underline + (mark.text ? ` ${mark.text}` : ""))}`);
    }
  }
  return out;
}

/** The closing summary line, e.g. `error: 2 errors, 1 warning emitted` (empty when nothing was reported). */
export function renderSummary(ds: readonly Diagnostic[], options: RenderOptions): string {
  const errors = ds.filter((d) => d.severity === "error").length;
  const warnings = ds.filter((d) => d.severity === "warning").length;
  if (errors === 0 && warnings === 0) return "";
  const parts: string[] = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  const head = errors ? paint(options.color, "red", "error") : paint(options.color, "yellow", "warning");
  return `${paint(options.color, "bold", head)}: ${parts.join(", ")} emitted\n`;
}

/** The JSON form of one diagnostic (1-based lines and columns; offsets too). */
export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  start: number | null;
  end: number | null;
  label?: string;
  related: Array<{ message: string; file: string; line: number; column: number; endLine: number; endColumn: number }>;
  notes: string[];
  help: string[];
  fixes: Array<{ message: string; edits: Array<{ file: string; start: number; end: number; newText: string }> }>;
  rule?: string;
}

function jsonRange(span: Span) {
  const s = span.file.lineColumn(span.start);
  const e = span.file.lineColumn(span.end);
  return { file: span.file.path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  const range = d.span ? jsonRange(d.span) : { file: null, line: null, column: null, endLine: null, endColumn: null };
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...range,
    start: d.span?.start ?? null,
    end: d.span?.end ?? null,
    ...(d.label ? { label: d.label } : {}),
    related: d.related.map((r) => ({ message: r.message, ...jsonRange(r.span) })),
    notes: [...d.notes],
    help: [...d.help],
    fixes: d.fixes.map((f) => ({
      message: f.message,
      edits: f.edits.map((e) => ({ file: e.span.file.path, start: e.span.start, end: e.span.end, newText: e.newText })),
    })),
    ...(d.rule ? { rule: d.rule } : {}),
  };
}
