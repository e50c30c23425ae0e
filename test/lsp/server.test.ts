/**
 * The language server over in-process streams, as an editor drives it:
 * initialize, didOpen → publishDiagnostics (compiler codes at exact ranges),
 * didChange → new diagnostics for the new version, hover (full types with
 * security, costs of private operations, what declassify reveals), definition
 * (local, imported module, standard library), completion (locals, keywords,
 * struct fields), formatting, shutdown.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompletionItem, Hover, Location, MarkupContent, TextEdit } from "vscode-languageserver/node";
import { markers, startInProcess, type LspClient } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "secc-lsp-"));
const utilPath = join(dir, "util.sc");
writeFileSync(utilPath, "module util;\n\n/** Adds one. */\nuint32 inc(uint32 x) {\n    return x + 1;\n}\n");
const mainUri = pathToFileURL(join(dir, "main.sc")).href;
const utilUri = pathToFileURL(utilPath).href;

const program = markers(`import stdlib;
import shared3p;
import <|>util;

domain pd_shared3p shared3p;

struct point {
    int32 x;
    int32 y;
}

void main() {
    pd_shared3p uint32[[1]] s<|>alaries = {1, 2, 3};
    pd_shared3p uint32[[1]] doubled = salaries <|>* salaries;
    uint32 total = <|>declassify(sum(doubled));
    point p;
    p.x = 3;
    print(<|>inc(total), " ", <|>sum({1, 2} :: uint32[[1]]));
}
`);
const [atImport, atSalaries, atMul, atDeclassify, atInc, atSum] = program.positions as [never, never, never, never, never, never];

let client: LspClient;

beforeAll(async () => {
  client = startInProcess();
  const init = await client.initialize();
  expect(init.capabilities.hoverProvider).toBe(true);
  expect(init.capabilities.definitionProvider).toBe(true);
  expect(init.capabilities.documentFormattingProvider).toBe(true);
  expect(init.capabilities.textDocumentSync).toBe(2);
  await client.open(mainUri, program.text);
  const first = await client.nextDiagnostics(mainUri);
  expect(first.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
}, 60_000);

afterAll(async () => {
  await client.shutdown(false);
});

const hoverText = async (position: never): Promise<string> => {
  const h = await client.request<Hover | null>("textDocument/hover", mainUri, position);
  return h ? (h.contents as MarkupContent).value : "";
};

describe("secc-lsp in process", () => {
  it("hovers a private variable with its full type and security", async () => {
    const text = await hoverText(atSalaries);
    expect(text).toContain("pd_shared3p uint32[[1]] salaries");
    expect(text).toContain("private: domain pd_shared3p (kind shared3p)");
    expect(text).toContain("vector (dimension 1)");
    expect(text).toContain("local variable");
  });

  it("hovers a private multiplication with its protocol cost", async () => {
    const text = await hoverText(atMul);
    expect(text).toContain("shared3p::mul_uint32_vec");
    expect(text).toContain("mul<32>");
    expect(text).toContain("1 round");
    expect(text).toContain("P1 8, P2 8, P3 8");
  });

  it("hovers declassify with what it reveals and what it costs", async () => {
    const text = await hoverText(atDeclassify);
    expect(text).toContain("Reveals this pd_shared3p uint32 value to every party");
    expect(text).toContain("open<32>");
  });

  it("goes to definitions in an imported module, the library and the import's file", async () => {
    const inc = await client.request<Location>("textDocument/definition", mainUri, atInc);
    expect(inc).toEqual({ uri: utilUri, range: { start: { line: 3, character: 7 }, end: { line: 3, character: 10 } } });
    const sum = await client.request<Location>("textDocument/definition", mainUri, atSum);
    expect(sum.uri.endsWith("/stdlib/stdlib.sc") || sum.uri.endsWith("/stdlib/shared3p.sc")).toBe(true);
    const imp = await client.request<Location>("textDocument/definition", mainUri, atImport);
    expect(imp.uri).toBe(utilUri);
  });

  it("shows the doc comment of an imported procedure", async () => {
    const text = await hoverText(atInc);
    expect(text).toContain("uint32 inc(uint32 x)");
    expect(text).toContain("Adds one.");
    expect(text).toContain("This call: `inc(uint32) → uint32`");
  });

  it("reports diagnostics after a change, for the new version, with code and range", async () => {
    const broken = markers(program.text.replace("p.x = 3;", "p.x = <|>missing;"));
    await client.change(mainUri, 2, broken.text);
    const published = await client.nextDiagnostics(mainUri);
    expect(published.version).toBe(2);
    const at = broken.positions[0]!;
    expect(published.diagnostics.map((d) => ({ code: d.code, range: d.range }))).toEqual([
      { code: "SC2001", range: { start: at, end: { line: at.line, character: at.character + "missing".length } } },
    ]);
    expect(published.diagnostics[0]?.message).toBe("cannot find `missing` in this scope");
    await client.change(mainUri, 3, program.text);
    expect((await client.nextDiagnostics(mainUri)).diagnostics).toEqual([]);
  });

  it("completes locals, procedures and keywords, and struct fields after a dot", async () => {
    const typing = markers(program.text.replace("p.x = 3;", "p.x = 3;\n    <|>\n    p.<|>"));
    await client.change(mainUri, 4, typing.text);
    const items = await client.request<CompletionItem[]>("textDocument/completion", mainUri, typing.positions[0]);
    const labels = items.map((i) => i.label);
    for (const expected of ["salaries", "doubled", "total", "p", "inc", "sum", "while", "declassify", "pd_shared3p", "uint32", "point"]) {
      expect(labels).toContain(expected);
    }
    expect(items.find((i) => i.label === "salaries")?.detail).toBe("pd_shared3p uint32[[1]] salaries");
    const fields = await client.request<CompletionItem[]>("textDocument/completion", mainUri, typing.positions[1]);
    expect(fields.map((f) => `${f.label}: ${f.detail}`)).toEqual(["x: int32 x", "y: int32 y"]);
    await client.change(mainUri, 5, program.text);
    await client.nextDiagnostics(mainUri);
  });

  it("formats the document with the same formatter as secc fmt", async () => {
    const uri = pathToFileURL(join(dir, "messy.sc")).href;
    await client.open(uri, "void main(){int x=1;\nprint(x);}\n");
    await client.nextDiagnostics(uri);
    const edits = await client.request<TextEdit[]>("textDocument/formatting", uri, undefined, { options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([
      { range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, newText: "void main() {\n    int x = 1;\n    print(x);\n}\n" },
    ]);
  });
});
