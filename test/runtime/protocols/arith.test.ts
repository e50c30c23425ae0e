import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as G from "../../../runtime/protocols/generated/arith.js";
import { WIDTHS, additive, fnOf, mod, openAdditive, run, vectors } from "./support.js";
import { bigintsToWords, wordsToBigints } from "../../../runtime/protocols/shares.js";

const RUNS = { numRuns: 25 };

describe.each(WIDTHS)("arithmetic protocols, n = %i", (n) => {
  it("mul: reconstruct(outputs) = u·v mod 2^n", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 2), async ([u, v]) => {
        const U = additive(n, u!);
        const V = additive(n, v!);
        const out = await run((ctx, p) => fnOf(G, `mul_${n}`)(ctx, u!.length, U[p], V[p]));
        expect(openAdditive(n, out)).toEqual(u!.map((x, i) => mod(n, x * v![i]!)));
      }),
      RUNS,
    );
  });

  it("rep: party i ends with a_i and its predecessor's a_(i-1) of one fresh sharing of x", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = additive(n, x!);
        const out = (await run((ctx, p) => fnOf(G, `rep_${n}`)(ctx, x!.length, X[p]))) as unknown as unknown[][];
        const own = [0, 1, 2].map((p) => out[p]![p]);
        const prev = [0, 1, 2].map((p) => out[p]![3 + p]);
        expect(openAdditive(n, own)).toEqual(x);
        for (const p of [0, 1, 2]) expect(wordsToBigints(prev[p] as never)).toEqual(wordsToBigints(own[(p + 2) % 3] as never));
        if (x!.length >= 8) expect(wordsToBigints(own[0] as never)).not.toEqual(wordsToBigints(X[0] as never));
      }),
      RUNS,
    );
  });

  it("square: reconstruct(outputs) = x² mod 2^n", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = additive(n, x!);
        const out = await run((ctx, p) => fnOf(G, `square_${n}`)(ctx, x!.length, X[p]));
        expect(openAdditive(n, out)).toEqual(x!.map((a) => mod(n, a * a)));
      }),
      RUNS,
    );
  });

  it("open: every party obtains the value", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = additive(n, x!);
        const out = await run((ctx, p) => fnOf(G, `open_${n}`)(ctx, x!.length, X[p]));
        for (const o of out) expect(wordsToBigints(o as never)).toEqual(x);
      }),
      RUNS,
    );
  });

  it("reshare: same value, fresh shares", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const X = additive(n, x!);
        const out = await run((ctx, p) => fnOf(G, `reshare_${n}`)(ctx, x!.length, X[p]));
        expect(openAdditive(n, out)).toEqual(x);
        if (x!.length >= 8) expect(wordsToBigints(out[0] as never)).not.toEqual(wordsToBigints(X[0] as never));
      }),
      RUNS,
    );
  });

  it.each([0, 1, 2])("input from party %i: a sharing of its value, no communication", async (owner) => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const mine = bigintsToWords(n, x!);
        const out = await run((ctx, p) => fnOf(G, `input_${n}_P${owner + 1}`)(ctx, x!.length, p === owner ? mine : undefined));
        expect(openAdditive(n, out)).toEqual(x);
      }),
      { numRuns: 10 },
    );
  });
});
