// Builds the extension: bundles src/extension.ts (CommonJS, `vscode` external)
// into out/extension.cjs and copies the language server bundle and the standard
// library next to it (server/secc-lsp.mjs, stdlib/*.sc), so the .vsix is self-contained.
// Run `npm run build` at the repository root first (it makes dist/secc-lsp.mjs).
// The server bundle keeps `prettier` external (the formatter); it is a runtime
// dependency of the extension, so `vsce package` ships it in node_modules/.
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..", "..");
const server = join(repo, "dist", "secc-lsp.mjs");
if (!existsSync(server)) {
  console.error(`missing ${server}: run \`npm run build\` at the repository root first`);
  process.exit(1);
}
await build({
  entryPoints: [join(here, "src", "extension.ts")],
  outfile: join(here, "out", "extension.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  logLevel: "warning",
});
// The bundled server finds the library at ../stdlib relative to itself.
mkdirSync(join(here, "server"), { recursive: true });
cpSync(server, join(here, "server", "secc-lsp.mjs"));
cpSync(join(repo, "stdlib"), join(here, "stdlib"), { recursive: true, filter: (p) => !p.includes("/gen") && !p.includes("/protocols") });
console.log("built out/extension.cjs, server/secc-lsp.mjs, stdlib/");
