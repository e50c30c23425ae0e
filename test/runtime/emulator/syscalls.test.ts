/**
 * Emulator syscall semantics against BigInt models for every width: ring
 * arithmetic, unsigned division (by zero -> 0), comparisons, min/max, bitwise xor
 * types, shifts, conversions, reductions, choose, bit_extract, shares, fixed point,
 * shuffles, gather/scatter, and the cost counts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import type { SyscallArg } from "../../../vm/backend.js";
import type { DataTypeName } from "../../../vm/isa.js";
import type { PrivateType, TypedVector } from "../../../vm/values.js";

const WIDTHS = [8, 16, 32, 64] as const;

function ptype(name: string, publicType: DataTypeName | null): PrivateType {
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

function big(v: TypedVector): bigint[] {
  return Array.from(v as ArrayLike<number | bigint>, (x) => BigInt(x));
}

const priv = (t: PrivateType, handle: TypedVector): SyscallArg => ({ tag: "private", type: t, handle, length: handle.length });
const pd: SyscallArg = { tag: "scalar", type: "uint64", value: 0n };

function call(b: EmulatorBackend, name: string, ...args: SyscallArg[]): unknown {
  return b.syscall(`shared3p::${name}`, [pd, ...args]);
}

function arbVec(bits: number, signed: boolean, n: number): fc.Arbitrary<bigint[]> {
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  return fc.array(fc.oneof(fc.bigInt(min, max), fc.constantFrom(min, max, 0n, 1n)), { minLength: n, maxLength: n });
}

describe("shared3p integer syscalls", () => {
  for (const bits of WIDTHS) {
    for (const signed of [false, true]) {
      const name = `${signed ? "int" : "uint"}${bits}`;
      const t = ptype(name, name as DataTypeName);
      const boolT = ptype("bool", "bool");
      const w = (x: bigint) => (signed ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x));
      const models: Record<string, (x: bigint, y: bigint) => bigint | boolean> = {
        add: (x, y) => w(x + y),
        sub: (x, y) => w(x - y),
        mul: (x, y) => w(x * y),
        eq: (x, y) => x === y,
        lt: (x, y) => x < y,
        lte: (x, y) => x <= y,
        gt: (x, y) => x > y,
        gte: (x, y) => x >= y,
        min: (x, y) => (x < y ? x : y),
        max: (x, y) => (x > y ? x : y),
        ...(signed
          ? {}
          : {
              div: (x: bigint, y: bigint) => (y === 0n ? 0n : x / y),
              mod: (x: bigint, y: bigint) => (y === 0n ? 0n : x % y),
            }),
      };
      it(`${name}: ${Object.keys(models).join(" ")} and mulc match BigInt models`, () => {
        fc.assert(
          fc.property(arbVec(bits, signed, 5), arbVec(bits, signed, 5), (xs, ys) => {
            const b = new EmulatorBackend();
            for (const [op, f] of Object.entries(models)) {
              const cmp = typeof f(0n, 0n) === "boolean";
              const out = cmp ? new Uint8Array(5) : vec(bits, signed, [0n, 0n, 0n, 0n, 0n]);
              call(b, `${op}_${name}_vec`, priv(t, vec(bits, signed, xs)), priv(t, vec(bits, signed, ys)), priv(cmp ? boolT : t, out));
              const want = xs.map((x, i) => f(x, ys[i]!));
              const got = cmp ? Array.from(out as Uint8Array, (v) => v === 1) : big(out);
              expect({ op, got }).toEqual({ op, got: want });
            }
            const out = vec(bits, signed, [0n, 0n, 0n, 0n, 0n]);
            const pub = vec(bits, signed, ys);
            call(b, `mulc_${name}_vec`, priv(t, vec(bits, signed, xs)), { tag: "cref", type: name as DataTypeName, data: pub, bytes: new Uint8Array(pub.buffer), scalar: false, value: undefined }, priv(t, out));
            expect(big(out)).toEqual(xs.map((x, i) => w(x * ys[i]!)));
          }),
          { numRuns: 40 },
        );
      });

      it(`${name}: sum, product, prefix sums, neg, conversions to every other width`, () => {
        fc.assert(
          fc.property(arbVec(bits, signed, 6), (xs) => {
            const b = new EmulatorBackend();
            const a = priv(t, vec(bits, signed, xs));
            const s = vec(bits, signed, [0n]);
            call(b, `sum_${name}_vec`, a, priv(t, s));
            expect(big(s)).toEqual([w(xs.reduce((p, x) => p + x, 0n))]);
            const s2 = vec(bits, signed, [0n, 0n]);
            call(b, `sum_${name}_vec`, a, priv(t, s2));
            expect(big(s2)).toEqual([w(xs[0]! + xs[1]! + xs[2]!), w(xs[3]! + xs[4]! + xs[5]!)]);
            const p = vec(bits, signed, [0n]);
            call(b, `product_${name}_vec`, a, priv(t, p));
            expect(big(p)).toEqual([w(xs.reduce((q, x) => q * x, 1n))]);
            const ps = vec(bits, signed, new Array(6).fill(0n));
            call(b, `prefix_sum_${name}_vec`, a, priv(t, ps));
            let acc = 0n;
            expect(big(ps)).toEqual(xs.map((x) => (acc = w(acc + x))));
            const inv = vec(bits, signed, new Array(6).fill(0n));
            call(b, `inv_prefix_sum_${name}_vec`, priv(t, ps), priv(t, inv));
            expect(big(inv)).toEqual(xs);
            const n = vec(bits, signed, new Array(6).fill(0n));
            call(b, `neg_${name}_vec`, a, priv(t, n));
            expect(big(n)).toEqual(xs.map((x) => w(-x)));
            for (const tb of WIDTHS) {
              for (const ts of [false, true]) {
                const to = `${ts ? "int" : "uint"}${tb}`;
                if (to === name) continue;
                const out = vec(tb, ts, new Array(6).fill(0n));
                call(b, `conv_${name}_to_${to}_vec`, a, priv(ptype(to, to as DataTypeName), out));
                expect({ to, v: big(out) }).toEqual({ to, v: xs.map((x) => (ts ? BigInt.asIntN(tb, x) : BigInt.asUintN(tb, x))) });
              }
            }
            const bo = new Uint8Array(6);
            call(b, `conv_${name}_to_bool_vec`, a, priv(boolT, bo));
            expect(Array.from(bo)).toEqual(xs.map((x) => (x !== 0n ? 1 : 0)));
          }),
          { numRuns: 25 },
        );
      });
    }

    it(`xor_uint${bits}: and or xor inv shifts rotate bit_extract reshare`, () => {
      const name = `xor_uint${bits}`;
      const t = ptype(name, `uint${bits}` as DataTypeName);
      const ut = ptype(`uint${bits}`, `uint${bits}` as DataTypeName);
      const w = (x: bigint) => BigInt.asUintN(bits, x);
      fc.assert(
        fc.property(arbVec(bits, false, 4), arbVec(bits, false, 4), fc.nat({ max: bits + 2 }), (xs, ys, k) => {
          const b = new EmulatorBackend();
          const a = priv(t, vec(bits, false, xs));
          const c = priv(t, vec(bits, false, ys));
          const models: Record<string, (x: bigint, y: bigint) => bigint> = { and: (x, y) => x & y, or: (x, y) => x | y, xor: (x, y) => x ^ y };
          for (const [op, f] of Object.entries(models)) {
            const out = vec(bits, false, [0n, 0n, 0n, 0n]);
            call(b, `${op}_${name}_vec`, a, c, priv(t, out));
            expect({ op, v: big(out) }).toEqual({ op, v: xs.map((x, i) => f(x, ys[i]!)) });
          }
          const inv = vec(bits, false, [0n, 0n, 0n, 0n]);
          call(b, `inv_${name}_vec`, a, priv(t, inv));
          expect(big(inv)).toEqual(xs.map((x) => w(~x)));
          const amount: SyscallArg = { tag: "scalar", type: `uint${bits}` as DataTypeName, value: bits === 64 ? BigInt(k) : k };
          const sl = vec(bits, false, [0n, 0n, 0n, 0n]);
          call(b, `shift_left_${name}_vec`, a, amount, priv(t, sl));
          expect(big(sl)).toEqual(xs.map((x) => (k >= bits ? 0n : w(x << BigInt(k)))));
          const rl = vec(bits, false, [0n, 0n, 0n, 0n]);
          call(b, `rotate_left_${name}_vec`, a, amount, priv(t, rl));
          const r = BigInt(k % bits);
          expect(big(rl)).toEqual(xs.map((x) => w((x << r) | (x >> ((BigInt(bits) - r) % BigInt(bits))))));
          const bitsOut = new Uint8Array(4 * bits);
          call(b, `bit_extract_${name}_vec`, a, priv(ptype("bool", "bool"), bitsOut));
          expect(Array.from(bitsOut)).toEqual(xs.flatMap((x) => Array.from({ length: bits }, (_, j) => Number((x >> BigInt(j)) & 1n))));
          const re = vec(bits, false, [0n, 0n, 0n, 0n]);
          call(b, `reshare_${name}_to_uint${bits}_vec`, a, priv(ut, re));
          expect(big(re)).toEqual(xs);
          const lt = new Uint8Array(4);
          call(b, `lt_${name}_vec`, a, c, priv(ptype("bool", "bool"), lt));
          expect(Array.from(lt)).toEqual(xs.map((x, i) => (x < ys[i]! ? 1 : 0)));
        }),
        { numRuns: 30 },
      );
    });
  }

  it("private unsigned division by zero gives 0 (reference emulator behaviour)", () => {
    const b = new EmulatorBackend();
    const t = ptype("uint32", "uint32");
    const out = new Uint32Array(1);
    call(b, "div_uint32_vec", priv(t, Uint32Array.of(6)), priv(t, Uint32Array.of(0)), priv(t, out));
    expect(out[0]).toBe(0);
  });

  it("bool: and, or, xor, not, sum counts into uint64, choose", () => {
    const b = new EmulatorBackend();
    const bt = ptype("bool", "bool");
    const x = Uint8Array.of(1, 1, 0, 0);
    const y = Uint8Array.of(1, 0, 1, 0);
    const out = new Uint8Array(4);
    call(b, "and_bool_vec", priv(bt, x), priv(bt, y), priv(bt, out));
    expect(Array.from(out)).toEqual([1, 0, 0, 0]);
    call(b, "xor_bool_vec", priv(bt, x), priv(bt, y), priv(bt, out));
    expect(Array.from(out)).toEqual([0, 1, 1, 0]);
    call(b, "not_bool_vec", priv(bt, x), priv(bt, out));
    expect(Array.from(out)).toEqual([0, 0, 1, 1]);
    const count = new BigUint64Array(1);
    call(b, "sum_bool_vec", priv(bt, x), priv(ptype("uint64", "uint64"), count));
    expect(count[0]).toBe(2n);
    const ft = ptype("float64", "float64");
    const sel = new Float64Array(4);
    call(b, "choose_float64_vec", priv(bt, x), priv(ft, Float64Array.of(1, 2, 3, 4)), priv(ft, Float64Array.of(-1, -2, -3, -4)), priv(ft, sel));
    expect(Array.from(sel)).toEqual([1, 2, -3, -4]);
  });
});

describe("fixed point and floats", () => {
  it("fix32 keeps 16 fractional bits; products are floored after the shift", () => {
    const b = new EmulatorBackend();
    const t = ptype("fix32", "float32");
    const x = b.classify(t, Float32Array.of(1.5, -2.25, 0.1)) as Uint32Array;
    expect(Array.from(x)).toEqual([1.5 * 65536, 2 ** 32 - 2.25 * 65536, Math.round(0.1 * 65536)]);
    const y = b.classify(t, Float32Array.of(2, 0.5, 3)) as Uint32Array;
    const out = new Uint32Array(3);
    call(b, "mul_fix32_vec", priv(t, x), priv(t, y), priv(t, out));
    const raw = (v: number) => BigInt.asIntN(32, BigInt(v));
    const expected = [0, 1, 2].map((i) => Number(BigInt.asUintN(32, (raw(x[i]!) * raw(y[i]!)) >> 16n)));
    expect(Array.from(out)).toEqual(expected);
    expect(Array.from(b.declassify(t, out, 3) as Float32Array)).toEqual([3, -1.125, Math.fround(Math.round(0.1 * 65536) * 3 / 65536)]);
  });

  it("fix64 keeps 32 fractional bits; conversions between fix and float", () => {
    const b = new EmulatorBackend();
    const t = ptype("fix64", "float64");
    const x = b.classify(t, Float64Array.of(-1.25)) as BigUint64Array;
    expect(x[0]).toBe(BigInt.asUintN(64, -5n * 2n ** 30n));
    const f = new Float64Array(1);
    call(b, "conv_fix64_to_float64_vec", priv(t, x), priv(ptype("float64", "float64"), f));
    expect(f[0]).toBe(-1.25);
  });

  it("float32 arithmetic rounds to float32; sqrt; division by zero is IEEE", () => {
    const b = new EmulatorBackend();
    const t = ptype("float32", "float32");
    const out = new Float32Array(2);
    call(b, "add_float32_vec", priv(t, Float32Array.of(0.1, 1)), priv(t, Float32Array.of(0.2, 0)), priv(t, out));
    expect(Array.from(out)).toEqual([Math.fround(Math.fround(0.1) + Math.fround(0.2)), 1]);
    call(b, "div_float32_vec", priv(t, Float32Array.of(1, 4)), priv(t, Float32Array.of(0, 2)), priv(t, out));
    expect(Array.from(out)).toEqual([Infinity, 2]);
    call(b, "sqrt_float32_vec", priv(t, Float32Array.of(2, 9)), priv(t, out));
    expect(Array.from(out)).toEqual([Math.fround(Math.SQRT2), 3]);
  });
});

describe("data movement", () => {
  it("get_shares / set_shares: the shares are the little-endian plain values", () => {
    const b = new EmulatorBackend();
    const t = ptype("uint16", "uint16");
    const a = priv(t, Uint16Array.of(0x0102, 0xa0b0));
    const buf = new Uint8Array(4);
    const n = call(b, "get_shares_uint16_vec", a, { tag: "ref", type: "uint8", data: buf, bytes: buf, scalar: false, value: undefined });
    expect(n).toBe(4n);
    expect(Array.from(buf)).toEqual([2, 1, 0xb0, 0xa0]);
    const count = call(b, "set_shares_uint16_vec", { tag: "cref", type: "uint8", data: buf, bytes: buf, scalar: false, value: undefined });
    expect(count).toBe(2n);
    const out = new Uint16Array(2);
    call(b, "set_shares_uint16_vec", priv(t, out), { tag: "cref", type: "uint8", data: buf, bytes: buf, scalar: false, value: undefined });
    expect(Array.from(out)).toEqual([0x0102, 0xa0b0]);
    expect(call(b, "get_type_size_uint16")).toBe(2n);
  });

  it("gather and scatter by public index lists", () => {
    const b = new EmulatorBackend();
    const t = ptype("int32", "int32");
    const idx = BigUint64Array.of(2n, 0n);
    const cref: SyscallArg = { tag: "cref", type: "uint64", data: idx, bytes: new Uint8Array(idx.buffer), scalar: false, value: undefined };
    const out = new Int32Array(2);
    call(b, "gather_int32_vec", priv(t, Int32Array.of(10, 20, 30)), priv(t, out), cref);
    expect(Array.from(out)).toEqual([30, 10]);
    const dst = new Int32Array(3);
    call(b, "scatter_int32_vec", priv(t, Int32Array.of(7, 8)), priv(t, dst), cref);
    expect(Array.from(dst)).toEqual([8, 0, 7]);
  });

  it("shuffles permute; a keyed shuffle is undone by the inverse with the same key", () => {
    const b = new EmulatorBackend();
    const t = ptype("uint32", "uint32");
    const kt = ptype("xor_uint8", "uint8");
    const data = Uint32Array.from({ length: 50 }, (_, i) => i);
    const v = data.slice();
    call(b, "vecshuf_uint32_vec", priv(t, v));
    expect(Array.from(v).sort((x, y) => x - y)).toEqual(Array.from(data));
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const k = data.slice();
    call(b, "vecshufkey_uint32_vec", priv(t, k), priv(kt, key));
    const k2 = data.slice();
    call(b, "vecshufkey_uint32_vec", priv(t, k2), priv(kt, key));
    expect(Array.from(k2)).toEqual(Array.from(k));
    expect(Array.from(k)).not.toEqual(Array.from(data));
    call(b, "vecshufinv_uint32_vec", priv(t, k), priv(kt, key));
    expect(Array.from(k)).toEqual(Array.from(data));
    const m = Uint32Array.from({ length: 12 }, (_, i) => i);
    call(b, "matshuf_uint32_vec", priv(t, m), { tag: "scalar", type: "uint64", value: 3n });
    const rows = [0, 1, 2, 3].map((r) => Array.from(m.subarray(r * 3, r * 3 + 3)));
    expect(rows.map((r) => r[0]).sort((x, y) => x! - y!)).toEqual([0, 3, 6, 9]);
    for (const r of rows) expect(r).toEqual([r[0], r[0]! + 1, r[0]! + 2]);
  });

  it("counts invocations and lanes and prices them through the cost lookup", () => {
    const seen: [string, number][] = [];
    const b = new EmulatorBackend({
      costs: (op, lanes) => {
        seen.push([op, lanes]);
        return op.startsWith("mul_") ? { rounds: 1, bytes: 8 * lanes } : undefined;
      },
    });
    const t = ptype("uint32", "uint32");
    const out = new Uint32Array(3);
    call(b, "mul_uint32_vec", priv(t, Uint32Array.of(1, 2, 3)), priv(t, Uint32Array.of(1, 2, 3)), priv(t, out));
    call(b, "mul_uint32_vec", priv(t, Uint32Array.of(1, 2, 3)), priv(t, Uint32Array.of(1, 2, 3)), priv(t, out));
    call(b, "add_uint32_vec", priv(t, Uint32Array.of(1, 2, 3)), priv(t, Uint32Array.of(1, 2, 3)), priv(t, out));
    expect(seen).toEqual([["mul_uint32_vec", 3], ["mul_uint32_vec", 3], ["add_uint32_vec", 3]]);
    expect(b.costs.byOperation.get("mul_uint32_vec")).toEqual({ invocations: 2, lanes: 6, rounds: 2, bytes: 48, priced: true });
    expect(b.costs.byOperation.get("add_uint32_vec")).toEqual({ invocations: 1, lanes: 3, rounds: 0, bytes: 0, priced: false });
    expect(b.costs.rows().map((r) => r.operation)).toEqual(["mul_uint32_vec", "add_uint32_vec"]);
    expect(b.costs.totals()).toEqual({ invocations: 3, lanes: 9, rounds: 2, bytes: 48, priced: false });
  });

  it("mat_mult (ring) and mat_multx (AND/XOR) of a 2x3 by a 3x2 matrix", () => {
    const b = new EmulatorBackend();
    const t = ptype("uint8", "uint8");
    const dims = [2, 3, 2].map((v): SyscallArg => ({ tag: "scalar", type: "uint64", value: BigInt(v) }));
    const a = Uint8Array.of(1, 2, 3, 4, 5, 6);
    const m = Uint8Array.of(7, 8, 9, 10, 11, 12);
    const out = new Uint8Array(4);
    call(b, "mat_mult_uint8_vec", priv(t, a), priv(t, m), priv(t, out), ...dims);
    expect(Array.from(out)).toEqual([58, 64, 139 & 255, 154 & 255]);
    const xt = ptype("xor_uint8", "uint8");
    call(b, "mat_multx_xor_uint8_vec", priv(xt, a), priv(xt, m), priv(xt, out), ...dims);
    expect(Array.from(out)).toEqual([(1 & 7) ^ (2 & 9) ^ (3 & 11), (1 & 8) ^ (2 & 10) ^ (3 & 12), (4 & 7) ^ (5 & 9) ^ (6 & 11), (4 & 8) ^ (5 & 10) ^ (6 & 12)]);
  });

  it("an unknown syscall is a clear error naming it", () => {
    const b = new EmulatorBackend();
    expect(() => b.syscall("shared3p::frobnicate_uint32_vec", [pd])).toThrow('unknown syscall "shared3p::frobnicate_uint32_vec"');
  });
});

describe("protocol cost table lookup", () => {
  it("prices mul_uint32_vec by mul<32> and declassify by open<w>; unknown operations stay unpriced", async () => {
    const { protocolCostLookup } = await import("../../../runtime/emulator/costs.js");
    const lookup = protocolCostLookup({
      "mul<32>": { rounds: 1, bytesPerLane: [8, 8, 8] },
      "open<64>": { rounds: 1, bytesPerLane: [16, 16, 16] },
    });
    expect(lookup("mul_uint32_vec", 10)).toEqual({ rounds: 1, bytes: 240 });
    expect(lookup("mul_xor_uint32_vec", 1)).toEqual({ rounds: 1, bytes: 24 });
    expect(lookup("declassify_int64", 2)).toEqual({ rounds: 1, bytes: 96 });
    expect(lookup("add_uint32_vec", 10)).toBeUndefined();
    expect(lookup("Process_argument", 0)).toBeUndefined();
  });

  it("prices float circuits by AND levels and ANDs, fixed-point products by fixmul; other float operations stay unpriced", async () => {
    const { protocolCostLookup } = await import("../../../runtime/emulator/costs.js");
    const lookup = protocolCostLookup(
      { "fixmul<32>": { rounds: 16, bytesPerLane: [20, 30, 40] }, "bits<32>": { rounds: 7, bytesPerLane: [1, 2, 3] }, "x2a<32>": { rounds: 2, bytesPerLane: [4, 4, 4] } },
      { mul_float32: { levels: 39, ands: 2662, before: [], after: [] }, exp_fix32: { levels: 690, ands: 100, before: ["bits<32>"], after: ["x2a<32>"] } },
    );
    // 2662 ANDs · 2 bits · 3 parties = 1996.5 bytes per lane
    expect(lookup("mul_float32_vec", 10)).toEqual({ rounds: 39, bytes: 19965 });
    // 7 + 690 + 2 rounds; (6 + 75 + 12) bytes per lane
    expect(lookup("exp_fix32_vec", 2)).toEqual({ rounds: 699, bytes: 186 });
    expect(lookup("mul_fix32_vec", 3)).toEqual({ rounds: 16, bytes: 270 });
    expect(lookup("sum_float32_vec", 3)).toBeUndefined();
    expect(lookup("add_float64_vec", 3)).toBeUndefined();
  });
});

describe("share records of the emulator", () => {
  it("decode to public values: xor as unsigned, fix scaled back to floats", async () => {
    const { sharesToPublic } = await import("../../../runtime/emulator/representation.js");
    expect(Array.from(sharesToPublic("xor_uint16", Uint8Array.of(1, 2, 0xff, 0xff)) as Uint16Array)).toEqual([0x0201, 0xffff]);
    const raw = new Uint32Array([BigInt.asUintN(32, -3n * 65536n / 2n)].map(Number)); // -1.5
    expect(Array.from(sharesToPublic("fix32", new Uint8Array(raw.buffer)) as Float32Array)).toEqual([-1.5]);
    expect(sharesToPublic("mystery", new Uint8Array(4))).toBeUndefined();
  });
});
