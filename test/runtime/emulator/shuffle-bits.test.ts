/**
 * The block-random shuffles and word-based bit_extract of the emulator: the
 * Fisher-Yates permutation against a hand-computed run with rejected words and a
 * block refill, a frequency check of the six permutations of 3, shuffles keeping
 * the multiset across many blocks, keyed shuffles undone by the inverse, and
 * bit_extract of every width (signed, unsigned, xor) against a BigInt model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import { permutation } from "../../../runtime/emulator/movement.js";
import type { SyscallArg } from "../../../vm/backend.js";
import type { DataTypeName } from "../../../vm/isa.js";
import type { PrivateType, TypedVector } from "../../../vm/values.js";

const ptype = (name: string, publicType: DataTypeName): PrivateType => ({ kind: "shared3p", domain: "pd_shared3p", domainId: 0, name, publicType });
const priv = (t: PrivateType, handle: TypedVector): SyscallArg => ({ tag: "private", type: t, handle, length: handle.length });
const pd: SyscallArg = { tag: "scalar", type: "uint64", value: 0n };
const call = (b: EmulatorBackend, name: string, ...args: SyscallArg[]): unknown => b.syscall(`shared3p::${name}`, [pd, ...args]);

describe("permutation from blocks of random words", () => {
  it("follows Fisher-Yates with rejection (hand-computed for n = 3)", () => {
    const requests: number[] = [];
    const blocks = [Uint32Array.of(0xffffffff, 4), Uint32Array.of(6, ...new Array(15).fill(0))];
    const p = permutation(3, (count) => {
      requests.push(count);
      return blocks.shift()!.subarray(0, count);
    });
    // i=2: bound 3, limit 4294967295 rejects 0xffffffff; 4 % 3 = 1, swap p[2], p[1] -> [0,2,1]
    // i=1: pool exhausted, refill of 16; 6 % 2 = 0, swap p[1], p[0] -> [2,0,1]
    expect(Array.from(p)).toEqual([2, 0, 1]);
    expect(requests).toEqual([2, 16]);
  });

  it("draws each permutation of 3 about equally often from the system generator", () => {
    const b = new EmulatorBackend();
    const t = ptype("uint8", "uint8");
    const counts = new Map<string, number>();
    for (let k = 0; k < 6000; k++) {
      const v = Uint8Array.of(0, 1, 2);
      call(b, "vecshuf_uint8_vec", priv(t, v));
      const s = Array.from(v).join("");
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(["012", "021", "102", "120", "201", "210"]);
    // expected 1000 each, standard deviation about 29: the bounds are 7 deviations away
    for (const c of counts.values()) expect(c > 800 && c < 1200).toBe(true);
  });

  it("shuffles of 5000 elements keep the multiset; keyed shuffles are deterministic and undone by the inverse", () => {
    const b = new EmulatorBackend();
    const t = ptype("uint64", "uint64");
    const kt = ptype("xor_uint8", "uint8");
    const orig = BigUint64Array.from({ length: 5000 }, (_, i) => BigInt(i) * 0x9e3779b97f4a7c15n & (2n ** 64n - 1n));
    const sorted = Array.from(orig).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const v = orig.slice();
    call(b, "vecshuf_uint64_vec", priv(t, v));
    expect(Array.from(v).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(sorted);
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const k1 = orig.slice();
    const k2 = orig.slice();
    call(b, "vecshufkey_uint64_vec", priv(t, k1), priv(kt, key));
    call(b, "vecshufkey_uint64_vec", priv(t, k2), priv(kt, key));
    expect(Array.from(k1)).toEqual(Array.from(k2));
    expect(Array.from(k1)).not.toEqual(Array.from(orig));
    call(b, "vecshufinv_uint64_vec", priv(t, k1), priv(kt, key));
    expect(Array.from(k1)).toEqual(Array.from(orig));
    const m = Uint32Array.from({ length: 3000 }, (_, i) => i);
    call(b, "matshufkey_uint32_vec", priv(ptype("uint32", "uint32"), m), { tag: "scalar", type: "uint64", value: 3n }, priv(kt, key));
    for (let r = 0; r < 1000; r++) expect([m[3 * r + 1]! - m[3 * r]!, m[3 * r + 2]! - m[3 * r]!, m[3 * r]! % 3]).toEqual([1, 2, 0]);
    call(b, "matshufinv_uint32_vec", priv(ptype("uint32", "uint32"), m), { tag: "scalar", type: "uint64", value: 3n }, priv(kt, key));
    expect(Array.from(m)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
  });
});

describe("bit_extract on words", () => {
  for (const bits of [8, 16, 32, 64] as const) {
    for (const kind of ["uint", "int", "xor_uint"] as const) {
      const name = `${kind}${bits}`;
      const signed = kind === "int";
      it(`${name}: bit j of element i at i * ${bits} + j`, () => {
        const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
        const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
        fc.assert(
          fc.property(fc.array(fc.oneof(fc.bigInt(lo, hi), fc.constantFrom(lo, hi, 0n, -1n & hi)), { minLength: 0, maxLength: 5 }), (xs) => {
            const ctor = { 8: signed ? Int8Array : Uint8Array, 16: signed ? Int16Array : Uint16Array, 32: signed ? Int32Array : Uint32Array, 64: signed ? BigInt64Array : BigUint64Array }[bits];
            const a = new ctor(xs.length);
            xs.forEach((x, i) => (a[i] = (bits === 64 ? x : Number(x)) as never));
            const o = new Uint8Array(xs.length * bits);
            call(new EmulatorBackend(), `bit_extract_${name}_vec`, priv(ptype(name, `${signed ? "int" : "uint"}${bits}` as DataTypeName), a), priv(ptype("bool", "bool"), o));
            const model = xs.flatMap((x) => Array.from({ length: bits }, (_, j) => Number((BigInt.asUintN(bits, x) >> BigInt(j)) & 1n)));
            expect(Array.from(o)).toEqual(model);
          }),
          { numRuns: 30 },
        );
      });
    }
  }

  it("a subarray of a 64-bit vector reads its own words (hand-computed)", () => {
    const base = BigUint64Array.of(0n, 0x8000000000000001n);
    const o = new Uint8Array(64);
    call(new EmulatorBackend(), "bit_extract_xor_uint64_vec", priv(ptype("xor_uint64", "uint64"), base.subarray(1)), priv(ptype("bool", "bool"), o));
    expect(o[0]).toBe(1);
    expect(o[63]).toBe(1);
    expect(o.reduce((s, x) => s + x, 0)).toBe(2);
  });
});
