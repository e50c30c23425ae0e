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
import { Syntax } from "../../../compiler/diagnostics/messages/syntax.js";

const dir = join(import.meta.dirname, "../../cases/syntax");
const files = readdirSync(dir).filter((f) => f.endsWith(".sc")).sort();

describe("syntax baselines", () => {
  it("has test programs", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it("exercises every syntax message somewhere in the syntax tests", () => {
    const testDir = import.meta.dirname;
    const texts = [
      ...files.map((f) => readFileSync(join(dir, f), "utf8")),
      ...readdirSync(testDir).filter((f) => f.endsWith(".ts")).map((f) => readFileSync(join(testDir, f), "utf8")),
    ].join("\n");
    const missing = Object.values(Syntax).map((m) => m.code).filter((code) => !texts.includes(`${code}@`));
    expect(missing).toEqual([]);
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
