/**
 * The optimiser end to end under the priced emulator (the counts `secrun --emulate
 * --stats` prints): rounds go down where operations are independent, and the
 * published results and printed lines equal both a plain BigInt model and the
 * program compiled with -O0. Dependent chains keep their rounds; reductions,
 * declassification, output and runtime errors keep their order; fast-check
 * generates straight-line mixes and loops whose iterations read what earlier ones
 * wrote (the scheduler's memory dependencies).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { both, compileWith, mainSyscalls, measure, program } from "./optimiser-harness.js";

const M32 = (1n << 32n) - 1n;
const M64 = (1n << 64n) - 1n;
/** Compiling the library and running under a loaded machine can be slow; no test asserts on time. */
const SLOW = 120_000;

const list = (xs: readonly bigint[]): string => `{${xs.join(", ")}}`;

describe("round merging", () => {
  it("a loop of 100 independent private multiplications runs in 1 round instead of 100", async () => {
    const src = program(`
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] b = argument("b");
    pd_shared3p uint32[[1]] c(100);
    for (uint i = 0; i < 100; ++i) {
        c[i] = a[i] * b[i];
    }
    publish("c", c);`);
    const a = Array.from({ length: 100 }, (_, i) => BigInt(i) * 7919n + 3n);
    const b = Array.from({ length: 100 }, (_, i) => M32 - BigInt(i) * 104729n);
    const args = [`a=${a.join(",")}`, `b=${b.join(",")}`];
    const { o0, o1 } = await both(src, args);
    const expected = [`c = ${list(a.map((x, i) => (x * b[i]!) & M32))}`];
    expect(o0.results).toEqual(expected);
    expect(o1.results).toEqual(expected);
    expect(o0.ops["mul_uint32_vec"]).toEqual([100, 100, 100]);
    expect(o1.ops["mul_uint32_vec"]).toEqual([1, 100, 1]);
    expect(o0.rounds).toBe(100);
    expect(o1.rounds).toBe(1);
  }, SLOW);

  it("independent operations share a round; dependent ones take one round each", async () => {
    const src = program(`
    pd_shared3p uint64 a = argument("a");
    pd_shared3p uint64 b = argument("b");
    pd_shared3p uint64 c = argument("c");
    pd_shared3p uint64 d = argument("d");
    pd_shared3p uint64 x = a * b;
    pd_shared3p uint64 y = c * d;
    pd_shared3p uint64 w = a * c;
    pd_shared3p uint64 z = x * y;
    print(declassify(z), " ", declassify(w), " ", declassify(x - y));`);
    const [a, b, c, d] = [123456789123n, 987654321987n, M64 - 5n, 77n];
    const { o0, o1 } = await both(src, [`a=${a}`, `b=${b}`, `c=${c}`, `d=${d}`]);
    const x = (a * b) & M64;
    const y = (c * d) & M64;
    const expected = [`${(x * y) & M64} ${(a * c) & M64} ${(x - y) & M64}`];
    expect(o0.output).toEqual(expected);
    expect(o1.output).toEqual(expected);
    // x, y and w in one round, z in the next
    expect(o0.ops["mul_uint64_vec"]).toEqual([4, 4, 4]);
    expect(o1.ops["mul_uint64_vec"]).toEqual([2, 4, 2]);
  }, SLOW);

  it("batches comparisons and oblivious choices of one type across iterations (nested loops)", async () => {
    const src = program(`
    pd_shared3p int32[[1]] v = argument("v");
    pd_shared3p int32[[1]] m(12);
    for (uint i = 0; i < 3; ++i) {
        for (uint j = 0; j < 4; ++j) {
            pd_shared3p int32 p = v[i];
            pd_shared3p int32 q = v[j + 3];
            m[i * 4 + j] = choose(p > q, p, q);
        }
    }
    publish("m", m);`);
    const v = [5n, -7n, 100n, 3n, -8n, 101n, 5n];
    const { o0, o1 } = await both(src, [`v=${v.join(",")}`]);
    const m: bigint[] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 4; j++) m.push(v[i]! > v[j + 3]! ? v[i]! : v[j + 3]!);
    expect(o0.results).toEqual([`m = ${list(m)}`]);
    expect(o1.results).toEqual([`m = ${list(m)}`]);
    expect(o0.ops["gt_int32_vec"]![0]).toBe(12);
    expect(o1.ops["gt_int32_vec"]).toEqual([1, 12, o0.ops["gt_int32_vec"]![2] / 12]);
    expect(o1.rounds).toBeLessThan(o0.rounds / 6);
  }, SLOW);

  it("never runs a protocol twice on the same inputs (common private subexpressions)", async () => {
    const src = program(`
    pd_shared3p uint32 a = argument("a");
    pd_shared3p uint32 b = argument("b");
    pd_shared3p uint32 x = a * b + a * b;
    pd_shared3p uint32 y = a * b;
    pd_shared3p bool c = a < b;
    pd_shared3p uint32 z = choose(a < b, x, y) * (a * b);
    print(declassify(x), " ", declassify(y), " ", declassify(z), " ", declassify(c));`);
    const [a, b] = [7n, 100000n];
    const { o0, o1 } = await both(src, [`a=${a}`, `b=${b}`]);
    const ab = (a * b) & M32;
    const x = (2n * ab) & M32;
    const expected = [`${x} ${ab} ${((a < b ? x : ab) * ab) & M32} ${a < b}`];
    expect(o0.output).toEqual(expected);
    expect(o1.output).toEqual(expected);
    // a * b four times, a < b twice: computed once each; choose's mul and the last mul remain
    expect(o0.ops["mul_uint32_vec"]).toEqual([6, 6, 6]);
    expect(o1.ops["mul_uint32_vec"]).toEqual([3, 3, 3]);
    expect(o0.ops["lt_uint32_vec"]![0]).toBe(2);
    expect(o1.ops["lt_uint32_vec"]![0]).toBe(1);
  }, SLOW);

  it("does not reuse a result across a change of its inputs", async () => {
    const src = program(`
    pd_shared3p uint32[[1]] v = argument("v");
    pd_shared3p uint32 p = v[0] * v[1];
    v[0] = 5;
    pd_shared3p uint32 q = v[0] * v[1];
    print(declassify(p), " ", declassify(q));`);
    const { o0, o1 } = await both(src, ["v=3,4"]);
    expect(o0.output).toEqual(["12 20"]);
    expect(o1.output).toEqual(["12 20"]);
  }, SLOW);

  it("leaves reductions alone: one sum per iteration, results unchanged", async () => {
    const src = program(`
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] s(3);
    for (uint i = 0; i < 3; ++i) {
        s[i] = sum(a[i:i + 2]);
    }
    publish("s", s);`);
    const { o0, o1 } = await both(src, ["a=1,2,3,4"]);
    expect(o0.results).toEqual(["s = {3, 5, 7}"]);
    expect(o1.results).toEqual(["s = {3, 5, 7}"]);
    expect(o1.ops["sum_uint32_vec"]).toEqual(o0.ops["sum_uint32_vec"]);
    expect(o1.ops["sum_uint32_vec"]![0]).toBe(3);
  }, SLOW);
});

describe("what the program observes is unchanged", () => {
  it("stops with the same error after the same output when an index is out of bounds", async () => {
    const src = program(`
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] c(5);
    for (uint i = 0; i < 5; ++i) {
        print("i = ", i);
        c[i] = a[i] * a[0];
    }
    publish("c", c);`);
    const { o0, o1 } = await both(src, ["a=2,3,4"]);
    expect(o0.output).toEqual(["i = 0", "i = 1", "i = 2", "i = 3"]);
    expect(o1.output).toEqual(o0.output);
    expect(o0.error).toMatch(/out of bounds|out of range/i);
    expect(o0.error).toContain("opt.sc:(10,16)");
    expect(o1.error).toBe(o0.error);
  }, SLOW);

  it("keeps declassify and print order inside loops", async () => {
    const src = program(`
    pd_shared3p uint32[[1]] a = argument("a");
    for (uint i = 0; i < 4; ++i) {
        print(i, ": ", declassify(a[i] * a[i]));
    }`);
    const { o0, o1 } = await both(src, ["a=3,5,7,65536"]);
    const expected = ["0: 9", "1: 25", "2: 49", "3: 0"];
    expect(o0.output).toEqual(expected);
    expect(o1.output).toEqual(expected);
  }, SLOW);

  it("unrolls counted loops with any step and direction, and leaves other loops running", async () => {
    const src = program(`
    for (int i = 10; i > 0; i -= 3) { print("down ", i); }
    for (uint8 k = 250; k != 4; k += 5) { print("wrap ", k); }
    uint n = 0;
    for (uint j = 0; j < 10; ++j) { if (j == 3) break; n += j; }
    print("n = ", n);`);
    const expected = ["down 10", "down 7", "down 4", "down 1", "wrap 250", "wrap 255", "n = 3"];
    const { o0, o1 } = await both(src);
    expect(o0.output).toEqual(expected);
    expect(o1.output).toEqual(expected);
  }, SLOW);

  it("is deterministic: the same program gives the same bytes", () => {
    const src = program(`
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] c(8);
    for (uint i = 0; i < 8; ++i) { c[i] = a[i] * a[7 - i] + a[i]; }
    publish("c", c);`);
    expect(compileWith(src, true).bytecode).toEqual(compileWith(src, true).bytecode);
  }, SLOW);

  it("-O0 keeps the loop and the operator call; the optimiser inlines and batches", () => {
    const src = program(`
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] c(4);
    for (uint i = 0; i < 4; ++i) { c[i] = a[i] * a[3 - i]; }
    publish("c", c);`);
    expect(mainSyscalls(compileWith(src, false).ir).filter((n) => n.includes("mul"))).toEqual([]);
    expect(mainSyscalls(compileWith(src, true).ir).filter((n) => n.includes("mul"))).toEqual(["shared3p::mul_uint32_vec"]);
  }, SLOW);
});

type Op = { kind: "mul" | "add" | "sub" | "min"; x: number; y: number };

/** A straight-line program over three private uint32 inputs, and its BigInt model. */
function straightLine(ops: readonly Op[]): { src: string; model: (inputs: readonly bigint[]) => bigint[] } {
  const lines = ops.map((o, k) => {
    const [x, y] = [`v${o.x}`, `v${o.y}`];
    const e = o.kind === "mul" ? `${x} * ${y}` : o.kind === "add" ? `${x} + ${y}` : o.kind === "sub" ? `${x} - ${y}` : `choose(${x} < ${y}, ${x}, ${y})`;
    return `    pd_shared3p uint32 v${k + 3} = ${e};`;
  });
  const prints = ops.map((_, k) => `    print(declassify(v${k + 3}));`);
  const inputs = [0, 1, 2].map((i) => `    pd_shared3p uint32 v${i} = argument("v${i}");`);
  const src = program([...inputs, ...lines, ...prints].join("\n"));
  const model = (ins: readonly bigint[]): bigint[] => {
    const v = [...ins];
    for (const o of ops) {
      const [x, y] = [v[o.x]!, v[o.y]!];
      v.push(o.kind === "mul" ? (x * y) & M32 : o.kind === "add" ? (x + y) & M32 : o.kind === "sub" ? (x - y) & M32 : x < y ? x : y);
    }
    return v.slice(3);
  };
  return { src, model };
}

describe("property: optimised and -O0 programs agree with a BigInt model", () => {
  it("on random mixes of dependent and independent private operations", async () => {
    const opArb = (k: number): fc.Arbitrary<Op> =>
      fc.record({ kind: fc.constantFrom("mul", "add", "sub", "min"), x: fc.nat({ max: k + 2 }), y: fc.nat({ max: k + 2 }) }) as fc.Arbitrary<Op>;
    const opsArb = fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => opArb(k))));
    const inputs = fc.tuple(fc.bigInt(0n, M32), fc.bigInt(0n, M32), fc.bigInt(0n, M32));
    await fc.assert(
      fc.asyncProperty(opsArb, inputs, async (ops, ins) => {
        const { src, model } = straightLine(ops);
        const { o0, o1 } = await both(src, ins.map((v, i) => `v${i}=${v}`));
        const expected = model(ins).map(String);
        expect(o0.output).toEqual(expected);
        expect(o1.output).toEqual(expected);
        expect(o1.rounds).toBeLessThanOrEqual(o0.rounds);
      }),
      { numRuns: 8, seed: 20261122 },
    );
  }, SLOW);
});

type Index = { kind: "i" } | { kind: "shift"; k: number } | { kind: "const"; k: number };
type Stmt = { kind: "mul" | "addt" | "tmul" | "min"; a: Index; b: Index; c: Index };

const indexText = (x: Index): string => (x.kind === "i" ? "i" : x.kind === "shift" ? `(i + ${x.k}) % 6` : String(x.k));
const indexValue = (x: Index, i: number): number => (x.kind === "i" ? i : x.kind === "shift" ? (i + x.k) % 6 : x.k);

/** A loop over a private array whose iterations read what earlier ones wrote, and its BigInt model. */
function loopProgram(trips: number, stmts: readonly Stmt[]): { src: string; model: (v: readonly bigint[]) => string[] } {
  const body = stmts.map((s) => {
    const [a, b, c] = [indexText(s.a), indexText(s.b), indexText(s.c)];
    switch (s.kind) {
      case "mul":
        return `        v[${a}] = v[${b}] * v[${c}];`;
      case "addt":
        return `        v[${a}] = v[${b}] + t;`;
      case "tmul":
        return `        t = t * v[${b}];`;
      case "min":
        return `        v[${a}] = choose(v[${b}] < v[${c}], v[${b}], v[${c}]);`;
    }
  });
  const src = program(`
    pd_shared3p uint32[[1]] v = argument("v");
    pd_shared3p uint32 t = v[5];
    for (uint i = 0; i < ${trips}; ++i) {
${body.join("\n")}
    }
    publish("v", v);
    print(declassify(t));`);
  const model = (input: readonly bigint[]): string[] => {
    const v = [...input];
    let t = v[5]!;
    for (let i = 0; i < trips; i++) {
      for (const s of stmts) {
        const [a, b, c] = [indexValue(s.a, i), indexValue(s.b, i), indexValue(s.c, i)];
        if (s.kind === "mul") v[a] = (v[b]! * v[c]!) & M32;
        else if (s.kind === "addt") v[a] = (v[b]! + t) & M32;
        else if (s.kind === "tmul") t = (t * v[b]!) & M32;
        else v[a] = v[b]! < v[c]! ? v[b]! : v[c]!;
      }
    }
    return [`v = ${list(v)}`, String(t)];
  };
  return { src, model };
}

describe("property: loops reading what earlier iterations wrote", () => {
  it("agree with a BigInt model with and without the optimiser", async () => {
    const index: fc.Arbitrary<Index> = fc.oneof(
      fc.constant({ kind: "i" } as Index),
      fc.integer({ min: 1, max: 5 }).map((k): Index => ({ kind: "shift", k })),
      fc.integer({ min: 0, max: 5 }).map((k): Index => ({ kind: "const", k })),
    );
    const stmt: fc.Arbitrary<Stmt> = fc.record({ kind: fc.constantFrom("mul", "addt", "tmul", "min"), a: index, b: index, c: index }) as fc.Arbitrary<Stmt>;
    const input = fc.array(fc.bigInt(0n, M32), { minLength: 6, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(stmt, { minLength: 1, maxLength: 4 }), input, async (trips, stmts, v) => {
        const { src, model } = loopProgram(trips, stmts);
        const { o0, o1 } = await both(src, [`v=${v.join(",")}`]);
        const [results, printed] = model(v);
        expect(o0.results).toEqual([results]);
        expect(o0.output).toEqual([printed]);
        expect(o1.results).toEqual(o0.results);
        expect(o1.output).toEqual(o0.output);
        expect(o1.rounds).toBeLessThanOrEqual(o0.rounds);
      }),
      { numRuns: 8, seed: 8 },
    );
  }, SLOW);
});

describe("examples: what secc cost predicts still matches the optimised program", () => {
  it("examples/auction.sc runs the same protocol calls and rounds with and without the optimiser", async () => {
    const { readFileSync } = await import("node:fs");
    const src = readFileSync(new URL("../../../examples/auction.sc", import.meta.url), "utf8");
    const args = ["bids=120,340,95,340,210"];
    const [o0, o1] = [await measure(compileWith(src, false), args), await measure(compileWith(src, true), args)];
    expect(o1.results).toEqual(o0.results);
    expect(o1.output).toEqual(o0.output);
    for (const op of ["mul_int32_vec", "mul_uint32_vec", "declassify_uint32", "gt_int32_vec", "declassify_bool"]) expect([op, o1.ops[op]]).toEqual([op, o0.ops[op]]);
  }, SLOW);
});
