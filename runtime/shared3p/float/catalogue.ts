/**
 * The float circuits the syscall handlers run, by name: each function returns the
 * compiled (cached) circuit for a format and for which operands are public. Public
 * operands enter as public inputs, so their gates are local (a product by a public
 * value computes its partial products without communication).
 */
import { floatAdd, floatMul, floatSub } from "./add-mul.js";
import { constBits, muxBits } from "./bitvec.js";
import { lessThan } from "./adder.js";
import { compareFloats, floatMinMax, scanStep } from "./compare.js";
import { boolToFloat, floatToBool, floatToFloat, floatToInt, intToFloat, type Rounding } from "./convert.js";
import { formatOf, unpack, type FloatFormat } from "./format.js";
import { floorCeil } from "./integral.js";
import { floatDiv } from "./divide.js";
import { floatSqrt } from "./sqrt.js";
import { compile, type CompiledCircuit, type VectorWidth } from "./run.js";
import { transcendentalFix, transcendentalFloat } from "./transcendental.js";
import type { TranscendentalOp } from "../../../vm/transcendental.js";

export type ArithOp = "add" | "sub" | "mul" | "div";
export type CompareOp = "eq" | "lt" | "gt" | "lte" | "gte";

const fmt = (w: 32 | 64): FloatFormat => formatOf(w);
const specs = (w: VectorWidth, pubs: readonly boolean[]) => pubs.map((isPublic) => ({ width: w, isPublic }));

/** a op b → float. */
export function arithCircuit(op: ArithOp, w: 32 | 64, pubA: boolean, pubB: boolean): CompiledCircuit {
  const f = fmt(w);
  const build = op === "add" ? floatAdd : op === "sub" ? floatSub : op === "mul" ? floatMul : floatDiv;
  return compile(`${op}${w}`, specs(w, [pubA, pubB]), (c, [a, b]) => [build(c, f, a!, b!)]);
}

/** a op b → bool. */
export function compareCircuit(op: CompareOp, w: 32 | 64, pubA: boolean, pubB: boolean): CompiledCircuit {
  const f = fmt(w);
  return compile(`cmp-${op}${w}`, specs(w, [pubA, pubB]), (c, [a, b]) => {
    const o = compareFloats(c, f, a!, b!);
    switch (op) {
      case "eq":
        return [[o.eq]];
      case "lt":
        return [[o.lt]];
      case "gt":
        return [[o.gt]];
      case "lte":
        return [[c.or(o.lt, o.eq)]];
      case "gte":
        return [[c.or(o.gt, o.eq)]];
    }
  });
}

/** Math.min / Math.max. */
export function minMaxCircuit(min: boolean, w: 32 | 64, pubA: boolean, pubB: boolean): CompiledCircuit {
  const f = fmt(w);
  return compile(`${min ? "min" : "max"}${w}`, specs(w, [pubA, pubB]), (c, [a, b]) => [floatMinMax(c, f, a!, b!, min)]);
}

/** One vecmin/vecmax tournament step (earlier, later). */
export function scanCircuit(min: boolean, w: 32 | 64): CompiledCircuit {
  const f = fmt(w);
  return compile(`scan-${min ? "min" : "max"}${w}`, specs(w, [false, false]), (c, [a, b]) => [scanStep(c, f, a!, b!, min)]);
}

/** first is NaN ? first : rest (the vecmin/vecmax answer when the scan starts at a NaN). */
export function firstNaNCircuit(w: 32 | 64): CompiledCircuit {
  const f = fmt(w);
  return compile(`first-nan${w}`, specs(w, [false, false]), (c, [first, rest]) => [muxBits(c, unpack(c, f, first!).isNaN, first!, rest!)]);
}

/** |x| < eps for a public eps: magnitude bits below the smallest float of the format that is ≥ eps. */
export function negligibleCircuit(w: 32 | 64, eps: number): CompiledCircuit {
  const f = fmt(w);
  const bound = smallestAtLeast(w, eps);
  return compile(`negligible${w}-${bound}`, specs(w, [false]), (c, [x]) => {
    const mag = x!.slice(0, f.M + f.E);
    return [[lessThan(c, mag, constBits(bound, f.M + f.E))]];
  });
}

/** The bit pattern of the smallest non-negative float of width w that is ≥ v. */
function smallestAtLeast(w: 32 | 64, v: number): bigint {
  if (w === 64) return new BigUint64Array(new Float64Array([v]).buffer)[0] as bigint;
  const f = new Float32Array([v]);
  const u = new Uint32Array(f.buffer);
  if ((f[0] as number) < v) u[0] = (u[0] as number) + 1;
  return BigInt(u[0] as number);
}

/** 1 / x. */
export function inverseCircuit(w: 32 | 64): CompiledCircuit {
  const f = fmt(w);
  return compile(`inv${w}`, specs(w, [false]), (c, [x]) => [floatDiv(c, f, constBits(w === 32 ? 0x3f800000n : 0x3ff0000000000000n, w), x!)]);
}

/** Math.sqrt. */
export function sqrtCircuit(w: 32 | 64): CompiledCircuit {
  return compile(`sqrt${w}`, specs(w, [false]), (c, [x]) => [floatSqrt(c, fmt(w), x!)]);
}

/** Math.floor or Math.ceil. */
export function integralCircuit(ceil: boolean, w: 32 | 64): CompiledCircuit {
  return compile(`${ceil ? "ceil" : "floor"}${w}`, specs(w, [false]), (c, [x]) => [floorCeil(c, fmt(w), x!, ceil)]);
}

/** Float of width `from` to float of width `to`. */
export function floatToFloatCircuit(from: 32 | 64, to: 32 | 64): CompiledCircuit {
  return compile(`f${from}-to-f${to}`, specs(from, [false]), (c, [x]) => [floatToFloat(c, fmt(from), fmt(to), x!)]);
}

/**
 * An n-bit integer (XOR-shared word) to float: signed or not, divided by 2^scale;
 * `via64` rounds to float64 first (the emulator's fix64 → float32 double rounding).
 */
export function intToFloatCircuit(n: 8 | 16 | 32 | 64, signed: boolean, scale: number, to: 32 | 64, via64: boolean): CompiledCircuit {
  return compile(`i${n}${signed ? "s" : "u"}/${scale}-to-f${to}${via64 ? "-via64" : ""}`, specs(n, [false]), (c, [x]) => {
    if (!via64) return [intToFloat(c, fmt(to), x!, signed, scale)];
    return [floatToFloat(c, fmt(64), fmt(to), intToFloat(c, fmt(64), x!, signed, scale))];
  });
}

/** Float to an n-bit integer word (truncated or rounded, times 2^scale, mod 2^n). */
export function floatToIntCircuit(from: 32 | 64, n: 8 | 16 | 32 | 64, scale: number, rounding: Rounding): CompiledCircuit {
  return compile(`f${from}-to-i${n}/${scale}-${rounding}`, specs(from, [false]), (c, [x]) => [floatToInt(c, fmt(from), x!, n, scale, rounding)]);
}

/** Float to bool (x ≠ 0). */
export function floatToBoolCircuit(from: 32 | 64): CompiledCircuit {
  return compile(`f${from}-to-bool`, specs(from, [false]), (c, [x]) => [[floatToBool(c, fmt(from), x!)]]);
}

/** Bool to float (1.0 or +0); local. */
export function boolToFloatCircuit(to: 32 | 64): CompiledCircuit {
  return compile(`bool-to-f${to}`, specs(1, [false]), (c, [b]) => [boolToFloat(c, fmt(to), b![0]!)]);
}

/**
 * The emulator's fixed-point inv / sqrt (fixToNumber, then 1/x or Math.sqrt in
 * float64, then numberToFix) on the XOR words of an n-bit fixed-point value with
 * `frac` fractional bits: exact conversion to float64, the IEEE operation, Math.round
 * back to the scaled integer modulo 2^n (NaN and infinities give 0), in one circuit.
 */
export function fixMathCircuit(op: "inv" | "sqrt", n: 32 | 64, frac: number): CompiledCircuit {
  const f = fmt(64);
  return compile(`fix-${op}${n}/${frac}`, specs(n, [false]), (c, [x]) => {
    const v = intToFloat(c, f, x!, true, frac);
    const r = op === "sqrt" ? floatSqrt(c, f, v) : floatDiv(c, f, constBits(0x3ff0000000000000n, 64), v);
    return [floatToInt(c, f, r, n, frac, "round")];
  });
}

/** exp, ln, sin or erf of a private float (the algorithms of vm/transcendental.ts as one circuit). */
export function transcendentalCircuit(op: TranscendentalOp, w: 32 | 64): CompiledCircuit {
  return compile(`${op}${w}`, specs(w, [false]), (c, [x]) => [transcendentalFloat(c, op, w, x!)]);
}

/** The emulator's fixed-point exp or ln (through float64) on the XOR words of an n-bit value with `frac` fractional bits. */
export function fixTranscendentalCircuit(op: TranscendentalOp, n: 32 | 64, frac: number): CompiledCircuit {
  return compile(`fix-${op}${n}/${frac}`, specs(n, [false]), (c, [x]) => [transcendentalFix(c, op, n, frac, x!)]);
}
