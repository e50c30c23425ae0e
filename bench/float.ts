/**
 * Private float benchmark over the in-memory three-party transport (one process, so
 * the three parties share the CPU): elements per second, protocol rounds and bytes
 * sent per party per element for float32/float64 add, mul and lt on 10^4 and 10^5
 * lanes, through the shared3p backend's syscalls. Prints the median of a few runs.
 * With `--transcendental`, instead: exp, ln, sin, erf of float32/float64 and exp, ln
 * of fix32/fix64, first each circuit's AND-depth and interactive ANDs per element
 * (from the compiled circuit), then one run of each at the given lanes (the default
 * keeps the run under a minute; `--transcendental 10000` takes a few minutes).
 *
 *   npx tsx bench/float.ts [lanes...]                    (default 10000 100000)
 *   npx tsx bench/float.ts --transcendental [lanes...]   (default 1000)
 */
import { randomBytes } from "node:crypto";
import { localCluster } from "../runtime/protocols/local-cluster.js";
import { Shared3pBackend } from "../runtime/shared3p/backend.js";
import type { SyscallArg } from "../vm/backend.js";
import type { DataTypeName } from "../vm/isa.js";
import type { PrivateType } from "../vm/values.js";
import { fixTranscendentalCircuit, transcendentalCircuit } from "../runtime/shared3p/float/catalogue.js";
import { circuitCost } from "../runtime/shared3p/float/run.js";

const TRANSCENDENTAL = process.argv.includes("--transcendental");
const LANE_ARGS = process.argv.slice(2).filter((a) => a !== "--transcendental");
const SIZES = LANE_ARGS.length > 0 ? LANE_ARGS.map(Number) : TRANSCENDENTAL ? [1_000] : [10_000, 100_000];

function ptype(name: string): PrivateType {
  return { kind: "shared3p", domain: "pd", domainId: 0, name, publicType: (name === "bool" ? "bool" : name) as DataTypeName };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

const cluster = localCluster("bench-float");
const backends = cluster.parties.map((ctx) => new Shared3pBackend(ctx));
const sent0 = (): number => cluster.transports[0].sentBytes.reduce((x, y) => x + y, 0);

/** A random private vector (uniform shares of random finite values). */
function randomShares(w: 32 | 64, lanes: number): unknown[] {
  return backends.map(() => {
    const b = new Uint8Array(randomBytes(lanes * (w / 8)));
    return w === 32 ? new Uint32Array(b.buffer) : new BigUint64Array(b.buffer);
  });
}

async function measure(op: string, w: 32 | 64, lanes: number, runs: number, type = `float${w}`): Promise<void> {
  const unary = ["exp", "ln", "sin", "erf"].includes(op);
  const a = randomShares(w, lanes);
  const b = randomShares(w, lanes);
  const outType = op === "lt" ? "bool" : type;
  const times: number[] = [];
  let rounds = 0;
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    const outs = backends.map((be) => be.alloc(ptype(outType), lanes, null));
    const before = backends[0]!.runner.stats.get("and<1>");
    const [r0, c0] = [before?.rounds ?? 0, sent0()];
    const t0 = performance.now();
    await Promise.all(
      backends.map((be, p) => {
        const arg = (h: unknown, t: string): SyscallArg => ({ tag: "private", type: ptype(t), handle: h, length: lanes });
        const operands = unary ? [arg(a[p], type)] : [arg(a[p], type), arg(b[p], type)];
        return be.syscall(`shared3p::${op}_${type}_vec`, [{ tag: "scalar", type: "uint64", value: 0n }, ...operands, arg(outs[p], outType)]);
      }),
    );
    times.push(performance.now() - t0);
    rounds = (backends[0]!.runner.stats.get("and<1>")?.rounds ?? 0) - r0;
    bytes = sent0() - c0;
  }
  const ms = median(times);
  const rate = (lanes / ms) * 1000;
  console.log(`${`${op} ${type}`.padEnd(14)} ${String(lanes).padStart(7)} lanes ${ms.toFixed(0).padStart(7)} ms ${rate.toFixed(0).padStart(9)} elements/s ${String(rounds).padStart(4)} rounds ${(bytes / lanes).toFixed(0).padStart(6)} bytes/element/party`);
}

/** AND-depth and interactive ANDs per element of each transcendental circuit (one and<1> lane each). */
function transcendentalCosts(): void {
  const row = (name: string, cost: { rounds: number; ands: number }): void =>
    console.log(`${name.padEnd(14)} ${String(cost.rounds).padStart(5)} AND levels ${String(cost.ands).padStart(7)} ANDs/element`);
  for (const w of [32, 64] as const) for (const op of ["exp", "ln", "sin", "erf"] as const) row(`${op} float${w}`, circuitCost(transcendentalCircuit(op, w)));
  for (const n of [32, 64] as const) for (const op of ["exp", "ln"] as const) row(`${op} fix${n}`, circuitCost(fixTranscendentalCircuit(op, n, n / 2)));
}

if (TRANSCENDENTAL) {
  transcendentalCosts();
  for (const lanes of SIZES) {
    for (const w of [32, 64] as const) for (const op of ["exp", "ln", "sin", "erf"]) await measure(op, w, lanes, 1);
    for (const w of [32, 64] as const) for (const op of ["exp", "ln"]) await measure(op, w, lanes, 1, `fix${w}`);
  }
} else {
  for (const lanes of SIZES) {
    for (const w of [32, 64] as const) {
      for (const op of ["add", "mul", "lt"]) await measure(op, w, lanes, lanes > 50_000 ? 1 : 3);
    }
  }
}
