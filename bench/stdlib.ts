/**
 * Standard-library benchmark under the emulator: sorting (sorting network, radix
 * sort, shuffle + quicksort, shuffle + opened permutation, top-k network) and
 * statistics (sum, minimum, mean, variance, median, histogram, contingency table)
 * on private data, in elements per second. Each program is compiled
 * once and takes its length and a repetition count as arguments; inside, the
 * procedure runs on fresh random private data, timed with the VM's microsecond
 * clock, and the median time is reported (3 repetitions up to 10^4 elements, 1
 * above). Emulator figures measure the VM and the library's own work (loops,
 * data movement, syscall dispatch), not MPC communication.
 *
 *   npx tsx bench/stdlib.ts          10^4 (radix sort 2*10^3), 10^5 for the
 *                                    linear-time procedures (about a minute)
 *   npx tsx bench/stdlib.ts --full   also 10^5 sorts and 10^6 linear-time
 *                                    procedures (several minutes)
 * The timed work includes nothing but the procedure (the random input is drawn
 * before the first clock reading). Times are wall-clock; "cpu ms/run" is this
 * process's CPU time per repetition including drawing the input, which stays
 * meaningful on a loaded machine where the wall-clock figures stretch.
 */
import { compile, SourceFile } from "../compiler/index.js";
import { nodeHost } from "../compiler/cli/node-host.js";
import { defaultStdlibPath } from "../compiler/stdlib-path.js";
import { runEmulated } from "../runtime/cli/run-emulated.js";
import type { Module } from "../vm/bytecode.js";

interface Case {
  readonly name: string;
  readonly imports: readonly string[];
  /** Statements using `x` (private uint32 vector of n elements) as input. */
  readonly work: string;
  /** Untimed statements preparing further inputs from `x`. */
  readonly setup?: string;
  readonly sizes: readonly number[];
  /** Sizes of the default (short) run; the first size when absent. */
  readonly defaultSizes?: readonly number[];
}

const full = process.argv.includes("--full");
const CASES: Case[] = [
  { name: "sortingNetworkSort uint32", imports: ["shared3p_sort"], work: "pd_shared3p uint32[[1]] y = sortingNetworkSort(x);", sizes: [1e4, 1e5] },
  { name: "radixSort uint32", imports: ["shared3p_sort"], work: "pd_shared3p uint32[[1]] y = radixSort(x);", sizes: [1e4, 1e5], defaultSizes: [2e3] },
  { name: "sort (shuffle + quicksort) uint32", imports: ["shared3p_sort"], work: "pd_shared3p uint32[[1]] y = sort(x);", sizes: [1e4, 1e5] },
  { name: "unsafeSort uint32", imports: ["shared3p_sort"], work: "pd_shared3p uint32[[1]] y = unsafeSort(x);", sizes: [1e4, 1e5, 1e6] },
  { name: "selectK k=16 uint32", imports: ["shared3p_sort"], work: "pd_shared3p uint32[[1]] y = selectK(x, 16 :: uint);", sizes: [1e4, 1e5] },
  { name: "sum uint32", imports: [], work: "pd_shared3p uint32 y = sum(x);", sizes: [1e4, 1e5, 1e6] },
  { name: "minimum uint32", imports: ["shared3p_statistics_summary"], work: "pd_shared3p uint32 y = minimum(x);", sizes: [1e4, 1e5, 1e6] },
  { name: "mean uint32", imports: ["shared3p_statistics_summary"], work: "pd_shared3p float32 y = mean(x);", sizes: [1e4, 1e5, 1e6] },
  { name: "variance uint32", imports: ["shared3p_statistics_summary"], work: "pd_shared3p float32 y = variance(x);", sizes: [1e4, 1e5, 1e6] },
  { name: "median uint32", imports: ["shared3p_statistics_summary"], work: "pd_shared3p float32 y = median(x);", sizes: [1e4, 1e5] },
  {
    name: "histogram uint32 (8 bins)",
    imports: ["shared3p_statistics_distribution"],
    work: "uint32[[1]] br = {0, 536870912, 1073741824, 1610612736, 2147483648, 2684354560, 3221225472, 3758096384, 4294967295}; pd_shared3p uint64[[1]] y = histogram(x, br);",
    sizes: [1e4, 1e5, 1e6],
  },
  {
    name: "contingencyTable (4 categories)",
    imports: ["shared3p_statistics_common"],
    setup: "pd_shared3p bool[[1]] c = x < 2147483648; uint32[[1]] cats = {0, 1, 2, 3}; x = x % 4;",
    work: "pd_shared3p uint64[[2]] y = contingencyTable(x, c, !c, cats);",
    sizes: [1e4, 1e5, 1e6],
  },
];

function programFor(c: Case): string {
  return `import stdlib;
import shared3p;
import shared3p_random;
${c.imports.map((m) => `import ${m};`).join("\n")}
domain pd_shared3p shared3p;
void main() {
    uint n = argument("n");
    uint reps = argument("reps");
    for (uint r = 0; r < reps; ++r) {
        pd_shared3p uint32[[1]] x(n);
        x = randomize(x);
        ${c.setup ?? ""}
        uint t0;
        __syscall("Process_logMicroseconds", __return t0);
        ${c.work}
        uint t1;
        __syscall("Process_logMicroseconds", __return t1);
        print(t1 - t0);
    }
}
`;
}

function compileCase(c: Case): Module {
  const r = compile(new SourceFile(`bench-${c.name.replace(/\W+/g, "-")}.sc`, programFor(c)), { host: nodeHost, stdlibPath: defaultStdlibPath() });
  if (r.module === undefined) throw new Error(`${c.name}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return r.module;
}

function uint64Record(name: string, value: number) {
  const data = new Uint8Array(8);
  new DataView(data.buffer).setBigUint64(0, BigInt(value), true);
  return { name, domain: "", type: "uint64", data };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  console.log("procedure".padEnd(38), "n".padStart(9), "median ms".padStart(11), "elements/s".padStart(12), "runs".padStart(5), "cpu ms/run".padStart(11));
  for (const c of CASES) {
    const module = compileCase(c);
    const linear = c.sizes.includes(1e6);
    const sizes = full ? c.sizes : (c.defaultSizes ?? c.sizes.filter((s) => s <= (linear ? 1e5 : 1e4)));
    for (const n of sizes) {
      const cpu0 = process.cpuUsage();
      const outcome = await runEmulated(module, [uint64Record("n", n), uint64Record("reps", n <= 1e4 ? 3 : 1)]);
      const cpu = process.cpuUsage(cpu0);
      if (outcome.error !== undefined) throw new Error(`${c.name} n=${n}: ${outcome.error}`);
      const ms = median(outcome.output.map((line) => Number(line) / 1000));
      const cpuPerRun = (cpu.user + cpu.system) / 1000 / outcome.output.length;
      console.log(c.name.padEnd(38), String(n).padStart(9), ms.toFixed(1).padStart(11), Math.round(n / (ms / 1000)).toString().padStart(12), String(outcome.output.length).padStart(5), cpuPerRun.toFixed(1).padStart(11));
    }
  }
}

await main();
