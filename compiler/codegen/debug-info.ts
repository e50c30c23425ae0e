/**
 * Debug information for the bytecode: the file names recorded in it and the
 * source spans of the line table. Spans are interned (one entry per distinct
 * file and range) in first-use order, so the table is deterministic. File names
 * are relative to the entry file's directory (`prog.sc`, `lib/util.sc`) and files
 * of the built-in library are named `<stdlib>/NAME.sc`, so the bytes (and the hash
 * the three parties compare) depend neither on the working directory nor on where
 * secc is installed.
 *
 * The emitter hands the builder location indices (`location`), not span indices: a
 * location is a span plus the inline site of the code (interned from IrSpan.inlined,
 * parents before children), and `resolve` turns the built module's line entries back
 * into span and inline-site indices and adds the site list.
 */
import { isAbsolute, relative, sep } from "node:path";
import type { InlineSite as SiteEntry, LineEntry, Module } from "../../vm/bytecode.js";
import type { ModuleBuilder } from "../../vm/builder.js";
import type { InlineSite, IrSpan } from "../ir/ir.js";
import type { SourceFile } from "../source/source-file.js";
import type { Span } from "../source/span.js";

export interface DebugInfoOptions {
  /** The built-in library directory, for naming its files. */
  readonly stdlibPath?: string | undefined;
  /** The entry file's directory; other files are named relative to it. */
  readonly baseDir?: string | undefined;
}

/** `path` relative to `dir` with `/` separators, or undefined when it is outside `dir`. */
function inside(dir: string, path: string): string | undefined {
  const rel = relative(dir, path);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return rel.split(sep).join("/");
}

export class DebugInfo {
  private readonly spanIndex = new Map<string, number>();
  private readonly fileIndex = new Map<SourceFile, number>();
  private readonly sites: SiteEntry[] = [];
  private readonly siteIndex = new Map<string, number>();
  private readonly siteOf = new Map<InlineSite, number>();
  private readonly locations: { readonly span: number; readonly inline: number }[] = [];
  private readonly locationIndex = new Map<string, number>();

  constructor(
    private readonly mb: ModuleBuilder,
    private readonly options: DebugInfoOptions,
  ) {}

  /** The name a file gets in the bytecode. */
  fileName(file: SourceFile): string {
    const { stdlibPath, baseDir } = this.options;
    const lib = stdlibPath === undefined ? undefined : inside(stdlibPath, file.path);
    if (lib !== undefined) return `<stdlib>/${lib}`;
    if (baseDir === undefined) return file.path;
    const rel = relative(baseDir, file.path);
    return rel === "" ? file.path : rel.split(sep).join("/");
  }

  private file(file: SourceFile): number {
    let i = this.fileIndex.get(file);
    if (i === undefined) {
      i = this.mb.file(this.fileName(file));
      this.fileIndex.set(file, i);
    }
    return i;
  }

  /** The span table index of a source span (-1 for none). */
  span(s: Span | undefined): number {
    if (s === undefined) return -1;
    const f = this.file(s.file);
    const from = s.file.lineColumn(s.start);
    const to = s.file.lineColumn(Math.max(s.start, s.end));
    const key = `${f}:${from.line}:${from.column}:${to.line}:${to.column}`;
    let i = this.spanIndex.get(key);
    if (i === undefined) {
      i = this.mb.span(f, from.line, from.column, to.line, to.column);
      this.spanIndex.set(key, i);
    }
    return i;
  }

  /** The location index (span and inline site) of an instruction's span, for ProcBuilder.at (-1 for none). */
  location(s: IrSpan | undefined): number {
    if (s === undefined) return -1;
    const span = this.span(s);
    const inline = s.inlined === undefined ? -1 : this.site(s.inlined);
    const key = `${span}:${inline}`;
    let i = this.locationIndex.get(key);
    if (i === undefined) {
      i = this.locations.length;
      this.locations.push({ span, inline });
      this.locationIndex.set(key, i);
    }
    return i;
  }

  /** The index of an inline site (its parents interned first, equal sites once). */
  private site(site: InlineSite): number {
    let i = this.siteOf.get(site);
    if (i !== undefined) return i;
    const parent = site.parent === undefined ? -1 : this.site(site.parent);
    const call = this.span(site.call);
    const key = `${call}:${parent}:${site.callee}`;
    i = this.siteIndex.get(key);
    if (i === undefined) {
      i = this.sites.length;
      this.sites.push({ procedure: site.callee, call, parent });
      this.siteIndex.set(key, i);
    }
    this.siteOf.set(site, i);
    return i;
  }

  /** The built module with line entries turned from locations into spans and inline sites. */
  resolve(m: Module): Module {
    const entry = (l: LineEntry): LineEntry => {
      const loc = this.locations[l.span];
      if (loc === undefined) return { start: l.start, span: -1 };
      return loc.inline < 0 ? { start: l.start, span: loc.span } : { start: l.start, span: loc.span, inline: loc.inline };
    };
    const procedures = m.procedures.map((p) => ({ ...p, lines: p.lines.map(entry) }));
    return this.sites.length === 0 ? { ...m, procedures } : { ...m, procedures, inlineSites: [...this.sites] };
  }
}
