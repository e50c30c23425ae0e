/**
 * The bundle launcher (compiler/launcher.ts) on a small CommonJS "bundle" in a scratch
 * directory: it runs the bundle with the process's arguments and exit code, writes the
 * code cache on request, and runs the same with a cache, with a corrupt one (V8
 * rejects it) and with none.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { launcherSource } from "../../compiler/launcher.js";

const dir = mkdtempSync(join(tmpdir(), "secc-launcher-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = `#!/usr/bin/env node
"use strict";
const { basename } = require("node:path");
function twice(x) { return 2 * x; }
process.stdout.write(basename(__filename) + " " + process.argv.slice(2).map(Number).map(twice).join(",") + "\\n");
process.exitCode = process.argv.length - 2;
`;
writeFileSync(join(dir, "prog.cjs"), bundle);
writeFileSync(join(dir, "prog.mjs"), launcherSource("prog.cjs"));
const cache = join(dir, "prog.cjs.cache");

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(dir, "prog.mjs"), ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("bundle launcher", () => {
  it("runs the bundle with the arguments and exit code, with and without a code cache", () => {
    expect(run(["1", "21"])).toEqual({ status: 2, stdout: "prog.cjs 2,42\n", stderr: "" });
    expect(existsSync(cache)).toBe(false);
    expect(run(["5"], { SECC_CODE_CACHE: "write" })).toEqual({ status: 1, stdout: "prog.cjs 10\n", stderr: "" });
    expect(readFileSync(cache).length).toBeGreaterThan(0);
    expect(run(["3", "4", "5"])).toEqual({ status: 3, stdout: "prog.cjs 6,8,10\n", stderr: "" });
  });

  it("ignores a corrupt cache", () => {
    writeFileSync(cache, Buffer.from("not a code cache"));
    expect(run(["7"])).toEqual({ status: 1, stdout: "prog.cjs 14\n", stderr: "" });
  });

  it("a cache it cannot write costs nothing but the cache", () => {
    rmSync(cache, { force: true });
    const blocked = join(dir, "prog.cjs.cache");
    mkdirSync(blocked); // a directory where the cache file would go
    expect(run(["2"], { SECC_CODE_CACHE: "write" })).toEqual({ status: 1, stdout: "prog.cjs 4\n", stderr: "" });
    rmSync(blocked, { recursive: true });
    expect(readdirSync(dir).sort()).toEqual(["prog.cjs", "prog.mjs"]);
  });

  it("in load mode writes the cache right after loading and exits 0", () => {
    rmSync(cache, { force: true });
    expect(run([], { SECC_CODE_CACHE: "load" })).toEqual({ status: 0, stdout: "prog.cjs \n", stderr: "" });
    expect(existsSync(cache)).toBe(true);
  });
});
