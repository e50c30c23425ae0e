/**
 * The server as an editor starts it: `node --import tsx lsp/main.ts --stdio`
 * in a child process, JSON-RPC over its stdin/stdout. initialize, didOpen →
 * publishDiagnostics, hover, definition, completion, formatting, shutdown and
 * exit (the process ends with code 0). Also: without a transport argument the
 * bin prints its usage and exits 2.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import type { CompletionItem, Hover, Location, MarkupContent, TextEdit } from "vscode-languageserver/node";
import { LspClient, markers } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..");
const main = join(root, "lsp", "main.ts");

describe("secc-lsp over stdio", () => {
  it("serves an editor session from initialize to exit", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", main, "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const client = new LspClient(createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)));
    const init = await client.initialize(process.pid);
    expect(init.serverInfo?.name).toBe("secc-lsp");

    const uri = pathToFileURL(join(mkdtempSync(join(tmpdir(), "secc-lsp-stdio-")), "main.sc")).href;
    const doc = markers("import stdlib;\n\nvoid main() {\n    uint32 <|>total = 1;\n    print(<|>sum({total, total}), unknown<|>);\n}\n");
    const [atTotal, atSum, afterUnknown] = doc.positions as [never, never, never];
    await client.open(uri, doc.text);
    const published = await client.nextDiagnostics(uri);
    expect(published.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`)).toEqual(["SC2001@4:31"]);
    expect(afterUnknown).toEqual({ line: 4, character: 38 });

    const hover = await client.request<Hover>("textDocument/hover", uri, atTotal);
    expect((hover.contents as MarkupContent).value).toContain("uint32 total");
    const def = await client.request<Location>("textDocument/definition", uri, atSum);
    expect(def.uri.endsWith("/stdlib/stdlib.sc")).toBe(true);
    const items = await client.request<CompletionItem[]>("textDocument/completion", uri, afterUnknown);
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["total", "main", "sum", "for"]));

    await client.change(uri, 2, "void main(){print(1);}\n");
    expect((await client.nextDiagnostics(uri)).version).toBe(2);
    const edits = await client.request<TextEdit[]>("textDocument/formatting", uri, undefined, { options: { tabSize: 4, insertSpaces: true } });
    expect(edits.map((e) => e.newText)).toEqual(["void main() { print(1); }\n"]);

    await client.shutdown(true);
    expect(await exited).toBe(0);
    client.connection.dispose();
  }, 120_000);

  it("prints its usage and exits 2 without a transport", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", main], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: secc-lsp --stdio");
  }, 120_000);
});
