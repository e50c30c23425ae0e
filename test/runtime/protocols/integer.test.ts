import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { protocol } from "../../../runtime/protocols/index.js";
import * as G from "../../../runtime/protocols/generated/integer.js";
import { divide } from "../../../runtime/protocols/division.js";
import type { PartyContext } from "../../../runtime/protocols/context.js";
import type { Width, WordArray } from "../../../runtime/protocols/shares.js";
import { WIDTHS, additive, fnOf, lanes, mod, openAdditive, run, vectors, word } from "./support.js";

const RUNS = { numRuns: 6 };
const signed = (n: number, v: bigint) => BigInt.asIntN(n, v);

async function unary(name: string, n: Width, x: bigint[]): Promise<bigint[]> {
  const X = additive(n, x);
  return openAdditive(n, await run((ctx, p) => fnOf(G, name)(ctx, x.length, X[p])));
}

async function binary(name: string, n: Width, x: bigint[], y: bigint[]): Promise<bigint[]> {
  const [X, Y] = [additive(n, x), additive(n, y)];
  return openAdditive(n, await run((ctx, p) => fnOf(G, name)(ctx, x.length, X[p], Y[p])));
}

/** Shift amounts: mostly below the width, some at and above it. */
function amounts(n: number, count: number): fc.Arbitrary<bigint[]> {
  const a = fc.oneof(fc.integer({ min: 0, max: n + 2 }).map(BigInt), word(n));
  return fc.array(a, { minLength: count, maxLength: count });
}

describe("exact shifts by a public amount", () => {
  const cases: [Width, number][] = [[8, 1], [8, 4], [8, 7], [16, 8], [32, 16], [64, 16], [64, 32]];
  it.each(cases)("shr<%i,%i> is x >> k", async (n, k) => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        expect(await unary(`shr_${n}_${k}`, n, x!)).toEqual(x!.map((v) => v >> BigInt(k)));
      }),
      RUNS,
    );
  });

  it.each([[8, 4]] as [Width, number][])("sra<%i,%i> is floor(x / 2^k) of the signed value", async (n, k) => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        expect(await unary(`sra_${n}_${k}`, n, x!)).toEqual(x!.map((v) => mod(n, signed(n, v) >> BigInt(k))));
      }),
      RUNS,
    );
  });
});

describe("fixed-point multiplication", () => {
  it.each([8, 32, 64] as Width[])("fixmul<%i> is floor(a·b / 2^(n/2)) of the signed values, exactly", async (n) => {
    const f = BigInt(n / 2);
    await fc.assert(
      fc.asyncProperty(vectors(n, 2), async ([a, b]) => {
        expect(await binary(`fixmul_${n}`, n, a!, b!)).toEqual(a!.map((v, i) => mod(n, (signed(n, v) * signed(n, b![i]!)) >> f)));
      }),
      RUNS,
    );
  });
});

describe.each(WIDTHS)("sign, abs, private shifts, n = %i", (n) => {
  it("sign and abs of the signed value (abs wraps at -2^(n-1))", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const s = x!.map((v) => signed(n, v));
        expect(await unary(`sign_${n}`, n, x!)).toEqual(s.map((v) => mod(n, v > 0n ? 1n : v < 0n ? -1n : 0n)));
        expect(await unary(`abs_${n}`, n, x!)).toEqual(s.map((v) => mod(n, v < 0n ? -v : v)));
      }),
      RUNS,
    );
  });

  it("shlv and shrv: x << s and x >> s, 0 for s >= n", async () => {
    await fc.assert(
      fc.asyncProperty(
        vectors(n, 1).chain(([x]) => amounts(n, x!.length).map((s) => [x!, s] as const)),
        async ([x, s]) => {
          const N = BigInt(n);
          expect(await binary(`shlv_${n}`, n, x, s)).toEqual(x.map((v, i) => (s[i]! >= N ? 0n : mod(n, v << s[i]!))));
          expect(await binary(`shrv_${n}`, n, x, s)).toEqual(x.map((v, i) => (s[i]! >= N ? 0n : v >> s[i]!)));
        },
      ),
      RUNS,
    );
  });
});

/** Runs the division driver at the three parties; public divisors are passed in the clear. */
async function divideAll(n: Width, x: bigint[], d: bigint[], pub: boolean): Promise<{ q: bigint[]; r: bigint[] }> {
  const X = additive(n, x);
  const D = additive(n, d);
  const plain = additive(n, d.map(() => 0n))[0];
  d.forEach((v, i) => ((plain as unknown as (number | bigint)[])[i] = n === 64 ? v : Number(v)));
  const runner = (ctx: PartyContext) => (key: string, l: number, args: readonly unknown[]) => {
    const e = protocol(key);
    if (e === undefined) throw new Error(`no protocol ${key}`);
    return Promise.resolve((e.fn as (c: PartyContext, l: number, ...a: readonly unknown[]) => unknown)(ctx, l, ...args));
  };
  const out = await run((ctx, p) =>
    divide(runner(ctx), p, n, X[p] as WordArray, pub ? { kind: "public", words: plain } : { kind: "private", share: D[p] as WordArray }, x.length, { quotient: true, remainder: true }),
  );
  return { q: openAdditive(n, out.map((o) => o.quotient)), r: openAdditive(n, out.map((o) => o.remainder)) };
}

describe.each(WIDTHS)("division, n = %i", (n) => {
  /** Divisors biased to 0, 1, small values and edges. */
  const divisor = fc.oneof(fc.constantFrom(0n, 1n, 2n, 3n), word(n));
  const pairs = lanes.chain((l) => fc.tuple(fc.array(word(n), { minLength: l, maxLength: l }), fc.array(divisor, { minLength: l, maxLength: l })));
  const model = (x: bigint[], d: bigint[]) => ({ q: x.map((v, i) => (d[i] === 0n ? 0n : v / d[i]!)), r: x.map((v, i) => (d[i] === 0n ? 0n : v % d[i]!)) });

  it("by a private divisor: x / d and x % d, both 0 for d = 0", async () => {
    await fc.assert(
      fc.asyncProperty(pairs, async ([x, d]) => {
        expect(await divideAll(n, x, d, false)).toEqual(model(x, d));
      }),
      { numRuns: n === 64 ? 2 : 4 },
    );
  });

  it("by a public divisor (one value for all lanes, or one per lane)", async () => {
    await fc.assert(
      fc.asyncProperty(pairs, divisor, fc.boolean(), async ([x, d], one, same) => {
        const ds = same ? x.map(() => one) : d;
        expect(await divideAll(n, x, ds, true)).toEqual(model(x, ds));
      }),
      { numRuns: n === 64 ? 2 : 4 },
    );
  });
});
