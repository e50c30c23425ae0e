/**
 * Fixed-point inv and sqrt at three parties in one process, against a plain model
 * written from the emulator's semantics: the raw n-bit word read as a signed
 * integer over 2^frac (fix64 rounded to the nearest double), 1/x or the square root
 * in double precision, then the nearest scaled integer with halves rounded up,
 * modulo 2^n, and 0 for NaN, infinities and products beyond the double range.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syscallStatus } from "../../../runtime/shared3p/syscalls.js";
import { makeBackends, open, outputOf, priv, share, syscallAll } from "./support.js";

const backends = makeBackends("fixmath-tests");

type FixWidth = 32 | 64;
const FRAC: Record<FixWidth, number> = { 32: 16, 64: 32 };

/** Round half up of a double to an integer (a bigint), or null when not finite. */
function roundHalfUp(v: number): bigint | null {
  if (!Number.isFinite(v)) return null;
  const fl = Math.floor(v);
  return BigInt(fl) + (v - fl >= 0.5 ? 1n : 0n);
}

/** The model of op on a raw fixed-point word. */
function model(op: "inv" | "sqrt", n: FixWidth, raw: bigint): bigint {
  const frac = FRAC[n];
  const x = Number(BigInt.asIntN(n, raw)) / 2 ** frac;
  const y = op === "inv" ? 1 / x : Math.sqrt(x);
  if (!Number.isFinite(y)) return 0n;
  const r = roundHalfUp(y * 2 ** frac);
  return r === null ? 0n : BigInt.asUintN(n, r);
}

/** Raw words of fixN: edges (0, ±1 ulp, ±1, extremes), any word, and ordinary magnitudes. */
function rawArb(n: FixWidth): fc.Arbitrary<bigint> {
  const one = 1n << BigInt(FRAC[n]);
  const top = 1n << BigInt(n - 1);
  const edges = [0n, 1n, 2n, 3n, -1n, -2n, one, -one, 4n * one, 2n * one + 1n, top - 1n, -top, top - one, one - 1n, one + 1n, 1n << BigInt(FRAC[n] - 1)];
  const edge = fc.constantFrom(...edges.map((e) => BigInt.asUintN(n, e)));
  const any = fc.bigInt({ min: 0n, max: (1n << BigInt(n)) - 1n });
  const plain = fc.bigInt({ min: -1000n * one, max: 1000n * one }).map((v) => BigInt.asUintN(n, v));
  return fc.oneof(edge, any, plain);
}

async function run(op: "inv" | "sqrt", n: FixWidth, raws: readonly bigint[]): Promise<bigint[]> {
  const type = `fix${n}`;
  const a = share(type, raws);
  const o = outputOf(backends, type, raws.length);
  await syscallAll(backends, `shared3p::${op}_${type}_vec`, (p) => [priv(a, p), priv(o, p)]);
  return open(o) as bigint[];
}

describe("shared3p fixed-point inv and sqrt", () => {
  it("are available for fix32 and fix64 only", () => {
    for (const op of ["inv", "sqrt"]) {
      expect(syscallStatus(`shared3p::${op}_fix32_vec`)).toBeNull();
      expect(syscallStatus(`shared3p::${op}_fix64_vec`)).toBeNull();
    }
    expect(syscallStatus("shared3p::sqrt_uint32_vec")).toBe("the operation sqrt has no protocol yet");
  });

  it("hand-computed values: inv 2 = 0.5, inv -4 = -0.25, sqrt 2.25 = 1.5, inv 0 = 0, sqrt -1 = 0", async () => {
    const fix32 = (x: number): bigint => BigInt.asUintN(32, BigInt(Math.round(x * 65536)));
    expect(await run("inv", 32, [fix32(2), fix32(-4), 0n])).toEqual([fix32(0.5), fix32(-0.25), 0n]);
    expect(await run("sqrt", 32, [fix32(2.25), fix32(-1), 0n, fix32(4)])).toEqual([fix32(1.5), 0n, 0n, fix32(2)]);
    // 1 / 2^-32 = 2^32, which is 2^64 raw: 0 modulo 2^64
    expect(await run("inv", 64, [1n, 2n ** 32n])).toEqual([0n, 2n ** 32n]);
  });

  for (const n of [32, 64] as const) {
    for (const op of ["inv", "sqrt"] as const) {
      it(`${op}_fix${n} equals the float64 model on edge and random words`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(rawArb(n), { minLength: 0, maxLength: 40 }), async (raws) => {
            expect(await run(op, n, raws)).toEqual(raws.map((r) => model(op, n, r)));
          }),
          { numRuns: 4 },
        );
      });
    }
  }
});
