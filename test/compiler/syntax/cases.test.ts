/**
 * Baseline syntax tests: every program under test/cases/syntax/ is parsed and its
 * diagnostics compared with the inline `//~ SC1xxx@col` expectations it contains.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { parseModule } from "../../../compiler/syntax/index.js";
import { compareExpectations, expectationsOf } from "../../support/expectations.js";

const dir = join(import.meta.dirname, "../../cases/syntax");
const files = readdirSync(dir).filter((f) => f.endsWith(".sc")).sort();

describe("syntax baselines", () => {
  it("has test programs", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  for (const name of files) {
    it(name, () => {
      const text = readFileSync(join(dir, name), "utf8");
      const file = new SourceFile(name, text);
      const { diagnostics } = parseModule(file);
      expect(compareExpectations(expectationsOf(text), diagnostics)).toEqual([]);
    });
  }
});
