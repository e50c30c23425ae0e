/**
 * Private matrix products at three in-process parties (in-memory transport), the
 * lane-wise product against the replicated one:
 *   - old: every partial product a[i,k]·b[k,j] in one mul<n> over m·n·p lanes, then
 *     local sums per cell (what runtime/shared3p/movement/matmult.ts did before);
 *   - new: one rep<n> over a and b, the local replicated product, one reshare<n>
 *     (ringMatMult, what the mat_mult syscall now runs).
 * For 100×100 · 100×100 and 1000×10 · 10×1000 of uint32 (and 100×100 of uint64), it
 * prints the median wall time of a few runs, multiply-adds (m·n·p) per second and
 * the bytes party 0 sent (counted by the transport), and checks that both give the
 * same opened product. Then one run each of the fixed-point (100×100 · 100×100) and
 * float (20×20 · 20×20) products, which had no three-party protocol before: time,
 * multiply-adds per second, protocol rounds and bytes of party 0. In-process figures measure computation and copying, not the
 * network; the bytes are what a deployment would send.
 *
 *   npx tsx bench/matrix.ts
 */
import { loadavg } from "node:os";
import { localCluster, runParties } from "../runtime/protocols/local-cluster.js";
import { reconstructWords, splitWords } from "../runtime/protocols/shares.js";
import type { PartyOps } from "../runtime/shared3p/handler.js";
import { gatherShares, sumChunks } from "../runtime/shared3p/local-ops.js";
import { ringMatMult } from "../runtime/shared3p/movement/matmult.js";
import { fixMatMult } from "../runtime/shared3p/movement/matmult-fix.js";
import { floatMatMult, productLayout } from "../runtime/shared3p/movement/matmult-float.js";
import type { RingWidth } from "../runtime/shared3p/movement/ring-matmul.js";
import { ProtocolRunner } from "../runtime/shared3p/protocol-runner.js";
import { allocShares, type ShareVector } from "../runtime/shared3p/share-types.js";

type Product = (party: PartyOps, w: RingWidth, a: ShareVector, b: ShareVector, m: number, n: number, p: number) => Promise<ShareVector>;

/** The former lane-wise product: mul<w> over all m·n·p partial products, summed per cell. */
const laneWise: Product = async (party, w, a, b, m, n, p) => {
  const la = productLayout(m, n, p, true);
  const lb = productLayout(m, n, p, false);
  const x = la === null ? a : gatherShares(w, a, la);
  const y = lb === null ? b : gatherShares(w, b, lb);
  const prod = (await party.runner.run(`mul<${w}>`, m * n * p, [x, y])) as ShareVector;
  const out = allocShares(w, m * p);
  sumChunks(w, prod, m * n * p, out, m * p);
  return out;
};

function randomWords(w: RingWidth, count: number, seed: number): bigint[] {
  let s = BigInt(seed);
  const mask = (1n << BigInt(w)) - 1n;
  return Array.from({ length: count }, () => {
    s = (s * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return (s >> 11n) & mask;
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

async function measure(name: string, product: Product, w: RingWidth, m: number, n: number, p: number, runs: number): Promise<bigint[]> {
  const a = splitWords("additive", w, randomWords(w, m * n, 1));
  const b = splitWords("additive", w, randomWords(w, n * p, 2));
  const times: number[] = [];
  let bytes = 0;
  let result: bigint[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const cluster = localCluster(`bench-matrix-${r}`);
    const parties = cluster.parties.map((ctx) => ({ party: ctx.party, runner: new ProtocolRunner(ctx) }) as PartyOps);
    const t0 = performance.now();
    const out = await runParties(cluster, (_ctx, i) => product(parties[i] as PartyOps, w, a[i] as ShareVector, b[i] as ShareVector, m, n, p));
    const ms = performance.now() - t0;
    if (r > 0) times.push(ms); // the first run warms up
    bytes = cluster.transports[0].sentBytes.reduce((s, x) => s + x, 0);
    result = reconstructWords("additive", w, out as never);
  }
  const ms = median(times);
  const rate = (m * n * p) / (ms / 1000);
  console.log(`  ${name.padEnd(4)} ${ms.toFixed(1).padStart(9)} ms  ${(rate / 1e6).toFixed(2).padStart(8)} M mul-adds/s  ${String(bytes).padStart(11)} bytes sent by P1`);
  return result;
}

async function compare(w: RingWidth, m: number, n: number, p: number, runs: number): Promise<void> {
  console.log(`uint${w}: ${m}×${n} · ${n}×${p} (${m * n * p} multiply-adds)`);
  const old = await measure("old", laneWise, w, m, n, p, runs);
  const now = await measure("new", ringMatMult, w, m, n, p, runs);
  const same = old.length === now.length && old.every((x, i) => x === now[i]);
  console.log(`  same product: ${same ? "yes" : "NO"}; bytes by hand: old 2·m·n·p·${w / 8} = ${2 * m * n * p * (w / 8)}, new (m·n + n·p)·${w / 8} = ${(m * n + n * p) * (w / 8)}`);
}

/** Fixed-point and float products (refused before): time, rounds and bytes of party 0. */
async function single(name: string, w: 32 | 64, m: number, n: number, p: number, run: (party: PartyOps, a: ShareVector, b: ShareVector) => Promise<ShareVector>): Promise<void> {
  const kind = name.startsWith("float") ? "xor" : "additive";
  const a = splitWords(kind, w, randomWords(w, m * n, 3).map((x) => (kind === "xor" ? floatPattern(w, x) : x)));
  const b = splitWords(kind, w, randomWords(w, n * p, 4).map((x) => (kind === "xor" ? floatPattern(w, x) : x)));
  const cluster = localCluster(`bench-matrix-${name}`);
  const parties = cluster.parties.map((ctx) => ({ party: ctx.party, runner: new ProtocolRunner(ctx) }) as PartyOps);
  const t0 = performance.now();
  await runParties(cluster, (_ctx, i) => run(parties[i] as PartyOps, a[i] as ShareVector, b[i] as ShareVector));
  const ms = performance.now() - t0;
  const rounds = [...(parties[0] as PartyOps).runner.stats.values()].reduce((r, s) => r + s.rounds, 0);
  const bytes = cluster.transports[0].sentBytes.reduce((s, x) => s + x, 0);
  console.log(`${name}: ${m}×${n} · ${n}×${p}  ${ms.toFixed(0).padStart(7)} ms  ${((m * n * p) / (ms / 1000) / 1e3).toFixed(1).padStart(8)} k mul-adds/s  ${rounds} rounds  ${bytes} bytes sent by P1`);
}

/** A finite float bit pattern of width w with a moderate exponent (from random bits). */
function floatPattern(w: 32 | 64, x: bigint): bigint {
  return w === 32 ? (x & 0x807fffffn) | (0x3fn << 24n) : (x & 0x800fffffffffffffn) | (0x3ffn << 52n);
}

console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
await compare(32, 100, 100, 100, 3);
await compare(32, 1000, 10, 1000, 1);
await compare(64, 100, 100, 100, 1);
await single("fix32", 32, 100, 100, 100, (q, a, b) => fixMatMult(q, 32, a, b, 100, 100, 100));
await single("fix64", 64, 100, 100, 100, (q, a, b) => fixMatMult(q, 64, a, b, 100, 100, 100));
await single("float32", 32, 20, 20, 20, (q, a, b) => floatMatMult(q, 32, a, b, 20, 20, 20));
await single("float64", 64, 20, 20, 20, (q, a, b) => floatMatMult(q, 64, a, b, 20, 20, 20));
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
