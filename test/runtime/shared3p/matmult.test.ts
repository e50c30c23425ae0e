/**
 * Matrix products at three in-memory parties against plain models and the emulator:
 * integers of every type (ring products through rep<n>: one round, each operand sent
 * once, with the rounds and bytes pinned to hand-computed figures), fixed point
 * (exact: floor of the exact sum of exact products), floats (rounded products,
 * pairwise sums), on empty, 1×1, non-square and larger shapes with edge values;
 * and the float stable sort against the emulator and a stable-sort model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import { bigintsToWords } from "../../../runtime/protocols/shares.js";
import { fromPlain, shareTypeOf, toPlain, type ShareType } from "../../../runtime/shared3p/share-types.js";
import { syscallStatus } from "../../../runtime/shared3p/syscalls.js";
import type { SyscallArg } from "../../../vm/backend.js";
import type { TypedVector } from "../../../vm/values.js";
import { bitsToFloats, floatArb, floatBits, openFloats, sameFloat, shareFloats, type FloatWidth } from "./float-support.js";
import { makeBackends, mod, open, outputOf, pd, priv, ptype, share, syscallAll, widthOf, type Party, type Shared } from "./support.js";

const backends = makeBackends("matmult-tests");
const emulator = new EmulatorBackend();

type Shape = readonly [number, number, number];

function scalar(v: number): SyscallArg {
  return { tag: "scalar", type: "uint64", value: BigInt(v) };
}

/** The emulator's mat_mult of `type` on plain words (fix: raw scaled integers; floats: bit patterns). */
function emulated(type: string, x: bigint[], y: bigint[], [m, n, p]: Shape): bigint[] {
  const t = shareTypeOf(type) as ShareType;
  const w = t.width as 8 | 16 | 32 | 64;
  const handle = (v: bigint[]): TypedVector => toPlain(t, bigintsToWords(w, v), v.length);
  const out = handle(new Array<bigint>(m * p).fill(0n));
  const arg = (h: TypedVector, len: number): SyscallArg => ({ tag: "private", type: ptype(type), handle: h, length: len });
  emulator.syscall(`shared3p::mat_mult_${type}_vec`, [pd, arg(handle(x), m * n), arg(handle(y), n * p), arg(out, m * p), scalar(m), scalar(n), scalar(p)]);
  const words = fromPlain(t, out);
  return Array.from({ length: m * p }, (_, i) => BigInt(words[i] as number | bigint));
}

/** The three-party mat_mult of shared operands. */
async function threeParty(a: Shared, b: Shared, [m, n, p]: Shape, op = "mat_mult"): Promise<Shared> {
  const out = outputOf(backends, a.type, m * p);
  await syscallAll(backends, `shared3p::${op}_${a.type}_vec`, (q: Party) => [priv(a, q), priv(b, q), priv(out, q), scalar(m), scalar(n), scalar(p)]);
  return out;
}

/** Σ_k f(a[i,k], b[k,j]) for every cell, as bigints. */
function cells(
  x: readonly bigint[],
  y: readonly bigint[],
  [m, n, p]: Shape,
  term: (u: bigint, v: bigint) => bigint,
  combine: (s: bigint, t: bigint) => bigint = (s, t) => s + t,
): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0n;
      for (let k = 0; k < n; k++) s = combine(s, term(x[i * n + k]!, y[k * p + j]!));
      out.push(s);
    }
  }
  return out;
}

/** Word values biased to edges: 0, 1, 2^(w-1) ± 1, 2^w − 1, and any. */
function wordsArb(w: number, len: number): fc.Arbitrary<bigint[]> {
  const W = BigInt(w);
  const edge = fc.constantFrom(0n, 1n, 2n, (1n << (W - 1n)) - 1n, 1n << (W - 1n), (1n << W) - 1n, (1n << W) - 2n);
  return fc.array(fc.oneof(edge, fc.bigInt({ min: 0n, max: (1n << W) - 1n })), { minLength: len, maxLength: len });
}

const SHAPES: Shape[] = [
  [0, 3, 2],
  [2, 0, 3],
  [3, 2, 0],
  [1, 1, 1],
  [1, 7, 1],
  [3, 4, 2],
  [5, 1, 4],
  [1, 3, 6],
  [7, 13, 5],
];

const operandsArb = (w: number) => fc.constantFrom(...SHAPES).chain((s) => fc.tuple(fc.constant(s), wordsArb(w, s[0] * s[1]), wordsArb(w, s[1] * s[2])));

describe("integer matrix products: replicated, one round, each operand sent once", () => {
  const types = ["uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "xor_uint8", "xor_uint32", "xor_uint64"];
  for (const type of types) {
    it(`mat_mult of ${type} equals the ring product modulo 2^n and the emulator`, async () => {
      const w = widthOf(type);
      await fc.assert(
        fc.asyncProperty(operandsArb(w), async ([shape, x, y]) => {
          const got = open(await threeParty(share(type, x), share(type, y), shape));
          expect(got).toEqual(cells(x, y, shape, (u, v) => u * v).map((s) => mod(w, s)));
          expect(got).toEqual(emulated(type, x, y, shape));
        }),
        { numRuns: 6 },
      );
    });
  }

  it("a 40 × 50 by 50 × 30 product of uint64 and of int32", async () => {
    const shape: Shape = [40, 50, 30];
    for (const type of ["uint64", "int32"]) {
      const w = widthOf(type);
      const x = Array.from({ length: 2000 }, (_, i) => mod(w, BigInt(i) * 0x9e3779b97f4a7c15n));
      const y = Array.from({ length: 1500 }, (_, i) => mod(w, BigInt(i + 7) * 0xc2b2ae3d27d4eb4fn));
      expect(open(await threeParty(share(type, x), share(type, y), shape))).toEqual(cells(x, y, shape, (u, v) => u * v).map((s) => mod(w, s)));
    }
  });

  it("runs one rep<n> over m·n + n·p lanes and one reshare<n>: bytes and rounds as computed by hand", async () => {
    const stats = backends[0].runner.stats;
    const snap = (k: string) => ({ ...(stats.get(k) ?? { calls: 0, lanes: 0, rounds: 0, bytesSent: 0 }) });
    const delta = (k: string, before: ReturnType<typeof snap>) => {
      const now = snap(k);
      return { calls: now.calls - before.calls, lanes: now.lanes - before.lanes, rounds: now.rounds - before.rounds, bytesSent: now.bytesSent - before.bytesSent };
    };
    const keys = ["rep<32>", "reshare<32>", "mul<32>", "rep<64>"];
    let before = keys.map(snap);
    // 3 × 4 by 4 × 2 of uint32: 12 + 8 = 20 words of 4 bytes sent per party (mul<32> over the 24 products: 192)
    await threeParty(share("uint32", new Array(12).fill(3n)), share("uint32", new Array(8).fill(5n)), [3, 4, 2]);
    expect(delta("rep<32>", before[0]!)).toEqual({ calls: 1, lanes: 20, rounds: 1, bytesSent: 80 });
    expect(delta("reshare<32>", before[1]!)).toEqual({ calls: 1, lanes: 6, rounds: 0, bytesSent: 0 });
    expect(delta("mul<32>", before[2]!).calls).toBe(0);
    // 10 × 10 by 10 × 10 of uint64: 200 words of 8 bytes (the lane-wise product: 1000 · 16 = 16000)
    before = keys.map(snap);
    await threeParty(share("uint64", new Array(100).fill(1n)), share("uint64", new Array(100).fill(2n)), [10, 10, 10]);
    expect(delta("rep<64>", before[3]!)).toEqual({ calls: 1, lanes: 200, rounds: 1, bytesSent: 1600 });
    // an empty result (0 × 3 by 3 × 2) or no terms (2 × 0 by 0 × 2): zeros, nothing sent
    before = keys.map(snap);
    await threeParty(share("uint32", []), share("uint32", new Array(6).fill(1n)), [0, 3, 2]);
    expect(open(await threeParty(share("uint32", []), share("uint32", []), [2, 0, 2]))).toEqual([0n, 0n, 0n, 0n]);
    expect(delta("rep<32>", before[0]!).calls).toBe(0);
    expect(delta("reshare<32>", before[1]!).calls).toBe(0);
  });

  it("re-shares the result: the same product twice opens alike from different shares at every party", async () => {
    for (const type of ["uint32", "fix64"]) {
      const x = share(type, [1n, 2n, 3n, 4n, 5n, 6n]);
      const y = share(type, [7n, 8n, 9n]);
      const first = await threeParty(x, y, [2, 3, 1]);
      const second = await threeParty(x, y, [2, 3, 1]);
      expect(open(second)).toEqual(open(first));
      for (const q of [0, 1, 2] as const) expect(Array.from(second.shares[q] as ArrayLike<number | bigint>)).not.toEqual(Array.from(first.shares[q] as ArrayLike<number | bigint>));
    }
  });

  it("mat_multx of XOR values: one xrep<n> over m·n + n·p lanes, xreshare<n>, no and<n>; equal to a BigInt model at every width", async () => {
    const stats = backends[0].runner.stats;
    const count = (k: string) => ({ ...(stats.get(k) ?? { calls: 0, lanes: 0, rounds: 0, bytesSent: 0 }) });
    const before = { xrep: count("xrep<32>"), and: count("and<32>") };
    const shape: Shape = [3, 4, 2];
    const x = Array.from({ length: 12 }, (_, i) => mod(32, BigInt(i + 1) * 0x9e3779b9n));
    const y = Array.from({ length: 8 }, (_, i) => mod(32, BigInt(i + 3) * 0x85ebca6bn));
    const got = open(await threeParty(share("xor_uint32", x), share("xor_uint32", y), shape, "mat_multx"));
    expect(got).toEqual(cells(x, y, shape, (u, v) => u & v, (s, t) => s ^ t));
    const after = { xrep: count("xrep<32>"), and: count("and<32>") };
    // 12 + 8 = 20 words of 4 bytes from each party, one round (and<32> over the 24 products: 192 bytes)
    expect({ calls: after.xrep.calls - before.xrep.calls, lanes: after.xrep.lanes - before.xrep.lanes, rounds: after.xrep.rounds - before.xrep.rounds, bytesSent: after.xrep.bytesSent - before.xrep.bytesSent }).toEqual({ calls: 1, lanes: 20, rounds: 1, bytesSent: 80 });
    expect(after.and.calls - before.and.calls).toBe(0);
    for (const w of [8, 16, 64] as const) {
      const a = Array.from({ length: 6 }, (_, i) => mod(w, BigInt(i + 1) * 0x9e3779b97f4a7c15n));
      const b = Array.from({ length: 6 }, (_, i) => mod(w, BigInt(i + 5) * 0xc2b2ae3d27d4eb4fn));
      expect(open(await threeParty(share(`xor_uint${w}`, a), share(`xor_uint${w}`, b), [2, 3, 2], "mat_multx"))).toEqual(cells(a, b, [2, 3, 2], (u, v) => u & v, (s, t) => s ^ t));
    }
  });

  it("mat_multx (AND-XOR) of int64 converts through bits<64> and x2a<64>", async () => {
    const shape: Shape = [2, 3, 2];
    const x = [1n, 2n, 3n, 0xffn, 0x0fn, mod(64, -1n)];
    const y = [7n, 6n, 5n, 4n, 3n, 2n];
    const got = open(await threeParty(share("int64", x), share("int64", y), shape, "mat_multx"));
    // hand-computed: cell (0,0) = 1&7 ^ 2&5 ^ 3&3 = 1 ^ 0 ^ 3 = 2
    expect(got[0]).toBe(2n);
    const want = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) want.push([0, 1, 2].reduce((s, k) => s ^ (x[i * 3 + k]! & y[k * 2 + j]!), 0n));
    expect(got).toEqual(want);
  });

  it("refuses dimensions that do not match the vectors", async () => {
    const a = share("uint32", [1n, 2n, 3n, 4n]);
    await expect(threeParty(a, a, [2, 3, 2])).rejects.toThrow("syscall shared3p::mat_mult_uint32_vec: dimensions 2 x 3 x 2 do not match vectors of 4, 4 and 4 elements");
    expect(syscallStatus("shared3p::mat_mult_bool_vec")).toBe("matrix products of bool are not defined");
  });
});

/** The exact fixed-point product: floor(Σ signed x · signed y / 2^(w/2)) mod 2^w. */
function fixModel(w: number, x: bigint[], y: bigint[], shape: Shape): bigint[] {
  return cells(x, y, shape, (u, v) => BigInt.asIntN(w, u) * BigInt.asIntN(w, v)).map((s) => mod(w, s >> BigInt(w / 2)));
}

describe("fixed-point matrix products: exact, equal to the emulator", () => {
  for (const w of [32, 64] as const) {
    const type = `fix${w}`;
    it(`mat_mult of ${type} is the floor of the exact sum of exact products`, async () => {
      expect(syscallStatus(`shared3p::mat_mult_${type}_vec`)).toBeNull();
      await fc.assert(
        fc.asyncProperty(operandsArb(w), async ([shape, x, y]) => {
          const got = open(await threeParty(share(type, x), share(type, y), shape));
          expect(got).toEqual(fixModel(w, x, y, shape));
          expect(got).toEqual(emulated(type, x, y, shape));
        }),
        { numRuns: 4 },
      );
    });

    it(`${type}: hand-computed values and sums that overflow 2w bits`, async () => {
      const one = 1n << BigInt(w / 2);
      // [1.5, -2] · [2.5, 0.25]ᵀ = 3.75 - 0.5 = 3.25; the row of the most negative value squared n times
      const x = [one + one / 2n, mod(w, -2n * one)];
      const y = [2n * one + one / 2n, one / 4n];
      expect(open(await threeParty(share(type, x), share(type, y), [1, 2, 1]))).toEqual([13n * (one / 4n)]);
      const min = 1n << BigInt(w - 1);
      const n = 9;
      const big = new Array<bigint>(n).fill(min);
      const got = open(await threeParty(share(type, big), share(type, big), [1, n, 1]));
      // 9 · 2^(2w-2) / 2^(w/2) = 9 · 2^(3w/2 - 2), modulo 2^w
      expect(got).toEqual([mod(w, 9n << BigInt((3 * w) / 2 - 2))]);
      expect(got).toEqual(emulated(type, big, big, [1, n, 1]));
      // the low parts' sum crosses 2^32: 2 · 0xffff² = 0x1fffc0002
      const low = [0xffffn, 0xffffn];
      expect(open(await threeParty(share(type, low), share(type, low), [1, 2, 1]))).toEqual([0x1fffc0002n >> BigInt(w / 2)]);
    });
  }

  it("mat_multx of fix32 is AND-XOR on the raw words, as the emulator defines it", async () => {
    const x = [0xf0f0f0f0n, 0x12345678n];
    const y = [0xff00ff00n, 0x0000ffffn];
    expect(open(await threeParty(share("fix32", x), share("fix32", y), [1, 2, 1], "mat_multx"))).toEqual([(0xf0f0f0f0n & 0xff00ff00n) ^ (0x12345678n & 0xffffn)]);
  });
});

/** Pairwise float sum of the rounded products (the semantics both sides define). */
function floatModel(w: FloatWidth, x: number[], y: number[], [m, n, p]: Shape): number[] {
  const r = w === 32 ? Math.fround : (v: number) => v;
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      let level = Array.from({ length: n }, (_, k) => r(x[i * n + k]! * y[k * p + j]!));
      if (level.length === 0) level = [0];
      while (level.length > 1) level = Array.from({ length: Math.ceil(level.length / 2) }, (_, t) => (2 * t + 1 < level.length ? r(level[2 * t]! + level[2 * t + 1]!) : level[2 * t]!));
      out.push(level[0]!);
    }
  }
  return out;
}

function expectFloats(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    if (!sameFloat(g, want[i]!)) expect.fail(`cell ${i}: got ${g} want ${want[i]}`);
  });
}

describe("float matrix products: rounded products, pairwise sums", () => {
  const floatShapes: Shape[] = [[0, 2, 3], [2, 0, 3], [1, 1, 1], [1, 5, 1], [2, 3, 2], [3, 4, 2], [2, 7, 3]];
  for (const w of [32, 64] as const) {
    it(`mat_mult of float${w} equals the model and the emulator, edge values included`, async () => {
      const arb = fc.constantFrom(...floatShapes).chain((s) => fc.tuple(fc.constant(s), fc.array(floatArb(w), { minLength: s[0] * s[1], maxLength: s[0] * s[1] }), fc.array(floatArb(w), { minLength: s[1] * s[2], maxLength: s[1] * s[2] })));
      await fc.assert(
        fc.asyncProperty(arb, async ([shape, x, y]) => {
          const got = openFloats(await threeParty(shareFloats(w, x), shareFloats(w, y), shape));
          expectFloats(got, floatModel(w, x, y, shape));
          expectFloats(got, bitsToFloats(w, emulated(`float${w}`, floatBits(w, x), floatBits(w, y), shape)));
        }),
        { numRuns: 5 },
      );
    });
  }

  it("sums pairwise: 1 + 2^-24 + 2^-24 + 2^-24 in float32 is 1 + 2^-23 (left to right it would stay 1)", async () => {
    const x = [1, 1, 1, 1];
    const y = [1, 2 ** -24, 2 ** -24, 2 ** -24];
    const got = openFloats(await threeParty(shareFloats(32, x), shareFloats(32, y), [1, 4, 1]));
    expect(got).toEqual([1 + 2 ** -23]);
    expect(bitsToFloats(32, emulated("float32", floatBits(32, x), floatBits(32, y), [1, 4, 1]))).toEqual([1 + 2 ** -23]);
  });

  it("an empty sum is +0; products of -0 sum to -0", async () => {
    expect(Object.is(openFloats(await threeParty(shareFloats(64, []), shareFloats(64, []), [1, 0, 1]))[0], 0)).toBe(true);
    expect(Object.is(openFloats(await threeParty(shareFloats(64, [-0, -0]), shareFloats(64, [1, 1]), [1, 2, 1]))[0], -0)).toBe(true);
  });
});

/** The stable order under the sort's float order: numeric (−0 = +0), NaN last ascending, first descending. */
function floatSortModel(xs: readonly number[], ascending: boolean): number[] {
  const key = (v: number): number => (Number.isNaN(v) ? Infinity : v);
  const nan = (v: number): number => (Number.isNaN(v) ? 1 : 0);
  return xs
    .map((_, i) => i)
    .sort((i, j) => {
      const a = xs[i]!;
      const b = xs[j]!;
      const c = nan(a) - nan(b) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
      return (ascending ? c : -c) || i - j;
    });
}

async function stableSort(x: Shared, ascending: boolean, type = x.type): Promise<number[]> {
  const perms = [0, 1, 2].map(() => new BigUint64Array(x.lanes));
  await syscallAll(backends, `shared3p::stable_sort_${type}_vec`, (p) => [
    priv(x, p),
    { tag: "ref", type: "uint64", data: perms[p]!, bytes: new Uint8Array(perms[p]!.buffer), scalar: false, value: undefined },
    { tag: "scalar", type: "bool", value: ascending },
  ]);
  expect(perms[1]).toEqual(perms[0]);
  expect(perms[2]).toEqual(perms[0]);
  return Array.from(perms[0]!, Number);
}

function emulatedSort(w: FloatWidth, xs: number[], ascending: boolean): number[] {
  const perm = new BigUint64Array(xs.length);
  const data = w === 32 ? Float32Array.from(xs) : Float64Array.from(xs);
  emulator.syscall(`shared3p::stable_sort_float${w}_vec`, [
    pd,
    { tag: "private", type: ptype(`float${w}`), handle: data, length: xs.length },
    { tag: "ref", type: "uint64", data: perm, bytes: new Uint8Array(perm.buffer), scalar: false, value: undefined },
    { tag: "scalar", type: "bool", value: ascending },
  ]);
  return Array.from(perm, Number);
}

describe("float stable_sort", () => {
  for (const w of [32, 64] as const) {
    it(`of float${w} equals the model and the emulator, ties (−0 = +0, NaN = NaN) in index order`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(floatArb(w), fc.constantFrom(0, -0, 1, -1, NaN)), { maxLength: 20 }), fc.boolean(), async (xs, asc) => {
          const got = await stableSort(shareFloats(w, xs), asc);
          expect(got).toEqual(floatSortModel(xs, asc));
          expect(got).toEqual(emulatedSort(w, xs, asc));
        }),
        { numRuns: 5 },
      );
    });
  }

  it("puts NaN after every other value ascending (in index order) and first descending", async () => {
    const xs = [NaN, 2, -Infinity, NaN, -0, Infinity, 0];
    expect(await stableSort(shareFloats(64, xs), true)).toEqual([2, 4, 6, 1, 5, 0, 3]);
    expect(await stableSort(shareFloats(32, xs), false)).toEqual([0, 3, 5, 1, 4, 6, 2]);
    expect(emulatedSort(64, xs, true)).toEqual([2, 4, 6, 1, 5, 0, 3]);
    expect(emulatedSort(32, xs, false)).toEqual([0, 3, 5, 1, 4, 6, 2]);
  });
});
