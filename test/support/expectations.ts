/**
 * Inline diagnostic expectations for baseline-style tests (in the spirit of rustc's
 * UI tests). A test program states what must be reported, next to the code:
 *
 *     x = 1;            //~ SC2001@5        a diagnostic with code SC2001 at this line, column 5
 *     if (s) {}         //~ SC4001@9 SC4002@9
 *     //~^ SC3001@1                         (`^` = the line above; `^^` = two lines above)
 *
 * Columns are 1-based. `expectationsOf(text)` reads them; `compareExpectations`
 * returns a readable list of what is missing and what was unexpected, so a test is
 * `expect(compareExpectations(...)).toEqual([])`. Expectations are written by hand,
 * never generated from the compiler's output.
 */
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";

export interface Expected {
  line: number;
  column: number;
  code: string;
}

const marker = /\/\/~(\^*)\s+((?:SC\d{4}@\d+\s*)+)/g;

export function expectationsOf(text: string): Expected[] {
  const out: Expected[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((lineText, index) => {
    for (const m of lineText.matchAll(marker)) {
      const line = index + 1 - (m[1] ?? "").length;
      for (const item of (m[2] ?? "").trim().split(/\s+/)) {
        const [code, col] = item.split("@") as [string, string];
        out.push({ line, column: Number(col), code });
      }
    }
  });
  return out;
}

function key(e: Expected): string {
  return `${e.line}:${e.column} ${e.code}`;
}

/** Differences between expected and actual diagnostics of one file (empty when they agree). */
export function compareExpectations(expected: Expected[], actual: readonly Diagnostic[], path?: string): string[] {
  const got = actual
    .filter((d) => d.span && (path === undefined || d.span.file.path === path))
    .map((d) => {
      const { line, column } = d.span!.file.lineColumn(d.span!.start);
      return { key: key({ line, column, code: d.code }), message: d.message };
    });
  const want = expected.map(key);
  const problems: string[] = [];
  const remaining = [...got];
  for (const w of want) {
    const i = remaining.findIndex((g) => g.key === w);
    if (i >= 0) remaining.splice(i, 1);
    else problems.push(`missing  ${w}`);
  }
  for (const r of remaining) problems.push(`unexpected ${r.key}: ${r.message}`);
  return problems;
}
