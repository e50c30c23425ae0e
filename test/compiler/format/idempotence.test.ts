/**
 * Formatter properties over generated programs: trees from the syntax tests'
 * generators, printed canonically, then scrambled (whitespace runs replaced by
 * other whitespace, block comments inserted between tokens, line comments after
 * `;`, `{` and `}` at the ends of lines, where people write them). For every
 * such program: formatting is idempotent, the formatted program parses to the
 * same tree (modulo offsets), and every comment survives (comments inside the
 * small pieces of a declaration, such as between `type` and its name, may move to
 * the end of it, so the check is on the multiset of comments).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printModule } from "../../../compiler/syntax/print.js";
import { module } from "../syntax/generators.js";
import { commentTexts, fmt, parseOk, stripOffsets } from "./helpers.js";

/** Replacements for a whitespace run; line comments only at line ends after `;`, `{`, `}`. */
const gaps = [" ", "  ", "\n", "\n\n\n    ", "\t", " /* c */ "];
const lineGaps = [...gaps, "\n// own line\n"];

/**
 * Rewrites the whitespace of `text` outside string literals: the k-th whitespace
 * run becomes gaps[choices[k]]; line ends may get a `// end` comment first.
 */
function scramble(text: string, choices: readonly number[]): string {
  let out = "";
  let k = 0;
  let i = 0;
  const next = (): number => choices[k++ % Math.max(1, choices.length)] ?? 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/\s/.test(c)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      const run = text.slice(i, j);
      const choice = next();
      const atBoundary = run.includes("\n") && /[;{}]$/.test(out);
      const endComment = atBoundary && choice % 3 === 0 ? " // end" : "";
      const options = atBoundary ? lineGaps : gaps;
      const gap = options[choice % options.length] as string;
      out += endComment === "" ? gap : `${endComment}${gap.includes("\n") ? gap : "\n"}`;
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

describe("formatter properties", () => {
  it("is idempotent and keeps the tree and the comments of generated programs", async () => {
    await fc.assert(
      fc.asyncProperty(module, fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }), async (m, choices) => {
        const text = scramble(printModule(m), choices);
        const before = parseOk(text);
        const once = await fmt(text);
        expect(await fmt(once), `${text}\n=====\n${once}`).toBe(once);
        const after = parseOk(once);
        expect(stripOffsets(after)).toEqual(stripOffsets(before));
        expect(commentTexts(after).sort(), `${text}\n=====\n${once}`).toEqual(commentTexts(before).sort());
      }),
      { numRuns: 120 },
    );
  });
});
