/**
 * Where the built-in library (stdlib/*.sc) is. This file sits one folder below the
 * repository root, exactly like the bundles in dist/ that inline it, so `../stdlib`
 * relative to the running module is right both from source and from a bundle.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function defaultStdlibPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "stdlib");
}
