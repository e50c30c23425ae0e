/**
 * Diagnostics as LSP data: the compiler's diagnostics (same codes and messages
 * as `secc check`) whose primary span is in the document, with severity, code,
 * `source: "secc"`, labels and spans in other files as related information, and
 * notes and help lines appended to the message. Diagnostics without a span or in
 * another file (an imported module's errors) are shown at the top of the
 * document once, so a broken import is never silent.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver/node";
import type { Diagnostic, Severity } from "../../compiler/diagnostics/diagnostic.js";
import type { Analysis } from "../analysis.js";
import { pathToUri, rangeOf } from "../positions.js";

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

function messageOf(d: Diagnostic): string {
  const extra = [...d.notes.map((n) => `note: ${n}`), ...d.help.map((h) => `help: ${h}`)];
  return extra.length === 0 ? d.message : `${d.message}\n${extra.join("\n")}`;
}

function related(d: Diagnostic): DiagnosticRelatedInformation[] {
  return d.related.map((r) => ({ location: { uri: pathToUri(r.span.file.path), range: rangeOf(r.span.file, r.span) }, message: r.message }));
}

/** One compiler diagnostic as an LSP diagnostic in the document of `analysis`. */
export function toLspDiagnostic(analysis: Analysis, d: Diagnostic): LspDiagnostic {
  const here = d.span !== undefined && d.span.file.path === analysis.file.path;
  const range = here ? rangeOf(analysis.file, d.span!) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const elsewhere = d.span && !here ? ` (in ${d.span.file.path}:${d.span.file.lineColumn(d.span.start).line})` : "";
  return {
    range,
    severity: severities[d.severity],
    code: d.code,
    source: "secc",
    message: messageOf(d) + elsewhere,
    relatedInformation: related(d),
    data: { code: d.code },
  };
}

/** The diagnostics to publish for the document. */
export function documentDiagnostics(analysis: Analysis): LspDiagnostic[] {
  return analysis.diagnostics.map((d) => toLspDiagnostic(analysis, d));
}
