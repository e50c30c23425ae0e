/**
 * Language-server latency on a 5,000-line program (in process, over streams as
 * an editor would talk to it): the time from a `didChange` to the
 * `publishDiagnostics` for that version (including the server's 200 ms
 * debounce), and completion latency in the middle of the file. Prints medians.
 *   npx tsx bench/lsp.ts
 */
import { PassThrough } from "node:stream";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { createConnection, ProposedFeatures, type PublishDiagnosticsParams } from "vscode-languageserver/node";
import { startServer } from "../lsp/server.js";

const DEBOUNCE_MS = 200;

/** A program of about `lines` lines: public and private procedures calling each other. */
function program(lines: number): string {
  const out = ["import stdlib;", "import shared3p;", "", "domain pd_shared3p shared3p;", ""];
  let i = 0;
  while (out.length < lines - 8) {
    out.push(
      `uint32 pub${i}(uint32 a, uint32 b) {`,
      `    uint32 c = a * b + ${i};`,
      `    for (uint j = 0; j < 3; ++j) { c = c + a; }`,
      `    return c;`,
      `}`,
      `pd_shared3p uint32[[1]] priv${i}(pd_shared3p uint32[[1]] x) {`,
      `    pd_shared3p uint32[[1]] y = x * x + ${i};`,
      `    return y;`,
      `}`,
      "",
    );
    i++;
  }
  out.push("void main() {", "    pd_shared3p uint32[[1]] v = {1, 2, 3};", "    print(pub0(1u32, 2u32));", "    v = priv0(v);", "}");
  return `${out.join("\n")}\n`;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const up = new PassThrough();
const down = new PassThrough();
startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down)), { debounceMs: DEBOUNCE_MS });
const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>();
client.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => waiting.get(p.version ?? -1)?.(p));
client.listen();
await client.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} });

const uri = "file:///bench/big.sc";
const text = program(5000);
const lineCount = text.split("\n").length - 1;
const diagnosticsFor = (version: number) => new Promise<PublishDiagnosticsParams>((resolve) => waiting.set(version, resolve));

let version = 1;
let pending = diagnosticsFor(version);
let t0 = performance.now();
await client.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "secrec", version, text } });
const opened = await pending;
const openMs = performance.now() - t0;
if (opened.diagnostics.length > 0) throw new Error(`unexpected diagnostics: ${opened.diagnostics[0]?.message}`);

const changeTimes: number[] = [];
for (let run = 0; run < 7; run++) {
  version++;
  pending = diagnosticsFor(version);
  t0 = performance.now();
  const line = 5 + (run % 5);
  await client.sendNotification("textDocument/didChange", {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: " " }],
  });
  await pending;
  changeTimes.push(performance.now() - t0);
}

const completionTimes: number[] = [];
const middle = Math.floor(lineCount / 2);
for (let run = 0; run < 15; run++) {
  t0 = performance.now();
  await client.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line: middle, character: 4 } });
  completionTimes.push(performance.now() - t0);
}

console.log(`document: ${lineCount} lines`);
console.log(`open → diagnostics: ${openMs.toFixed(0)} ms`);
console.log(`change → diagnostics (median of ${changeTimes.length}, includes the ${DEBOUNCE_MS} ms debounce): ${median(changeTimes).toFixed(0)} ms`);
console.log(`completion latency (median of ${completionTimes.length}, analysis cached): ${median(completionTimes).toFixed(1)} ms`);
await client.sendRequest("shutdown");
process.exit(0);
