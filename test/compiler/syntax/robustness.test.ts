/**
 * Bad input never crashes or hangs the parser: random token soups and valid programs
 * with tokens deleted or duplicated always give a complete tree (no undefined nodes,
 * ranges inside the file) and SC1xxx diagnostics with spans.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { parseModule } from "../../../compiler/syntax/index.js";
import { printModule } from "../../../compiler/syntax/print.js";
import { walk } from "../../../compiler/syntax/walk.js";
import { module } from "./generators.js";

const fragments = [
  "void", "int", "uint8", "public", "pd", "T", "x", "f", "main", "template", "<", ">", ">>", "domain", "type", "dim", "kind",
  "struct", "{", "}", "(", ")", "[", "]", "[[", "]]", ";", ",", ":", "::", "=", "+=", "+", "-", "*", "/", "==", "<=", "&&", "!", "~",
  "++", "--", "?", ".", "@", "if", "else", "while", "do", "for", "return", "break", "print", "assert", "__syscall", "__ref", "__return",
  "size", "cat", "declassify", "__fpu_state", "1", "0x1f", "256u8", "12u", "1.5", "\"s$T\\_\"", "\"open", "/*", "*/", "//", "\n", "#", "operator", "cast", "import", "module",
];

function checkParse(text: string): void {
  const file = new SourceFile("fuzz.sc", text);
  const r = parseModule(file);
  walk(r.module, (n) => {
    expect(typeof n.kind).toBe("string");
    expect(n.start).toBeGreaterThanOrEqual(0);
    expect(n.end).toBeLessThanOrEqual(text.length);
    expect(n.start).toBeLessThanOrEqual(n.end);
  });
  for (const d of r.diagnostics) {
    expect(d.code).toMatch(/^SC1\d{3}$/);
    expect(d.span).toBeDefined();
    expect(d.span!.start).toBeLessThanOrEqual(text.length);
  }
}

describe("robustness", () => {
  it("survives random token soups", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => checkParse(parts.join(" "))),
      { numRuns: 400 },
    );
  });

  it("survives valid programs with tokens deleted or duplicated", () => {
    fc.assert(
      fc.property(module, fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 4 }), (m, edits) => {
        const words = printModule(m).split(/(\s+)/);
        for (const [at, dup] of edits) {
          const i = at % Math.max(1, words.length);
          if (dup) words.splice(i, 0, words[i] ?? "");
          else words.splice(i, 1);
        }
        checkParse(words.join(""));
      }),
      { numRuns: 200 },
    );
  });
});
