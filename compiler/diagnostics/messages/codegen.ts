/**
 * SC94xx: code generation (lowering the checked program to bytecode).
 */
import { defineMessage } from "./define.js";

export const Codegen = {
  unsupported: defineMessage("SC9401", "error", (what: string) => what),
  noMain: defineMessage("SC9402", "error", () => "cannot compile a program without `void main()`"),
};
