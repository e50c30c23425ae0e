/**
 * Every editor feature on broken and half-typed programs, at every position:
 * none throws (the compiler's trees are complete even with syntax errors, and the
 * features must cope with error nodes, unresolved names and empty results).
 */
import { describe, expect, it } from "vitest";
import { defaultStdlibPath } from "../../compiler/stdlib-path.js";
import { nodeHost } from "../../compiler/cli/node-host.js";
import { analyze } from "../../lsp/analysis.js";
import { codeActions } from "../../lsp/features/code-actions.js";
import { completion } from "../../lsp/features/completion.js";
import { definition } from "../../lsp/features/definition.js";
import { documentDiagnostics } from "../../lsp/features/diagnostics.js";
import { foldingRanges } from "../../lsp/features/folding.js";
import { hover } from "../../lsp/features/hover.js";
import { inlayHints } from "../../lsp/features/inlay-hints.js";
import { references } from "../../lsp/features/references.js";
import { semanticTokens } from "../../lsp/features/semantic-tokens.js";
import { signatureHelp } from "../../lsp/features/signature-help.js";
import { documentSymbols } from "../../lsp/features/symbols.js";

const broken = [
  "import stdlib;\nimport shared3p;\ndomain pd_shared3p shared3p;\nvoid main() {\n    pd_shared3p uint32 x = ;\n    x.\n    f(1, \n}\n",
  "template <domain D, type T\nT[[1]] f(D T x { return x; }\nstruct s { int32 a; \n",
  "void main() { if (x { } else { for (;;) { print(\"unterminated); } }",
  "kind k { type ; }\ndomain d k\nk uint32 y = 3 +;\n/* unterminated",
  "",
];

describe("features on broken programs", () => {
  for (const [i, text] of broken.entries()) {
    it(`answers at every position of broken program ${i + 1} without throwing`, () => {
      const a = analyze("file:///broken.sc", 1, "/broken.sc", text, { host: nodeHost, includePaths: [], stdlibPath: defaultStdlibPath() });
      const lsp = documentDiagnostics(a);
      expect(text === "" || lsp.some((d) => typeof d.code === "string" && /^SC\d{4}$/.test(d.code))).toBe(true);
      expect(() => {
        documentSymbols(a);
        foldingRanges(a);
        semanticTokens(a);
        codeActions(a, lsp);
        inlayHints(a, { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } });
        const lines = text.split("\n");
        lines.forEach((l, line) => {
          for (let character = 0; character <= l.length; character++) {
            const p = { line, character };
            hover(a, p);
            definition(a, p);
            completion(a, p);
            signatureHelp(a, p);
            references(a, p, true);
          }
        });
      }).not.toThrow();
    }, 60_000);
  }
});
