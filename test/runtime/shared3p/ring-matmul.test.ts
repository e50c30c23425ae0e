/**
 * The local matrix product modulo 2^w (runtime/shared3p/movement/ring-matmul.ts)
 * against a BigInt model: random and extreme words at every width, and a row longer
 * than one block of the 64-bit kernel (2^19 terms) of all-ones words, where every
 * partial sum is at its largest.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocRows, ringProduct, type RingWidth, type Rows } from "../../../runtime/shared3p/movement/ring-matmul.js";

/** Rows of bigint words into the kernel's layout (64-bit: lo, hi halves). */
function rows(w: RingWidth, values: readonly bigint[], count: number, k: number): Rows {
  const r = allocRows(w, count, k);
  values.forEach((v, i) => {
    if (w === 64) {
      r[2 * i] = Number(v & 0xffffffffn);
      r[2 * i + 1] = Number(v >> 32n);
    } else r[i] = Number(v);
  });
  return r;
}

function model(w: number, left: readonly bigint[], rightT: readonly bigint[], m: number, p: number, k: number): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0n;
      for (let t = 0; t < k; t++) s += left[i * k + t]! * rightT[j * k + t]!;
      out.push(BigInt.asUintN(w, s));
    }
  }
  return out;
}

const words = (w: number, len: number) =>
  fc.array(fc.oneof(fc.constantFrom(0n, 1n, (1n << BigInt(w)) - 1n, 1n << BigInt(w - 1)), fc.bigInt({ min: 0n, max: (1n << BigInt(w)) - 1n })), { minLength: len, maxLength: len });

describe("ringProduct: local matrix products modulo 2^w", () => {
  for (const w of [8, 16, 32, 64] as const) {
    it(`width ${w} equals the BigInt product`, () => {
      const dims = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 9 }));
      fc.assert(
        fc.property(dims.chain(([m, p, k]) => fc.tuple(fc.constant([m, p, k] as const), words(w, m * k), words(w, p * k))), ([[m, p, k], l, r]) => {
          const got = Array.from(ringProduct(w, rows(w, l, m, k), rows(w, r, p, k), m, p, k) as ArrayLike<number | bigint>, BigInt);
          expect(got).toEqual(model(w, l, r, m, p, k));
        }),
        { numRuns: 40 },
      );
    });
  }

  it("a row of 2^19 + 7 all-ones 64-bit words (more than one block) squares to (2^19 + 7) modulo 2^64", () => {
    const k = (1 << 19) + 7;
    const ones = new Uint32Array(2 * k).fill(0xffffffff);
    const out = ringProduct(64, ones, ones, 1, 1, k) as BigUint64Array;
    // (2^64 − 1)² ≡ 1, so the sum is k
    expect(out[0]).toBe(BigInt(k));
    // words just below 2^64 − 2^32 + 2^16 stress every partial sum: compare with BigInt
    const v = 0xfffffffe0001ffffn;
    const row = new Uint32Array(2 * k);
    for (let t = 0; t < k; t++) {
      row[2 * t] = Number(v & 0xffffffffn);
      row[2 * t + 1] = Number(v >> 32n);
    }
    expect((ringProduct(64, row, row, 1, 1, k) as BigUint64Array)[0]).toBe(BigInt.asUintN(64, BigInt(k) * v * v));
  });
});
