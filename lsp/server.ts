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
  ResponseError,
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
import { codeActions } from "./features/code-actions.js";
import { foldingRanges } from "./features/folding.js";
import { inlayHints } from "./features/inlay-hints.js";
import { references } from "./features/references.js";
import { prepareRename, rename } from "./features/rename.js";
import { semanticTokens, semanticTokensLegend } from "./features/semantic-tokens.js";
import { documentLinks, selectionRanges } from "./features/selection-and-links.js";
import { signatureHelp } from "./features/signature-help.js";
import { documentSymbols, workspaceSymbols } from "./features/symbols.js";

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
      if (error instanceof ResponseError) throw error;
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
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        signatureHelpProvider: { triggerCharacters: ["(", ","] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        foldingRangeProvider: true,
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: ["quickfix"] },
        selectionRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
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
  connection.onReferences((p) => withAnalysis(p.textDocument.uri, [], (a) => references(a, p.position, p.context.includeDeclaration)));
  connection.onDocumentHighlight((p) =>
    withAnalysis(p.textDocument.uri, [], (a) =>
      references(a, p.position, true)
        .filter((l) => l.uri === p.textDocument.uri)
        .map((l) => ({ range: l.range })),
    ),
  );
  connection.onPrepareRename((p) => withAnalysis(p.textDocument.uri, null, (a) => prepareRename(a, p.position)));
  connection.onRenameRequest((p) => withAnalysis(p.textDocument.uri, null, (a) => rename(a, p.position, p.newName)));
  connection.onSignatureHelp((p) => withAnalysis(p.textDocument.uri, null, (a) => signatureHelp(a, p.position)));
  connection.onDocumentSymbol((p) => withAnalysis(p.textDocument.uri, [], documentSymbols));
  connection.onWorkspaceSymbol((p) => {
    const analyses = store.documents.all().flatMap((d) => withAnalysis(d.uri, [], (a) => [a]));
    return workspaceSymbols(analyses, p.query);
  });
  connection.languages.semanticTokens.on((p) => withAnalysis(p.textDocument.uri, { data: [] }, semanticTokens));
  connection.onFoldingRanges((p) => withAnalysis(p.textDocument.uri, [], foldingRanges));
  connection.languages.inlayHint.on((p) => withAnalysis(p.textDocument.uri, [], (a) => inlayHints(a, p.range)));
  connection.onCodeAction((p) => withAnalysis(p.textDocument.uri, [], (a) => codeActions(a, p.context.diagnostics)));
  connection.onSelectionRanges((p) => withAnalysis(p.textDocument.uri, [], (a) => selectionRanges(a, p.positions)));
  connection.onDocumentLinks((p) => withAnalysis(p.textDocument.uri, [], documentLinks));
  connection.onShutdown(() => store.dispose());

  store.documents.listen(connection);
  connection.listen();
  return store;
}
