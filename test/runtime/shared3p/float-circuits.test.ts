/**
 * The float circuits evaluated in the clear (one "party" holding every value, ANDs
 * computed locally) on many lanes at once, against plain JS arithmetic: far more
 * samples per run than the three-party tests can afford, for add, sub, mul, div,
 * comparisons, floor/ceiling, sqrt and the conversions between widths and to and from
 * 64-bit integers. Any NaN equals any NaN; everything else is bit for bit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bigToFloat32 } from "../../../vm/numeric.js";
import { plainParty } from "../../../runtime/shared3p/float/evaluate.js";
import { runCircuit, type CompiledCircuit } from "../../../runtime/shared3p/float/run.js";
import { arithCircuit, compareCircuit, floatToFloatCircuit, floatToIntCircuit, integralCircuit, intToFloatCircuit, sqrtCircuit } from "../../../runtime/shared3p/float/catalogue.js";
import type { ShareVector } from "../../../runtime/shared3p/share-types.js";
import { floatArb, sameFloat, type FloatWidth } from "./float-support.js";

const LANES = 400;

function words(w: FloatWidth, xs: readonly number[]): ShareVector {
  return w === 32 ? new Uint32Array(Float32Array.from(xs).buffer) : new BigUint64Array(Float64Array.from(xs).buffer);
}

function floats(w: FloatWidth, v: ShareVector): number[] {
  return Array.from(w === 32 ? new Float32Array(v.buffer, 0, v.length) : new Float64Array(v.buffer, 0, v.length));
}

async function run(cc: CompiledCircuit, inputs: ShareVector[], lanes: number): Promise<ShareVector> {
  return (await runCircuit(cc, plainParty, lanes, inputs))[0] as ShareVector;
}

function mismatches(got: number[], want: number[]): string[] {
  return got.flatMap((g, i) => (sameFloat(g, want[i] as number) ? [] : [`lane ${i}: got ${g}, want ${want[i]}`])).slice(0, 3);
}

const vectors = (w: FloatWidth) => fc.array(floatArb(w), { minLength: LANES, maxLength: LANES });

describe("float circuits in the clear against JS arithmetic", () => {
  for (const w of [32, 64] as const) {
    const r = (x: number): number => (w === 32 ? Math.fround(x) : x);
    it(`add, sub, mul, div, lt, eq, floor, ceiling, sqrt of float${w} on ${LANES} lanes`, async () => {
      await fc.assert(
        fc.asyncProperty(vectors(w), vectors(w), async (x, y0) => {
          // every third lane: a close or opposite neighbour (cancellation, ties)
          const y = y0.map((v, i) => (i % 3 === 0 ? r(-x[i]! * (1 + 2 ** -(i % 30))) : v));
          const [a, b] = [words(w, x), words(w, y)];
          const ops = [["add", (u: number, v: number) => u + v], ["sub", (u: number, v: number) => u - v], ["mul", (u: number, v: number) => u * v], ["div", (u: number, v: number) => u / v]] as const;
          for (const [op, f] of ops) {
            expect(mismatches(floats(w, await run(arithCircuit(op, w, false, false), [a, b], LANES)), x.map((u, i) => r(f(u, y[i]!)))), op).toEqual([]);
          }
          const bit = (v: ShareVector, i: number): boolean => ((((v as Uint32Array)[i >>> 5] as number) >>> (i & 31)) & 1) === 1;
          const lt = await run(compareCircuit("lt", w, false, false), [a, b], LANES);
          const eq = await run(compareCircuit("eq", w, false, false), [a, b], LANES);
          expect(x.map((_, i) => bit(lt, i))).toEqual(x.map((u, i) => u < y[i]!));
          expect(x.map((_, i) => bit(eq, i))).toEqual(x.map((u, i) => u === y[i]!));
          expect(mismatches(floats(w, await run(integralCircuit(false, w), [a], LANES)), x.map(Math.floor))).toEqual([]);
          expect(mismatches(floats(w, await run(sqrtCircuit(w), [a], LANES)), x.map((v) => r(Math.sqrt(v))))).toEqual([]);
          expect(mismatches(floats(w, await run(integralCircuit(true, w), [a], LANES)), x.map(Math.ceil))).toEqual([]);
        }),
        { numRuns: 4 },
      );
    });

    it(`float${w} to float${96 - w}, to and from int64 and uint64`, async () => {
      const ints = fc.array(
        fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 54n }), fc.constantFrom(0n, 1n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 53n + 1n, 2n ** 24n + 1n)),
        { minLength: LANES, maxLength: LANES },
      );
      await fc.assert(
        fc.asyncProperty(vectors(w), ints, async (x, n) => {
          const other = floats((96 - w) as FloatWidth, await run(floatToFloatCircuit(w, (96 - w) as FloatWidth), [words(w, x)], LANES));
          expect(mismatches(other, x.map((v) => (w === 64 ? Math.fround(v) : v)))).toEqual([]);
          const toInt = await run(floatToIntCircuit(w, 64, 0, "trunc"), [words(w, x)], LANES);
          expect(Array.from(toInt as BigUint64Array)).toEqual(x.map((v) => BigInt.asUintN(64, Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n)));
          const raw = BigUint64Array.from(n);
          for (const signed of [false, true]) {
            const want = n.map((v) => (signed ? BigInt.asIntN(64, v) : v)).map((v) => (w === 32 ? bigToFloat32(v) : Number(v)));
            expect(mismatches(floats(w, await run(intToFloatCircuit(64, signed, 0, w, false), [raw], LANES)), want)).toEqual([]);
          }
        }),
        { numRuns: 3 },
      );
    });
  }
});
