/**
 * `npm run gen:protocols`: compiles every Tripl source under stdlib/protocols/, runs
 * the privacy checker on every instance (failing with the message that leaks and the
 * dependence it leaks), and writes
 *   - runtime/protocols/generated/<source>.ts: the generated party code,
 *   - runtime/protocols/generated/catalog.ts: name, widths, kinds and cost per instance,
 *   - vm/protocol-costs.ts: the cost table (plain data, no imports).
 * With `--check` it writes nothing and exits 1 if a committed file is out of date.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderDiagnostic } from "../diagnostics/render.js";
import { SourceFile } from "../source/source-file.js";
import { type CompiledFile, compileTripl } from "./compile.js";
import { generateFiles } from "./emit-files.js";
import { checkPrivacy } from "./privacy.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Compiles all sources; returns the files to write (path relative to root → contents)
 * or errors. `privacy: false` skips the privacy checker (the tests run it separately).
 */
export function generateAll(options: { privacy?: boolean } = {}): { files: Map<string, string>; errors: string[] } {
  const dir = join(root, "stdlib", "protocols");
  const sources = readdirSync(dir).filter((f) => f.endsWith(".tripl")).sort();
  const errors: string[] = [];
  const files = sources.map((name) => new SourceFile(`stdlib/protocols/${name}`, readFileSync(join(dir, name), "utf8")));
  const compiled: CompiledFile[] = compileTripl(...files);
  for (const c of compiled) {
    for (const d of c.diagnostics) errors.push(renderDiagnostic(d, { color: false }));
    if (options.privacy === false) continue;
    for (const inst of c.instances) for (const d of checkPrivacy(inst.program, inst.schedule)) errors.push(renderDiagnostic(d, { color: false }));
  }
  if (errors.length > 0) return { files: new Map(), errors };
  return { files: generateFiles(compiled.map((c) => ({ name: basename(c.file.path, ".tripl"), compiled: c }))), errors };
}

function main(): void {
  const check = process.argv.includes("--check");
  const { files, errors } = generateAll();
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(e + "\n");
    process.exit(1);
  }
  let stale = 0;
  for (const [rel, text] of files) {
    const path = join(root, rel);
    const old = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (old === text) continue;
    if (check) {
      process.stderr.write(`out of date: ${rel}\n`);
      stale++;
    } else writeFileSync(path, text);
  }
  if (check && stale > 0) process.exit(1);
  process.stdout.write(`${check ? "checked" : "generated"} ${files.size} files\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
