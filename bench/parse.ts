/**
 * Lexer and parser throughput on a generated 10,000-line SecreC program (templates,
 * operator definitions, structs, loops, indexing, syscalls, arithmetic). Prints the
 * median of several runs after warm-up, wall-clock and CPU time, in lines per second
 * and MB/s: the chevrotain lexer alone, the chevrotain parser on a lexed token vector
 * (the error-recovering path), the fast lexer alone, and the whole `parseModule`
 * (the fast path, as an error-free program takes it).
 *
 *     npx tsx bench/parse.ts
 */
import { SourceFile } from "../compiler/source/source-file.js";
import { lex } from "../compiler/syntax/lexer.js";
import { parseTokens } from "../compiler/syntax/parser.js";
import { parseModule } from "../compiler/syntax/index.js";
import { fastLex } from "../compiler/syntax/fast-lexer.js";

const targetLines = 10_000;

function unit(i: number): string[] {
  return [
    `// unit ${i}: a templated operator, a struct and a procedure with loops`,
    `template <domain D : shared3p, type T>`,
    `D T[[1]] op_${i} (D T[[1]] a, D T[[1]] b) {`,
    `    D T[[1]] r (size (a));`,
    `    __syscall ("shared3p::add_$T\\_vec", __domainid (D), a, b, r);`,
    `    return r;`,
    `}`,
    ``,
    `struct rec_${i} { uint32 key; pd_shared3p uint64[[1]] values; }`,
    ``,
    `pd_shared3p uint64 work_${i} (pd_shared3p uint64[[1]] xs, uint n) {`,
    `    pd_shared3p uint64 acc = 0;`,
    `    uint64[[2]] m (n, 4);`,
    `    for (uint i = 0; i < n; ++i) {`,
    `        if (i % 2 == 0 && i < size (xs)) {`,
    `            acc += xs[i] * ${i}u64 + (uint64) i;`,
    `        } else {`,
    `            m[i, :] = reshape (i, 4);`,
    `        }`,
    `    }`,
    `    uint j = 0;`,
    `    while (j < n) { j = j + 1; m[j % n, 1:3] = m[0, 1:3] << 1; }`,
    `    print ("unit ${i}: ", tostring (j), " done");`,
    `    return acc + declassify (xs[0]) :: pd_shared3p uint64;`,
    `}`,
    ``,
  ];
}

function program(): string {
  const lines = ["import stdlib;", "import shared3p;", "domain pd_shared3p shared3p;", ""];
  for (let i = 0; lines.length < targetLines; i++) lines.push(...unit(i));
  lines.push("void main () { print (\"ok\"); }");
  return lines.join("\n");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

interface Timing {
  wall: number;
  cpu: number;
}

/**
 * Runs the steps in rotation (so machine noise hits all alike); median wall-clock and
 * CPU milliseconds per step. On a shared, oversubscribed machine the CPU time (this
 * process's user + system time) is the steadier figure.
 */
function timeAll(steps: Array<() => void>, runs: number, warmup: number): Timing[] {
  for (let i = 0; i < warmup; i++) for (const f of steps) f();
  const wall: number[][] = steps.map(() => []);
  const cpu: number[][] = steps.map(() => []);
  for (let r = 0; r < runs; r++) {
    steps.forEach((f, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      f();
      (wall[i] as number[]).push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      (cpu[i] as number[]).push((c.user + c.system) / 1000);
    });
  }
  return steps.map((_, i) => ({ wall: median(wall[i] as number[]), cpu: median(cpu[i] as number[]) }));
}

const text = program();
const file = new SourceFile("bench.sc", text);
const lineCount = file.lineCount;
const mb = Buffer.byteLength(text) / 1e6;

const check = parseModule(file);
if (check.diagnostics.length > 0) {
  console.error(check.diagnostics.slice(0, 5).map((d) => d.message));
  throw new Error("benchmark program has syntax errors");
}
const tokens = lex(file).tokens;

const [lexT, parseT, fastLexT, totalT] = timeAll(
  [() => lex(file), () => parseTokens(file, tokens), () => fastLex(file.text), () => parseModule(file)],
  11,
  3,
) as [Timing, Timing, Timing, Timing];

function rate(ms: number): string {
  const s = ms / 1000;
  return `${Math.round(lineCount / s).toLocaleString("en-US").padStart(9)} lines/s ${(mb / s).toFixed(2).padStart(6)} MB/s`;
}

function report(what: string, t: Timing): void {
  console.log(`${what.padEnd(32)} wall ${t.wall.toFixed(1).padStart(7)} ms ${rate(t.wall)}   cpu ${t.cpu.toFixed(1).padStart(7)} ms ${rate(t.cpu)}`);
}

console.log(`input: ${lineCount} lines, ${mb.toFixed(2)} MB, ${tokens.length} tokens, ${check.module.decls.length} declarations (medians of 11 runs)`);
report("chevrotain lex", lexT);
report("chevrotain parse (tokens → AST)", parseT);
report("fast lex", fastLexT);
report("parseModule (fast path)", totalT);
