/**
 * Type-checking throughput: `checkProgram` on the generated, error-free 10,000-line
 * SecreC program of bench/support/program.ts, with the standard library loaded as
 * `secc check` does.
 * Prints the median over several runs (wall and CPU time; CPU time is the steadier
 * figure on a shared machine) in lines per second of CPU, and, when dist/secc.mjs
 * exists (`npm run build`), the cold figure users see: a new `secc check` process per
 * run (Node start-up, bundle load, parse and check of program and library), median
 * wall and CPU time and lines per second of wall time. The load average is printed
 * with it: on a busy machine the cold wall time grows with the load.
 *
 *     npx tsx bench/check.ts
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { nodeHost } from "../compiler/cli/node-host.js";
import { checkProgram } from "../compiler/semantic/index.js";
import { SourceFile } from "../compiler/source/source-file.js";
import { defaultStdlibPath } from "../compiler/stdlib-path.js";
import { program } from "./support/program.js";

/** CPU milliseconds (user + system) of this process since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

const { text, lines: lineCount } = program();
const file = new SourceFile("bench-check.sc", text);
const options = { host: nodeHost, includePaths: [], stdlibPath: defaultStdlibPath() };

const c00 = process.cpuUsage();
const first = checkProgram(file, options);
const coldCpu = cpuMs(c00);
const errors = first.diagnostics.filter((d) => d.severity === "error");
if (errors.length > 0) {
  process.stderr.write(`the generated program has ${errors.length} errors, first: ${errors[0]!.code} ${errors[0]!.message}\n`);
  process.exit(1);
}

const times: number[] = [];
const cpus: number[] = [];
for (let run = 0; run < 7; run++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // a new path each run: the program is parsed every time, the unchanged library
  // modules come from the loader's parse cache (as in the language server)
  checkProgram(new SourceFile(`bench-check-${run}.sc`, text), options);
  cpus.push(cpuMs(c0));
  times.push(performance.now() - t0);
}
const ms = median(times);
const cpu = median(cpus);
process.stdout.write(
  `checkProgram: ${lineCount} lines (+ stdlib) in ${ms.toFixed(1)} ms wall, ${cpu.toFixed(1)} ms CPU (medians of ${times.length})` +
    ` -> ${Math.round(lineCount / (cpu / 1000)).toLocaleString("en")} lines/s of CPU\n` +
    `checkProgram, first run in the process (cold JIT, library parsed): ${coldCpu.toFixed(1)} ms CPU\n`,
);

/** Preloaded into the child: reports its own CPU time on exit, after a marker. */
const cpuHook = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\n__cpu_ms="+((u.user+u.system)/1000)+"\\n")})`;

const bundle = join(import.meta.dirname, "..", "dist", "secc.mjs");
if (existsSync(bundle)) {
  const dir = mkdtempSync(join(tmpdir(), "secc-bench-"));
  const path = join(dir, "bench-check.sc");
  writeFileSync(path, text);
  const walls: number[] = [];
  const childCpus: number[] = [];
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ["--import", cpuHook, bundle, "check", path], { encoding: "utf8" });
    walls.push(performance.now() - t0);
    if (r.status !== 0) {
      process.stderr.write(`secc check failed: ${r.stderr}\n`);
      process.exit(1);
    }
    const m = /__cpu_ms=([\d.]+)/.exec(r.stderr);
    if (m) childCpus.push(Number(m[1]));
  }
  const wall = median(walls);
  const childCpu = childCpus.length > 0 ? `, ${median(childCpus).toFixed(0)} ms CPU` : "";
  const load = loadavg()[0]!.toFixed(2);
  process.stdout.write(
    `secc check, cold process (dist bundle, whole command): ${wall.toFixed(0)} ms wall${childCpu} (medians of ${walls.length};` +
      ` fastest ${Math.min(...walls).toFixed(0)} ms) -> ${Math.round(lineCount / (wall / 1000)).toLocaleString("en")} lines/s of wall time` +
      ` (load average ${load})\n`,
  );
} else {
  process.stdout.write("dist/secc.mjs not built (npm run build): skipped the whole-command timing\n");
}
