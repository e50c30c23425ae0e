import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as G from "../../../runtime/protocols/generated/compare.js";
import { WIDTHS, additive, bits, fnOf, mod, openAdditive, openBits, run, vectors, xor } from "./support.js";

const RUNS = { numRuns: 12 };
const signed = (n: number, x: bigint): bigint => BigInt.asIntN(n, x);

describe.each(WIDTHS)("comparisons and choice, n = %i", (n) => {
  it("eq, ltu, lts on additive sharings", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 2), async ([u, v]) => {
        const L = u!.length;
        const U = additive(n, u!);
        const V = additive(n, v!);
        const eq = await run((ctx, p) => fnOf(G, `eq_${n}`)(ctx, L, U[p], V[p]));
        expect(openBits(eq, L)).toEqual(u!.map((a, i) => a === v![i]));
        const ltu = await run((ctx, p) => fnOf(G, `ltu_${n}`)(ctx, L, U[p], V[p]));
        expect(openBits(ltu, L)).toEqual(u!.map((a, i) => a < v![i]!));
        const lts = await run((ctx, p) => fnOf(G, `lts_${n}`)(ctx, L, U[p], V[p]));
        expect(openBits(lts, L)).toEqual(u!.map((a, i) => signed(n, a) < signed(n, v![i]!)));
      }),
      RUNS,
    );
  });

  it("eqx, ltx on XOR sharings", async () => {
    await fc.assert(
      fc.asyncProperty(vectors(n, 2), async ([u, v]) => {
        const L = u!.length;
        const U = xor(n, u!);
        const V = xor(n, v!);
        const eq = await run((ctx, p) => fnOf(G, `eqx_${n}`)(ctx, L, U[p], V[p]));
        expect(openBits(eq, L)).toEqual(u!.map((a, i) => a === v![i]));
        const lt = await run((ctx, p) => fnOf(G, `ltx_${n}`)(ctx, L, U[p], V[p]));
        expect(openBits(lt, L)).toEqual(u!.map((a, i) => a < v![i]!));
      }),
      RUNS,
    );
  });

  it("choose: c ? x : y on additive sharings", async () => {
    await fc.assert(
      fc.asyncProperty(
        vectors(n, 2).chain((vs) => fc.tuple(fc.constant(vs), fc.array(fc.boolean(), { minLength: vs[0]!.length, maxLength: vs[0]!.length }))),
        async ([[x, y], c]) => {
          const L = x!.length;
          const [C, X, Y] = [bits(c), additive(n, x!), additive(n, y!)];
          const out = await run((ctx, p) => fnOf(G, `choose_${n}`)(ctx, L, C[p], X[p], Y[p]));
          expect(openAdditive(n, out)).toEqual(c.map((k, i) => mod(n, k ? x![i]! : y![i]!)));
        },
      ),
      RUNS,
    );
  });
});
