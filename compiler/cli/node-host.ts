/**
 * The CompilerHost the command-line programs use: reads imported modules from the
 * file system as UTF-8 text (binary or unreadable files count as missing).
 */
import { readFileSync } from "node:fs";
import type { CompilerHost } from "../semantic/modules.js";
import { decodeText } from "./read-source.js";

export const nodeHost: CompilerHost = {
  readFile(filePath: string): string | undefined {
    try {
      return decodeText(readFileSync(filePath));
    } catch {
      return undefined;
    }
  },
};
