/**
 * Lints over a checked program (rules in rules.ts): `lintProgram(program, options)`
 * returns warnings for the procedure instances declared outside the standard
 * library, each reported once per source position (template instances share a
 * body), minus the rules turned off by options or `// secc-allow:` comments.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CheckedProgram } from "../semantic/bound.js";
import { CommunicationOracle } from "./communicates.js";
import { LoopLinter } from "./loop-lints.js";
import type { LintOptions } from "./rules.js";

export type { LintOptions, LintRule } from "./rules.js";
export { LINT_RULES, isLintRule } from "./rules.js";

export interface LintProgramOptions extends LintOptions {
  /** The standard library directory: its procedures are not linted. */
  readonly stdlibPath?: string;
}

/**
 * Whether a `// secc-allow: ...` comment names the diagnostic's rule, on the
 * diagnostic's line or on a comment-only line just above it.
 */
function allowedByComment(d: Diagnostic): boolean {
  if (d.span === undefined || d.rule === undefined) return false;
  const file = d.span.file;
  const { line } = file.lineColumn(d.span.start);
  const lines = file.text.split(/\r?\n/);
  const above = lines[line - 2];
  const candidates = [lines[line - 1], above !== undefined && /^\s*\/\//.test(above) ? above : undefined];
  for (const l of candidates) {
    const m = l === undefined ? null : /\/\/\s*secc-allow:\s*([\w\s,-]+)/.exec(l);
    if (m !== null && m[1]!.split(/[\s,]+/).includes(d.rule)) return true;
  }
  return false;
}

function inStdlib(path: string, stdlibPath: string | undefined): boolean {
  return stdlibPath !== undefined && stdlibPath !== "" && path.startsWith(stdlibPath);
}

export function lintProgram(program: CheckedProgram, options: LintProgramOptions = {}): Diagnostic[] {
  const oracle = new CommunicationOracle();
  const allow = new Set(options.allow ?? []);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const inst of program.instances) {
    const module = inst.proc.module;
    if (inst.body === undefined || inStdlib(module.file.path, options.stdlibPath)) continue;
    const linter = new LoopLinter(module, oracle);
    linter.stmt(inst.body, false);
    for (const d of linter.out) {
      const key = `${d.code} ${d.span?.file.path} ${d.span?.start}`;
      if (seen.has(key) || (d.rule !== undefined && allow.has(d.rule)) || allowedByComment(d)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}
