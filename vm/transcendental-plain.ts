/**
 * The plain machine of the transcendental algorithms (vm/transcendental.ts): JS
 * numbers, float64 arithmetic as is (exact IEEE) or every result rounded to float32
 * (Math.fround), integer steps on the bit patterns through a DataView. This is what
 * the emulator computes for private exp, ln, sin and erf (`transcendental`), and what
 * the three-party circuits reproduce bit for bit.
 */
import { runAlgorithm, type FloatMachine, type Machines, type TranscendentalOp } from "./transcendental.js";

const scratch = new DataView(new ArrayBuffer(8));

/** 2^e for −1022 ≤ e ≤ 1023, from its bits. */
function pow2(e: number): number {
  scratch.setUint32(0, (e + 1023) << 20);
  scratch.setUint32(4, 0);
  return scratch.getFloat64(0);
}

/** The sign bit of x (NaN included). */
function signBit(x: number): boolean {
  scratch.setFloat64(0, x);
  return scratch.getUint32(0) >>> 31 === 1;
}

/**
 * The top word of x's bit pattern in format w, x scaled by 2^64 (float64) or 2^32
 * (float32) first when it is subnormal, with that scale's exponent.
 */
function topWord(w: 32 | 64, x: number): { word: number; adjust: number } {
  const read = (v: number): number => {
    if (w === 64) {
      scratch.setFloat64(0, v);
      return scratch.getUint32(0);
    }
    scratch.setFloat32(0, v);
    return scratch.getUint32(0);
  };
  const word = read(x);
  const expMask = w === 64 ? 0x7ff00000 : 0x7f800000;
  if ((word & expMask) !== 0) return { word, adjust: 0 };
  const scale = w === 64 ? 64 : 32;
  return { word: read(x * 2 ** scale), adjust: scale };
}

/** The machine on JS numbers of width w: float64 arithmetic is exact IEEE; float32 rounds each result (Math.fround). */
function plainMachine(w: 32 | 64): FloatMachine<number, number> {
  const r = w === 32 ? Math.fround : (v: number): number => v;
  const M = w === 32 ? 23 : 52;
  const bias = w === 32 ? 127 : 1023;
  // fraction bits in the top word (20 of float64's high word, all 23 of float32)
  const topFrac = w === 32 ? 23 : 20;
  return {
    width: w,
    add: (a, b) => r(a + b),
    sub: (a, b) => r(a - b),
    mul: (a, b) => r(a * b),
    min: Math.min,
    max: Math.max,
    constant: r,
    abs: Math.abs,
    copySign: (y, x) => (signBit(x) ? -Math.abs(y) : Math.abs(y)),
    roundToMultiple: (x, q) => {
      const k = 1.5 * 2 ** (M + q);
      const value = r(r(x + k) - k);
      return { value, count: Number.isFinite(value) ? value * 2 ** -q : 0 };
    },
    lookup: (n, table) => table[n & (table.length - 1)] as number,
    ldexp: (y, n, shift) => {
      const k = n >> shift;
      const k1 = k >> 1;
      // float64: y·2^k1 stays normal and exact, so only the second product rounds; float32: exact in float64, rounded once
      return r(y * pow2(k1) * pow2(k - k1));
    },
    toFloat: (n) => n,
    decompose: (x, k) => {
      const { word, adjust } = topWord(w, x);
      const fracMask = 2 ** topFrac - 1;
      const field = (word >>> topFrac) & (w === 32 ? 0xff : 0x7ff);
      const index = (((word & fracMask) >>> (topFrac - k - 1)) + 1) >>> 1;
      // m: the same fraction under the exponent of 1 (the low word of a float64 keeps its bits)
      let m: number;
      if (w === 32) {
        scratch.setUint32(0, (bias << 23) | (word & fracMask));
        m = scratch.getFloat32(0);
      } else {
        scratch.setUint32(0, (bias << 20) | (word & fracMask));
        m = scratch.getFloat64(0);
      }
      return { m, index, e: field - bias - adjust + (index >= 2 ** (k - 1) ? 1 : 0) };
    },
    lnSpecials: (x, y) => (Number.isNaN(x) || x < 0 ? NaN : x === 0 ? -Infinity : x === Infinity ? Infinity : y),
    sinEnds: (x, tiny, limit, y) => (Math.abs(x) < tiny ? x : Math.abs(x) <= limit ? y : NaN),
  };
}

const F64 = plainMachine(64);
const identity = (v: number): number => v;
const PLAIN: Record<32 | 64, Machines<number, number, number>> = {
  32: { main: plainMachine(32), wide: F64, widen: identity, narrow: Math.fround },
  64: { main: F64, wide: F64, widen: identity, narrow: identity },
};

/** op(x) in the emulator's float64 (w = 64) or float32 (w = 32, x a float32 value) arithmetic. */
export function transcendental(op: TranscendentalOp, w: 32 | 64, x: number): number {
  return runAlgorithm(op, PLAIN[w], x);
}
