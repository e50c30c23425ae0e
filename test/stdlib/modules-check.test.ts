/**
 * Every module of the built-in library type-checks without errors when checked as a
 * module of its own: its procedure bodies are then parsed and checked in full, which
 * programs that import it do only for the bodies they use (library modules are
 * parsed and checked on demand, see compiler/semantic/modules.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeHost } from "../../compiler/cli/node-host.js";
import { checkProgram } from "../../compiler/semantic/index.js";
import { SourceFile } from "../../compiler/source/source-file.js";
import { defaultStdlibPath } from "../../compiler/stdlib-path.js";

const dir = defaultStdlibPath();
const modules = readdirSync(dir).filter((f) => f.endsWith(".sc")).sort();

describe("built-in library modules", () => {
  it("are all here", () => {
    expect(modules).toContain("stdlib.sc");
    expect(modules).toContain("shared3p.sc");
  });

  it.each(modules)("%s checks without errors as a module of its own", (name) => {
    const path = join(dir, name);
    const { diagnostics } = checkProgram(new SourceFile(path, readFileSync(path, "utf8")), { host: nodeHost, stdlibPath: dir, library: true });
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.span?.file.path}:${d.message}`)).toEqual([]);
  });
});
