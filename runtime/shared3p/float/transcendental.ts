/**
 * exp, ln, sin and erf as circuits: the algorithms of vm/transcendental.ts run on
 * FloatMachines whose values are the bits of a float64 or float32 and whose
 * operations are the exact IEEE circuits (add-mul.ts, compare.ts, convert.ts), so a
 * circuit's output equals the emulator's plain run bit for bit (NaN payloads aside).
 * The machine's integer steps are bit manipulations: rounding to a multiple of 2^q
 * shifts the significand (round-multiple.ts) instead of adding and subtracting
 * 1.5·2^(M+q); a table lookup by a secret index decodes the index to a
 * one-hot vector and XORs the one-hot bits where the public table's bit is set (only
 * the decoder has ANDs); ldexp adds to the exponent of the (normal) value and rounds
 * once through the multiplier's tail (finishWide), subnormal results included. The
 * NaN that ln and sin choose for their domain errors is JS's NaN constant (0x7ff8…,
 * 0x7fc0…), as the plain machine's `NaN` stores. Float32 sin reduces in float64
 * between the exact conversion circuits; fixed point converts exactly to float64 and
 * rounds back like the emulator's numberToFix. Everything stays XOR-shared: the only
 * interaction is the circuits' ANDs.
 */
import { ZERO, type Bit, type Circuit } from "./circuit.js";
import { add3Bits, addBits, incrementBits, lessThan, subBits } from "./adder.js";
import { constBits, muxBits, resize, type Bits } from "./bitvec.js";
import { finishWide, floatAdd, floatMul, floatSub } from "./add-mul.js";
import { floatMinMax } from "./compare.js";
import { floatToFloat, floatToInt, intToFloat } from "./convert.js";
import { FLOAT32, FLOAT64, infinity, pack, unpack, type FloatFormat } from "./format.js";
import { roundToMultiple } from "./round-multiple.js";
import { decode, normalize } from "./shifter.js";
import { runAlgorithm, type FloatMachine, type Machines, type TranscendentalOp } from "../../../vm/transcendental.js";

/** The bit pattern of v in format f as an integer. */
function patternOf(f: FloatFormat, v: number): bigint {
  if (f.width === 32) return BigInt(new Uint32Array(new Float32Array([v]).buffer)[0] as number);
  return new BigUint64Array(new Float64Array([v]).buffer)[0] as bigint;
}

/** The n-bit two's complement sign extension of a. */
function signExtend(a: Bits, n: number): Bits {
  const top = a[a.length - 1] as Bit;
  return Array.from({ length: n }, (_, i) => (i < a.length ? (a[i] as Bit) : top));
}

/** The machine on circuit bits of values in format F and two's complement integers. */
export function circuitMachine(c: Circuit, F: FloatFormat): FloatMachine<Bits, Bits> {
  const top = F.width - 1;
  const bitsOf = (v: number): Bits => constBits(patternOf(F, v), F.width);
  return {
    width: F.width,
    add: (a, b) => floatAdd(c, F, a, b),
    sub: (a, b) => floatSub(c, F, a, b),
    mul: (a, b) => floatMul(c, F, a, b),
    min: (a, b) => floatMinMax(c, F, a, b, true),
    max: (a, b) => floatMinMax(c, F, a, b, false),
    constant: bitsOf,
    abs: (a) => [...a.slice(0, top), ZERO],
    copySign: (y, x) => [...y.slice(0, top), x[top] as Bit],
    roundToMultiple: (x, q, bits) => roundToMultiple(c, F, x, q, bits),
    lookup: (n, table) => {
      const k = Math.log2(table.length);
      const hot = decode(c, n.slice(0, k), table.length);
      const words = Array.from(table, (v) => patternOf(F, v));
      return Array.from({ length: F.width }, (_, b) => {
        let out: Bit = ZERO;
        words.forEach((w, j) => {
          if (((w >> BigInt(b)) & 1n) === 1n) out = c.xor(out, hot[j] as Bit);
        });
        return out;
      });
    },
    ldexp: (y, n, shift) => {
      // y is normal (or NaN): its significand with the exponent moved by k, rounded once (subnormal results included)
      const u = unpack(c, F, y);
      const w = F.E + 3;
      const tMinus1 = add3Bits(c, resize(u.ee, w), signExtend(n.slice(shift), w), constBits(BigInt.asUintN(w, -1n), w));
      return finishWide(c, F, u.sign, [ZERO, ...u.sig], tMinus1, ZERO, { when: u.isNaN, value: y });
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
      const mag = x.slice(0, top);
      const below = (v: bigint): Bit => lessThan(c, mag, constBits(v, top));
      return muxBits(c, below(patternOf(F, tiny)), x, muxBits(c, below(patternOf(F, limit) + 1n), y, bitsOf(NaN)));
    },
  };
}

/** The circuit machines of a result width (float32: the float64 machine beside it, with the exact conversion circuits). */
function machines(c: Circuit, w: 32 | 64): Machines<Bits, Bits, Bits> {
  const wide = circuitMachine(c, FLOAT64);
  if (w === 64) return { main: wide, wide, widen: (x) => x, narrow: (x) => x };
  return { main: circuitMachine(c, FLOAT32), wide, widen: (x) => floatToFloat(c, FLOAT32, FLOAT64, x), narrow: (x) => floatToFloat(c, FLOAT64, FLOAT32, x) };
}

/** op on a float of width w (bits of x). */
export function transcendentalFloat(c: Circuit, op: TranscendentalOp, w: 32 | 64, x: Bits): Bits {
  return runAlgorithm(op, machines(c, w), x);
}

/** The emulator's fixed-point op: fixToNumber (exact to float64), the float64 algorithm, numberToFix (Math.round, NaN and ±∞ to 0). */
export function transcendentalFix(c: Circuit, op: TranscendentalOp, n: 32 | 64, frac: number, x: Bits): Bits {
  const y = runAlgorithm(op, machines(c, 64), intToFloat(c, FLOAT64, x, true, frac));
  return floatToInt(c, FLOAT64, y, n, frac, "round");
}
