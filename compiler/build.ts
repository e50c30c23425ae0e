/**
 * Bundles the three command-line programs (secc, secrun, secc-lsp) into single
 * ESM files under dist/ with esbuild, plus the party process that `secrun` forks
 * for local runs (secrun-party.mjs: no compiler inside, so it starts faster). Runs as the package's `prepare` script, so a
 * plain `npm ci` leaves `npx secc`, `npx secrun` and `npx secc-lsp` working: npm links
 * a package's own bins only for its dependents, so this script also links each bundle
 * into node_modules/.bin, where `npx` looks first.
 * The standard library sources under stdlib/ are embedded by the compiler's
 * library loader (see compiler/stdlib-files.ts), not copied here.
 */
import { build, type Plugin } from "esbuild";
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every bundle: output name, entry file (relative to the repository root), and whether it is a bin. */
const entries: Array<[string, string, boolean]> = [
  ["secc", "compiler/cli/secc.ts", true],
  ["secrun", "runtime/cli/secrun.ts", true],
  ["secc-lsp", "lsp/main.ts", true],
  ["secrun-party", "runtime/party/child-main.ts", false],
];

// CommonJS dependencies bundled into ESM need a real `require`.
const banner = "import { createRequire as __secc_createRequire } from 'node:module'; const require = __secc_createRequire(import.meta.url);";

/**
 * commander requires node:child_process when it loads, for executable subcommands,
 * which none of the bins uses; loading that module (and net, dgram... behind it) is
 * a noticeable part of a command's start-up. In the bundles commander gets it on
 * first use instead. A commander whose source differs is left as it is.
 */
const lazyChildProcess: Plugin = {
  name: "lazy-child-process",
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) return undefined;
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: "js" };
    });
  },
};

for (const [name, entry, bin] of entries) {
  const entryPath = join(root, entry);
  if (!existsSync(entryPath)) continue;
  const outfile = join(root, "dist", `${name}.mjs`);
  await build({
    entryPoints: [entryPath],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    sourcemap: true,
    external: ["prettier"],
    banner: { js: banner },
    logLevel: "warning",
    loader: { ".sc": "text", ".tripl": "text" },
    plugins: [lazyChildProcess],
  });
  chmodSync(outfile, 0o755);
  if (bin) linkBin(name, outfile);
}

/** node_modules/.bin/NAME -> the bundle, replacing whatever was there. */
function linkBin(name: string, target: string): void {
  const binDir = join(root, "node_modules", ".bin");
  if (!existsSync(join(root, "node_modules"))) return;
  mkdirSync(binDir, { recursive: true });
  const link = join(binDir, name);
  try {
    lstatSync(link);
    rmSync(link);
  } catch {
    // no previous link
  }
  symlinkSync(relative(binDir, target), link);
}
