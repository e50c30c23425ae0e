/**
 * The optimiser's effect on three local parties (issue 8): scalar-style programs
 * (private operations on single elements inside loops) and vector-style ones (the
 * same work as whole-vector operations) are compiled with -O0 and with the
 * optimiser, run on three local party processes (runThreeParty, as `secrun` does),
 * and printed side by side: protocol rounds (party 0, summed over protocol runs),
 * protocol runs, and the median over REPS runs of the slowest party's run time
 * (process start-up excluded) and of the whole run seen by the client (start-up
 * included). Every run's results are compared with the -O0 run's. The load average
 * is printed first and last: the times mean little on a loaded machine.
 *
 *   npx tsx bench/optimiser.ts [--reps N]
 */
import { loadavg } from "node:os";
import { compile, SourceFile } from "../compiler/index.js";
import { defaultStdlibPath } from "../compiler/stdlib-path.js";
import { argumentRecords, parseArgOptions } from "../runtime/cli/arguments.js";
import { runThreeParty } from "../runtime/cli/three-party.js";
import type { Module } from "../vm/bytecode.js";
import { nodeHost } from "../compiler/cli/node-host.js";

const repsAt = process.argv.indexOf("--reps");
const REPS = repsAt >= 0 ? Number(process.argv[repsAt + 1]) : 3;

const HEAD = "import stdlib;\nimport shared3p;\ndomain pd_shared3p shared3p;\nvoid main() {\n";

interface Case {
  readonly name: string;
  readonly style: "scalar" | "vector";
  readonly body: string;
  readonly args: readonly string[];
}

const nums = (n: number, f: (i: number) => number): string => Array.from({ length: n }, (_, i) => f(i)).join(",");
const AB = [`a=${nums(100, (i) => i * 7919 + 3)}`, `b=${nums(100, (i) => 4294967295 - i * 104729)}`];

const CASES: readonly Case[] = [
  {
    name: "100 muls in a loop",
    style: "scalar",
    body: `pd_shared3p uint32[[1]] a = argument("a");\npd_shared3p uint32[[1]] b = argument("b");\npd_shared3p uint32[[1]] c(100);\nfor (uint i = 0; i < 100; ++i) { c[i] = a[i] * b[i]; }\npublish("c", c);`,
    args: AB,
  },
  {
    name: "dot product, 100 scalar steps",
    style: "scalar",
    body: `pd_shared3p uint32[[1]] a = argument("a");\npd_shared3p uint32[[1]] b = argument("b");\npd_shared3p uint32 s = 0;\nfor (uint i = 0; i < 100; ++i) { s = s + a[i] * b[i]; }\npublish("s", s);`,
    args: AB,
  },
  {
    name: "100 comparisons + choose",
    style: "scalar",
    body: `pd_shared3p uint32[[1]] a = argument("a");\npd_shared3p uint32[[1]] b = argument("b");\npd_shared3p uint32[[1]] m(100);\nfor (uint i = 0; i < 100; ++i) { m[i] = choose(a[i] < b[i], a[i], b[i]); }\npublish("m", m);`,
    args: AB,
  },
  {
    name: "running max (dependent chain), 20",
    style: "scalar",
    body: `pd_shared3p uint32[[1]] a = argument("a");\npd_shared3p uint32 m = a[0];\nfor (uint i = 1; i < 20; ++i) { m = choose(a[i] > m, a[i], m); }\npublish("m", m);`,
    args: [AB[0]!],
  },
  {
    name: "100 muls as one vector op",
    style: "vector",
    body: `pd_shared3p uint32[[1]] a = argument("a");\npd_shared3p uint32[[1]] b = argument("b");\npublish("c", a * b);`,
    args: AB,
  },
  {
    name: "compare + choose on vectors",
    style: "vector",
    body: `pd_shared3p uint32[[1]] a = argument("a");\npd_shared3p uint32[[1]] b = argument("b");\npublish("m", choose(a < b, a, b));\npublish("d", sum(a * b));`,
    args: AB,
  },
];


function build(text: string, optimize: boolean): Module {
  const r = compile(new SourceFile("/bench/optimiser.sc", text), { host: nodeHost, stdlibPath: defaultStdlibPath(), optimize, allow: ["scalar-private-in-loop"] });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (r.module === undefined || errors.length > 0) throw new Error(errors.map((d) => d.message).join("\n"));
  return r.module;
}

interface Sample {
  readonly rounds: number;
  readonly runs: number;
  readonly partyMs: number;
  readonly wallMs: number;
  readonly results: string;
}

async function runOnce(module: Module, args: readonly string[]): Promise<Sample> {
  const records = argumentRecords(module, parseArgOptions([...args]));
  const t0 = performance.now();
  // generous start-up bound: three processes transpiling the runtime on a loaded machine
  const r = await runThreeParty(module, records, { connectTimeoutMs: 180_000 });
  const wallMs = performance.now() - t0;
  const p0 = r.stats.find((s) => s.party === 0) ?? r.stats[0]!;
  const protocols = Object.values(p0.protocols);
  return {
    rounds: protocols.reduce((acc, p) => acc + p.rounds, 0),
    runs: protocols.filter((p) => p.rounds > 0).reduce((acc, p) => acc + p.calls, 0),
    partyMs: Math.max(...r.stats.map((s) => s.milliseconds)),
    wallMs,
    results: JSON.stringify(r.results.map((x) => [x.name, Buffer.from(x.data).toString("hex")])),
  };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c <= 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

async function main(): Promise<void> {
  const load = (): string => loadavg().map((x) => x.toFixed(2)).join(" ");
  console.log(`load average at start: ${load()} (2 cores; ${REPS} runs per cell, medians)`);
  const rows = [["program", "style", "rounds -O0", "rounds -O", "runs -O0", "runs -O", "party ms -O0", "party ms -O", "speed-up", "wall ms -O0", "wall ms -O", "same results"]];
  for (const c of CASES) {
    const text = `${HEAD}${c.body}\n}\n`;
    const modules = [build(text, false), build(text, true)] as const;
    const samples: Sample[][] = [[], []];
    let failure: string | undefined;
    for (let rep = 0; rep < REPS && failure === undefined; rep++) {
      for (const k of [0, 1] as const) {
        try {
          samples[k]!.push(await runOnce(modules[k], c.args));
        } catch (e) {
          failure = `${k === 0 ? "-O0" : "-O"}: ${e instanceof Error ? e.message : String(e)}`;
          break;
        }
      }
    }
    process.stderr.write(`${c.name}: ${failure ?? "done"}\n`);
    if (failure !== undefined) {
      rows.push([c.name, c.style, ...Array.from({ length: 9 }, () => "-"), `failed (${failure})`]);
      continue;
    }
    const [o0, o1] = samples as [Sample[], Sample[]];
    const same = o1.every((s) => s.results === o0[0]!.results) && o0.every((s) => s.results === o0[0]!.results);
    const p0 = median(o0.map((s) => s.partyMs));
    const p1 = median(o1.map((s) => s.partyMs));
    rows.push([
      c.name,
      c.style,
      String(o0[0]!.rounds),
      String(o1[0]!.rounds),
      String(o0[0]!.runs),
      String(o1[0]!.runs),
      p0.toFixed(1),
      p1.toFixed(1),
      `${(p0 / p1).toFixed(2)}x`,
      median(o0.map((s) => s.wallMs)).toFixed(0),
      median(o1.map((s) => s.wallMs)).toFixed(0),
      same ? "yes" : "NO",
    ]);
  }
  console.log(table(rows));
  console.log(`load average at end: ${load()}`);
  console.log("rounds and runs: party 0's protocol rounds and communicating protocol runs; party ms: the slowest party's run time.");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
