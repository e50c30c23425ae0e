/**
 * What secrun runs: a bytecode file (recognised by its magic bytes, decoded and
 * verified before anything runs) or a SecreC source file (compiled first, with the
 * include path and library options). Failures are values: a usage problem (missing
 * or unreadable file, exit 2), invalid bytecode (exit 1) or compile errors (exit 3,
 * with diagnostics).
 */
import { readFileSync, statSync } from "node:fs";
import { MAGIC, type Module } from "../../vm/bytecode.js";
import { loadModule } from "../../vm/verify.js";
import { compile } from "../../compiler/index.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { nodeHost } from "../../compiler/cli/node-host.js";
import { readSource } from "../../compiler/cli/read-source.js";
import { defaultStdlibPath } from "../../compiler/stdlib-path.js";

export interface LoadOptions {
  readonly include: readonly string[];
  readonly stdlib: boolean;
  /** Run the optimiser on source programs (default true; `-O0` turns it off). */
  readonly optimize?: boolean;
}

export type Loaded =
  | { readonly ok: true; readonly module: Module; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly reason: "usage" | "bytecode"; readonly message: string }
  | { readonly ok: false; readonly reason: "compile"; readonly diagnostics: readonly Diagnostic[] };

function isBytecode(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!) === MAGIC;
}

/** Loads `path` as bytecode or compiles it as source. */
export function loadProgram(path: string, options: LoadOptions): Loaded {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) return { ok: false, reason: "usage", message: `'${path}' is a directory, not a program` };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : e instanceof Error ? e.message : String(e);
    return { ok: false, reason: "usage", message: `cannot read '${path}': ${why}` };
  }
  if (isBytecode(bytes) || path.endsWith(".sb")) {
    try {
      return { ok: true, module: loadModule(bytes), diagnostics: [] };
    } catch (e) {
      return { ok: false, reason: "bytecode", message: `'${path}' is not valid bytecode: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  const read = readSource(path);
  if (!read.ok) return { ok: false, reason: "usage", message: read.diagnostic.message };
  const result = compile(read.file, {
    host: nodeHost,
    includePaths: options.include,
    stdlibPath: options.stdlib ? defaultStdlibPath() : undefined,
    optimize: options.optimize ?? true,
  });
  if (result.module === undefined) return { ok: false, reason: "compile", diagnostics: result.diagnostics };
  return { ok: true, module: result.module, diagnostics: result.diagnostics };
}
