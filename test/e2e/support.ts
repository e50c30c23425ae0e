/**
 * Support for end-to-end tests with real party processes: the child and party
 * entries bundled once with esbuild (so three processes start in a fraction of a
 * second instead of compiling TypeScript each), programs compiled from source,
 * argument records from `name=value` strings, the emulator's run for comparison,
 * and free loopback ports for deployment configurations.
 */
import { build } from "esbuild";
import { expect } from "vitest";
import { bundleProgram } from "../../compiler/bundle.js";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { argumentRecords, parseArgOptions } from "../../runtime/cli/arguments.js";
import { loadProgram } from "../../runtime/cli/load-program.js";
import { runEmulated } from "../../runtime/cli/run-emulated.js";
import { runThreeParty, type ThreePartyResult } from "../../runtime/cli/three-party.js";
import type { ChildCommand } from "../../runtime/cli/three-party.js";
import type { Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface Bundles {
  readonly dir: string;
  readonly child: ChildCommand;
  /** Path of the deployment party entry (node PARTY ID CONFIG PROGRAM). */
  readonly party: string;
  dispose(): void;
}

/** Bundles the party child and the deployment party entry into a temporary directory. */
export async function makeBundles(): Promise<Bundles> {
  const dir = mkdtempSync(join(tmpdir(), "secc-e2e-"));
  const banner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";
  await build({
    entryPoints: { child: join(root, "runtime/party/child-main.ts"), party: join(root, "test/e2e/party-entry.ts") },
    outdir: dir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    banner: { js: banner },
    logLevel: "error",
  });
  return {
    dir,
    child: { entry: join(dir, "child.mjs"), args: [], execArgv: [] },
    party: join(dir, "party.mjs"),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Compiles SecreC source text (written to `dir`) into a module. */
export function compileSource(dir: string, name: string, source: string): Module {
  const path = join(dir, name);
  writeFileSync(path, source);
  const loaded = loadProgram(path, { include: [], stdlib: true });
  if (!loaded.ok) throw new Error(`test program ${name} does not compile: ${JSON.stringify(loaded)}`);
  return loaded.module;
}

/** Argument records from `name=value` strings, typed by the program's interface. */
export function argRecords(module: Module, args: readonly string[]): DataRecord[] {
  return argumentRecords(module, parseArgOptions(args));
}

/** Results and output of the same program under the emulator. */
export async function emulate(module: Module, records: readonly DataRecord[]): Promise<{ results: DataRecord[]; output: string[] }> {
  const r = await runEmulated(module, records);
  if (r.error !== undefined) throw new Error(`the emulator failed: ${r.error}`);
  return { results: r.results, output: r.output };
}

/** `n` distinct free loopback ports. */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((r) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => r(s));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

/** Records as comparable plain objects (data as hex). */
export function plain(rs: readonly DataRecord[]): { name: string; domain: string; type: string; data: string }[] {
  return rs.map((r) => ({ name: r.name, domain: r.domain, type: r.type, data: Buffer.from(r.data).toString("hex") }));
}

/**
 * Bundles the secrun command itself (its three-party mode forks the bundle with
 * --party-child) as DIR/bin/secrun.mjs, with DIR/stdlib linked to the library (the
 * bundle finds it at ../stdlib, as dist/secrun.mjs does).
 */
export async function bundleSecrun(dir: string): Promise<string> {
  symlinkSync(join(root, "stdlib"), join(dir, "stdlib"), "dir");
  return bundleProgram(join(root, "runtime/cli/secrun.ts"), join(dir, "bin"), "secrun");
}

/** A typed array's bytes in hex, as `plain` shows record data. */
export function hex(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("hex");
}

/**
 * Runs `module` under the emulator and on three party processes of `bundles`, expects
 * the same published results, and returns both runs with the three-party results'
 * data (hex) by name, for hand-computed checks.
 */
export async function threePartyAgainstEmulator(
  bundles: Bundles,
  module: Module,
  records: DataRecord[],
): Promise<{ got: ThreePartyResult; want: { results: DataRecord[]; output: string[] }; byName: Map<string, string> }> {
  const want = await emulate(module, records);
  const got = await runThreeParty(module, records, { child: bundles.child });
  expect(plain(got.results)).toEqual(plain(want.results));
  return { got, want, byName: new Map(plain(got.results).map((r) => [r.name, r.data])) };
}
