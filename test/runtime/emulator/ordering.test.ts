/**
 * Exact ordering in the emulator: vecmin/vecmax (whole vector and per chunk) and
 * the element-wise comparisons and min/max, for every integer width signed,
 * unsigned and xor, and for fixed point, on values that differ only in their low
 * bits near 2^63 / 2^64 (where a detour through a double would make them equal).
 * Expectations come from a BigInt model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import type { SyscallArg } from "../../../vm/backend.js";
import type { DataTypeName } from "../../../vm/isa.js";
import type { PrivateType, TypedVector } from "../../../vm/values.js";

const WIDTHS = [8, 16, 32, 64] as const;
type Kind = "int" | "uint" | "xor_uint";

function ptype(name: string, publicType: DataTypeName): PrivateType {
  return { kind: "shared3p", domain: "pd_shared3p", domainId: 0, name, publicType };
}

function vec(bits: number, signed: boolean, values: readonly bigint[]): TypedVector {
  const ctor = {
    8: signed ? Int8Array : Uint8Array,
    16: signed ? Int16Array : Uint16Array,
    32: signed ? Int32Array : Uint32Array,
    64: signed ? BigInt64Array : BigUint64Array,
  }[bits as 8 | 16 | 32 | 64];
  const v = new ctor(values.length);
  values.forEach((x, i) => (v[i] = (bits === 64 ? x : Number(x)) as never));
  return v;
}

const big = (v: TypedVector): bigint[] => Array.from(v as ArrayLike<number | bigint>, (x) => BigInt(x));
const priv = (t: PrivateType, handle: TypedVector): SyscallArg => ({ tag: "private", type: t, handle, length: handle.length });
const pd: SyscallArg = { tag: "scalar", type: "uint64", value: 0n };
const call = (b: EmulatorBackend, name: string, ...args: SyscallArg[]): unknown => b.syscall(`shared3p::${name}`, [pd, ...args]);

/** Values clustered at the ends of the range and around zero, differing in the low bits. */
function arbNear(bits: number, signed: boolean, n: number): fc.Arbitrary<bigint[]> {
  const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const edge = fc.oneof(fc.bigInt(lo, lo + 40n), fc.bigInt(hi - 40n, hi), fc.bigInt(-20n, 20n).map((x) => (signed ? x : BigInt.asUintN(bits, x))), fc.bigInt(lo, hi));
  return fc.array(edge, { minLength: n, maxLength: n });
}

const bmin = (xs: bigint[]): bigint => xs.reduce((a, x) => (x < a ? x : a));
const bmax = (xs: bigint[]): bigint => xs.reduce((a, x) => (x > a ? x : a));

describe("vecmin / vecmax are exact at every width", () => {
  for (const bits of WIDTHS) {
    for (const kind of ["int", "uint", "xor_uint"] as Kind[]) {
      const signed = kind === "int";
      const name = `${kind}${bits}`;
      const t = ptype(name, `${signed ? "int" : "uint"}${bits}` as DataTypeName);
      it(`${name}: whole vector and 3 chunks`, () => {
        fc.assert(
          fc.property(arbNear(bits, signed, 6), (xs) => {
            const b = new EmulatorBackend();
            const a = priv(t, vec(bits, signed, xs));
            for (const op of ["vecmin", "vecmax"] as const) {
              const f = op === "vecmin" ? bmin : bmax;
              const one = vec(bits, signed, [0n]);
              call(b, `${op}_${name}_vec`, a, priv(t, one));
              expect(big(one)).toEqual([f(xs)]);
              const three = vec(bits, signed, [0n, 0n, 0n]);
              call(b, `${op}_${name}_vec`, a, priv(t, three));
              expect(big(three)).toEqual([f(xs.slice(0, 2)), f(xs.slice(2, 4)), f(xs.slice(4, 6))]);
            }
          }),
          { numRuns: 40 },
        );
      });
    }
  }

  it("uint64: 2^64-1 and 2^64-2 are distinct, as are 2^63 and 2^63+1 (hand-computed)", () => {
    const b = new EmulatorBackend();
    const t = ptype("uint64", "uint64");
    const a = BigUint64Array.of(2n ** 64n - 2n, 2n ** 64n - 1n, 2n ** 63n + 1n, 2n ** 63n);
    const mx = new BigUint64Array(2);
    const mn = new BigUint64Array(2);
    call(b, "vecmax_uint64_vec", priv(t, a), priv(t, mx));
    call(b, "vecmin_uint64_vec", priv(t, a), priv(t, mn));
    expect(Array.from(mx)).toEqual([2n ** 64n - 1n, 2n ** 63n + 1n]);
    expect(Array.from(mn)).toEqual([2n ** 64n - 2n, 2n ** 63n]);
  });
});

describe("element-wise comparisons and min/max are exact", () => {
  for (const bits of WIDTHS) {
    for (const kind of ["int", "uint", "xor_uint"] as Kind[]) {
      const signed = kind === "int";
      const name = `${kind}${bits}`;
      const t = ptype(name, `${signed ? "int" : "uint"}${bits}` as DataTypeName);
      const boolT = ptype("bool", "bool");
      it(`${name}: lt lte gt gte eq min max`, () => {
        fc.assert(
          fc.property(arbNear(bits, signed, 5), arbNear(bits, signed, 5), (xs, ys) => {
            const b = new EmulatorBackend();
            const a = priv(t, vec(bits, signed, xs));
            const c = priv(t, vec(bits, signed, ys));
            const cmp: Record<string, (x: bigint, y: bigint) => boolean> = {
              lt: (x, y) => x < y,
              lte: (x, y) => x <= y,
              gt: (x, y) => x > y,
              gte: (x, y) => x >= y,
              eq: (x, y) => x === y,
            };
            for (const [op, f] of Object.entries(cmp)) {
              if (kind === "xor_uint" && op !== "eq") continue; // xor types offer eq only in shared3p
              const o = new Uint8Array(5);
              call(b, `${op}_${name}_vec`, a, c, priv(boolT, o));
              expect({ op, v: Array.from(o) }).toEqual({ op, v: xs.map((x, i) => (f(x, ys[i]!) ? 1 : 0)) });
            }
            if (kind === "xor_uint") return;
            for (const op of ["min", "max"] as const) {
              const o = vec(bits, signed, new Array(5).fill(0n));
              call(b, `${op}_${name}_vec`, a, c, priv(t, o));
              expect({ op, v: big(o) }).toEqual({ op, v: xs.map((x, i) => (op === "min" ? (x < ys[i]! ? x : ys[i]!) : x > ys[i]! ? x : ys[i]!)) });
            }
          }),
          { numRuns: 30 },
        );
      });
    }
  }
});

describe("fixed point ordering uses the signed raw value exactly", () => {
  const raw64 = (x: bigint) => BigInt.asUintN(64, x);
  it("fix64: values 2^-32 apart at magnitude 2^30 compare and reduce exactly", () => {
    const b = new EmulatorBackend();
    const t = ptype("fix64", "float64");
    const boolT = ptype("bool", "bool");
    // raw values: huge positives one ulp apart, huge negatives one ulp apart
    const xs = [2n ** 62n + 1n, 2n ** 62n, -(2n ** 62n), -(2n ** 62n) - 1n];
    const ys = [2n ** 62n, 2n ** 62n + 1n, -(2n ** 62n) - 1n, -(2n ** 62n)];
    const a = BigUint64Array.from(xs.map(raw64));
    const c = BigUint64Array.from(ys.map(raw64));
    const lt = new Uint8Array(4);
    call(b, "lt_fix64_vec", priv(t, a), priv(t, c), priv(boolT, lt));
    expect(Array.from(lt)).toEqual([0, 1, 0, 1]);
    const mx = new BigUint64Array(4);
    call(b, "max_fix64_vec", priv(t, a), priv(t, c), priv(t, mx));
    expect(Array.from(mx)).toEqual([xs[0]!, ys[1]!, xs[2]!, ys[3]!].map(raw64));
    const mn = new BigUint64Array(1);
    call(b, "vecmin_fix64_vec", priv(t, a), priv(t, mn));
    expect(mn[0]).toBe(raw64(-(2n ** 62n) - 1n));
    const mxv = new BigUint64Array(1);
    call(b, "vecmax_fix64_vec", priv(t, a), priv(t, mxv));
    expect(mxv[0]).toBe(raw64(2n ** 62n + 1n));
  });

  it("fix32: negative raw values order below positive ones", () => {
    const b = new EmulatorBackend();
    const t = ptype("fix32", "float32");
    const a = Uint32Array.of(0xffffffff, 0x7fffffff, 0x80000000, 1);
    const mn = new Uint32Array(1);
    const mx = new Uint32Array(1);
    call(b, "vecmin_fix32_vec", priv(t, a), priv(t, mn));
    call(b, "vecmax_fix32_vec", priv(t, a), priv(t, mx));
    expect([mn[0], mx[0]]).toEqual([0x80000000, 0x7fffffff]);
  });
});
