/**
 * exp, ln, sin and erf of private floats and exp, ln of private fixed point: the
 * circuits (float/transcendental.ts) equal the plain algorithm of
 * vm/transcendental.ts bit for bit (any NaN equal to any NaN), evaluated in the
 * clear on many lanes and at three in-memory parties through the syscalls; the
 * fixed-point results against a model of the emulator's conversions (the raw word
 * over 2^frac, the float64 algorithm, the nearest scaled integer with halves up,
 * modulo 2^n, 0 for NaN and infinities).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixTranscendentalCircuit, transcendentalCircuit } from "../../../runtime/shared3p/float/catalogue.js";
import { plainParty } from "../../../runtime/shared3p/float/evaluate.js";
import { runCircuit } from "../../../runtime/shared3p/float/run.js";
import type { ShareVector } from "../../../runtime/shared3p/share-types.js";
import { syscallStatus } from "../../../runtime/shared3p/syscalls.js";
import { transcendental } from "../../../vm/transcendental-plain.js";
import type { TranscendentalOp } from "../../../vm/transcendental.js";
import { floatArb, openFloats, sameFloat, shareFloats, type FloatWidth } from "./float-support.js";
import { makeBackends, open, outputOf, priv, share, syscallAll } from "./support.js";

const OPS: readonly TranscendentalOp[] = ["exp", "ln", "sin", "erf"];
const WIDTHS = [32, 64] as const;
const LANES = 160;

/** Inputs where the algorithms branch: ±0, subnormals, ends of the ranges, table cell edges. */
const EDGES = [0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 1e-310, 1, -1, 0.5, 2, 1 - 2 ** -53, 1 + 2 ** -52, 709.78, 709.79, -745, -745.2, -744.5, 88.7, -103.5, 2 ** -27, 2 ** -28, 2 ** 20, -(2 ** 20), 2 ** 20 + 0.25, Math.PI, -Math.PI / 2, 6, 5.97, 1 / 32, 3 / 32, 1.5, 1 + 1 / 512, 1e300, 7.2e-8];

/** Edge values, floats of every kind, and ordinary magnitudes where each function varies. */
const inputArb = (w: FloatWidth): fc.Arbitrary<number> =>
  fc.oneof(fc.constantFrom(...EDGES), floatArb(w), fc.double({ min: -800, max: 800, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true })).map((x) => (w === 32 ? Math.fround(x) : x));

function words(w: FloatWidth, xs: readonly number[]): ShareVector {
  return w === 32 ? new Uint32Array(Float32Array.from(xs).buffer) : new BigUint64Array(Float64Array.from(xs).buffer);
}

function floats(w: FloatWidth, v: ShareVector, lanes: number): number[] {
  return Array.from(w === 32 ? new Float32Array(v.buffer, 0, lanes) : new Float64Array(v.buffer, 0, lanes));
}

function mismatches(xs: readonly number[], got: readonly number[], want: readonly number[]): string[] {
  return got.flatMap((g, i) => (sameFloat(g, want[i] as number) ? [] : [`x = ${xs[i]}: got ${g}, want ${want[i]}`])).slice(0, 3);
}

describe("exp, ln, sin, erf circuits in the clear equal the plain algorithm", () => {
  for (const op of OPS) {
    for (const w of WIDTHS) {
      it(`${op} of float${w} on ${LANES} lanes`, async () => {
        const cc = transcendentalCircuit(op, w);
        await fc.assert(
          fc.asyncProperty(fc.array(inputArb(w), { minLength: LANES, maxLength: LANES }), async (xs) => {
            const [out] = await runCircuit(cc, plainParty, LANES, [words(w, xs)]);
            expect(mismatches(xs, floats(w, out as ShareVector, LANES), xs.map((x) => transcendental(op, w, x)))).toEqual([]);
          }),
          { numRuns: 2 },
        );
      });
    }
  }
});

type FixWidth = 32 | 64;
const FRAC: Record<FixWidth, number> = { 32: 16, 64: 32 };

/** The emulator's fixed-point op: raw word → double, the float64 algorithm, round half up, mod 2^n (0 when not finite). */
function fixModel(op: TranscendentalOp, n: FixWidth, raw: bigint): bigint {
  const frac = FRAC[n];
  const y = transcendental(op, 64, Number(BigInt.asIntN(n, raw)) / 2 ** frac) * 2 ** frac;
  if (!Number.isFinite(y)) return 0n;
  const fl = Math.floor(y);
  return BigInt.asUintN(n, BigInt(fl) + (y - fl >= 0.5 ? 1n : 0n));
}

/** Raw fixN words: edges, any word, and values whose exp stays in range. */
function rawArb(n: FixWidth): fc.Arbitrary<bigint> {
  const one = 1n << BigInt(FRAC[n]);
  const top = 1n << BigInt(n - 1);
  const edges = [0n, 1n, -1n, one, -one, 2n * one, top - 1n, -top, one + 1n, one - 1n, 10n * one, -12n * one].map((e) => BigInt.asUintN(n, e));
  return fc.oneof(fc.constantFrom(...edges), fc.bigInt({ min: 0n, max: (1n << BigInt(n)) - 1n }), fc.bigInt({ min: -20n * one, max: 20n * one }).map((v) => BigInt.asUintN(n, v)));
}

describe("fixed-point exp and ln circuits in the clear", () => {
  for (const op of ["exp", "ln"] as const) {
    for (const n of [32, 64] as const) {
      it(`${op} of fix${n} equals the emulator's float64 path`, async () => {
        const cc = fixTranscendentalCircuit(op, n, FRAC[n]);
        await fc.assert(
          fc.asyncProperty(fc.array(rawArb(n), { minLength: 64, maxLength: 64 }), async (raws) => {
            const input = n === 32 ? Uint32Array.from(raws.map(Number)) : BigUint64Array.from(raws);
            const [out] = await runCircuit(cc, plainParty, raws.length, [input]);
            const got = Array.from(out as ArrayLike<number | bigint>, (v) => BigInt(v));
            expect(got).toEqual(raws.map((r) => fixModel(op, n, r)));
          }),
          { numRuns: 2 },
        );
      });
    }
  }
});

const backends = makeBackends("float-transcendental-tests");

describe("exp, ln, sin, erf at three parties", () => {
  it("are available for float32, float64 (all four) and fix32, fix64 (exp and ln)", () => {
    for (const op of OPS) for (const w of WIDTHS) expect(syscallStatus(`shared3p::${op}_float${w}_vec`), op).toBeNull();
    for (const op of ["exp", "ln"]) for (const n of [32, 64]) expect(syscallStatus(`shared3p::${op}_fix${n}_vec`)).toBeNull();
    expect(syscallStatus("shared3p::sin_fix32_vec")).toBe("the operation sin has no protocol yet");
  });

  for (const w of WIDTHS) {
    it(`of float${w} equal the plain algorithm`, async () => {
      const r = (x: number): number => (w === 32 ? Math.fround(x) : x);
      const xs = [0, -0, 1, -2.5, 0.75, 5e-324, NaN, -Infinity, 700, -740, 3.3, 1e-9].map(r);
      const a = shareFloats(w, xs);
      for (const op of OPS) {
        const out = outputOf(backends, `float${w}`, xs.length);
        await syscallAll(backends, `shared3p::${op}_float${w}_vec`, (p) => [priv(a, p), priv(out, p)]);
        expect(mismatches(xs, openFloats(out), xs.map((x) => transcendental(op, w, x))), op).toEqual([]);
      }
    });
  }

  for (const n of [32, 64] as const) {
    it(`exp and ln of fix${n} equal the emulator's model`, async () => {
      const one = 1n << BigInt(FRAC[n]);
      const raws = [0n, one, -one, 3n * one + 5n, -7n * one, 1n, BigInt.asUintN(n, -(1n << BigInt(n - 1)))].map((v) => BigInt.asUintN(n, v));
      const a = share(`fix${n}`, raws);
      for (const op of ["exp", "ln"] as const) {
        const o = outputOf(backends, `fix${n}`, raws.length);
        await syscallAll(backends, `shared3p::${op}_fix${n}_vec`, (p) => [priv(a, p), priv(o, p)]);
        expect((open(o) as bigint[]).map((v) => BigInt(v)), op).toEqual(raws.map((r) => fixModel(op, n, r)));
      }
    });
  }
});
