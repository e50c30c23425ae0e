/**
 * Bundles the three command-line programs (secc, secrun, secc-lsp) with esbuild, plus
 * the party process that `secrun` forks for local runs (secrun-party: no compiler
 * inside, so it starts faster). Runs as the package's `prepare` script, so a plain
 * `npm ci` leaves `npx secc`, `npx secrun` and `npx secc-lsp` working: npm links a
 * package's own bins only for its dependents, so this script also links each bundle
 * into node_modules/.bin, where `npx` looks first.
 *
 * Start-up: each program is a CommonJS bundle dist/NAME.cjs started by a small
 * launcher dist/NAME.mjs (bundle.ts, launcher.ts) that compiles it with V8's code
 * cache dist/NAME.cjs.cache, written here by one representative run of the program
 * on this machine's Node. Without a usable cache (another Node version, or none) the
 * launcher compiles the bundle as usual. The standard library sources under
 * stdlib/ are embedded by the compiler's library loader (see
 * compiler/stdlib-files.ts), not copied here.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleProgram } from "./bundle.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The run that warms a bundle's code cache: its arguments (OUT: a scratch file) and
 * when the cache is taken: "write" at the end of the run, "load" right after the
 * bundle has loaded (programs that would wait for a peer or an editor).
 */
interface WarmUp {
  readonly args: readonly string[];
  readonly mode: "write" | "load";
}

/** Every bundle: output name, entry file (relative to the repository root), whether it is a bin, its warm-up. */
const entries: Array<[string, string, boolean, WarmUp]> = [
  ["secc", "compiler/cli/secc.ts", true, { args: ["compile", "examples/auction.sc", "-o", "OUT"], mode: "write" }],
  ["secrun", "runtime/cli/secrun.ts", true, { args: ["examples/private-sum.sc", "--emulate", "--args", "examples/private-sum.args.json"], mode: "write" }],
  ["secc-lsp", "lsp/main.ts", true, { args: ["--stdio"], mode: "load" }],
  ["secrun-party", "runtime/party/child-main.ts", false, { args: [], mode: "load" }],
];

for (const [name, entry, bin, warmUp] of entries) {
  const entryPath = join(root, entry);
  if (!existsSync(entryPath)) continue;
  const launcher = await bundleProgram(entryPath, join(root, "dist"), name, { sourcemap: true });
  writeCodeCache(launcher, warmUp);
  if (bin) linkBin(name, launcher);
}

/**
 * Runs the launcher once with SECC_CODE_CACHE set, so it writes the bundle's code
 * cache (after the run, or right after loading). A failed warm-up only costs speed.
 */
function writeCodeCache(launcher: string, warmUp: WarmUp): void {
  const scratch = mkdtempSync(join(tmpdir(), "secc-build-"));
  const args = warmUp.args.map((a) => (a === "OUT" ? join(scratch, "out.sb") : a));
  const run = spawnSync(process.execPath, [launcher, ...args], {
    cwd: root,
    env: { ...process.env, SECC_CODE_CACHE: warmUp.mode },
    stdio: "ignore",
    timeout: 60_000,
  });
  rmSync(scratch, { recursive: true, force: true });
  if (run.status !== 0) process.stderr.write(`build: no code cache for ${relative(root, launcher)} (warm-up exited with ${run.status ?? run.signal})\n`);
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
