/**
 * The circuit that rounds a float to a multiple of 2^q (float/round-multiple.ts)
 * against the plain definition the transcendental algorithms use, (x + K) − K with
 * K = 1.5·2^(M+q) in the format's arithmetic, and the count x / 2^q modulo 2^bits:
 * ties (half-way multiples), values below 2^q, ±0, subnormals, NaN and ±∞, bit for
 * bit (+0 when rounding to zero, as the plain subtraction gives).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, runCircuit } from "../../../runtime/shared3p/float/run.js";
import { plainParty } from "../../../runtime/shared3p/float/evaluate.js";
import { formatOf } from "../../../runtime/shared3p/float/format.js";
import { roundToMultiple } from "../../../runtime/shared3p/float/round-multiple.js";
import type { ShareVector } from "../../../runtime/shared3p/share-types.js";
import { sameFloat, type FloatWidth } from "./float-support.js";

const LANES = 200;

function words(w: FloatWidth, xs: readonly number[]): ShareVector {
  return w === 32 ? new Uint32Array(Float32Array.from(xs).buffer) : new BigUint64Array(Float64Array.from(xs).buffer);
}

describe("rounding to a multiple of 2^q as a circuit", () => {
  for (const [w, q, bits] of [
    [64, 0, 18],
    [64, -5, 10],
    [32, 0, 16],
    [32, -5, 10],
  ] as const) {
    it(`float${w}, q = ${q}, ${bits}-bit count`, async () => {
      const r = (v: number): number => (w === 32 ? Math.fround(v) : v);
      const M = w === 32 ? 23 : 52;
      const K = 1.5 * 2 ** (M + q);
      const unit = 2 ** q;
      const range = 2 ** (bits - 2);
      const cc = compile(`test-round-multiple${w}/${q}/${bits}`, [{ width: w, isPublic: false }], (c, [x]) => {
        const o = roundToMultiple(c, formatOf(w), x!, q, bits);
        return [o.value, o.count.length < 32 ? [...o.count, ...Array.from({ length: 32 - o.count.length }, () => o.count[o.count.length - 1]!)] : o.count];
      });
      const special = fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 5e-324, -1e-40, unit / 2, -unit / 2, (3 * unit) / 2, -unit, unit * 0.75, unit * 0.25);
      const tie = fc.integer({ min: -range, max: range }).map((k) => (k + 0.5) * unit);
      const any = fc.double({ min: -range * unit, max: range * unit, noNaN: true });
      const small = fc.double({ min: -2 * unit, max: 2 * unit, noNaN: true });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(special, tie, any, small).map(r), { minLength: LANES, maxLength: LANES }), async (xs) => {
          const [value, count] = await runCircuit(cc, plainParty, LANES, [words(w, xs)]);
          const got = Array.from(w === 32 ? new Float32Array((value as Uint32Array).buffer, 0, LANES) : new Float64Array((value as BigUint64Array).buffer, 0, LANES));
          const counts = Array.from(count as Uint32Array, (v) => v | 0);
          xs.forEach((x, i) => {
            const want = r(r(x + K) - K);
            if (!sameFloat(got[i]!, want)) expect.fail(`value of ${x}: got ${got[i]}, want ${want}`);
            if (Number.isFinite(x)) expect(counts[i], `count of ${x}`).toBe(want / unit);
          });
        }),
        { numRuns: 3 },
      );
    });
  }
});
