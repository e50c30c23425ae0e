/**
 * The parent's side of local party processes (runtime/party/local-processes.ts):
 * processes forked in advance and never used do not keep the parent alive (a
 * compile error must not hang secrun), and a child that dies while starting is
 * reported with its exit and its last stderr line. The children here are tiny
 * stand-in scripts, not parties.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { RunFailure, runThreeParty } from "../../../runtime/cli/three-party.js";
import { loadProgram } from "../../../runtime/cli/load-program.js";
import type { Module } from "../../../vm/bytecode.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const dir = mkdtempSync(join(tmpdir(), "secc-local-processes-"));

function script(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function emptyProgram(): Module {
  const loaded = loadProgram(script("empty.sc", "void main() {}\n"), { include: [], stdlib: false });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded));
  return loaded.module;
}

describe("local party processes", () => {
  it("forked in advance and never used, they let the parent exit and then exit too", async () => {
    // a child that would wait for its start message forever, but leaves with its parent
    const child = script("waiting-child.mjs", `process.on("disconnect", () => process.exit(1)); process.on("message", () => undefined);\n`);
    const parent = script(
      "parent.mjs",
      `const { startLocalParties } = await import(${JSON.stringify(pathToFileURL(join(root, "runtime/party/local-processes.ts")).href)});\n` +
        `const ps = startLocalParties({ entry: ${JSON.stringify(child)}, args: [], execArgv: [] });\n` +
        `console.log(ps.children.map((c) => c.pid).join(" "));\n`,
    );
    const run = spawn(process.execPath, ["--import", "tsx", parent], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    run.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((r) => run.once("exit", (c) => r(c)));
    expect(code).toBe(0);
    const pids = out.trim().split(" ").map(Number);
    expect(pids).toHaveLength(3);
    // the children notice the closed channel and exit
    for (let i = 0; i < 100 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    expect(pids.filter(alive)).toEqual([]);
  }, 60_000);

  it("a child that dies while starting is reported with its exit and last stderr line", async () => {
    const child = script("dying-child.mjs", `process.stderr.write("cannot start: no memory\\n"); process.exit(3);\n`);
    const empty = emptyProgram();
    const e = await runThreeParty(empty, [], { child: { entry: child, args: [], execArgv: [] } }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(RunFailure);
    expect((e as RunFailure).message).toMatch(/^party [012]: exited with code 3 while starting: cannot start: no memory$/);
  }, 60_000);
});
