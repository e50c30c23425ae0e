import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as G from "../../../runtime/protocols/generated/convert.js";
import type { Width } from "../../../runtime/protocols/shares.js";
import { additive, fnOf, lanes, mod, openAdditive, openBits, run, vectors, word } from "./support.js";

const RUNS = { numRuns: 8 };
const CASTS: [Width, Width][] = [[8, 16], [8, 64], [16, 32], [32, 64]];

describe("casts", () => {
  it.each(CASTS)("upcast and sext %i -> %i", async (n, m) => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = additive(n, x!);
        const up = await run((ctx, p) => fnOf(G, `upcast_${n}_${m}`)(ctx, x!.length, X[p]));
        expect(openAdditive(m, up)).toEqual(x);
        const s = await run((ctx, p) => fnOf(G, `sext_${n}_${m}`)(ctx, x!.length, X[p]));
        expect(openAdditive(m, s)).toEqual(x!.map((v) => mod(m, BigInt.asIntN(n, v))));
      }),
      RUNS,
    );
  });

  it.each([[16, 8], [64, 32]] as [Width, Width][])("downcast %i -> %i", async (n, m) => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = additive(n, x!);
        const d = await run((ctx, p) => fnOf(G, `downcast_${n}_${m}`)(ctx, x!.length, X[p]));
        expect(openAdditive(m, d)).toEqual(x!.map((v) => mod(m, v)));
      }),
      RUNS,
    );
  });
});

describe.each([8, 32, 64] as Width[])("min / max, n = %i", (n) => {
  it("minu and maxu", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 2), async ([x, y]) => {
        const [X, Y] = [additive(n, x!), additive(n, y!)];
        const lo = await run((ctx, p) => fnOf(G, `minu_${n}`)(ctx, x!.length, X[p], Y[p]));
        const hi = await run((ctx, p) => fnOf(G, `maxu_${n}`)(ctx, x!.length, X[p], Y[p]));
        expect(openAdditive(n, lo)).toEqual(x!.map((a, i) => (a < y![i]! ? a : y![i]!)));
        expect(openAdditive(n, hi)).toEqual(x!.map((a, i) => (a < y![i]! ? y![i]! : a)));
      }),
      RUNS,
    );
  });
});

describe("fixed point (fix64, 32 fractional bits)", () => {
  const small = fc.bigInt({ min: -(1n << 39n), max: 1n << 39n });
  it("truncp<64,16>: floor(x / 2^16) or one more, for |x| < 2^40", async () => {
    await fc.assert(
      fc.asyncProperty(lanes.chain((l) => fc.array(small, { minLength: l, maxLength: l })), async (xs) => {
        const X = additive(64, xs.map((v) => mod(64, v)));
        const t = await run((ctx, p) => fnOf(G, "truncp_64_16")(ctx, xs.length, X[p]));
        const got = openAdditive(64, t).map((v) => BigInt.asIntN(64, v));
        got.forEach((g, i) => {
          const want = xs[i]! >> 16n;
          expect(g === want || g === want + 1n).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it("fixmul64: (a·b) / 2^32 within one unit, for products below 2^40 (the truncation headroom)", async () => {
    const fix = fc.bigInt({ min: -(1n << 20n), max: 1n << 20n });
    await fc.assert(
      fc.asyncProperty(lanes.chain((l) => fc.tuple(fc.array(fix, { minLength: l, maxLength: l }), fc.array(fix, { minLength: l, maxLength: l }))), async ([a, b]) => {
        const [A, B] = [additive(64, a.map((v) => mod(64, v))), additive(64, b.map((v) => mod(64, v)))];
        const t = await run((ctx, p) => fnOf(G, "fixmul64")(ctx, a.length, A[p], B[p]));
        const got = openAdditive(64, t).map((v) => BigInt.asIntN(64, v));
        got.forEach((g, i) => {
          const want = (a[i]! * b[i]!) >> 32n;
          expect(g === want || g === want + 1n).toBe(true);
        });
      }),
      RUNS,
    );
  });
  void word;
});

describe("random values", () => {
  it.each([8, 32, 64] as Width[])("random<%i>: no communication, fresh values per call, spread over the ring", async (n) => {
    const L = 256;
    const a = openAdditive(n, await run((ctx) => fnOf(G, `random_${n}`)(ctx, L)));
    const b = openAdditive(n, await run((ctx) => fnOf(G, `random_${n}`)(ctx, L)));
    expect(a).not.toEqual(b);
    expect(new Set(a.map((v) => v >> BigInt(n - 2))).size).toBe(4);
  });

  it("xrandom<1>: random bools", async () => {
    const L = 256;
    const shares = await run((ctx) => fnOf(G, "xrandom_1")(ctx, L));
    const bits = openBits(shares, L);
    expect(bits.filter((b) => b).length).toBeGreaterThan(64);
    expect(bits.filter((b) => !b).length).toBeGreaterThan(64);
  });
});
