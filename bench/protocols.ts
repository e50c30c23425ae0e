/**
 * Protocol benchmark over the in-memory three-party transport (one process, so the
 * three parties share the CPU): elements per second for multiplication (32 and 64 bit),
 * equality, less-than, bit extraction and shuffle on large vectors, and the AES-CTR
 * keystream rate of the PRG. Prints the median of several runs.
 *
 *   npx tsx bench/protocols.ts [lanes]      (default 1 000 000)
 *
 * Multiplication, declassification and shuffle run on `lanes` elements; equality on
 * lanes/4, less-than and bit extraction on lanes/16 (they move 10-30x more bytes per
 * element), division by a private and by a public divisor, fix32 multiplication and
 * the private right shift on lanes/64 (division runs 32 protocol calls of ~90 bytes
 * per element each), so the whole run stays around a minute on a loaded two-core machine.
 * First, the start-up cost of the generated code: the catalogue bundled as the party
 * bundle is (esbuild), imported in fresh node processes.
 */
import { Prg } from "../runtime/prg.js";
import * as arith from "../runtime/protocols/generated/arith.js";
import * as bits from "../runtime/protocols/generated/bits.js";
import * as compare from "../runtime/protocols/generated/compare.js";
import * as integer from "../runtime/protocols/generated/integer.js";
import { divide } from "../runtime/protocols/division.js";
import { protocol, warmUpProtocols } from "../runtime/protocols/index.js";
import { localCluster, runParties } from "../runtime/protocols/local-cluster.js";
import type { PartyContext } from "../runtime/protocols/context.js";
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const LANES = Number(process.argv[2] ?? 1_000_000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function randomArray<T>(make: (buf: ArrayBuffer) => T, bytes: number): T {
  const b = randomBytes(bytes);
  const copy = new Uint8Array(bytes);
  copy.set(b);
  return make(copy.buffer);
}

const cluster = localCluster("bench");

async function measure(name: string, lanes: number, runs: number, call: (ctx: PartyContext, party: number) => unknown): Promise<void> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await runParties(cluster, (ctx, p) => call(ctx, p) as Promise<unknown>);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  const rate = (lanes / ms) * 1000;
  const shown = rate >= 1e5 ? `${(rate / 1e6).toFixed(2).padStart(7)} M` : `${(rate / 1e3).toFixed(2).padStart(7)} k`;
  console.log(`${name.padEnd(22)} ${String(lanes).padStart(8)} lanes  ${ms.toFixed(1).padStart(8)} ms  ${shown} elements/s`);
}

function keystream(): void {
  const prg = new Prg(new Uint8Array(16).fill(7));
  const bytes = 64 << 20;
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    prg.draw(r, 0, bytes);
    times.push(performance.now() - t0);
  }
  console.log(`${"PRG keystream".padEnd(22)} ${String(bytes >> 20).padStart(5)} MiB     ${median(times).toFixed(1).padStart(8)} ms  ${((bytes / median(times)) * 1000 / 1e9).toFixed(2).padStart(7)} GB/s`);
}

/** Size of the bundled generated code and the median time to import it in a fresh process. */
async function startUp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "secc-bench-"));
  const out = join(dir, "catalog.mjs");
  await build({ entryPoints: [join(dirname(fileURLToPath(import.meta.url)), "../runtime/protocols/generated/catalog.ts")], bundle: true, format: "esm", platform: "node", outfile: out, logLevel: "error" });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const script = `const t = performance.now(); await import(${JSON.stringify(out)}); console.log(performance.now() - t);`;
    times.push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", script]).toString()));
  }
  console.log(`${"import generated code".padEnd(22)} ${(statSync(out).size / 1e6).toFixed(2).padStart(5)} MB      ${median(times).toFixed(1).padStart(8)} ms  (bundled, fresh process)`);
  rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  console.log(`node ${process.version}; three parties in one process over the in-memory transport; medians`);
  await startUp();
  const t0 = performance.now();
  await warmUpProtocols({ widths: [32, 64], names: ["mul", "open", "eq", "ltu", "bits", "shuffle"], lanes: 2048, rounds: 2 });
  await warmUpProtocols({ widths: [32], names: ["divstep", "topzeros", "divout", "fixmul", "shrv"], lanes: 2048, rounds: 2 });
  console.log(`warm-up of the benchmarked 32- and 64-bit protocols: ${(performance.now() - t0).toFixed(0)} ms`);
  keystream();
  const L = LANES;
  const u32 = [0, 1, 2].map(() => randomArray((b) => new Uint32Array(b), 4 * L));
  const v32 = [0, 1, 2].map(() => randomArray((b) => new Uint32Array(b), 4 * L));
  const u64 = [0, 1, 2].map(() => randomArray((b) => new BigUint64Array(b), 8 * L));
  const v64 = [0, 1, 2].map(() => randomArray((b) => new BigUint64Array(b), 8 * L));
  await measure("mul uint32", L, 3, (ctx, p) => arith.mul_32(ctx, L, u32[p]!, v32[p]!));
  await measure("mul uint64", L, 3, (ctx, p) => arith.mul_64(ctx, L, u64[p]!, v64[p]!));
  await measure("open uint32", L, 3, (ctx, p) => arith.open_32(ctx, L, u32[p]!));
  const quarter = Math.max(1, L >> 2);
  await measure("eq uint32", quarter, 3, (ctx, p) => compare.eq_32(ctx, quarter, u32[p]!.subarray(0, quarter), v32[p]!.subarray(0, quarter)));
  const small = Math.max(1, L >> 4);
  await measure("lt uint32", small, 3, (ctx, p) => compare.ltu_32(ctx, small, u32[p]!.subarray(0, small), v32[p]!.subarray(0, small)));
  await measure("bit extraction uint32", small, 3, (ctx, p) => bits.bits_32(ctx, small, u32[p]!.subarray(0, small)));
  const keys = cluster.parties.map((c) => c.newInstance());
  await measure("shuffle uint32", L, 3, (ctx, p) => arith.shuffle_32(ctx, L, u32[p]!, keys[p]!));
  const tiny = Math.max(1, L >> 6);
  // division: 32 divstep calls of ~88 bytes per element each, plus bits, topzeros and divout
  const runner = (ctx: PartyContext) => (key: string, lanes: number, args: readonly unknown[]) =>
    Promise.resolve((protocol(key)!.fn as (c: PartyContext, l: number, ...a: readonly unknown[]) => unknown)(ctx, lanes, ...args));
  const x = u32.map((v) => v.subarray(0, tiny));
  const d = v32.map((v) => v.subarray(0, tiny).map((w) => w >>> 20));
  await measure("div uint32 (private)", tiny, 3, (ctx, p) => divide(runner(ctx), p as 0 | 1 | 2, 32, x[p]!, { kind: "private", share: d[p]! }, tiny, { quotient: true, remainder: false }));
  await measure("div uint32 by 1000", tiny, 3, (ctx, p) => divide(runner(ctx), p as 0 | 1 | 2, 32, x[p]!, { kind: "public", words: Uint32Array.of(1000) }, tiny, { quotient: true, remainder: false }));
  await measure("fix32 mul", tiny, 3, (ctx, p) => integer.fixmul_32(ctx, tiny, x[p]!, d[p]!));
  await measure("shift right uint32", tiny, 3, (ctx, p) => integer.shrv_32(ctx, tiny, x[p]!, d[p]!));
  keystream();
}

await main();
