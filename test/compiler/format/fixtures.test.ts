/**
 * Formatter fixtures: each `NAME.input.sc` under fixtures/ formats to exactly
 * `NAME.output.sc` (written by hand), and the output is a fixpoint.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fmt } from "./helpers.js";

const dir = join(import.meta.dirname, "fixtures");
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".input.sc"))
  .map((f) => f.slice(0, -".input.sc".length));

describe("formatter fixtures", () => {
  for (const name of names) {
    it(`${name}: input formats to the expected output, which is stable`, async () => {
      const input = readFileSync(join(dir, `${name}.input.sc`), "utf8");
      const expected = readFileSync(join(dir, `${name}.output.sc`), "utf8");
      expect(await fmt(input)).toBe(expected);
      expect(await fmt(expected)).toBe(expected);
    });
  }
});
