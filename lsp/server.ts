/**
 * The language server's wiring: capabilities, the document store, and one
 * handler per LSP request delegating to lsp/features/*. Handlers never throw on
 * partial programs (the compiler's trees are complete even with syntax errors)
 * and log through the connection, never stdout (stdout is the protocol channel).
 *
 * `startServer(connection, options)` works on any connection: the `secc-lsp` bin
 * (lsp/main.ts) over stdio or IPC, and tests over in-process streams.
 */
import {
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { nodeHost } from "../compiler/cli/node-host.js";
import { defaultStdlibPath } from "../compiler/stdlib-path.js";
import type { CompilerHost } from "../compiler/semantic/index.js";
import type { Analysis } from "./analysis.js";
import { DocumentStore } from "./documents.js";
import { completion } from "./features/completion.js";
import { definition } from "./features/definition.js";
import { documentDiagnostics } from "./features/diagnostics.js";
import { formatDocument } from "./features/formatting.js";
import { hover } from "./features/hover.js";

export interface ServerOptions {
  readonly diskHost?: CompilerHost;
  readonly includePaths?: readonly string[];
  /** The built-in library; defaults to the repository's stdlib/. */
  readonly stdlibPath?: string | undefined;
  /** Quiet time after an edit before diagnostics (default 200 ms). */
  readonly debounceMs?: number;
}

/** Registers every handler on `connection` and starts listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): DocumentStore {
  const store = new DocumentStore(
    {
      diskHost: options.diskHost ?? nodeHost,
      includePaths: options.includePaths ?? [],
      stdlibPath: "stdlibPath" in options ? options.stdlibPath : defaultStdlibPath(),
      debounceMs: options.debounceMs ?? 200,
    },
    (analysis: Analysis) => {
      void connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics: documentDiagnostics(analysis) });
    },
  );

  /** Runs a feature on the document's current analysis; logs and answers `fallback` on internal errors. */
  const withAnalysis = <T>(uri: string, fallback: T, run: (a: Analysis) => T): T => {
    try {
      const analysis = store.analysisOf(uri);
      return analysis ? run(analysis) : fallback;
    } catch (error) {
      connection.console.error(`secc-lsp: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: ["."] },
        documentFormattingProvider: true,
      },
      serverInfo: { name: "secc-lsp", version: "0.1.0" },
    }),
  );

  connection.onHover((p) => withAnalysis(p.textDocument.uri, null, (a) => hover(a, p.position)));
  connection.onDefinition((p) => withAnalysis(p.textDocument.uri, null, (a) => definition(a, p.position)));
  connection.onCompletion((p) => withAnalysis(p.textDocument.uri, [], (a) => completion(a, p.position)));
  connection.onDocumentFormatting(async (p) => {
    const doc = store.documents.get(p.textDocument.uri);
    return doc ? formatDocument(doc) : [];
  });
  connection.onShutdown(() => store.dispose());

  store.documents.listen(connection);
  connection.listen();
  return store;
}
