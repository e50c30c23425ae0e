/**
 * Runs the command-line programs as users do. Once per test file the two entry
 * points (compiler/cli/secc.ts, runtime/cli/secrun.ts) are bundled with esbuild
 * into a temporary directory laid out like the package (bin/*.mjs beside links to
 * stdlib/ and node_modules/ for the external prettier) by compiler/bundle.ts, as
 * compiler/build.ts bundles dist/ (without the code cache); each test then spawns
 * `node bin/secc.mjs ...` in a temporary working directory and captures exit code,
 * stdout and stderr. (Spawning through tsx would transpile the whole compiler in
 * every process.)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleProgram } from "../../compiler/bundle.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

let bundles: Promise<string> | undefined;

/** Bundles secc and secrun once; resolves to the directory holding bin/ and stdlib. */
export function bundle(): Promise<string> {
  bundles ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "secc-cli-bin-"));
    symlinkSync(join(ROOT, "stdlib"), join(dir, "stdlib"));
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    await bundleProgram(join(ROOT, "compiler/cli/secc.ts"), join(dir, "bin"), "secc");
    await bundleProgram(join(ROOT, "runtime/cli/secrun.ts"), join(dir, "bin"), "secrun");
    return dir;
  })();
  return bundles;
}

export interface Spawned {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `secc` or `secrun` with `args` in `cwd`. */
export async function runCli(entry: "secc" | "secrun", args: readonly string[], cwd: string): Promise<Spawned> {
  const file = join(await bundle(), "bin", `${entry}.mjs`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [file, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** A fresh temporary directory holding the given files. */
export function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "secc-cli-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
