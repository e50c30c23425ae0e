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

const targetLines = 10_000;

function unit(i: number): string[] {
  return [
    `struct item_${i} {`,
    `    uint32 key;`,
    `    pd_shared3p uint32[[1]] values;`,
    `}`,
    ``,
    `uint32 mix_${i}(uint32 x, uint32 k) {`,
    `    uint32 acc = 0;`,
    `    for (uint32 j = 0; j < k; ++j) {`,
    `        acc += x * j + ${i};`,
    `        if (acc > 1000000 || j == 7) {`,
    `            acc = acc % 1000;`,
    `        }`,
    `    }`,
    `    return acc;`,
    `}`,
    ``,
    `template <type T>`,
    `T[[1]] shift_${i}(T[[1]] v, T d) {`,
    `    T[[1]] r = v + d;`,
    `    r[0 : size(r) / 2] = d;`,
    `    return r;`,
    `}`,
    ``,
    `pd_shared3p uint32 step_${i}(pd_shared3p uint32[[1]] xs, uint32[[1]] w) {`,
    `    item_${i} it;`,
    `    it.key = mix_${i}(w[0], 3 :: uint32);`,
    `    it.values = xs * w + it.key;`,
    `    uint32[[2]] m = reshape(w, 1, size(w));`,
    `    m[0, :] = shift_${i}(w, 2 :: uint32);`,
    `    uint32 w0 = w[0];`,
    `    print("unit ${i}: $w0 ", size(m), " ", it.key);`,
    `    return sum(it.values);`,
    `}`,
    ``,
  ];
}

function program(): { text: string; lines: number } {
  const head = [`import stdlib;`, `import shared3p;`, ``, `domain pd_shared3p shared3p;`, ``];
  const body: string[] = [];
  const calls: string[] = [];
  let i = 0;
  while (head.length + body.length + calls.length + 8 < targetLines) {
    body.push(...unit(i));
    calls.push(`    total = total + step_${i}(xs, w);`);
    i++;
  }
  const main = [
    `void main() {`,
    `    pd_shared3p uint32[[1]] xs = {1, 2, 3, 4};`,
    `    uint32[[1]] w = {5, 6, 7, 8};`,
    `    pd_shared3p uint32 total = 0;`,
    ...calls,
    `    print(declassify(total));`,
    `}`,
  ];
  const all = [...head, ...body, ...main];
  return { text: all.join("\n") + "\n", lines: all.length };
}

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
