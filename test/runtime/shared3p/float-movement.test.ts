/**
 * Data movement of private float32/float64 at three parties in one process:
 * shuffles (fresh, keyed, inverse, rows of matrices), gather/scatter by public
 * indices and randomize, against plain models on the IEEE bit patterns (a shuffle
 * is a permutation of the input, one key moves a float vector and an integer vector
 * alike and its inverse restores the input; gather/scatter as index maps).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reconstructWords } from "../../../runtime/protocols/shares.js";
import { syscallStatus } from "../../../runtime/shared3p/syscalls.js";
import type { SyscallArg } from "../../../vm/backend.js";
import { floatArb, floatBits, shareFloats, type FloatWidth } from "./float-support.js";
import { makeBackends, open, outputOf, priv, share, syscallAll, type Shared } from "./support.js";

const backends = makeBackends("float-movement-tests");

/** The bit patterns of a private float vector. */
function openBits(v: Shared): bigint[] {
  const w = v.type === "float32" ? 32 : 64;
  return reconstructWords("xor", w, v.shares as never);
}

const sorted = (xs: readonly bigint[]): bigint[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

async function randomKey(): Promise<Shared> {
  const k = outputOf(backends, "uint8", 32);
  await syscallAll(backends, "shared3p::randomize_uint8_vec", (p) => [priv(k, p)]);
  return k;
}

function scalar(v: number): SyscallArg {
  return { tag: "scalar", type: "uint64", value: BigInt(v) };
}

function cref(values: readonly number[]): SyscallArg {
  const data = BigUint64Array.from(values.map(BigInt));
  return { tag: "cref", type: "uint64", data, bytes: new Uint8Array(data.buffer), scalar: false, value: undefined };
}

async function shuffle(op: string, x: Shared, key?: Shared, cols?: number): Promise<Shared> {
  const out = outputOf(backends, x.type, x.lanes);
  await syscallAll(backends, `shared3p::${op}_${x.type}_vec`, (p) => [
    priv(x, p),
    priv(out, p),
    ...(cols === undefined ? [] : [scalar(cols)]),
    ...(key === undefined ? [] : [priv(key, p)]),
  ]);
  return out;
}

const WIDTHS: readonly FloatWidth[] = [32, 64];
const vectorArb = (w: FloatWidth) => fc.array(floatArb(w), { minLength: 0, maxLength: 24 });

describe("shared3p float shuffles", () => {
  it("every float movement syscall is available", () => {
    for (const w of WIDTHS) {
      for (const op of ["gather", "scatter", "vecshuf", "vecshufkey", "vecshufinv", "matshuf", "matshufkey", "matshufinv", "randomize"]) {
        expect(syscallStatus(`shared3p::${op}_float${w}_vec`)).toBeNull();
      }
    }
  });

  for (const w of WIDTHS) {
    it(`vecshuf of float${w} is a permutation of the bit patterns`, async () => {
      await fc.assert(
        fc.asyncProperty(vectorArb(w), async (xs) => {
          const bits = floatBits(w, xs);
          expect(sorted(openBits(await shuffle("vecshuf", shareFloats(w, xs))))).toEqual(sorted(bits));
        }),
        { numRuns: 8 },
      );
    });

    it(`vecshufkey of float${w} moves like an index vector under the same key; vecshufinv inverts`, async () => {
      await fc.assert(
        fc.asyncProperty(vectorArb(w), async (xs) => {
          const bits = floatBits(w, xs);
          const key = await randomKey();
          const perm = open(await shuffle("vecshufkey", share("uint32", xs.map((_, i) => BigInt(i))), key)) as bigint[];
          const s = await shuffle("vecshufkey", shareFloats(w, xs), key);
          expect(openBits(s)).toEqual(perm.map((i) => bits[Number(i)]));
          expect(openBits(await shuffle("vecshufinv", s, key))).toEqual(bits);
        }),
        { numRuns: 6 },
      );
    });

    it(`matshuf of float${w} permutes whole rows; matshufinv undoes matshufkey`, async () => {
      const rows = 9;
      const cols = 3;
      const xs = Array.from({ length: rows * cols }, (_, i) => (i % 4 === 0 ? -0 : i % 7 === 0 ? NaN : i * 1.25 - 10));
      const bits = floatBits(w, xs);
      const rowKeys = (b: readonly bigint[]): string[] => Array.from({ length: rows }, (_, r) => b.slice(r * cols, (r + 1) * cols).join(",")).sort();
      expect(rowKeys(openBits(await shuffle("matshuf", shareFloats(w, xs), undefined, cols)))).toEqual(rowKeys(bits));
      const key = await randomKey();
      const s = await shuffle("matshufkey", shareFloats(w, xs), key, cols);
      expect(rowKeys(openBits(s))).toEqual(rowKeys(bits));
      expect(openBits(await shuffle("matshufinv", s, key, cols))).toEqual(bits);
    });
  }
});

describe("shared3p float gather, scatter, randomize", () => {
  for (const w of WIDTHS) {
    it(`gather and scatter of float${w} follow out[i] = src[idx[i]] and out[idx[i]] = src[i]`, async () => {
      const arb = fc.array(floatArb(w), { minLength: 1, maxLength: 12 }).chain((xs) =>
        fc.tuple(fc.constant(xs), fc.array(fc.nat(xs.length - 1), { maxLength: 10 }), fc.array(floatArb(w), { maxLength: xs.length }).chain((src) => fc.tuple(fc.constant(src), fc.shuffledSubarray([...xs.keys()], { minLength: src.length, maxLength: src.length })))),
      );
      await fc.assert(
        fc.asyncProperty(arb, async ([xs, idx, [src, at]]) => {
          const bits = floatBits(w, xs);
          const g = outputOf(backends, `float${w}`, idx.length);
          const a = shareFloats(w, xs);
          await syscallAll(backends, `shared3p::gather_float${w}_vec`, (p) => [priv(a, p), priv(g, p), cref(idx)]);
          expect(openBits(g)).toEqual(idx.map((i) => bits[i]));

          const target = shareFloats(w, xs);
          const s = shareFloats(w, src);
          await syscallAll(backends, `shared3p::scatter_float${w}_vec`, (p) => [priv(s, p), priv(target, p), cref(at)]);
          const expected = [...bits];
          const srcBits = floatBits(w, src);
          at.forEach((t, i) => (expected[t] = srcBits[i] as bigint));
          expect(openBits(target)).toEqual(expected);
        }),
        { numRuns: 10 },
      );
    });

    it(`randomize of float${w} gives random bit patterns`, async () => {
      const o = outputOf(backends, `float${w}`, 64);
      await syscallAll(backends, `shared3p::randomize_float${w}_vec`, (p) => [priv(o, p)]);
      const bits = openBits(o);
      expect(new Set(bits).size).toBeGreaterThan(60);
      // every bit position takes both values somewhere
      for (let j = 0n; j < BigInt(w); j++) expect(new Set(bits.map((b) => (b >> j) & 1n)).size).toBe(2);
    });
  }

  it("refuses a float index vector for gather", async () => {
    const a = shareFloats(64, [1, 2, 3]);
    const g = outputOf(backends, "float64", 1);
    const data = new Float64Array([0]);
    const bad: SyscallArg = { tag: "cref", type: "float64", data, bytes: new Uint8Array(data.buffer), scalar: false, value: undefined };
    await expect(syscallAll(backends, "shared3p::gather_float64_vec", (p) => [priv(a, p), priv(g, p), bad])).rejects.toThrow(
      "syscall shared3p::gather_float64_vec: needs a __cref public integer index vector",
    );
  });
});
