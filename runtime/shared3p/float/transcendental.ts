/**
 * exp, ln, sin and erf as circuits: the algorithms of vm/transcendental.ts run on a
 * FloatMachine whose values are the 64 bits of a float64 and whose operations are
 * the exact IEEE circuits (add-mul.ts, compare.ts, convert.ts), so a circuit's output
 * equals the emulator's plain float64 run bit for bit (NaN payloads aside). The
 * machine's integer steps are bit manipulations: the rounded count is the low bits
 * of x + 1.5·2^(52+q); a table lookup by a secret index decodes the index to a
 * one-hot vector and XORs the one-hot bits where the public table's bit is set
 * (only the decoder has ANDs); ldexp multiplies by two powers of two built from the
 * exponent's bits. The NaN that ln and sin choose for their domain errors is JS's
 * NaN constant (0x7ff8…), as the plain machine's `NaN` stores. Float32 widens
 * exactly, runs the float64 steps with the float32 parameters and rounds once; fixed
 * point converts exactly to float64 and rounds back like the emulator's numberToFix.
 */
import { ZERO, type Bit, type Circuit } from "./circuit.js";
import { addBits, incrementBits, lessThan, subBits } from "./adder.js";
import { constBits, muxBits, resize, type Bits } from "./bitvec.js";
import { floatAdd, floatMul, floatSub } from "./add-mul.js";
import { floatMinMax } from "./compare.js";
import { floatToFloat, floatToInt, intToFloat } from "./convert.js";
import { FLOAT32, FLOAT64, infinity, pack, unpack } from "./format.js";
import { decode, normalize } from "./shifter.js";
import { runAlgorithm, type FloatMachine, type TranscendentalOp } from "../../../vm/transcendental.js";

const F = FLOAT64;

/** The float64 bit pattern of v as an integer. */
function patternOf(v: number): bigint {
  return new BigUint64Array(new Float64Array([v]).buffer)[0] as bigint;
}

/** The float64 bit pattern of v (LSB first). */
function bitsOf(v: number): Bits {
  return constBits(patternOf(v), 64);
}

/** The n-bit two's complement sign extension of a. */
function signExtend(a: Bits, n: number): Bits {
  const top = a[a.length - 1] as Bit;
  return Array.from({ length: n }, (_, i) => (i < a.length ? (a[i] as Bit) : top));
}

/** 2^k for a two's complement k with −1022 ≤ k ≤ 1023: exponent field k + bias, fraction 0. */
function pow2(c: Circuit, k: Bits): Bits {
  const field = addBits(c, signExtend(k, F.E), constBits(F.bias, F.E)).sum;
  return pack(F, ZERO, field, constBits(0, F.M));
}

/** The machine on circuit bits of float64 values and two's complement integers. */
export function circuitMachine(c: Circuit): FloatMachine<Bits, Bits> {
  return {
    add: (a, b) => floatAdd(c, F, a, b),
    sub: (a, b) => floatSub(c, F, a, b),
    mul: (a, b) => floatMul(c, F, a, b),
    min: (a, b) => floatMinMax(c, F, a, b, true),
    max: (a, b) => floatMinMax(c, F, a, b, false),
    constant: bitsOf,
    abs: (a) => [...a.slice(0, 63), ZERO],
    copySign: (y, x) => [...y.slice(0, 63), x[63] as Bit],
    roundToMultiple: (x, q, bits) => {
      const k = bitsOf(1.5 * 2 ** (52 + q));
      const t = floatAdd(c, F, x, k);
      return { value: floatSub(c, F, t, k), count: t.slice(0, bits) };
    },
    lookup: (n, table) => {
      const k = Math.log2(table.length);
      const hot = decode(c, n.slice(0, k), table.length);
      const words = new BigUint64Array(table.buffer, table.byteOffset, table.length);
      return Array.from({ length: 64 }, (_, b) => {
        let out: Bit = ZERO;
        words.forEach((w, j) => {
          if (((w >> BigInt(b)) & 1n) === 1n) out = c.xor(out, hot[j] as Bit);
        });
        return out;
      });
    },
    ldexp: (y, n, shift) => {
      const k = n.slice(shift);
      const k1 = [...k.slice(1), k[k.length - 1] as Bit];
      const k2 = subBits(c, k, k1).diff;
      return floatMul(c, F, floatMul(c, F, y, pow2(c, k1)), pow2(c, k2));
    },
    toFloat: (n) => intToFloat(c, F, n, true),
    decompose: (x, k) => {
      const u = unpack(c, F, x);
      const norm = normalize(c, u.sig);
      const m = pack(F, ZERO, constBits(F.bias, F.E), norm.value.slice(0, F.M));
      const w = F.E + 2;
      const unbiased = addBits(c, resize(u.ee, w), constBits(BigInt.asUintN(w, BigInt(-F.bias)), w)).sum;
      const e = subBits(c, unbiased, resize(norm.shift, w)).diff;
      // round((m − 1)·2^k) halves up: the top k + 1 fraction bits plus one, halved
      const up = incrementBits(c, norm.value.slice(F.M - k - 1, F.M), 1);
      const index = [...up.sum.slice(1), up.carry];
      const h = c.or(index[k - 1] as Bit, index[k] as Bit);
      return { m, index, e: incrementBits(c, e, h).sum };
    },
    lnSpecials: (x, y) => {
      const u = unpack(c, F, x);
      const nan = c.or(u.isNaN, c.and(u.sign, c.not(u.isZero)));
      const edge = muxBits(c, u.isZero, infinity(F, 1), muxBits(c, u.isInf, infinity(F, ZERO), y));
      return muxBits(c, nan, bitsOf(NaN), edge);
    },
    sinEnds: (x, tiny, limit, y) => {
      const mag = x.slice(0, 63);
      const below = (v: bigint): Bit => lessThan(c, mag, constBits(v, 63));
      return muxBits(c, below(patternOf(tiny)), x, muxBits(c, below(patternOf(limit) + 1n), y, bitsOf(NaN)));
    },
  };
}

/** op on a float of width w (bits of x): float32 widens, runs the float64 steps with float32 parameters and rounds once. */
export function transcendentalFloat(c: Circuit, op: TranscendentalOp, w: 32 | 64, x: Bits): Bits {
  const m = circuitMachine(c);
  if (w === 64) return runAlgorithm(op, m, 64, x);
  return floatToFloat(c, F, FLOAT32, runAlgorithm(op, m, 32, floatToFloat(c, FLOAT32, F, x)));
}

/** The emulator's fixed-point op: fixToNumber (exact to float64), the float64 algorithm, numberToFix (Math.round, NaN and ±∞ to 0). */
export function transcendentalFix(c: Circuit, op: TranscendentalOp, n: 32 | 64, frac: number, x: Bits): Bits {
  const y = runAlgorithm(op, circuitMachine(c), 64, intToFloat(c, F, x, true, frac));
  return floatToInt(c, F, y, n, frac, "round");
}
