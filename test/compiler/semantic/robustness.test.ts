/**
 * Bad input never crashes the checker: programs cut short or with random spans
 * deleted (so the parser recovers with error nodes in odd places) are checked
 * without throwing, and every diagnostic has a code and a position in a real file.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { checkProgram } from "../../../compiler/semantic/index.js";
import { casesDir, fsHost } from "./harness.js";

const sources = readdirSync(casesDir)
  .filter((f) => f.endsWith(".sc"))
  .map((f) => readFileSync(path.join(casesDir, f), "utf8"));

function check(text: string) {
  return checkProgram(new SourceFile("/virtual/mutant.sc", text), {
    host: fsHost,
    includePaths: [path.join(casesDir, "lib")],
    stdlibPath: undefined,
  });
}

describe("checker robustness", () => {
  it("survives deletions and truncations of every test program", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (which, where, len, truncate) => {
          const src = sources[which] as string;
          const at = Math.floor(where * src.length);
          const text = truncate ? src.slice(0, at) : src.slice(0, at) + src.slice(at + len);
          const { diagnostics } = check(text);
          for (const d of diagnostics) {
            expect(d.code).toMatch(/^SC\d{4}$/);
            if (d.span) expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
