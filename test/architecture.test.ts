/**
 * Keeps dependencies pointing one way (architecture.md): `vm` imports nothing of
 * ours; `compiler` imports from `vm` only the instruction table, the bytecode format
 * and the generated cost tables (protocols, float circuits) — its command-line entry (compiler/cli/) may
 * also use vm's verifier and disassembler for `secc disasm`; `runtime` never imports
 * `compiler` or `lsp`, except its command-line entry (runtime/cli/), which compiles
 * source programs before running them; `lsp` never imports `runtime`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  const abs = join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (name === "node_modules" || name === "dist") return [];
    if (statSync(path).isDirectory()) return sourceFiles(join(dir, name));
    return name.endsWith(".ts") ? [join(dir, name)] : [];
  });
}

/** Repository-relative targets of the relative imports of a file. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  const targets: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g)) {
    const spec = m[1] ?? m[2];
    if (spec) targets.push(relative(root, resolve(join(root, dirname(file)), spec)));
  }
  return targets;
}

interface Rule {
  from: string;
  allowed: (target: string) => boolean;
  /** Extra targets a particular file may import (command-line entry points). */
  exempt?: (file: string) => RegExp | undefined;
  why: string;
}

const rules: Rule[] = [
  { from: "vm", allowed: (t) => t.startsWith("vm/"), why: "vm imports nothing of ours" },
  {
    from: "compiler",
    allowed: (t) => !t.startsWith("runtime/") && !t.startsWith("lsp/") && (!t.startsWith("vm/") || /^vm\/(isa|bytecode|builder|protocol-costs|circuit-costs)(\.|\/)/.test(t)),
    exempt: (file) => file.startsWith("compiler/cli/") ? /^vm\/(disasm|verify)(\.|\/)/ : undefined,
    why: "compiler imports only vm's instruction table, bytecode format, builder and cost tables (its CLI also the verifier and disassembler)",
  },
  { from: "runtime", allowed: (t) => !t.startsWith("compiler/") && !t.startsWith("lsp/"), why: "runtime does not import compiler or lsp" },
  { from: "lsp", allowed: (t) => !t.startsWith("runtime/"), why: "lsp does not import runtime" },
];

describe("dependency direction", () => {
  for (const rule of rules) {
    it(`${rule.from}: ${rule.why}`, () => {
      const violations = sourceFiles(rule.from)
        .filter((file) => !file.startsWith("runtime/cli/"))
        .flatMap((file) => {
          const extra = rule.exempt?.(file);
          return importsOf(file)
            .filter((t) => !t.startsWith(`${rule.from}/`) && !rule.allowed(t) && !(extra?.test(t) ?? false))
            .map((t) => `${file} -> ${t}`);
        });
      expect(violations).toEqual([]);
    });
  }
});
