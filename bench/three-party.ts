/**
 * Three-party throughput and latency over TCP (issue 5): three local processes (this
 * script forks itself with --child) connect as in a real run (mesh, handshake, pair
 * keys) and execute generated protocols directly on random shares, or shared3p
 * syscalls through the party's backend. Printed, as medians of a few repetitions
 * after one warm-up (single runs for the slow jobs), the slowest party's time:
 *   - raw TCP throughput of one link while all three links carry traffic (the ring
 *     pattern of multiplication) and the round-trip latency of a tiny frame;
 *   - the AES-CTR keystream rate;
 *   - multiplications per second (mul<32>, mul<64>) on 10^6 lanes (and 10^7);
 *   - less-than and equality on 10^6 uint32 (ltu<32>, eq<32>);
 *   - a dot product of 10^6 (10^7) uint32 through the backend's mat_mult syscall
 *     (1 x n x 1: one mul<32> and a local sum);
 *   - an oblivious shuffle of 10^6 uint32 through the vecshuf syscall (shuffle<32>);
 *   - the latency of 1,000 dependent single multiplications;
 *   - oblivious sort (shared3p_sort's sort: shuffle + quicksort with opened
 *     comparisons) of 10^4 (10^5) private uint32 through the real secrun path (three party
 *     processes, client shares the input), after the benchmark parties have exited;
 * each as a fraction of the bound the TCP and keystream figures imply (bytes sent and
 * keystream drawn per lane from the cost table; for the sort, the bytes the busiest
 * party sent at the TCP rate plus one tiny round per protocol round).
 * The machine's load average is printed first and last: the figures mean little on a
 * loaded machine.
 *
 *   npx tsx bench/three-party.ts [--large]
 *
 * --large adds the 10^7-lane rows and sorts 10^5 elements (the figures in
 * parentheses); it takes several minutes (about 5 on a loaded 2-core machine),
 * the default run about a minute.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PartyId } from "../runtime/net/transport.js";
import { openSession } from "../runtime/party/session.js";
import { createPartyPrgs } from "../runtime/prg.js";
import { PartyContext } from "../runtime/protocols/context.js";
import { PROTOCOLS } from "../runtime/protocols/generated/catalog.js";
import type { ProtocolEntry } from "../runtime/protocols/catalog-types.js";
import { Shared3pBackend } from "../runtime/shared3p/backend.js";
import type { SyscallArg } from "../vm/backend.js";
import type { PrivateType } from "../vm/values.js";

const REPS = 3;
const TCP_BYTES = 32 * 1024 * 1024;
const PRG_BYTES = 64 * 1024 * 1024;
const large = process.argv.includes("--large");
const SORT_N = large ? 100_000 : 10_000;

type Job = { readonly name: string; readonly reps: number };
type Reply = { readonly ms: number[] } | { readonly error: string };

// ---------------------------------------------------------------- child

function listen(): Promise<Server> {
  return new Promise((r) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => r(s));
  });
}

function entry(key: string): ProtocolEntry | undefined {
  return PROTOCOLS.find((p) => p.key === key);
}

function randomWords(width: number, lanes: number): Uint32Array | BigUint64Array {
  const bytes = randomBytes(lanes * (width / 8));
  return width === 64 ? new BigUint64Array(bytes.buffer, bytes.byteOffset, lanes) : new Uint32Array(bytes.buffer, bytes.byteOffset, lanes);
}

async function child(): Promise<void> {
  const start = await new Promise<{ id: PartyId }>((r) => process.once("message", r as (m: unknown) => void));
  const server = await listen();
  process.send!({ port: (server.address() as { port: number }).port });
  const { ports } = await new Promise<{ ports: number[] }>((r) => process.once("message", r as (m: unknown) => void));
  const session = await openSession({ self: start.id, peers: ports.map((port) => ({ host: "127.0.0.1", port })), server, programHash: "0".repeat(64), timeoutMs: 30_000 });
  const ctx = new PartyContext(start.id, session.transport, createPartyPrgs(session.keys));
  const t = session.transport;
  const me = start.id;
  const next = ((me + 1) % 3) as PartyId;
  const prev = ((me + 2) % 3) as PartyId;

  // shared3p syscalls through the party's backend (the path a program's syscalls take)
  const backend = new Shared3pBackend(ctx);
  const u32: PrivateType = { kind: "shared3p", domain: "pd_shared3p", domainId: 0, name: "uint32", publicType: "uint32" };
  const priv32 = (handle: unknown, length: number): SyscallArg => ({ tag: "private", type: u32, handle, length });
  const dim = (v: number): SyscallArg => ({ tag: "scalar", type: "uint64", value: BigInt(v) });

  const run = async (f: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  const mul = (width: number, lanes: number): (() => Promise<unknown>) => {
    const e = entry(`mul<${width}>`)!;
    const a = randomWords(width, lanes);
    const b = randomWords(width, lanes);
    return () => (e.fn as (...x: unknown[]) => Promise<unknown>)(ctx, lanes, a, b);
  };
  const jobs: Record<string, () => () => Promise<unknown>> = {
    tcp: () => {
      const payload = new Uint8Array(TCP_BYTES);
      return async () => {
        const inst = ctx.newInstance();
        t.send(next, inst, 1, payload);
        await t.receive(prev, inst, 1);
      };
    },
    ping: () => async () => {
      for (let i = 0; i < 200; i++) {
        const inst = ctx.newInstance();
        t.send(next, inst, 1, new Uint8Array(8));
        await t.receive(prev, inst, 1);
      }
    },
    prg: () => async () => {
      ctx.prgs.next.draw(ctx.newInstance(), 0, PRG_BYTES);
    },
    mul32: () => mul(32, 1_000_000),
    mul64: () => mul(64, 1_000_000),
    mul32x10: () => mul(32, 10_000_000),
    mul64x10: () => mul(64, 10_000_000),
    dot32: () => dot(1_000_000),
    dot32x10: () => dot(10_000_000),
    shuf32: () => {
      const n = 1_000_000;
      const args = [dim(0), priv32(randomWords(32, n), n), priv32(new Uint32Array(n), n)];
      return async () => backend.syscall("shared3p::vecshuf_uint32_vec", args);
    },
    lt32: () => compare("ltu<32>"),
    eq32: () => compare("eq<32>"),
    latency: () => {
      const e = entry("mul<64>")!;
      return async () => {
        let x = randomWords(64, 1);
        for (let i = 0; i < 1000; i++) x = (await (e.fn as (...a: unknown[]) => Promise<BigUint64Array>)(ctx, 1, x, x)) as BigUint64Array;
      };
    },
  };
  /** A dot product of n uint32 through the mat_mult syscall (1 x n x 1). */
  function dot(n: number): () => Promise<unknown> {
    const args = [dim(0), priv32(randomWords(32, n), n), priv32(randomWords(32, n), n), priv32(new Uint32Array(1), 1), dim(1), dim(n), dim(1)];
    return async () => backend.syscall("shared3p::mat_mult_uint32_vec", args);
  }
  function compare(key: string): () => Promise<unknown> {
    const e = entry(key);
    if (e === undefined) throw new Error(`protocol ${key} is not generated yet`);
    const a = randomWords(32, 1_000_000);
    const b = randomWords(32, 1_000_000);
    return () => (e.fn as (...x: unknown[]) => Promise<unknown>)(ctx, 1_000_000, a, b);
  }

  process.on("message", async (job: Job) => {
    try {
      const make = jobs[job.name];
      if (make === undefined) throw new Error(`unknown job ${job.name}`);
      const f = make();
      const ms: number[] = [];
      // repeated jobs get one untimed warm-up run first (JIT, buffer pools)
      if (job.reps > 1) await run(f);
      for (let i = 0; i < job.reps; i++) ms.push(await run(f));
      process.send!({ ms } satisfies Reply);
    } catch (e) {
      process.send!({ error: (e as Error).message } satisfies Reply);
    }
  });
}

// ---------------------------------------------------------------- parent

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function ask(c: ChildProcess, m: unknown): Promise<Reply> {
  return new Promise((r) => {
    c.once("message", r as (m: unknown) => void);
    c.send(m as object);
  });
}

/** Runs a job at the three parties; the slowest party's median time, or the error. */
async function job(children: readonly ChildProcess[], name: string, reps = REPS): Promise<number | string> {
  const replies = await Promise.all(children.map((c) => ask(c, { name, reps } satisfies Job)));
  const err = replies.find((r) => "error" in r);
  if (err !== undefined && "error" in err) return err.error;
  return Math.max(...replies.map((r) => median((r as { ms: number[] }).ms)));
}

function rate(n: number, ms: number): string {
  const perSec = (n / ms) * 1000;
  return perSec >= 1e6 ? `${(perSec / 1e6).toFixed(2)} M/s` : `${(perSec / 1e3).toFixed(1)} k/s`;
}

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
}

/** One printed row: what, the figure, the time it took, the fraction of its bound. */
interface Row {
  readonly what: string;
  readonly figure: string;
  readonly ms: number | null;
  readonly ofBound: string;
}

function printTable(rows: readonly Row[]): void {
  const cells = rows.map((r) => [r.what, r.figure, r.ms === null ? "" : `${r.ms.toFixed(0)} ms`, r.ofBound]);
  const head = ["measurement", "figure", "time", "of bound"];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]): string => c.map((x, i) => (i === 0 ? x.padEnd(widths[i] as number) : x.padStart(widths[i] as number))).join("  ");
  console.log(line(head));
  for (const c of cells) console.log(line(c));
}

/** The stats the secrun client prints with --json --stats (per party). */
interface PartyStats {
  readonly party: number;
  readonly milliseconds: number;
  readonly bytesSent: number;
  readonly protocols: Record<string, { readonly rounds: number }>;
}

/**
 * Sorts SORT_N random uint32 with shared3p_sort's sort through `secrun` (three local
 * party processes); checks the result against a plain sort. Resolves to the slowest
 * party's run time, the most bytes a party sent and the protocol rounds, or an error.
 */
async function secrunSort(): Promise<{ ms: number; sent: number; rounds: number } | string> {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const dir = mkdtempSync(join(tmpdir(), "secc-bench-sort-"));
  try {
    const words = randomWords(32, SORT_N) as Uint32Array;
    const input = Array.from(words);
    writeFileSync(join(dir, "sort.sc"), "import stdlib;\nimport shared3p;\nimport shared3p_sort;\ndomain pd_shared3p shared3p;\nvoid main() {\n    pd_shared3p uint32[[1]] a = argument(\"a\");\n    publish(\"sorted\", sort(a));\n}\n");
    writeFileSync(join(dir, "args.json"), JSON.stringify({ a: input }));
    const out = join(dir, "out.json");
    const code = await new Promise<number | null>((resolve) => {
      const p = spawn(process.execPath, ["--import", "tsx", join(root, "runtime/cli/secrun.ts"), join(dir, "sort.sc"), "--args", join(dir, "args.json"), "--json", "--stats"], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      const chunks: Buffer[] = [];
      p.stdout.on("data", (c: Buffer) => chunks.push(c));
      p.on("close", (c) => {
        writeFileSync(out, Buffer.concat(chunks));
        resolve(c);
      });
    });
    if (code !== 0) return `secrun exited with ${code}`;
    const r = JSON.parse(readFileSync(out, "utf8")) as { results: { value: number[] }[]; stats: PartyStats[] };
    const want = input.sort((x, y) => x - y);
    const got = r.results[0]?.value ?? [];
    if (got.length !== want.length || got.some((v, i) => v !== want[i])) return "the sorted output is wrong";
    const rounds = Object.values(r.stats[0]?.protocols ?? {}).reduce((n, p) => n + p.rounds, 0);
    return { ms: Math.max(...r.stats.map((p) => p.milliseconds)), sent: Math.max(...r.stats.map((p) => p.bytesSent)), rounds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function parent(): Promise<void> {
  console.log(`load average at start (1, 5, 15 min): ${load()} on 2 cores`);
  const self = fileURLToPath(import.meta.url);
  const children = [0, 1, 2].map(() => fork(self, ["--child"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  const rows: Row[] = [];
  let tcpBytesPerSec = 0;
  let pingMs = 0;
  try {
    const ports = await Promise.all(children.map((c, id) => ask(c, { id }).then((r) => (r as unknown as { port: number }).port)));
    for (const c of children) c.send({ ports });

    const tcpMs = (await job(children, "tcp")) as number;
    tcpBytesPerSec = (TCP_BYTES / tcpMs) * 1000;
    pingMs = ((await job(children, "ping")) as number) / 200;
    const prgMs = (await job(children, "prg")) as number;
    const prgBytesPerSec = (PRG_BYTES / prgMs) * 1000;
    rows.push({ what: "raw TCP, one link of the ring (all three busy)", figure: `${(tcpBytesPerSec / 1e6).toFixed(0)} MB/s`, ms: tcpMs, ofBound: "(bound)" });
    rows.push({ what: "one round, tiny frame (send next, receive previous)", figure: `${(pingMs * 1000).toFixed(0)} µs`, ms: null, ofBound: "(bound)" });
    rows.push({ what: "AES-128-CTR keystream", figure: `${(prgBytesPerSec / 1e6).toFixed(0)} MB/s`, ms: prgMs, ofBound: "(bound)" });

    /** Lanes per second allowed by TCP (bytes sent per lane) and keystream (bytes drawn per lane, two streams). */
    const bound = (sentPerLane: number, keystreamPerLane: number): number => Math.min(tcpBytesPerSec / sentPerLane, prgBytesPerSec / keystreamPerLane);
    const report = async (what: string, name: string, lanes: number, sentPerLane: number, keystreamPerLane: number, reps = REPS): Promise<void> => {
      const ms = await job(children, name, reps);
      if (typeof ms === "string") {
        rows.push({ what, figure: "not measured", ms: null, ofBound: ms });
        return;
      }
      const perSec = (lanes / ms) * 1000;
      rows.push({ what, figure: rate(lanes, ms), ms, ofBound: `${((100 * perSec) / bound(sentPerLane, keystreamPerLane)).toFixed(0)}%` });
    };
    // mul<n>: each party sends 2n bits per lane to one peer and draws 3n bits per lane from each of its two streams
    await report("multiplications uint32, 10^6 lanes", "mul32", 1e6, 8, 24);
    await report("multiplications uint64, 10^6 lanes", "mul64", 1e6, 16, 48);
    if (large) {
      await report("multiplications uint32, 10^7 lanes", "mul32x10", 1e7, 8, 24, 1);
      await report("multiplications uint64, 10^7 lanes", "mul64x10", 1e7, 16, 48, 1);
    }
    if (large) await report("dot product uint32, 10^7 (mat_mult syscall)", "dot32x10", 1e7, 8, 24, 1);
    else await report("dot product uint32, 10^6 (mat_mult syscall)", "dot32", 1e6, 8, 24);
    // shuffle<32>: each party sends 4 bytes per lane (one pass each) and draws 6 mask words and two 8-byte permutation draws per lane
    await report("oblivious shuffle uint32, 10^6 (vecshuf syscall)", "shuf32", 1e6, 4, 40);
    // comparisons: bound by TCP only (bytes per lane from the cost table; keystream not counted)
    const sentOf = (key: string): number => Math.max(1 / 8, ...(PROTOCOLS.find((p) => p.key === key)?.bytesPerLane ?? [1]));
    await report("less-than uint32, 10^6 (ltu<32>)", "lt32", 1e6, sentOf("ltu<32>"), 1e-9, 1);
    await report("equality uint32, 10^6 (eq<32>)", "eq32", 1e6, sentOf("eq<32>"), 1e-9, 1);
    const lat = await job(children, "latency", 1);
    if (typeof lat === "number") {
      rows.push({ what: "1,000 dependent single multiplications", figure: `${(lat / 1000).toFixed(3)} ms each`, ms: lat, ofBound: `${((100 * pingMs) / (lat / 1000)).toFixed(0)}%` });
    } else rows.push({ what: "1,000 dependent single multiplications", figure: "not measured", ms: null, ofBound: lat });
  } finally {
    for (const c of children) c.kill();
  }
  const sort = await secrunSort();
  const what = `oblivious sort (sort), 10^${Math.log10(SORT_N)} uint32, secrun`;
  if (typeof sort === "string") rows.push({ what, figure: "not measured", ms: null, ofBound: sort });
  else {
    const boundMs = (sort.sent / tcpBytesPerSec) * 1000 + sort.rounds * pingMs;
    rows.push({ what, figure: `${rate(SORT_N, sort.ms)}, ${(sort.sent / 1e6).toFixed(0)} MB sent, ${sort.rounds} rounds`, ms: sort.ms, ofBound: `${((100 * boundMs) / sort.ms).toFixed(0)}%` });
  }
  if (!large) console.log("the 10^7-lane rows and the sort of 10^5: run with --large");
  printTable(rows);
  console.log(`load average at end (1, 5, 15 min): ${load()}`);
}

if (process.argv.includes("--child")) await child();
else await parent();
