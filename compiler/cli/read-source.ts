/**
 * Reads source files for the command-line programs, turning every way a path can
 * be unusable (missing, unreadable, a directory, binary or invalid UTF-8) into a
 * diagnostic instead of an exception. Also provides the file-system CompilerHost
 * the module loader reads imports through.
 */
import { readFileSync, statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Io } from "../diagnostics/messages/io.js";
import { SourceFile } from "../source/source-file.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export type ReadResult = { ok: true; file: SourceFile } | { ok: false; diagnostic: Diagnostic };

/** Reads a source file, or explains why it cannot be used. */
export function readSource(path: string): ReadResult {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) return { ok: false, diagnostic: Io.isDirectory.at(undefined, path) };
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, diagnostic: Io.cannotRead.at(undefined, path, describeFsError(error)) };
  }
  const text = decodeText(bytes);
  if (text === undefined) return { ok: false, diagnostic: Io.binaryInput.at(undefined, path) };
  return { ok: true, file: new SourceFile(path, text) };
}

/** UTF-8 text without NUL bytes (a leading byte-order mark is dropped), or undefined. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
