import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as G from "../../../runtime/protocols/generated/arith.js";
import { WIDTHS, additive, cluster, fnOf, lanes, mod, openAdditive, run, vectors } from "./support.js";

const RUNS = { numRuns: 10 };

describe.each(WIDTHS)("shuffle, n = %i", (n) => {
  it("permutes the vector; the same key permutes another vector the same way; unshuffle inverts", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 1), async ([x]) => {
        const L = x!.length;
        const index = x!.map((_, i) => BigInt(i));
        const X = additive(n, x!);
        const I = additive(n, index);
        // One key for both vectors, taken in program order at every party.
        const keys = cluster.parties.map((ctx) => ctx.newInstance());
        expect(new Set(keys).size).toBe(1);
        const key = keys[0]!;
        const sx = await run((ctx, p) => fnOf(G, `shuffle_${n}`)(ctx, L, X[p], key));
        const si = await run((ctx, p) => fnOf(G, `shuffle_${n}`)(ctx, L, I[p], key));
        const px = openAdditive(n, sx);
        const pi = openAdditive(n, si).map(Number);
        expect([...pi].sort((a, b) => a - b)).toEqual(index.map(Number));
        expect(px).toEqual(pi.map((j) => mod(n, x![j]!)));
        const back = await run((ctx, p) => fnOf(G, `unshuffle_${n}`)(ctx, L, sx[p], key));
        expect(openAdditive(n, back)).toEqual(x);
      }),
      RUNS,
    );
  });

  it("different keys give different permutations of a long vector", async () => {
    const L = 64;
    const index = Array.from({ length: L }, (_, i) => BigInt(i));
    const I = additive(n, index);
    const perms: number[][] = [];
    for (let k = 0; k < 2; k++) {
      const key = cluster.parties.map((ctx) => ctx.newInstance())[0]!;
      const s = await run((ctx, p) => fnOf(G, `shuffle_${n}`)(ctx, L, I[p], key));
      perms.push(openAdditive(n, s).map(Number));
    }
    expect(perms[0]).not.toEqual(perms[1]);
    void lanes;
  });
});
