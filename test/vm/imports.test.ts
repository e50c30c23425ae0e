/**
 * Dependency rule: vm/ imports nothing of ours outside vm/ (only node: built-ins),
 * and the emulator and record stream import only vm/ and themselves.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)[^"']*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
}

/** Violations: imports of files outside `allowed` folders, or of packages. */
function violations(dir: string, allowed: readonly string[]): string[] {
  const bad: string[] = [];
  for (const f of sources(dir)) {
    for (const spec of imports(f)) {
      if (spec.startsWith("node:")) continue;
      if (!spec.startsWith(".")) {
        bad.push(`${f} imports package ${spec}`);
        continue;
      }
      const target = relative(root, resolve(root, dirname(f), spec));
      if (!allowed.some((a) => target.startsWith(`${a}/`))) bad.push(`${f} imports ${target}`);
    }
  }
  return bad;
}

describe("dependency direction", () => {
  it("vm/ imports only vm/ and node built-ins", () => {
    expect(violations("vm", ["vm"])).toEqual([]);
  });

  it("the emulator and the record stream import only vm/ and runtime/", () => {
    expect(violations("runtime/emulator", ["vm", "runtime/emulator"])).toEqual([]);
    expect(violations("runtime/io", ["vm", "runtime/io"])).toEqual([]);
  });
});
