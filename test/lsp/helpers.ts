/**
 * Helpers for language-server tests:
 * - `markers(text)`: strips `<|>` cursor markers and returns the clean text and
 *   each marker's LSP position (0-based line and character), in order;
 * - `InProcessClient`: the server started on a pair of in-process streams
 *   (PassThrough + vscode-jsonrpc stream reader/writer) and a client connection
 *   with the requests tests use; `publishDiagnostics` notifications are queued
 *   per URI so a test can wait for the next one.
 */
import { PassThrough } from "node:stream";
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from "vscode-jsonrpc/node";
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import type { InitializeResult, Position, PublishDiagnosticsParams } from "vscode-languageserver/node";
import { startServer, type ServerOptions } from "../../lsp/server.js";

export interface Marked {
  readonly text: string;
  readonly positions: Position[];
  readonly offsets: number[];
}

/** Removes `<|>` markers, returning their positions in the clean text. */
export function markers(source: string): Marked {
  const positions: Position[] = [];
  const offsets: number[] = [];
  let text = "";
  let line = 0;
  let character = 0;
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith("<|>", i)) {
      positions.push({ line, character });
      offsets.push(text.length);
      i += 2;
      continue;
    }
    const c = source[i] as string;
    text += c;
    if (c === "\n") {
      line++;
      character = 0;
    } else character++;
  }
  return { text, positions, offsets };
}

/** The position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, at + delta);
  const lines = before.split("\n");
  return { line: lines.length - 1, character: (lines[lines.length - 1] as string).length };
}

/** Something that can send LSP requests and receive notifications (in-process or a child process). */
export class LspClient {
  private readonly queues = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters = new Map<string, Array<(p: PublishDiagnosticsParams) => void>>();

  constructor(readonly connection: MessageConnection) {
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      const waiting = this.waiters.get(p.uri);
      const next = waiting?.shift();
      if (next) next(p);
      else {
        const q = this.queues.get(p.uri) ?? [];
        q.push(p);
        this.queues.set(p.uri, q);
      }
    });
    connection.listen();
  }

  /**
   * `initialize` then `initialized`. In process the client sends no process id:
   * the server would otherwise poll it (its own process) forever.
   */
  initialize(processId: number | null = null): Promise<InitializeResult> {
    return this.connection
      .sendRequest<InitializeResult>("initialize", { processId, rootUri: null, capabilities: {} })
      .then(async (r) => {
        await this.connection.sendNotification("initialized", {});
        return r;
      });
  }

  /** The next diagnostics published for `uri`. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    const queued = this.queues.get(uri)?.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push(resolve);
      this.waiters.set(uri, list);
    });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "secrec", version, text } });
  }

  /** Replaces the whole text (a full-content change). */
  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  request<T>(method: string, uri: string, position?: Position, extra: object = {}): Promise<T> {
    return this.connection.sendRequest<T>(method, { textDocument: { uri }, ...(position ? { position } : {}), ...extra });
  }

  /** `shutdown`, then `exit` when the server is another process (in process, exit would end the test runner). */
  async shutdown(exit: boolean): Promise<void> {
    await this.connection.sendRequest("shutdown");
    if (exit) await this.connection.sendNotification("exit");
  }
}

/** Starts the server in process and connects a client to it. */
export function startInProcess(options: ServerOptions = {}): LspClient {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConnection = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(serverConnection, { debounceMs: 10, ...options });
  return new LspClient(createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up)));
}
