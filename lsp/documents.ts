/**
 * The open documents and their analyses. Text comes from the editor with
 * incremental sync; the compiler reads imports through a host that prefers open
 * (possibly unsaved) buffers over the disk. One analysis is cached per URI and
 * version and computed on demand; after an edit, diagnostics are recomputed once
 * the typing pauses (`debounceMs`) for the edited document and for every open
 * document whose program loaded the edited file.
 */
import { TextDocument } from "vscode-languageserver-textdocument";
import { TextDocuments } from "vscode-languageserver/node";
import type { CompilerHost } from "../compiler/semantic/index.js";
import { analyze, type Analysis, type AnalysisOptions } from "./analysis.js";
import { uriToPath } from "./positions.js";

export interface DocumentStoreOptions {
  /** Reads files that are not open (the disk). */
  readonly diskHost: CompilerHost;
  readonly includePaths: readonly string[];
  readonly stdlibPath: string | undefined;
  /** Quiet time after an edit before diagnostics are recomputed. */
  readonly debounceMs: number;
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, Analysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly analysisOptions: AnalysisOptions;

  constructor(
    private readonly options: DocumentStoreOptions,
    /** Called with each fresh analysis made for diagnostics. */
    private readonly onAnalyzed: (analysis: Analysis) => void,
  ) {
    const host: CompilerHost = { readFile: (path) => this.openText(path) ?? options.diskHost.readFile(path) };
    this.analysisOptions = { host, includePaths: options.includePaths, stdlibPath: options.stdlibPath };
    this.documents.onDidOpen((e) => this.schedule(e.document.uri, 0));
    this.documents.onDidChangeContent((e) => this.changed(e.document.uri));
    this.documents.onDidClose((e) => {
      this.cancel(e.document.uri);
      this.cache.delete(e.document.uri);
    });
  }

  private openText(path: string): string | undefined {
    for (const doc of this.documents.all()) if (uriToPath(doc.uri) === path) return doc.getText();
    return undefined;
  }

  /** The analysis of the document's current version (computed now if needed). */
  analysisOf(uri: string): Analysis | undefined {
    const doc = this.documents.get(uri);
    if (doc === undefined) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === doc.version) return cached;
    const fresh = analyze(uri, doc.version, uriToPath(uri), doc.getText(), this.analysisOptions);
    this.cache.set(uri, fresh);
    return fresh;
  }

  /** The latest analysis made, even for an older version (for completion while typing). */
  lastAnalysisOf(uri: string): Analysis | undefined {
    return this.cache.get(uri);
  }

  private changed(uri: string): void {
    this.schedule(uri, this.options.debounceMs);
    const path = uriToPath(uri);
    for (const [other, analysis] of this.cache) {
      if (other !== uri && analysis.program.modules.some((m) => m.file.path === path)) {
        this.cache.delete(other);
        this.schedule(other, this.options.debounceMs);
      }
    }
  }

  private schedule(uri: string, delay: number): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const analysis = this.analysisOf(uri);
        if (analysis) this.onAnalyzed(analysis);
      }, delay),
    );
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Stops pending work (shutdown). */
  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }
}
