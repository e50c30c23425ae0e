/**
 * The shared3p backend at three parties in one process (in-memory transport),
 * against plain BigInt models: local arithmetic, protocol-backed multiplication,
 * declassify, data movement on words and bit-sliced bools, share import/export, and
 * the "not available yet" errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shareBytes, shareTypeOf } from "../../../runtime/shared3p/share-types.js";
import { syscallStatus } from "../../../runtime/shared3p/syscalls.js";
import type { SyscallArg } from "../../../vm/backend.js";
import { makeBackends, mod, open, outputOf, priv, ptype, share, syscallAll, widthOf, type Party, type Shared } from "./support.js";

const backends = makeBackends();
const WORD_TYPES = ["uint8", "uint16", "uint32", "uint64", "int8", "int32", "int64"] as const;

function wordsArb(type: string, minLength = 0, maxLength = 40): fc.Arbitrary<bigint[]> {
  const n = BigInt(widthOf(type));
  const edge = fc.constantFrom(0n, 1n, (1n << (n - 1n)) - 1n, 1n << (n - 1n), (1n << n) - 1n);
  return fc.array(fc.oneof(edge, fc.bigInt({ min: 0n, max: (1n << n) - 1n })), { minLength, maxLength });
}

/** Two vectors of one length. */
function pairArb(type: string): fc.Arbitrary<[bigint[], bigint[]]> {
  return fc.integer({ min: 0, max: 40 }).chain((l) => fc.tuple(wordsArb(type, l, l), wordsArb(type, l, l)));
}

async function binary(name: string, type: string, a: Shared, b: Shared): Promise<bigint[]> {
  const out = outputOf(backends, type, a.lanes);
  await syscallAll(backends, `shared3p::${name}_${type}_vec`, (p) => [priv(a, p), priv(b, p), priv(out, p)]);
  return open(out) as bigint[];
}

describe("shared3p backend: additive arithmetic against BigInt", () => {
  for (const type of WORD_TYPES) {
    const n = widthOf(type);
    it(`add, sub, mul of ${type}`, async () => {
      await fc.assert(
        fc.asyncProperty(pairArb(type), async ([x, y]) => {
          const a = share(type, x);
          const b = share(type, y);
          expect(await binary("add", type, a, b)).toEqual(x.map((v, i) => mod(n, v + y[i]!)));
          expect(await binary("sub", type, a, b)).toEqual(x.map((v, i) => mod(n, v - y[i]!)));
          expect(await binary("mul", type, a, b)).toEqual(x.map((v, i) => mod(n, v * y[i]!)));
        }),
        { numRuns: 15 },
      );
    });
  }

  it("squares when both operands are the same vector", async () => {
    const x = [3n, 0n, 65535n, 2n ** 32n - 1n];
    const a = share("uint32", x);
    expect(await binary("mul", "uint32", a, a)).toEqual(x.map((v) => mod(32, v * v)));
    expect(backends[0].runner.stats.get("square<32>")?.calls).toBeGreaterThan(0);
  });

  it("neg, mulc by a public vector and by a pushed scalar, sums in chunks", async () => {
    const x = [5n, 2n ** 63n, 0n, 1n, 7n, 2n ** 64n - 1n];
    const a = share("uint64", x);
    const neg = outputOf(backends, "uint64", 6);
    await syscallAll(backends, "shared3p::neg_uint64_vec", (p) => [priv(a, p), priv(neg, p)]);
    expect(open(neg)).toEqual(x.map((v) => mod(64, -v)));

    const c = BigUint64Array.from([3n, 5n, 7n, 11n, 13n, 2n]);
    const cref: SyscallArg = { tag: "cref", type: "uint64", data: c, bytes: new Uint8Array(c.buffer), scalar: false, value: undefined };
    const prod = outputOf(backends, "uint64", 6);
    await syscallAll(backends, "shared3p::mulc_uint64_vec", (p) => [priv(a, p), cref, priv(prod, p)]);
    expect(open(prod)).toEqual(x.map((v, i) => mod(64, v * c[i]!)));

    const b = share("int16", [1n, 2n, 3n]);
    const scaled = outputOf(backends, "int16", 3);
    await syscallAll(backends, "shared3p::mulc_int16_vec", (p) => [priv(b, p), { tag: "scalar", type: "int16", value: -2 }, priv(scaled, p)]);
    expect(open(scaled)).toEqual([-2n, -4n, -6n].map((v) => mod(16, v)));

    const sums = outputOf(backends, "uint64", 2);
    await syscallAll(backends, "shared3p::sum_uint64_vec", (p) => [priv(a, p), priv(sums, p)]);
    expect(open(sums)).toEqual([mod(64, x[0]! + x[1]! + x[2]!), mod(64, x[3]! + x[4]! + x[5]!)]);
  });

  it("adds a public operand shared as a constant", async () => {
    const a = share("uint8", [250n, 1n]);
    const c = Uint8Array.of(10, 20);
    const out = outputOf(backends, "uint8", 2);
    const cref: SyscallArg = { tag: "cref", type: "uint8", data: c, bytes: c, scalar: false, value: undefined };
    await syscallAll(backends, "shared3p::add_uint8_vec", (p) => [priv(a, p), cref, priv(out, p)]);
    expect(open(out)).toEqual([4n, 21n]);
  });
});

describe("shared3p backend: classify, declassify and data movement", () => {
  it("declassifies what was classified, for signed and unsigned widths", async () => {
    const data = Int32Array.of(-1, 0, 2147483647, -2147483648);
    const h = backends.map((b) => b.classify(ptype("int32"), data));
    const outs = await Promise.all(backends.map((b, p) => b.declassify(ptype("int32"), h[p], 4)));
    for (const o of outs) expect(Array.from(o as Int32Array)).toEqual([-1, 0, 2147483647, -2147483648]);
    expect(outs[0]).toBeInstanceOf(Int32Array);
  });

  it("declassifies uint64 shares split by a client", async () => {
    const x = [0n, 1n, 2n ** 64n - 1n, 12345678901234567n];
    const a = share("uint64", x);
    const outs = await Promise.all(backends.map((b, p) => b.declassify(ptype("uint64"), a.shares[p], 4)));
    for (const o of outs) expect(Array.from(o as BigUint64Array)).toEqual(x);
  });

  it("alloc fills with a public scalar (party 0 holds it)", () => {
    const shares = backends.map((b) => b.alloc(ptype("uint16"), 3, 7));
    expect(open({ type: "uint16", lanes: 3, shares: shares as Shared["shares"] })).toEqual([7n, 7n, 7n]);
    const bits = backends.map((b) => b.alloc(ptype("bool"), 40, true));
    expect(open({ type: "bool", lanes: 40, shares: bits as Shared["shares"] })).toEqual(new Array(40).fill(true));
  });

  it("gather, scatter, concat and copy on words and bit-sliced bools", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 80 }), fc.array(fc.boolean(), { maxLength: 80 }), fc.array(fc.nat(), { maxLength: 50 }), (xs, ys, idx) => {
        for (const type of ["bool", "uint32", "uint64"]) {
          const conv = (v: boolean[]): (bigint | boolean)[] => (type === "bool" ? v : v.map((b, i) => (b ? BigInt(i) * 977n + 1n : 3n)));
          const x = conv(xs);
          const y = conv(ys);
          const a = share(type, x);
          const b = share(type, y);
          const indices = Uint32Array.from(idx.map((i) => i % xs.length));
          const t = ptype(type);
          const g = backends.map((be, p) => be.gather(t, a.shares[p], indices));
          expect(open({ type, lanes: indices.length, shares: g as Shared["shares"] })).toEqual(Array.from(indices, (i) => x[i]));
          const cat = backends.map((be, p) => be.concat(t, a.shares[p], a.lanes, b.shares[p], b.lanes));
          expect(open({ type, lanes: x.length + y.length, shares: cat as Shared["shares"] })).toEqual([...x, ...y]);
          const copies = backends.map((be, p) => be.copy(t, a.shares[p], a.lanes));
          const src = share(type, Array.from(indices, (_, k) => x[(k * 7) % x.length]!));
          backends.forEach((be, p) => be.scatter(t, copies[p], indices, src.shares[p]));
          const expected = [...x];
          indices.forEach((i, k) => (expected[i] = x[(k * 7) % x.length]!));
          expect(open({ type, lanes: x.length, shares: copies as Shared["shares"] })).toEqual(expected);
          expect(open(a)).toEqual(x);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("xor and not on bools and xor_uint32 are local and correct", async () => {
    const xs = Array.from({ length: 70 }, (_, i) => i % 3 === 0);
    const ys = Array.from({ length: 70 }, (_, i) => i % 5 === 0);
    const a = share("bool", xs);
    const b = share("bool", ys);
    const x = outputOf(backends, "bool", 70);
    await syscallAll(backends, "shared3p::xor_bool_vec", (p) => [priv(a, p), priv(b, p), priv(x, p)]);
    expect(open(x)).toEqual(xs.map((v, i) => v !== ys[i]));
    const n = outputOf(backends, "bool", 70);
    await syscallAll(backends, "shared3p::not_bool_vec", (p) => [priv(a, p), priv(n, p)]);
    expect(open(n)).toEqual(xs.map((v) => !v));
    const w = share("xor_uint32", [0xdeadbeefn, 0n]);
    const nw = outputOf(backends, "xor_uint32", 2);
    await syscallAll(backends, "shared3p::not_xor_uint32_vec", (p) => [priv(w, p), priv(nw, p)]);
    expect(open(nw)).toEqual([0x21524110n, 0xffffffffn]);
    // inv on xor_uintN is the same bitwise complement
    const b8 = share("xor_uint8", [0x0fn, 0xa5n, 0n]);
    const nb8 = outputOf(backends, "xor_uint8", 3);
    await syscallAll(backends, "shared3p::inv_xor_uint8_vec", (p) => [priv(b8, p), priv(nb8, p)]);
    expect(open(nb8)).toEqual([0xf0n, 0x5an, 0xffn]);
  });

  it("down-casts and same-width reinterpretations are local", async () => {
    const a = share("uint32", [0x12345678n, 0xffffffffn]);
    const out8 = outputOf(backends, "uint8", 2);
    await syscallAll(backends, "shared3p::conv_uint32_to_uint8_vec", (p) => [priv(a, p), priv(out8, p)]);
    expect(open(out8)).toEqual([0x78n, 0xffn]);
    const asInt = outputOf(backends, "int32", 2);
    await syscallAll(backends, "shared3p::conv_uint32_to_int32_vec", (p) => [priv(a, p), priv(asInt, p)]);
    expect(open(asInt)).toEqual([0x12345678n, 0xffffffffn]);
  });
});

describe("shared3p backend: client shares in and out", () => {
  it("get_shares exports re-randomised shares and set_shares imports them", async () => {
    for (const type of ["uint32", "int64", "bool", "xor_uint16"]) {
      const values = type === "bool" ? [true, false, true, true, false] : [1n, 2n ** BigInt(widthOf(type)) - 1n, 77n, 0n, 5n];
      const src = share(type, values);
      const size = type === "bool" ? 1 : widthOf(type) / 8;
      const out = outputOf(backends, type, 5);
      const pdArg: SyscallArg = { tag: "scalar", type: "uint64", value: 0n };
      const exported = await Promise.all(
        backends.map(async (b, p) => {
          const n = Number(await b.syscall(`shared3p::get_shares_${type}_vec`, [pdArg, priv(src, p as Party)]));
          const buf = new Uint8Array(n);
          await b.syscall(`shared3p::get_shares_${type}_vec`, [pdArg, priv(src, p as Party), { tag: "ref", type: "uint8", data: buf, bytes: buf, scalar: false, value: undefined }]);
          return buf;
        }),
      );
      for (const bytes of exported) expect(bytes.length).toBe(5 * size);
      // fresh shares: not the ones the parties hold
      const held = src.shares.map((v) => Buffer.from(shareBytes(shareTypeOf(type)!, v, 5)));
      expect(exported.some((bytes, p) => !held[p]!.equals(Buffer.from(bytes)))).toBe(true);
      const results = await syscallAll(backends, `shared3p::set_shares_${type}_vec`, (p) => [
        priv(out, p),
        { tag: "cref", type: "uint8", data: exported[p]!, bytes: exported[p]!, scalar: false, value: undefined },
      ]);
      expect(results).toEqual([5n, 5n, 5n]);
      expect(open(out)).toEqual(values);
    }
  });

  it("set_shares rejects a share of the wrong size, naming the syscall", () => {
    const out = outputOf(backends, "uint32", 2);
    const bytes = new Uint8Array(12);
    expect(() =>
      backends[1].syscall("shared3p::set_shares_uint32_vec", [{ tag: "scalar", type: "uint64", value: 0n }, priv(out, 1), { tag: "cref", type: "uint8", data: bytes, bytes, scalar: false, value: undefined }]),
    ).toThrow("syscall shared3p::set_shares_uint32_vec: the argument holds 3 uint32 shares where 2 are expected");
  });
});

describe("shared3p backend: operations without protocols", () => {
  it("names the syscall and the reason", () => {
    expect(syscallStatus("shared3p::mul_uint32_vec")).toBeNull();
    expect(syscallStatus("shared3p::sqrt_uint32_vec")).toBe("the operation sqrt has no protocol yet");
    expect(syscallStatus("shared3p::add_fix128_vec")).toBe("unknown operation");
    expect(() => backends[0].syscall("shared3p::sqrt_uint32_vec", [])).toThrow(
      "not available in the three-party runtime yet: shared3p::sqrt_uint32_vec (the operation sqrt has no protocol yet)",
    );
    expect(() => backends[0].alloc({ ...ptype("money"), publicType: "uint64" }, 1, null)).toThrow(
      "not available in the three-party runtime yet: private money values (domain pd_shared3p)",
    );
  });
});

describe("shared3p backend: XOR-shared operations through generated protocols", () => {
  const bits = (n: number, seed: number): boolean[] => Array.from({ length: n }, (_, i) => ((i * 7 + seed) * 2654435761) % 11 < 5);

  it("and, or, choose on bools and xor_uint32 agree with the plain operators", async () => {
    const xs = bits(70, 1);
    const ys = bits(70, 2);
    const cs = bits(70, 3);
    const [a, b, c] = [share("bool", xs), share("bool", ys), share("bool", cs)];
    for (const [op, f] of [
      ["and", (x: boolean, y: boolean) => x && y],
      ["or", (x: boolean, y: boolean) => x || y],
    ] as const) {
      expect(await binary(op, "bool", a, b)).toEqual(xs.map((x, i) => f(x, ys[i]!)));
    }
    const w = [0xdeadbeefn, 0n, 0xffffffffn, 0x12345678n];
    const v = [0x0f0f0f0fn, 0xffffffffn, 0x80000001n, 0x87654321n];
    const [wa, wb] = [share("xor_uint32", w), share("xor_uint32", v)];
    expect(await binary("and", "xor_uint32", wa, wb)).toEqual(w.map((x, i) => x & v[i]!));
    expect(await binary("or", "xor_uint32", wa, wb)).toEqual(w.map((x, i) => x | v[i]!));
    const picked = outputOf(backends, "bool", 70);
    await syscallAll(backends, "shared3p::choose_bool_vec", (p) => [priv(c, p), priv(a, p), priv(b, p), priv(picked, p)]);
    expect(open(picked)).toEqual(cs.map((x, i) => (x ? xs[i] : ys[i])));
    const cond = share("bool", [true, false, true, false]);
    const chosen = outputOf(backends, "xor_uint32", 4);
    await syscallAll(backends, "shared3p::choose_xor_uint32_vec", (p) => [priv(cond, p), priv(wa, p), priv(wb, p), priv(chosen, p)]);
    expect(open(chosen)).toEqual([w[0], v[1], w[2], v[3]]);
  });

  it("declassifies bools and xor words", async () => {
    const xs = bits(45, 4);
    const a = share("bool", xs);
    const outs = await Promise.all(backends.map((b, p) => b.declassify(ptype("bool"), a.shares[p], 45)));
    for (const o of outs) expect(Array.from(o as Uint8Array, (x) => x === 1)).toEqual(xs);
    const w = share("xor_uint64", [2n ** 64n - 1n, 5n]);
    const ws = await Promise.all(backends.map((b, p) => b.declassify(ptype("xor_uint64"), w.shares[p], 2)));
    for (const o of ws) expect(Array.from(o as BigUint64Array)).toEqual([2n ** 64n - 1n, 5n]);
  });

  it("converts between bool, XOR and additive sharings", async () => {
    const xs = bits(40, 5);
    const b = share("bool", xs);
    const asU16 = outputOf(backends, "uint16", 40);
    await syscallAll(backends, "shared3p::conv_bool_to_uint16_vec", (p) => [priv(b, p), priv(asU16, p)]);
    expect(open(asU16)).toEqual(xs.map((x) => (x ? 1n : 0n)));
    const asXor = outputOf(backends, "xor_uint8", 40);
    await syscallAll(backends, "shared3p::conv_bool_to_xor_uint8_vec", (p) => [priv(b, p), priv(asXor, p)]);
    expect(open(asXor)).toEqual(xs.map((x) => (x ? 1n : 0n)));
    const words = [0n, 1n, 0xfedcba9876543210n, 2n ** 64n - 1n];
    const x = share("xor_uint64", words);
    const add = outputOf(backends, "uint64", 4);
    await syscallAll(backends, "shared3p::conv_xor_uint64_to_uint64_vec", (p) => [priv(x, p), priv(add, p)]);
    expect(open(add)).toEqual(words);
    const back = outputOf(backends, "xor_uint64", 4);
    await syscallAll(backends, "shared3p::reshare_uint64_to_xor_uint64_vec", (p) => [priv(add, p), priv(back, p)]);
    expect(open(back)).toEqual(words);
  });

  it("prefix sums and their inverse are local", async () => {
    const x = [5n, 7n, 2n ** 32n - 1n, 3n];
    const a = share("uint32", x);
    const pre = outputOf(backends, "uint32", 4);
    await syscallAll(backends, "shared3p::prefix_sum_uint32_vec", (p) => [priv(a, p), priv(pre, p)]);
    expect(open(pre)).toEqual([5n, 12n, 11n, 14n]);
    const inv = outputOf(backends, "uint32", 4);
    await syscallAll(backends, "shared3p::inv_prefix_sum_uint32_vec", (p) => [priv(pre, p), priv(inv, p)]);
    expect(open(inv)).toEqual(x);
  });
});

describe("shared3p backend: comparisons and choice", () => {
  const signedOf = (n: number, v: bigint): bigint => BigInt.asIntN(n, v);
  const MODELS: Record<string, (a: bigint, b: bigint) => boolean> = {
    eq: (a, b) => a === b,
    lt: (a, b) => a < b,
    gt: (a, b) => a > b,
    lte: (a, b) => a <= b,
    gte: (a, b) => a >= b,
  };

  for (const type of ["uint32", "int32", "uint8", "int64", "xor_uint16"]) {
    it(`eq, lt, gt, lte, gte of ${type}`, async () => {
      const n = widthOf(type);
      const signed = type.startsWith("int");
      await fc.assert(
        fc.asyncProperty(pairArb(type), async ([x, y]) => {
          const a = share(type, x);
          const b = share(type, y);
          for (const [op, f] of Object.entries(MODELS)) {
            const out = outputOf(backends, "bool", a.lanes);
            await syscallAll(backends, `shared3p::${op}_${type}_vec`, (p) => [priv(a, p), priv(b, p), priv(out, p)]);
            const val = (v: bigint): bigint => (signed ? signedOf(n, v) : v);
            expect(open(out)).toEqual(x.map((v, i) => f(val(v), val(y[i]!))));
          }
        }),
        { numRuns: 4 },
      );
    });
  }

  it("compares bools and chooses between additive vectors", async () => {
    const xs = [false, false, true, true];
    const ys = [false, true, false, true];
    const [a, b] = [share("bool", xs), share("bool", ys)];
    for (const [op, f] of Object.entries(MODELS)) {
      const out = outputOf(backends, "bool", 4);
      await syscallAll(backends, `shared3p::${op}_bool_vec`, (p) => [priv(a, p), priv(b, p), priv(out, p)]);
      expect(open(out)).toEqual(xs.map((v, i) => f(v ? 1n : 0n, ys[i] ? 1n : 0n)));
    }
    const u = share("uint64", [1n, 2n, 3n, 4n]);
    const w = share("uint64", [10n, 20n, 30n, 2n ** 64n - 1n]);
    const picked = outputOf(backends, "uint64", 4);
    await syscallAll(backends, "shared3p::choose_uint64_vec", (p) => [priv(a, p), priv(u, p), priv(w, p), priv(picked, p)]);
    expect(open(picked)).toEqual([10n, 20n, 3n, 4n]);
  });
});

describe("shared3p backend: min and max", () => {
  for (const type of ["uint32", "int16", "xor_uint8"]) {
    it(`min, max, vecmin, vecmax of ${type}`, async () => {
      const n = widthOf(type);
      const signed = type.startsWith("int");
      const val = (v: bigint): bigint => (signed ? BigInt.asIntN(n, v) : v);
      const pick = (x: bigint, y: bigint, min: boolean): bigint => ((val(x) < val(y)) === min ? x : y);
      await fc.assert(
        fc.asyncProperty(pairArb(type), fc.constantFrom(1, 2, 3), async ([x0, y0], k) => {
          const len = Math.max(k, x0.length - (x0.length % k));
          const x = Array.from({ length: len }, (_, i) => x0[i] ?? BigInt(i));
          const y = Array.from({ length: len }, (_, i) => y0[i] ?? 7n);
          const [a, b] = [share(type, x), share(type, y)];
          for (const min of [true, false]) {
            expect(await binary(min ? "min" : "max", type, a, b)).toEqual(x.map((v, i) => pick(v, y[i]!, min)));
            const out = outputOf(backends, type, k);
            await syscallAll(backends, `shared3p::${min ? "vecmin" : "vecmax"}_${type}_vec`, (p) => [priv(a, p), priv(out, p)]);
            const m = len / k;
            const want = Array.from({ length: k }, (_, j) => x.slice(j * m, (j + 1) * m).reduce((acc, v) => pick(v, acc, min)));
            expect(open(out)).toEqual(want);
          }
        }),
        { numRuns: 4 },
      );
    });
  }
});

describe("shared3p backend: casts between widths and kinds", () => {
  async function conv(from: string, to: string, values: (bigint | boolean)[]): Promise<(bigint | boolean)[]> {
    const a = share(from, values);
    const out = outputOf(backends, to, a.lanes);
    await syscallAll(backends, `shared3p::conv_${from}_to_${to}_vec`, (p) => [priv(a, p), priv(out, p)]);
    return open(out);
  }

  it("widens unsigned values with zeros and signed values with their sign", async () => {
    expect(await conv("uint8", "uint32", [0n, 1n, 200n, 255n])).toEqual([0n, 1n, 200n, 255n]);
    expect(await conv("int8", "int32", [0n, 1n, 0x80n, 0xffn])).toEqual([0n, 1n, 0xffffff80n, 0xffffffffn]);
    expect(await conv("int16", "uint64", [0xfffen, 5n])).toEqual([2n ** 64n - 2n, 5n]);
    expect(await conv("uint32", "int64", [0xffffffffn])).toEqual([0xffffffffn]);
    expect(await conv("int8", "xor_uint32", [0xffn, 3n])).toEqual([0xffffffffn, 3n]);
    expect(await conv("xor_uint8", "xor_uint64", [0xabn])).toEqual([0xabn]);
    expect(await conv("xor_uint16", "uint8", [0x1234n])).toEqual([0x34n]);
  });

  it("casts to bool as x != 0 and counts true bools", async () => {
    expect(await conv("uint32", "bool", [0n, 1n, 2n ** 31n, 0n])).toEqual([false, true, true, false]);
    expect(await conv("int64", "bool", [2n ** 64n - 1n, 0n])).toEqual([true, false]);
    expect(await conv("xor_uint16", "bool", [0n, 0x8000n])).toEqual([false, true]);
    const flags = share("bool", [true, true, false, true, false, false]);
    const counts = outputOf(backends, "uint64", 2);
    await syscallAll(backends, "shared3p::sum_bool_vec", (p) => [priv(flags, p), priv(counts, p)]);
    expect(open(counts)).toEqual([2n, 1n]);
  });
});

describe("shared3p backend: products", () => {
  it("multiplies the elements of each chunk", async () => {
    const x = [3n, 5n, 7n, 2n ** 31n, 2n, 9n, 1n];
    const a = share("uint32", x);
    const one = outputOf(backends, "uint32", 1);
    await syscallAll(backends, "shared3p::product_uint32_vec", (p) => [priv(a, p), priv(one, p)]);
    expect(open(one)).toEqual([mod(32, x.reduce((s, v) => s * v, 1n))]);
    const b = share("int64", [2n, 3n, 4n, mod(64, -5n), 6n, 7n]);
    const two = outputOf(backends, "int64", 2);
    await syscallAll(backends, "shared3p::product_int64_vec", (p) => [priv(b, p), priv(two, p)]);
    expect(open(two)).toEqual([24n, mod(64, -210n)]);
  });
});

describe("shared3p backend: bit extraction", () => {
  it("splits XOR-shared words into their bits, least significant first", async () => {
    const a = share("xor_uint8", [0b10000101n, 0b01000000n]);
    const out = outputOf(backends, "bool", 16);
    await syscallAll(backends, "shared3p::bit_extract_xor_uint8_vec", (p) => [priv(a, p), priv(out, p)]);
    expect(open(out)).toEqual([true, false, true, false, false, false, false, true, false, false, false, false, false, false, true, false]);
    const w = share("xor_uint64", [2n ** 63n + 1n]);
    const bits = outputOf(backends, "bool", 64);
    await syscallAll(backends, "shared3p::bit_extract_xor_uint64_vec", (p) => [priv(w, p), priv(bits, p)]);
    expect(open(bits)).toEqual(Array.from({ length: 64 }, (_, j) => j === 0 || j === 63));
  });
});
