/**
 * Runs every benchmark under bench/ one after another (each is a standalone
 * script that prints its own figures), or only those named on the command line:
 *   npm run bench                 all of them
 *   npm run bench -- parse vm     bench/parse.ts and bench/vm.ts
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const all = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.slice(0, -3))
  .sort();
const chosen = wanted.length > 0 ? wanted : all;
let failed = 0;
for (const name of chosen) {
  if (!all.includes(name)) {
    process.stderr.write(`unknown benchmark '${name}' (have: ${all.join(", ")})\n`);
    failed++;
    continue;
  }
  process.stdout.write(`\n== bench/${name}.ts ==\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(here, `${name}.ts`)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
