/**
 * How the command-line programs report: exit codes, diagnostics on stderr (text,
 * coloured only on a terminal) or as one JSON document on stdout, and a quiet exit
 * when stdout is closed early (`secc disasm x.sb | head`).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { sortDiagnostics } from "../diagnostics/diagnostic.js";
import { colorEnabled, renderDiagnostic, renderSummary, toJson } from "../diagnostics/render.js";

/** Exit codes shared by secc and secrun (documented in --help and the README). */
export const ExitCode = {
  ok: 0,
  /** The program is wrong: compile errors (secc) or a runtime error (secrun). */
  programError: 1,
  usage: 2,
  /** secrun: the program did not compile. */
  compileError: 3,
  /** secrun: network or party failure. */
  environment: 4,
  internal: 70,
} as const;

/** Prints diagnostics as text on stderr, followed by a summary line. */
export function printDiagnostics(ds: readonly Diagnostic[]): void {
  const color = colorEnabled(process.stderr);
  let text = "";
  for (const d of sortDiagnostics(ds)) text += renderDiagnostic(d, { color }) + "\n";
  text += renderSummary(ds, { color });
  if (text) process.stderr.write(text);
}

/** Prints diagnostics as one JSON array on stdout. */
export function printDiagnosticsJson(ds: readonly Diagnostic[]): void {
  process.stdout.write(JSON.stringify(sortDiagnostics(ds).map(toJson), null, 2) + "\n");
}

/** Exit quietly when the reader of stdout goes away. */
export function handleEpipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

/** Reports an unexpected exception as an internal error (rustc's ICE style) and exits 70. */
export function internalError(error: unknown): never {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`error: internal error in secc (this is a bug; please report it with the input that caused it)\n${detail}\n`);
  process.exit(ExitCode.internal);
}
