/**
 * How a command-line program is bundled, for build.ts (dist/) and for the tests that
 * run the programs as users do: esbuild makes one CommonJS file NAME.cjs (prettier
 * stays external: `secc fmt` loads it on demand), and NAME.mjs beside it is the
 * launcher that runs it (launcher.ts), with a V8 code cache when one exists.
 */
import { build, type Plugin } from "esbuild";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launcherSource } from "./launcher.js";

// `import.meta.url` in a CommonJS bundle: the bundle's own file URL.
const banner = "const __secc_import_meta_url = require('node:url').pathToFileURL(__filename).href;";

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

/** Bundles `entry` as DIR/NAME.cjs with its launcher DIR/NAME.mjs; returns the launcher's path. */
export async function bundleProgram(entry: string, dir: string, name: string, options: { sourcemap?: boolean } = {}): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile: join(dir, `${name}.cjs`),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: options.sourcemap ?? false,
    external: ["prettier"],
    define: { "import.meta.url": "__secc_import_meta_url" },
    banner: { js: banner },
    logLevel: "error",
    loader: { ".sc": "text", ".tripl": "text" },
    plugins: [lazyChildProcess],
  });
  const launcher = join(dir, `${name}.mjs`);
  writeFileSync(launcher, launcherSource(`${name}.cjs`));
  chmodSync(launcher, 0o755);
  return launcher;
}
