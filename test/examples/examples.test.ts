/**
 * Compile, run, compare: every examples/NAME.sc is compiled with the built-in
 * library, run in process under the emulator with the arguments of
 * NAME.args.json (if any), and its results and print output are compared with the
 * hand-computed NAME.expected.json (the exact `secrun --json` object).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compile, SourceFile } from "../../compiler/index.js";
import { nodeHost } from "../../compiler/cli/node-host.js";
import { defaultStdlibPath } from "../../compiler/stdlib-path.js";
import { argumentRecords, parseArgsJson } from "../../runtime/cli/arguments.js";
import { showResult } from "../../runtime/cli/results.js";
import { runEmulated } from "../../runtime/cli/run-emulated.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const examples = join(root, "examples");
const programs = readdirSync(examples)
  .filter((f) => f.endsWith(".sc"))
  .sort();

describe("examples run under the emulator", () => {
  for (const file of programs) {
    const base = file.replace(/\.sc$/, "");
    const expectedPath = join(examples, `${base}.expected.json`);
    if (!existsSync(expectedPath)) continue;
    it(base, async () => {
      const path = join(examples, file);
      const result = compile(new SourceFile(path, readFileSync(path, "utf8")), { host: nodeHost, stdlibPath: defaultStdlibPath() });
      expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
      const module = result.module!;
      const argsPath = join(examples, `${base}.args.json`);
      const raw = existsSync(argsPath) ? parseArgsJson(readFileSync(argsPath, "utf8"), argsPath) : new Map();
      const outcome = await runEmulated(module, argumentRecords(module, raw));
      expect(outcome.error).toBeUndefined();
      const actual = {
        results: outcome.results.map((r) => {
          const s = showResult(module, r);
          return { name: s.name, domain: s.domain, type: s.type, value: s.value };
        }),
        output: outcome.output,
      };
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, "utf8")));
    });
  }
});
