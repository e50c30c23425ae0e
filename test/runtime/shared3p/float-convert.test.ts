/**
 * Conversions to and from private floats at three in-memory parties against
 * independent models: integers rounded to 24/53 significant bits (ties to even) in
 * BigInt, truncation toward zero modulo 2^n, Math.round for fixed point, bool as
 * x ≠ 0, float32 ↔ float64 through Math.fround.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { floatArb, openFloats, sameFloat, shareFloats, type FloatWidth } from "./float-support.js";
import { makeBackends, open, outputOf, priv, share, syscallAll, type Shared } from "./support.js";

const backends = makeBackends("float-convert-tests");
const WIDTHS = [32, 64] as const;
const INTS = [
  ["uint8", 8, false],
  ["int8", 8, true],
  ["uint16", 16, false],
  ["int32", 32, true],
  ["uint32", 32, false],
  ["int64", 64, true],
  ["uint64", 64, false],
  ["xor_uint32", 32, false],
] as const;

/** v rounded to `bits` significant bits, ties to even (exact BigInt arithmetic). */
function roundSignificant(v: bigint, bits: number): bigint {
  const neg = v < 0n;
  let m = neg ? -v : v;
  const len = m.toString(2).length;
  if (len <= bits) return v;
  const drop = BigInt(len - bits);
  const kept = m >> drop;
  const rest = m - (kept << drop);
  const half = 1n << (drop - 1n);
  const up = rest > half || (rest === half && (kept & 1n) === 1n);
  m = (kept + (up ? 1n : 0n)) << drop;
  return neg ? -m : m;
}

/** The float of width w nearest to v / 2^scale (no overflow or underflow for these inputs). */
function intModel(w: FloatWidth, v: bigint, scale = 0): number {
  return Number(roundSignificant(v, w === 32 ? 24 : 53)) / 2 ** scale;
}

async function convert(from: Shared, to: string): Promise<Shared> {
  const out = outputOf(backends, to, from.lanes);
  await syscallAll(backends, `shared3p::conv_${from.type}_to_${to}_vec`, (p) => [priv(from, p), priv(out, p)]);
  return out;
}

const lanesArb = fc.constantFrom(0, 1, 33);

function intsArb(n: number): fc.Arbitrary<bigint[]> {
  const N = BigInt(n);
  const edge = fc.constantFrom(0n, 1n, (1n << (N - 1n)) - 1n, 1n << (N - 1n), (1n << N) - 1n, (1n << 25n) - 1n, (1n << 54n) + 1n);
  return lanesArb.chain((l) => fc.array(fc.oneof(edge, fc.bigInt({ min: 0n, max: (1n << N) - 1n }), fc.bigInt({ min: 0n, max: 1n << 30n })).map((x) => BigInt.asUintN(n, x)), { minLength: l, maxLength: l }));
}

function floatsArb(w: FloatWidth): fc.Arbitrary<number[]> {
  return lanesArb.chain((l) => fc.array(floatArb(w), { minLength: l, maxLength: l }));
}

function expectFloats(got: number[], want: number[]): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => {
    if (!sameFloat(g, want[i] as number)) expect.fail(`lane ${i}: got ${g} want ${want[i]}`);
  });
}

describe("private floats: conversions from integers, bool and fixed point", () => {
  for (const w of WIDTHS) {
    it(`integers to float${w} round to nearest, ties to even`, async () => {
      for (const [type, n, signed] of INTS) {
        await fc.assert(
          fc.asyncProperty(intsArb(n), async (xs) => {
            const values = xs.map((x) => (signed ? BigInt.asIntN(n, x) : x));
            expectFloats(openFloats(await convert(share(type, xs), `float${w}`)), values.map((v) => intModel(w, v)));
          }),
          { numRuns: 3 },
        );
      }
    });

    it(`bool, fix32 and fix64 to float${w}`, async () => {
      await fc.assert(
        fc.asyncProperty(intsArb(64), async (xs) => {
          const bools = xs.map((x) => (x & 1n) === 1n);
          expectFloats(openFloats(await convert(share("bool", bools), `float${w}`)), bools.map((b) => (b ? 1 : 0)));
          const raw32 = xs.map((x) => BigInt.asUintN(32, x));
          expectFloats(openFloats(await convert(share("fix32", raw32), `float${w}`)), raw32.map((x) => intModel(w, BigInt.asIntN(32, x), 16)));
          // fix64 → float32 rounds to float64 first, as the emulator does
          const fix64 = (x: bigint): number => (w === 64 ? intModel(64, BigInt.asIntN(64, x), 32) : Math.fround(intModel(64, BigInt.asIntN(64, x), 32)));
          expectFloats(openFloats(await convert(share("fix64", xs), `float${w}`)), xs.map(fix64));
        }),
        { numRuns: 4 },
      );
    });
  }
});

describe("private floats: conversions to integers, bool, fixed point and the other width", () => {
  for (const w of WIDTHS) {
    it(`float${w} to integers truncates toward zero modulo 2^n (NaN and infinities give 0)`, async () => {
      for (const [type, n] of INTS) {
        await fc.assert(
          fc.asyncProperty(floatsArb(w), async (xs) => {
            const got = open(await convert(shareFloats(w, xs), type));
            expect(got).toEqual(xs.map((x) => BigInt.asUintN(n, Number.isFinite(x) ? BigInt(Math.trunc(x)) : 0n)));
          }),
          { numRuns: 3 },
        );
      }
    });

    it(`float${w} to bool, fix32, fix64 and float${96 - w}`, async () => {
      await fc.assert(
        fc.asyncProperty(floatsArb(w), async (all) => {
          // the emulator cannot scale values beyond 2^1000 into fixed point (the product overflows); keep below
          const xs = all.map((x) => (Math.abs(x) > 2 ** 900 ? x / 2 ** 200 : x));
          const a = shareFloats(w, xs);
          expect(open(await convert(a, "bool"))).toEqual(xs.map((x) => x !== 0));
          for (const [type, n, frac] of [["fix32", 32, 16], ["fix64", 64, 32]] as const) {
            expect(open(await convert(a, type))).toEqual(xs.map((x) => BigInt.asUintN(n, Number.isFinite(x) ? BigInt(Math.round(x * 2 ** frac)) : 0n)));
          }
          const other = await convert(a, `float${96 - w}`);
          expectFloats(openFloats(other), xs.map((x) => (w === 64 ? Math.fround(x) : x)));
        }),
        { numRuns: 5 },
      );
    });
  }
});
