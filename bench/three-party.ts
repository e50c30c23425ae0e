/**
 * Three-party throughput and latency over TCP: three local processes (this script
 * forks itself with --child) connect as in a real run (mesh, handshake, pair keys)
 * and execute generated protocols directly on random shares. Printed, as medians
 * of a few repetitions after one warm-up (single runs for the slow comparisons),
 * the slowest party's time:
 *   - raw TCP throughput of one link while all three links carry traffic (the ring
 *     pattern of multiplication) and the round-trip latency of a tiny frame;
 *   - the AES-CTR keystream rate;
 *   - multiplications per second (uint32, uint64; 10^6 lanes, 10^7 with --large),
 *     a dot product, less-than and equality on uint32 when their protocols exist,
 *     and the latency of 1,000 dependent single multiplications;
 * each as a fraction of the bound the TCP and keystream figures imply (bytes sent
 * and keystream drawn per lane from the cost table).
 *
 *   npx tsx bench/three-party.ts [--large]
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import type { PartyId } from "../runtime/net/transport.js";
import { openSession } from "../runtime/party/session.js";
import { createPartyPrgs } from "../runtime/prg.js";
import { PartyContext } from "../runtime/protocols/context.js";
import { PROTOCOLS } from "../runtime/protocols/generated/catalog.js";
import type { ProtocolEntry } from "../runtime/protocols/catalog-types.js";

const REPS = 3;
const TCP_BYTES = 32 * 1024 * 1024;
const PRG_BYTES = 64 * 1024 * 1024;
const large = process.argv.includes("--large");

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
    dot32: () => {
      const m = mul(32, 1_000_000);
      return async () => {
        const p = (await m()) as Uint32Array;
        let acc = 0;
        for (let i = 0; i < p.length; i++) acc = (acc + (p[i] as number)) >>> 0;
        return acc;
      };
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

async function parent(): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const children = [0, 1, 2].map(() => fork(self, ["--child"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  try {
    const ports = await Promise.all(children.map((c, id) => ask(c, { id }).then((r) => (r as unknown as { port: number }).port)));
    for (const c of children) c.send({ ports });

    const tcpMs = (await job(children, "tcp")) as number;
    const tcpBytesPerSec = (TCP_BYTES / tcpMs) * 1000;
    const pingMs = ((await job(children, "ping")) as number) / 200;
    const prgMs = (await job(children, "prg")) as number;
    const prgBytesPerSec = (PRG_BYTES / prgMs) * 1000;
    console.log(`raw TCP, one link of the ring (all three busy): ${(tcpBytesPerSec / 1e6).toFixed(0)} MB/s`);
    console.log(`one communication round with a tiny frame (send to next, receive from previous): ${(pingMs * 1000).toFixed(0)} µs`);
    console.log(`AES-128-CTR keystream: ${(prgBytesPerSec / 1e6).toFixed(0)} MB/s`);

    /** Lanes per second allowed by TCP (bytes sent per lane) and keystream (bytes drawn per lane, two streams). */
    const bound = (sentPerLane: number, keystreamPerLane: number): number => Math.min(tcpBytesPerSec / sentPerLane, prgBytesPerSec / keystreamPerLane);
    const report = async (label: string, name: string, lanes: number, sentPerLane: number, keystreamPerLane: number, reps = REPS): Promise<void> => {
      const ms = await job(children, name, reps);
      if (typeof ms === "string") {
        console.log(`${label}: not measured (${ms})`);
        return;
      }
      const perSec = (lanes / ms) * 1000;
      console.log(`${label}: ${rate(lanes, ms)} (${ms.toFixed(0)} ms), ${((100 * perSec) / bound(sentPerLane, keystreamPerLane)).toFixed(0)}% of the TCP/keystream bound`);
    };
    // mul<n>: each party sends 2n bits per lane to one peer and draws 3n bits per lane from each of its two streams
    await report("multiplications uint32, 10^6", "mul32", 1e6, 8, 24);
    await report("multiplications uint64, 10^6", "mul64", 1e6, 16, 48);
    if (large) {
      await report("multiplications uint32, 10^7", "mul32x10", 1e7, 8, 24);
      await report("multiplications uint64, 10^7", "mul64x10", 1e7, 16, 48);
    } else console.log("multiplications on 10^7 lanes: run with --large");
    await report("dot product uint32, 10^6", "dot32", 1e6, 8, 24);
    // comparisons: bound by TCP only (bytes per lane from the cost table; keystream not counted)
    const sentOf = (key: string): number => Math.max(1 / 8, ...(PROTOCOLS.find((p) => p.key === key)?.bytesPerLane ?? [1]));
    await report("less-than uint32, 10^6", "lt32", 1e6, sentOf("ltu<32>"), 1e-9, 1);
    await report("equality uint32, 10^6", "eq32", 1e6, sentOf("eq<32>"), 1e-9, 1);
    const lat = await job(children, "latency", 1);
    if (typeof lat === "number") {
      console.log(`1,000 dependent single multiplications: ${(lat / 1000).toFixed(3)} ms each; one tiny communication round is ${((100 * pingMs) / (lat / 1000)).toFixed(0)}% of that`);
    } else console.log(`latency: not measured (${lat})`);
  } finally {
    for (const c of children) c.kill();
  }
}

if (process.argv.includes("--child")) await child();
else await parent();
