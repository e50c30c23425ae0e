/**
 * Baseline tests: every `.sc` program directly under test/cases/semantic/ is
 * checked, and the diagnostics of every file of the program that lives under
 * test/cases/ must be exactly the ones written inline with `//~` markers (see
 * test/support/expectations.ts). Files of the standard library must check cleanly.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compareExpectations, expectationsOf } from "../../support/expectations.js";
import { casesDir, checkFile } from "./harness.js";

const entries = readdirSync(casesDir)
  .filter((f) => f.endsWith(".sc"))
  .sort();

describe("semantic baselines", () => {
  it("finds the test programs", () => {
    expect(entries.length).toBeGreaterThan(10);
  });
  for (const name of entries) {
    it(name, () => {
      const file = path.join(casesDir, name);
      const { program, diagnostics } = checkFile(file);
      const problems: string[] = [];
      for (const m of program.modules) {
        const p = m.file.path;
        const mine = diagnostics.filter((d) => d.span?.file.path === p);
        if (p.startsWith(casesDir)) {
          for (const x of compareExpectations(expectationsOf(readFileSync(p, "utf8")), mine, p)) {
            problems.push(`${path.relative(casesDir, p)}: ${x}`);
          }
        } else {
          for (const d of mine) problems.push(`${p}: unexpected ${d.code} ${d.message}`);
        }
      }
      for (const d of diagnostics.filter((d) => !d.span)) problems.push(`unexpected ${d.code} ${d.message}`);
      expect(problems).toEqual([]);
    });
  }
});
