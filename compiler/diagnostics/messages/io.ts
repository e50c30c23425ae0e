/**
 * SC9xxx: problems with files and the command line, and internal errors.
 */
import { defineMessage } from "./define.js";

export const Io = {
  cannotRead: defineMessage("SC9001", "error", (path: string, reason: string) => `cannot read '${path}': ${reason}`),
  isDirectory: defineMessage("SC9002", "error", (path: string) => `'${path}' is a directory, not a source file`),
  binaryInput: defineMessage("SC9003", "error", (path: string) => `'${path}' is not a text file (it contains NUL bytes or invalid UTF-8)`),
  internal: defineMessage("SC9999", "error", (what: string) => `internal compiler error: ${what} (this is a bug in secc; please report it)`),
};
