/**
 * Module loading through the CompilerHost only (an in-memory file system here):
 * search order (importing file's directory, then -I directories, then the library
 * directory), each module parsed once, initialisation order, missing modules and
 * cycles reported at the import, and `library` mode without `main`.
 */
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { checkProgram } from "../../../compiler/semantic/index.js";
import { memoryHost } from "./harness.js";

function run(files: Record<string, string>, entry: string, includePaths: string[] = [], stdlibPath?: string, library = false) {
  const reads: string[] = [];
  const host = memoryHost(files);
  const counting = {
    readFile(p: string) {
      reads.push(p);
      return host.readFile(p);
    },
  };
  const result = checkProgram(new SourceFile(entry, files[entry] as string), {
    host: counting,
    includePaths,
    stdlibPath,
    library,
  });
  const where = result.diagnostics.map((d) => {
    const lc = d.span ? d.span.file.lineColumn(d.span.start) : { line: 0, column: 0 };
    return `${d.span?.file.path ?? "-"}:${lc.line}:${lc.column} ${d.code}`;
  });
  return { ...result, reads, where };
}

describe("module loading", () => {
  it("sees a library module's new text at the same path in a later check of the same process", () => {
    const main = "import util;\nvoid main() { uint32 x = first(); }";
    const before = run({ "/cache/main.sc": main, "/cache/util.sc": "uint32 first() { return 1; }" }, "/cache/main.sc");
    expect(before.where).toEqual([]);
    const again = run({ "/cache/main.sc": main, "/cache/util.sc": "uint32 first() { return 1; }" }, "/cache/main.sc");
    expect(again.where).toEqual([]);
    const changed = run({ "/cache/main.sc": main, "/cache/util.sc": "uint32 second() { return 2; }" }, "/cache/main.sc");
    expect(changed.where).toEqual(["/cache/main.sc:2:26 SC2002"]);
    const broken = run({ "/cache/main.sc": main, "/cache/util.sc": "uint32 first() { return 1 }" }, "/cache/main.sc");
    expect(broken.where).toEqual(["/cache/util.sc:1:27 SC1100"]);
    const brokenAgain = run({ "/cache/main.sc": main, "/cache/util.sc": "uint32 first() { return 1 }" }, "/cache/main.sc");
    expect(brokenAgain.where).toEqual(["/cache/util.sc:1:27 SC1100"]);
  });

  it("searches the importing directory, then -I, then the library directory", () => {
    const files = {
      "/app/main.sc": "import a;\nimport b;\nimport c;\nvoid main() { uint32 x = fa() + fb() + fc(); }",
      "/app/a.sc": "uint32 fa() { return 1; }",
      "/inc/a.sc": "this would not parse",
      "/inc/b.sc": "uint32 fb() { return 2; }",
      "/lib/b.sc": "this would not parse",
      "/lib/c.sc": "uint32 fc() { return 3; }",
    };
    const r = run(files, "/app/main.sc", ["/inc"], "/lib");
    expect(r.where).toEqual([]);
    expect(r.program.modules.map((m) => m.file.path)).toEqual(["/app/a.sc", "/inc/b.sc", "/lib/c.sc", "/app/main.sc"]);
  });

  it("parses a module imported twice once, and initialises imports first", () => {
    const files = {
      "/p/main.sc": "import x;\nimport y;\nuint32 M = X + Y;\nvoid main() { }",
      "/p/x.sc": "import base;\nuint32 X = B;",
      "/p/y.sc": "import base;\nuint32 Y = B;",
      "/p/base.sc": "uint32 B = 1;",
    };
    const r = run(files, "/p/main.sc");
    expect(r.where).toEqual([]);
    expect(r.reads.filter((p) => p === "/p/base.sc").length).toBe(1);
    expect(r.program.globals.map((g) => g.symbol.name)).toEqual(["B", "X", "Y", "M"]);
  });

  it("reports a missing module and a cycle at the import, and keeps checking", () => {
    const files = {
      "/q/main.sc": "import nothere;\nimport p1;\nvoid main() { uint32 v = z; }",
      "/q/p1.sc": "import p2;",
      "/q/p2.sc": "import p1;",
    };
    const r = run(files, "/q/main.sc");
    expect(r.where).toEqual(["/q/main.sc:1:8 SC2006", "/q/p2.sc:1:8 SC2007", "/q/main.sc:3:26 SC2001"]);
  });

  it("does not require main in library mode", () => {
    const files = { "/l/lib.sc": "uint32 helper() { return 1; }" };
    expect(run(files, "/l/lib.sc", [], undefined, true).where).toEqual([]);
    expect(run(files, "/l/lib.sc").where).toEqual(["/l/lib.sc:1:1 SC2011"]);
  });
});
