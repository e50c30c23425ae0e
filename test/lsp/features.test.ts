/**
 * The remaining editor features over in-process streams, with cursor markers:
 * references and highlights, rename (and its refusals), signature help over
 * overloads, document and workspace symbols, semantic tokens (secret values get
 * the `secret` modifier, public ones do not), folding ranges, inlay hints with
 * protocol costs, the quick fix that imports a library module, selection ranges
 * and import links, library modules and unsaved imported buffers.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CodeAction,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  InitializeResult,
  InlayHint,
  Location,
  SelectionRange,
  SemanticTokens,
  SignatureHelp,
  SymbolInformation,
  WorkspaceEdit,
} from "vscode-languageserver/node";
import { markers, startInProcess, type LspClient } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "secc-lsp-features-"));
const uri = pathToFileURL(join(dir, "prog.sc")).href;

const program = markers(`import stdlib;
import shared3p;

domain pd_shared3p shared3p;

// Scales a value.
uint32 scale(uint32 x, uint32 k) {
    return x * k;
}

uint32 scale(uint32 x) {
    return x;
}

void main() {
    pd_shared3p uint32[[1]] <|>secret = {1, 2, 3};
    uint32 <|>open = 5;
    pd_shared3p uint32[[1]] product = secret * secret<|>;
    open = <|>scale(open, 2u32);
    uint32 r = sc<|>ale(open);
    print(<|>sum({1, 2} :: uint32[[1]]), scale(open, <|>3u32), r);
}
`);
const [atSecretDecl, atOpenDecl, afterMul, atScaleCall, atScale2, atSum, atSecondArg] = program.positions as [never, never, never, never, never, never, never];

let client: LspClient;
let init: InitializeResult;

beforeAll(async () => {
  client = startInProcess();
  init = await client.initialize();
  await client.open(uri, program.text);
  expect((await client.nextDiagnostics(uri)).diagnostics.map((d) => d.message)).toEqual([]);
}, 60_000);

afterAll(async () => {
  await client.shutdown(false);
});

const line = (p: { line: number }) => p.line;

describe("secc-lsp features", () => {
  it("finds the references of a variable, declaration included", async () => {
    const refs = await client.request<Location[]>("textDocument/references", uri, atOpenDecl, { context: { includeDeclaration: true } });
    const lines = refs.map((r) => `${r.range.start.line}:${r.range.start.character}`).sort();
    // declaration (line 16), `open =` and `scale(open, 2)` (18), `scale(open)` (19), `scale(open, 3)` (20)
    expect(lines).toEqual(["16:11", "18:4", "18:17", "19:21", "20:44"].sort());
  });

  it("renames a procedure's calls and declaration, and refuses library names and reserved words", async () => {
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", uri, atScale2, { newName: "rescale" });
    const edits = (edit.changes?.[uri] ?? []).map((e) => `${e.range.start.line}:${e.range.start.character} ${e.newText}`).sort();
    expect(edits).toEqual(["10:7 rescale", "19:15 rescale"]);
    await expect(client.request("textDocument/prepareRename", uri, atSum)).rejects.toThrow(/standard library/);
    await expect(client.request("textDocument/rename", uri, atOpenDecl, { newName: "while" })).rejects.toThrow(/reserved word/);
  });

  it("shows every overload in signature help with the active parameter", async () => {
    const help = await client.request<SignatureHelp>("textDocument/signatureHelp", uri, atSecondArg);
    expect(help.signatures.map((s) => s.label)).toEqual(["uint32 scale(uint32 x, uint32 k)", "uint32 scale(uint32 x)"]);
    expect(help.activeParameter).toBe(1);
    expect(help.activeSignature).toBe(0);
    expect(help.signatures[0]?.documentation).toBe("Scales a value.");
  });

  it("lists the document's outline and finds workspace symbols", async () => {
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", uri);
    expect(symbols.map((s) => `${s.name}@${line(s.selectionRange.start)}`)).toEqual([
      "stdlib@0", "shared3p@1", "pd_shared3p@3", "scale@6", "scale@10", "main@14",
    ]);
    const found = await client.connection.sendRequest<SymbolInformation[]>("workspace/symbol", { query: "clientAu" });
    expect(found.map((s) => `${s.name} ${s.containerName}`)).toEqual(["clientAuth stdlib"]);
  });

  it("marks secret variables with the `secret` modifier and public ones without", async () => {
    const legend = init.capabilities.semanticTokensProvider!.legend;
    const tokens = await client.request<SemanticTokens>("textDocument/semanticTokens/full", uri);
    const decoded: Array<{ line: number; char: number; type: string; mods: string[] }> = [];
    let l = 0;
    let c = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, , type, mods] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
      l += dl;
      c = dl === 0 ? c + dc : dc;
      decoded.push({ line: l, char: c, type: legend.tokenTypes[type]!, mods: legend.tokenModifiers.filter((_, b) => mods & (1 << b)) });
    }
    const at = (p: { line: number; character: number }) => decoded.find((t) => t.line === p.line && t.char === p.character);
    expect(at(atSecretDecl)).toEqual({ line: 15, char: 28, type: "variable", mods: ["declaration", "secret"] });
    expect(at(atOpenDecl)).toEqual({ line: 16, char: 11, type: "variable", mods: ["declaration"] });
    expect(at({ line: 3, character: 7 })).toEqual({ line: 3, char: 7, type: "namespace", mods: ["declaration"] });
  });

  it("folds procedure bodies", async () => {
    const ranges = await client.request<FoldingRange[]>("textDocument/foldingRange", uri);
    expect(ranges.map((r) => `${r.startLine}-${r.endLine}`)).toEqual(expect.arrayContaining(["6-7", "10-11", "14-20"]));
  });

  it("shows the protocol cost of a private multiplication as an inlay hint", async () => {
    const hints = await client.request<InlayHint[]>("textDocument/inlayHint", uri, undefined, {
      range: { start: { line: 0, character: 0 }, end: { line: 22, character: 0 } },
    });
    expect(hints.map((h) => ({ position: h.position, label: h.label }))).toEqual([{ position: afterMul, label: " ⟨mul<32>: 1 round, 24 B⟩" }]);
  });

  it("offers to import the library module that declares an unknown name", async () => {
    const other = pathToFileURL(join(dir, "noimport.sc")).href;
    await client.open(other, "void main() {\n    uint32[[1]] v = {1, 2};\n    print(sum(v));\n}\n");
    const published = await client.nextDiagnostics(other);
    const unknown = published.diagnostics.filter((d) => d.code === "SC2002");
    expect(unknown.map((d) => d.range.start)).toEqual([{ line: 2, character: 10 }]);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", other, undefined, {
      range: unknown[0]!.range,
      context: { diagnostics: unknown },
    });
    expect(actions.map((a) => a.title)).toEqual(["Import stdlib (declares `sum`)", "Import shared3p (declares `sum`)"]);
    expect(actions[0]?.edit?.changes?.[other]).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "import stdlib;\n" }]);
  });

  it("checks a named module without main as a library, and sees unsaved buffers of imported modules", async () => {
    const libUri = pathToFileURL(join(dir, "helpers.sc")).href;
    await client.open(libUri, "module helpers;\n\nuint32 twice(uint32 x) { return x + x; }\n");
    expect((await client.nextDiagnostics(libUri)).diagnostics).toEqual([]);
    const scriptUri = pathToFileURL(join(dir, "script.sc")).href;
    await client.open(scriptUri, "uint32 twice(uint32 x) { return x + x; }\n");
    expect((await client.nextDiagnostics(scriptUri)).diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`)).toEqual([
      "SC2011@0:0",
    ]);
    // helpers.sc exists only as an open buffer: the importer reads it from the editor, not the disk.
    const userUri = pathToFileURL(join(dir, "user.sc")).href;
    await client.open(userUri, "import helpers;\n\nvoid main() {\n    print(twice(2u32));\n}\n");
    expect((await client.nextDiagnostics(userUri)).diagnostics).toEqual([]);
    // Editing the imported buffer re-checks the importer.
    await client.change(libUri, 2, "module helpers;\n\nuint32 thrice(uint32 x) { return x + x + x; }\n");
    expect((await client.nextDiagnostics(libUri)).diagnostics).toEqual([]);
    const again = await client.nextDiagnostics(userUri);
    expect(again.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`)).toEqual(["SC2002@3:10"]);
  });

  it("expands selections outwards and links imports to their files", async () => {
    const [range] = await client.connection.sendRequest<SelectionRange[]>("textDocument/selectionRange", { textDocument: { uri }, positions: [atScale2] });
    const spans: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent) spans.push(`${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`);
    // `scale` (the callee), `scale(open)`, the declaration `uint32 r = ...;`... out to the procedure and the module.
    expect(spans.slice(0, 2)).toEqual(["19:15-19:20", "19:15-19:26"]);
    expect(spans).toContain("14:0-21:1");
    const links = await client.request<DocumentLink[]>("textDocument/documentLink", uri);
    expect(links.map((l) => `${l.range.start.line}:${l.range.start.character} ${l.target?.split("/").pop()}`)).toEqual(["0:7 stdlib.sc", "1:7 shared3p.sc"]);
  });

  it("answers at positions outside any name without errors", async () => {
    expect(await client.request("textDocument/hover", uri, { line: 1, character: 0 })).toBeNull();
    expect(await client.request("textDocument/definition", uri, { line: 2, character: 0 })).toBeNull();
    expect(await client.request("textDocument/signatureHelp", uri, atScaleCall)).toBeNull();
  });
});
