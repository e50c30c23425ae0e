/**
 * Compile throughput: `compile` (parse, check, lower to IR, passes, emit and encode
 * bytecode) on a generated, error-free 10,000-line SecreC program whose `main`
 * calls every procedure, so everything is lowered (public loops and arithmetic,
 * arrays and slices, structs, templates, private shared3p operations). Prints the
 * medians over five runs (after two warm-up runs) in lines per second for the whole
 * compilation and for code generation alone (lowering + passes + emission of the
 * checked program), and the bytecode size.
 *
 *     npx tsx bench/compile.ts
 */
import { emitBytecode } from "../compiler/codegen/emit.js";
import { nodeHost } from "../compiler/cli/node-host.js";
import { compile, SourceFile } from "../compiler/index.js";
import { buildIr } from "../compiler/ir/pipeline.js";
import { checkProgram } from "../compiler/semantic/index.js";
import { defaultStdlibPath } from "../compiler/stdlib-path.js";
import { program } from "./support/program.js";


function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const { text, lines } = program();
const options = { host: nodeHost, stdlibPath: defaultStdlibPath() };
const file = new SourceFile("/bench/generated.sc", text);

const warmup = 2;
const runs = 5;
const whole: number[] = [];
const codegen: number[] = [];
let bytes = 0;
let procs = 0;
for (let r = -warmup; r < runs; r++) {
  const t0 = performance.now();
  const result = compile(file, options);
  if (r >= 0) whole.push(performance.now() - t0);
  if (result.bytecode === undefined) {
    for (const d of result.diagnostics.slice(0, 5)) console.error(`${d.code} ${d.message}`);
    throw new Error("the generated program did not compile");
  }
  bytes = result.bytecode.length;
  procs = result.module!.procedures.length;
  const checked = checkProgram(file, options).program;
  const t1 = performance.now();
  emitBytecode(buildIr(checked), { stdlibPath: options.stdlibPath });
  if (r >= 0) codegen.push(performance.now() - t1);
}

const wholeMs = median(whole);
const codegenMs = median(codegen);
console.log(`program: ${lines} lines, ${procs} procedures, ${bytes} bytes of bytecode`);
console.log(`compile (parse + check + codegen): median ${wholeMs.toFixed(0)} ms = ${Math.round(lines / (wholeMs / 1000))} lines/s`);
console.log(`codegen (lower + passes + emit):   median ${codegenMs.toFixed(0)} ms = ${Math.round(lines / (codegenMs / 1000))} lines/s`);
console.log(`codegen share of the compile: ${((codegenMs / wholeMs) * 100).toFixed(0)}%`);
