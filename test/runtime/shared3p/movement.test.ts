/**
 * Data movement in the shared3p backend at three parties in one process: oblivious
 * shuffles (fresh keys, shared keys, inverses, rows of matrices, every sharing),
 * randomize, gather/scatter by public indices and matrix products, against plain
 * models (sorting for "is a permutation", BigInt matrix products).
 */
import { describe, expect, it } from "vitest";
import { syscallStatus } from "../../../runtime/shared3p/syscalls.js";
import type { SyscallArg } from "../../../vm/backend.js";
import { makeBackends, mod, open, outputOf, priv, share, syscallAll, widthOf, type Party, type Shared } from "./support.js";

const backends = makeBackends("movement-tests");

const sorted = (xs: readonly (bigint | boolean)[]): string[] => xs.map(String).sort();

/** Distinct values 0..n-1 (bools: a fixed pattern) of a type. */
function distinct(type: string, n: number): (bigint | boolean)[] {
  if (type === "bool") return Array.from({ length: n }, (_, i) => i % 3 === 0);
  const w = BigInt(widthOf(type));
  return Array.from({ length: n }, (_, i) => mod(Number(w), BigInt(i) * 0x9e3779b97f4a7c15n));
}

async function randomKey(bytes = 32): Promise<Shared> {
  const k = outputOf(backends, "uint8", bytes);
  await syscallAll(backends, "shared3p::randomize_uint8_vec", (p) => [priv(k, p)]);
  return k;
}

function scalar(v: number): SyscallArg {
  return { tag: "scalar", type: "uint64", value: BigInt(v) };
}

async function shuffle(op: string, x: Shared, key?: Shared, cols?: number): Promise<(bigint | boolean)[]> {
  const out = outputOf(backends, x.type, x.lanes);
  await syscallAll(backends, `shared3p::${op}_${x.type}_vec`, (p) => [
    priv(x, p),
    priv(out, p),
    ...(cols === undefined ? [] : [scalar(cols)]),
    ...(key === undefined ? [] : [priv(key, p)]),
  ]);
  return open(out);
}

function cref(values: readonly number[]): SyscallArg {
  const data = BigUint64Array.from(values.map(BigInt));
  return { tag: "cref", type: "uint64", data, bytes: new Uint8Array(data.buffer), scalar: false, value: undefined };
}

const TYPES = ["bool", "uint8", "uint16", "uint32", "uint64", "int32", "xor_uint8", "xor_uint32", "xor_uint64", "fix32"] as const;

describe("shared3p shuffles", () => {
  for (const type of TYPES) {
    it(`vecshuf of ${type} is a permutation; keyed shuffles align and invert`, async () => {
      const x = distinct(type, 70);
      const a = share(type, x);
      const fresh = await shuffle("vecshuf", a);
      expect(sorted(fresh)).toEqual(sorted(x));
      const key = await randomKey();
      const s = await shuffle("vecshufkey", a, key);
      expect(sorted(s)).toEqual(sorted(x));
      // same key, same permutation (the shares of a differ: a fresh sharing of the same values)
      expect(await shuffle("vecshufkey", share(type, x), key)).toEqual(s);
      expect(await shuffle("vecshufinv", share(type, s), key)).toEqual(x);
    });
  }

  it("a fresh shuffle and a keyed shuffle are not the identity; two keys give two permutations", async () => {
    const x = distinct("uint32", 64);
    const a = share("uint32", x);
    expect(await shuffle("vecshuf", a)).not.toEqual(x);
    const k1 = await randomKey();
    const k2 = await randomKey();
    const s1 = await shuffle("vecshufkey", a, k1);
    expect(s1).not.toEqual(x);
    expect(await shuffle("vecshufkey", a, k2)).not.toEqual(s1);
  });

  it("one key moves vectors of different types alike", async () => {
    const n = 50;
    const idx = Array.from({ length: n }, (_, i) => BigInt(i));
    const key = await randomKey();
    const a = (await shuffle("vecshufkey", share("uint32", idx), key)) as bigint[];
    const b = (await shuffle("vecshufkey", share("xor_uint64", idx.map((i) => i * 1000n + 7n)), key)) as bigint[];
    const c = (await shuffle("vecshufkey", share("bool", idx.map((i) => i % 2n === 1n)), key)) as boolean[];
    const d = (await shuffle("vecshufkey", share("int8", idx.map((i) => mod(8, -i))), key)) as bigint[];
    expect(b).toEqual(a.map((i) => i * 1000n + 7n));
    expect(c).toEqual(a.map((i) => i % 2n === 1n));
    expect(d).toEqual(a.map((i) => mod(8, -i)));
  });

  it("a public key (shares (c, 0, 0)) also applies one permutation and inverts", async () => {
    const key = share("uint8", Array.from({ length: 32 }, () => 5n));
    for (const s of key.shares.slice(1)) (s as Uint8Array).fill(0);
    (key.shares[0] as Uint8Array).fill(5);
    const x = distinct("uint64", 40);
    const s = await shuffle("vecshufkey", share("uint64", x), key);
    expect(sorted(s)).toEqual(sorted(x));
    expect(s).not.toEqual(x);
    expect(await shuffle("vecshufkey", share("uint64", x), key)).toEqual(s);
    expect(await shuffle("vecshufinv", share("uint64", s), key)).toEqual(x);
  });

  for (const type of ["uint16", "xor_uint32", "bool"] as const) {
    it(`matshuf of ${type} permutes whole rows; matshufinv undoes matshufkey`, async () => {
      const rows = 30;
      const cols = 3;
      const x = distinct(type, rows * cols);
      const rowOf = (v: readonly (bigint | boolean)[], r: number): string => v.slice(r * cols, (r + 1) * cols).map(String).join(",");
      const inputRows = Array.from({ length: rows }, (_, r) => rowOf(x, r)).sort();
      const fresh = await shuffle("matshuf", share(type, x), undefined, cols);
      expect(Array.from({ length: rows }, (_, r) => rowOf(fresh, r)).sort()).toEqual(inputRows);
      const key = await randomKey();
      const s = await shuffle("matshufkey", share(type, x), key, cols);
      expect(Array.from({ length: rows }, (_, r) => rowOf(s, r)).sort()).toEqual(inputRows);
      expect(await shuffle("matshufinv", share(type, s), key, cols)).toEqual(x);
    });
  }

  it("a matrix row shuffle and a vector shuffle under one key agree on the row order", async () => {
    const rows = 25;
    const key = await randomKey();
    const ids = Array.from({ length: rows }, (_, i) => BigInt(i));
    const v = (await shuffle("vecshufkey", share("uint64", ids), key)) as bigint[];
    const m = (await shuffle("matshufkey", share("uint64", ids.flatMap((i) => [i, i + 100n])), key, 2)) as bigint[];
    expect(m).toEqual(v.flatMap((i) => [i, i + 100n]));
  });

  it("shuffles in place when no output is given, and of empty vectors", async () => {
    const x = distinct("uint32", 20);
    const a = share("uint32", x);
    await syscallAll(backends, "shared3p::vecshuf_uint32_vec", (p) => [priv(a, p)]);
    expect(sorted(open(a))).toEqual(sorted(x));
    expect(await shuffle("vecshuf", share("uint32", []))).toEqual([]);
    expect(await shuffle("matshuf", share("uint32", []), undefined, 0)).toEqual([]);
  });

  it("refuses a row length that does not divide the matrix", async () => {
    const a = share("uint32", distinct("uint32", 10));
    await expect(shuffle("matshuf", a, undefined, 3)).rejects.toThrow("syscall shared3p::matshuf_uint32_vec: cannot split 10 elements into rows of 3");
  });

  it("counts the protocol calls: one shuffle<32> for a vector, three unshuffle<8> for a 3-column bool matrix", async () => {
    const before = backends[0].runner.stats.get("shuffle<32>")?.calls ?? 0;
    await shuffle("vecshuf", share("uint32", distinct("uint32", 8)));
    expect(backends[0].runner.stats.get("shuffle<32>")?.calls).toBe(before + 1);
    const key = await randomKey();
    const inv = backends[0].runner.stats.get("unshuffle<8>")?.calls ?? 0;
    await shuffle("matshufinv", share("bool", distinct("bool", 12)), key, 3);
    expect(backends[0].runner.stats.get("unshuffle<8>")?.calls).toBe(inv + 3);
  });
});

describe("shared3p randomize, gather, scatter", () => {
  it("randomize gives uniformly random values (not all equal) of every sharing", async () => {
    for (const type of ["uint64", "xor_uint16", "bool", "int8"]) {
      const o = outputOf(backends, type, 256);
      await syscallAll(backends, `shared3p::randomize_${type}_vec`, (p) => [priv(o, p)]);
      const v = open(o);
      expect(new Set(v.map(String)).size).toBeGreaterThan(1);
    }
  });

  it("gather and scatter by public indices, as out[i] = src[idx[i]] and out[idx[i]] = src[i]", async () => {
    for (const type of ["uint64", "xor_uint8", "bool", "int16"]) {
      const x = distinct(type, 9);
      const a = share(type, x);
      const idx = [8, 0, 0, 3, 5];
      const g = outputOf(backends, type, idx.length);
      await syscallAll(backends, `shared3p::gather_${type}_vec`, (p) => [priv(a, p), priv(g, p), cref(idx)]);
      expect(open(g)).toEqual(idx.map((i) => x[i]));

      const src = share(type, x.slice(0, 3));
      const target = share(type, x);
      const at = [7, 1, 4];
      await syscallAll(backends, `shared3p::scatter_${type}_vec`, (p) => [priv(src, p), priv(target, p), cref(at)]);
      const expected = [...x];
      at.forEach((t, i) => (expected[t] = x[i]!));
      expect(open(target)).toEqual(expected);
    }
  });

  it("refuses an index out of range with the index and the bound", async () => {
    const a = share("uint32", [1n, 2n, 3n]);
    const g = outputOf(backends, "uint32", 2);
    await expect(syscallAll(backends, "shared3p::gather_uint32_vec", (p) => [priv(a, p), priv(g, p), cref([0, 3])])).rejects.toThrow(
      "syscall shared3p::gather_uint32_vec: index 3 is out of range (3 elements)",
    );
  });
});

/** The stable sorting permutation of values under `key` (ties in index order). */
function stableModel(values: readonly (bigint | boolean)[], key: (v: bigint | boolean) => bigint, ascending: boolean): number[] {
  const idx = values.map((_, i) => i);
  return idx.sort((i, j) => {
    const x = key(values[i]!);
    const y = key(values[j]!);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return (ascending ? c : -c) || i - j;
  });
}

async function stableSort(x: Shared, ascending?: boolean): Promise<number[]> {
  const perms = [0, 1, 2].map(() => new BigUint64Array(x.lanes));
  await syscallAll(backends, `shared3p::stable_sort_${x.type}_vec`, (p) => [
    priv(x, p),
    { tag: "ref", type: "uint64", data: perms[p]!, bytes: new Uint8Array(perms[p]!.buffer), scalar: false, value: undefined },
    ...(ascending === undefined ? [] : [{ tag: "scalar", type: "bool", value: ascending } as SyscallArg]),
  ]);
  expect(perms[1]).toEqual(perms[0]);
  expect(perms[2]).toEqual(perms[0]);
  return Array.from(perms[0]!, Number);
}

describe("shared3p stable_sort (opened stable sorting permutation)", () => {
  const signed = (w: number) => (v: bigint | boolean) => BigInt.asIntN(w, v as bigint);
  const unsigned = (v: bigint | boolean) => (typeof v === "boolean" ? (v ? 1n : 0n) : v);
  const cases: [string, (v: bigint | boolean) => bigint][] = [
    ["uint32", unsigned],
    ["int8", signed(8)],
    ["int64", signed(64)],
    ["xor_uint16", unsigned],
    ["fix32", signed(32)],
    ["bool", unsigned],
  ];
  for (const [type, key] of cases) {
    it(`of ${type} equals the stable sort of the values, ascending and descending`, async () => {
      const w = widthOf(type);
      // few distinct values, so many ties; negative values for the signed types
      const x: (bigint | boolean)[] = Array.from({ length: 57 }, (_, i) => (w === 1 ? (i * 7) % 3 === 0 : mod(w, BigInt(((i * 37) % 11) - 5))));
      const a = share(type, x);
      expect(await stableSort(a)).toEqual(stableModel(x, key, true));
      expect(await stableSort(a, false)).toEqual(stableModel(x, key, false));
      expect(await stableSort(a, true)).toEqual(stableModel(x, key, true));
    });
  }

  it("of zero, one and two elements", async () => {
    expect(await stableSort(share("uint64", []))).toEqual([]);
    expect(await stableSort(share("uint64", [5n]))).toEqual([0]);
    expect(await stableSort(share("uint64", [5n, 2n]))).toEqual([1, 0]);
    expect(await stableSort(share("uint64", [2n, 2n]), false)).toEqual([0, 1]);
  });

  it("refuses a permutation vector of the wrong length", async () => {
    const a = share("uint32", [3n, 1n, 2n]);
    const perm = new BigUint64Array(2);
    const ref: SyscallArg = { tag: "ref", type: "uint64", data: perm, bytes: new Uint8Array(perm.buffer), scalar: false, value: undefined };
    await expect(syscallAll(backends, "shared3p::stable_sort_uint32_vec", (p) => [priv(a, p), ref])).rejects.toThrow(
      "syscall shared3p::stable_sort_uint32_vec: the permutation vector must have 3 elements, it has 2",
    );
  });
});

/** The plain matrix product a (m x n) b (n x p) mod 2^w, or with AND/XOR. */
function model(a: readonly bigint[], b: readonly bigint[], m: number, n: number, p: number, w: number, xor: boolean): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0n;
      for (let k = 0; k < n; k++) s = xor ? s ^ (a[i * n + k]! & b[k * p + j]!) : s + a[i * n + k]! * b[k * p + j]!;
      out.push(mod(w, s));
    }
  }
  return out;
}

describe("shared3p matrix products", () => {
  const shapes: [number, number, number][] = [
    [3, 4, 2],
    [1, 7, 1],
    [1, 3, 5],
    [4, 2, 1],
    [2, 1, 3],
  ];
  for (const [type, xor] of [
    ["uint8", false],
    ["int32", false],
    ["uint64", false],
    ["xor_uint16", true],
    ["xor_uint64", true],
    ["uint32", true],
    ["xor_uint8", false],
    ["int64", true],
  ] as const) {
    it(`${xor ? "mat_multx" : "mat_mult"} of ${type} equals the plain product`, async () => {
      const w = widthOf(type);
      for (const [m, n, p] of shapes) {
        const x = distinct(type, m * n) as bigint[];
        const y = (distinct(type, n * p + 3) as bigint[]).slice(3);
        const out = outputOf(backends, type, m * p);
        const op = xor ? "mat_multx" : "mat_mult";
        const [a, b] = [share(type, x), share(type, y)];
        await syscallAll(backends, `shared3p::${op}_${type}_vec`, (q: Party) => [priv(a, q), priv(b, q), priv(out, q), scalar(m), scalar(n), scalar(p)]);
        expect(open(out)).toEqual(model(x, y, m, n, p, w, xor));
      }
    });
  }

  it("refuses dimensions that do not match the vectors, and bool with its reason", async () => {
    const a = share("uint32", [1n, 2n, 3n, 4n]);
    const out = outputOf(backends, "uint32", 4);
    await expect(syscallAll(backends, "shared3p::mat_mult_uint32_vec", (q) => [priv(a, q), priv(a, q), priv(out, q), scalar(2), scalar(3), scalar(2)])).rejects.toThrow(
      "syscall shared3p::mat_mult_uint32_vec: dimensions 2 x 3 x 2 do not match vectors of 4, 4 and 4 elements",
    );
    expect(syscallStatus("shared3p::mat_mult_bool_vec")).toBe("matrix products of bool are not defined");
  });
});
