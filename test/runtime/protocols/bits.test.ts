import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as G from "../../../runtime/protocols/generated/bits.js";
import { bigintsToWords, unpackBits, wordsToBigints } from "../../../runtime/protocols/shares.js";
import { WIDTHS, additive, bits, fnOf, lanes, mod, openAdditive, openBits, openXor, run, vectors, xor } from "./support.js";

const RUNS = { numRuns: 20 };
const boolVec = lanes.chain((l) => fc.array(fc.boolean(), { minLength: l, maxLength: l }));

describe("bool protocols (bit-sliced)", () => {
  it("and / or / xchoose on bools", async () => {
    await fc.assert(
      fc.asyncProperty(lanes.chain((l) => fc.tuple(fc.array(fc.boolean(), { minLength: l, maxLength: l }), fc.array(fc.boolean(), { minLength: l, maxLength: l }), fc.array(fc.boolean(), { minLength: l, maxLength: l }))), async ([c, x, y]) => {
        const L = c.length;
        const [C, X, Y] = [bits(c), bits(x), bits(y)];
        const and = await run((ctx, p) => fnOf(G, "and_1")(ctx, L, X[p], Y[p]));
        expect(openBits(and, L)).toEqual(x.map((a, i) => a && y[i]!));
        const or = await run((ctx, p) => fnOf(G, "or_1")(ctx, L, X[p], Y[p]));
        expect(openBits(or, L)).toEqual(x.map((a, i) => a || y[i]!));
        const ch = await run((ctx, p) => fnOf(G, "xchoose_1")(ctx, L, C[p], X[p], Y[p]));
        expect(openBits(ch, L)).toEqual(c.map((k, i) => (k ? x[i]! : y[i]!)));
      }),
      RUNS,
    );
  });

  it("xopen and xreshare on bools", async () => {
    await fc.assert(
      fc.asyncProperty(boolVec, async (c) => {
        const L = c.length;
        const C = bits(c);
        const opened = await run((ctx, p) => fnOf(G, "xopen_1")(ctx, L, C[p]));
        for (const o of opened) expect(unpackBits(o as Uint32Array, L)).toEqual(c);
        const re = await run((ctx, p) => fnOf(G, "xreshare_1")(ctx, L, C[p]));
        expect(openBits(re, L)).toEqual(c);
      }),
      RUNS,
    );
  });
});

describe.each(WIDTHS)("XOR and conversion protocols, n = %i", (n) => {
  it("xrep: party i ends with x_i and its predecessor's x_(i-1) of one fresh XOR sharing of x", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = xor(n, x!);
        const out = (await run((ctx, p) => fnOf(G, `xrep_${n}`)(ctx, x!.length, X[p]))) as unknown as unknown[][];
        const own = [0, 1, 2].map((p) => out[p]![p]);
        expect(openXor(n, own)).toEqual(x);
        for (const p of [0, 1, 2]) expect(wordsToBigints(out[p]![3 + p] as never)).toEqual(wordsToBigints(own[(p + 2) % 3] as never));
        if (x!.length >= 8) expect(wordsToBigints(own[0] as never)).not.toEqual(wordsToBigints(X[0] as never));
      }),
      { numRuns: 25 },
    );
  });

  it("and / or / xchoose on xor_uint words", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 2).chain((vs) => fc.tuple(fc.constant(vs), fc.array(fc.boolean(), { minLength: vs[0]!.length, maxLength: vs[0]!.length }))), async ([[u, v], c]) => {
        const L = u!.length;
        const [U, V, C] = [xor(n, u!), xor(n, v!), bits(c)];
        const and = await run((ctx, p) => fnOf(G, `and_${n}`)(ctx, L, U[p], V[p]));
        expect(openXor(n, and)).toEqual(u!.map((a, i) => a & v![i]!));
        const or = await run((ctx, p) => fnOf(G, `or_${n}`)(ctx, L, U[p], V[p]));
        expect(openXor(n, or)).toEqual(u!.map((a, i) => a | v![i]!));
        const ch = await run((ctx, p) => fnOf(G, `xchoose_${n}`)(ctx, L, C[p], U[p], V[p]));
        expect(openXor(n, ch)).toEqual(c.map((k, i) => (k ? u![i]! : v![i]!)));
      }),
      RUNS,
    );
  });

  it("xopen, xinput", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), fc.constantFrom(0, 1, 2), async ([x], owner) => {
        const L = x!.length;
        const X = xor(n, x!);
        const opened = await run((ctx, p) => fnOf(G, `xopen_${n}`)(ctx, L, X[p]));
        for (const o of opened) expect(wordsToBigints(o as never)).toEqual(x);
        const mine = bigintsToWords(n, x!);
        const shared = await run((ctx, p) => fnOf(G, `xinput_${n}_P${owner + 1}`)(ctx, L, p === owner ? mine : undefined));
        expect(openXor(n, shared)).toEqual(x);
      }),
      RUNS,
    );
  });

  it("b2a: bool -> uintN", async () => {
    await fc.assert(
      fc.asyncProperty(boolVec, async (c) => {
        const C = bits(c);
        const out = await run((ctx, p) => fnOf(G, `b2a_${n}`)(ctx, c.length, C[p]));
        expect(openAdditive(n, out)).toEqual(c.map((b) => (b ? 1n : 0n)));
      }),
      RUNS,
    );
  });

  it("x2a: xor_uintN -> uintN", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = xor(n, x!);
        const out = await run((ctx, p) => fnOf(G, `x2a_${n}`)(ctx, x!.length, X[p]));
        expect(openAdditive(n, out)).toEqual(x);
      }),
      RUNS,
    );
  });

  it("bits: uintN -> xor_uintN (bit decomposition)", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = additive(n, x!);
        const out = await run((ctx, p) => fnOf(G, `bits_${n}`)(ctx, x!.length, X[p]));
        expect(openXor(n, out)).toEqual(x);
      }),
      RUNS,
    );
  });

  it("msb", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = additive(n, x!);
        const out = await run((ctx, p) => fnOf(G, `msb_${n}`)(ctx, x!.length, X[p]));
        expect(openBits(out, x!.length)).toEqual(x!.map((v) => mod(n, v) >> BigInt(n - 1) === 1n));
      }),
      RUNS,
    );
  });
});
