/**
 * Helpers for the private float tests: sharing float32/float64 vectors as XOR shares
 * of their bit patterns at the three in-memory parties, reconstructing them,
 * fast-check generators rich in IEEE edge cases, and the comparison the tests use
 * (bit for bit, any NaN equal to any NaN).
 */
import fc from "fast-check";
import { reconstructWords, splitWords } from "../../../runtime/protocols/shares.js";
import type { Shared } from "./support.js";

export type FloatWidth = 32 | 64;

/** Bit patterns of float values of width w. */
export function floatBits(w: FloatWidth, xs: readonly number[]): bigint[] {
  if (w === 32) return Array.from(new Uint32Array(Float32Array.from(xs).buffer), (x) => BigInt(x));
  return Array.from(new BigUint64Array(Float64Array.from(xs).buffer));
}

/** Float values of bit patterns. */
export function bitsToFloats(w: FloatWidth, bits: readonly bigint[]): number[] {
  if (w === 32) return Array.from(new Float32Array(Uint32Array.from(bits.map(Number)).buffer));
  return Array.from(new Float64Array(BigUint64Array.from(bits).buffer));
}

export function shareFloats(w: FloatWidth, xs: readonly number[]): Shared {
  return { type: `float${w}`, lanes: xs.length, shares: splitWords("xor", w, floatBits(w, xs)) };
}

export function openFloats(v: Shared): number[] {
  const w = v.type === "float32" ? 32 : 64;
  return bitsToFloats(w, reconstructWords("xor", w, v.shares as never));
}

/** Bit-for-bit equality, except that every NaN equals every NaN. */
export function sameFloat(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

const EDGE64 = [
  0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 2.2250738585072014e-308, -2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
  -1.7976931348623157e308, 1, -1, 0.5, 1.5, 2.5, -2.5, 3, 0.1, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, -(2 ** 63), 1 + 2 ** -52, 1 - 2 ** -53, 2 ** 1023, 2 ** -1022,
];
const EDGE32 = [
  0, -0, Infinity, -Infinity, NaN, 1.401298464324817e-45, -1.401298464324817e-45, 1.1754943508222875e-38, 1.1754942106924411e-38, 3.4028234663852886e38,
  -3.4028234663852886e38, 1, -1, 0.5, 1.5, 2.5, -2.5, 3, Math.fround(0.1), 2 ** 24, 2 ** 24 + 2, 2 ** 31, 2 ** 32, -(2 ** 31), 1 + 2 ** -23, 1 - 2 ** -24, 2 ** 127, 2 ** -126,
];

/** Floats of width w: edge values, any bit pattern, and ordinary magnitudes. */
export function floatArb(w: FloatWidth): fc.Arbitrary<number> {
  const edge = fc.constantFrom(...(w === 32 ? EDGE32 : EDGE64));
  const pattern = w === 32 ? fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((u) => new Float32Array(new Uint32Array([u]).buffer)[0] as number) : fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((u) => new Float64Array(new BigUint64Array([u]).buffer)[0] as number);
  const plain = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (w === 32 ? Math.fround(x) : x));
  return fc.oneof(edge, pattern, plain);
}

/** Two vectors of one length (0, 1 or 33 lanes); b sometimes close to ±a (ties, cancellation). */
export function floatPairArb(w: FloatWidth): fc.Arbitrary<[number[], number[]]> {
  return fc.constantFrom(0, 1, 33).chain((n) =>
    fc.tuple(fc.array(floatArb(w), { minLength: n, maxLength: n }), fc.array(floatArb(w), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n })).map(([a, b, how]) => {
      const round = (x: number): number => (w === 32 ? Math.fround(x) : x);
      const bb = b.map((x, i) => {
        const y = a[i] as number;
        switch (how[i]) {
          case 0:
            return round(-y);
          case 1:
            return round(y * (1 + 2 ** -20));
          case 2:
            return round(y * 2 ** -25);
          default:
            return x;
        }
      });
      return [a, bb] as [number[], number[]];
    }),
  );
}
