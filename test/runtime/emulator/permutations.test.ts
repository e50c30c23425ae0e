/**
 * The emulator's public permutations: stable_sort_T_vec against a model (sort of
 * BigInt keys with ties by index) for every integer width signed, unsigned and xor,
 * descending order, fixed point by signed raw value, floats with NaNs, hand-computed cases, wrong
 * output sizes; gen_rand_pub_perm gives permutations, of every permutation of 3
 * about equally often.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import type { SyscallArg } from "../../../vm/backend.js";
import type { DataTypeName } from "../../../vm/isa.js";
import type { PrivateType, TypedVector } from "../../../vm/values.js";

const ptype = (name: string, publicType: DataTypeName): PrivateType => ({ kind: "shared3p", domain: "pd_shared3p", domainId: 0, name, publicType });
const priv = (t: PrivateType, handle: TypedVector): SyscallArg => ({ tag: "private", type: t, handle, length: handle.length });
const ref = (data: TypedVector, type: DataTypeName = "uint64"): SyscallArg => ({ tag: "ref", type, data, bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), scalar: false, value: undefined });
const pd: SyscallArg = { tag: "scalar", type: "uint64", value: 0n };
const call = (b: EmulatorBackend, name: string, ...args: SyscallArg[]): unknown => b.syscall(`shared3p::${name}`, [pd, ...args]);

function modelOrder(xs: readonly bigint[], ascending: boolean): bigint[] {
  const idx = xs.map((_, i) => i);
  idx.sort((i, j) => {
    const c = xs[i]! < xs[j]! ? -1 : xs[i]! > xs[j]! ? 1 : 0;
    return (ascending ? c : -c) || i - j;
  });
  return idx.map(BigInt);
}

describe("stable_sort_T_vec", () => {
  for (const bits of [8, 16, 32, 64] as const) {
    for (const kind of ["uint", "int", "xor_uint"] as const) {
      const signed = kind === "int";
      const name = `${kind}${bits}`;
      it(`${name}: stable ascending and descending permutations`, () => {
        const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
        const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
        fc.assert(
          fc.property(fc.array(fc.oneof(fc.bigInt(lo, hi), fc.constantFrom(lo, hi, lo + 1n, hi - 1n, 0n)), { maxLength: 9 }), (xs) => {
            const ctor = { 8: signed ? Int8Array : Uint8Array, 16: signed ? Int16Array : Uint16Array, 32: signed ? Int32Array : Uint32Array, 64: signed ? BigInt64Array : BigUint64Array }[bits];
            const a = new ctor(xs.length);
            xs.forEach((x, i) => (a[i] = (bits === 64 ? x : Number(x)) as never));
            const t = ptype(name, `${signed ? "int" : "uint"}${bits}` as DataTypeName);
            const b = new EmulatorBackend();
            const up = new BigUint64Array(xs.length);
            call(b, `stable_sort_${name}_vec`, priv(t, a), ref(up));
            expect(Array.from(up)).toEqual(modelOrder(xs, true));
            const down = new BigUint64Array(xs.length);
            call(b, `stable_sort_${name}_vec`, priv(t, a), ref(down), { tag: "scalar", type: "bool", value: false });
            expect(Array.from(down)).toEqual(modelOrder(xs, false));
          }),
          { numRuns: 30 },
        );
      });
    }
  }

  it("hand-computed: ties keep index order; fix64 orders by signed raw value; uint32 output works", () => {
    const b = new EmulatorBackend();
    const perm = new BigUint64Array(5);
    call(b, "stable_sort_uint64_vec", priv(ptype("uint64", "uint64"), BigUint64Array.of(2n ** 64n - 1n, 5n, 2n ** 64n - 2n, 5n, 0n)), ref(perm));
    expect(Array.from(perm)).toEqual([4n, 1n, 3n, 2n, 0n]);
    const p32 = new Uint32Array(3);
    const neg = BigInt.asUintN(64, -(2n ** 62n));
    call(b, "stable_sort_fix64_vec", priv(ptype("fix64", "float64"), BigUint64Array.of(2n ** 62n + 1n, neg, 2n ** 62n)), ref(p32, "uint32"));
    expect(Array.from(p32)).toEqual([1, 2, 0]);
  });

  it("hand-computed: floats in numeric order, −0 equal to +0, every NaN last ascending and first descending, ties by index", () => {
    const b = new EmulatorBackend();
    const xs = Float64Array.of(NaN, 2, -0, -Infinity, NaN, 0, 1.5);
    const up = new BigUint64Array(7);
    call(b, "stable_sort_float64_vec", priv(ptype("float64", "float64"), xs), ref(up));
    expect(Array.from(up)).toEqual([3n, 2n, 5n, 6n, 1n, 0n, 4n]);
    const down = new BigUint64Array(7);
    call(b, "stable_sort_float64_vec", priv(ptype("float64", "float64"), xs), ref(down), { tag: "scalar", type: "bool", value: false });
    expect(Array.from(down)).toEqual([0n, 4n, 1n, 6n, 2n, 5n, 3n]);
  });

  it("a permutation vector of the wrong size is a clear error", () => {
    const b = new EmulatorBackend();
    expect(() => call(b, "stable_sort_uint8_vec", priv(ptype("uint8", "uint8"), Uint8Array.of(1, 2)), ref(new BigUint64Array(3)))).toThrow(
      "syscall shared3p::stable_sort_uint8_vec: the permutation vector must have 2 elements, it has 3",
    );
    expect(b.supports("shared3p::stable_sort_xor_uint32_vec")).toBe(true);
  });
});

describe("gen_rand_pub_perm", () => {
  it("fills the vector with a permutation of 0..n-1", () => {
    const b = new EmulatorBackend();
    expect(b.supports("shared3p::gen_rand_pub_perm")).toBe(true);
    const p = new BigUint64Array(1000);
    call(b, "gen_rand_pub_perm", ref(p));
    expect(Array.from(p).sort((x, y) => (x < y ? -1 : 1))).toEqual(Array.from({ length: 1000 }, (_, i) => BigInt(i)));
  });

  it("draws each permutation of 3 about equally often", () => {
    const b = new EmulatorBackend();
    const counts = new Map<string, number>();
    for (let k = 0; k < 6000; k++) {
      const p = new Uint32Array(3);
      call(b, "gen_rand_pub_perm", ref(p, "uint32"));
      const s = Array.from(p).join("");
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(["012", "021", "102", "120", "201", "210"]);
    for (const c of counts.values()) expect(c > 800 && c < 1200).toBe(true);
  });

  it("a missing or non-integer permutation vector is a clear error", () => {
    const b = new EmulatorBackend();
    expect(() => call(b, "gen_rand_pub_perm", ref(new Float64Array(3), "float64"))).toThrow("syscall shared3p::gen_rand_pub_perm: needs a __ref public integer vector for the permutation");
  });
});
