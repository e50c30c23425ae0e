import { describe, expect, it } from "vitest";
import { PROTOCOL_COSTS } from "../../../vm/protocol-costs.js";
import * as A from "../../../runtime/protocols/generated/arith.js";
import { localCluster, runParties } from "../../../runtime/protocols/local-cluster.js";
import { WIDTHS, additive } from "./support.js";

const log2 = (n: number) => Math.log2(n);
const cost = (key: string) => {
  const c = PROTOCOL_COSTS[key];
  if (c === undefined) throw new Error(`no cost for ${key}`);
  return c;
};

describe("pinned costs of the core protocols", () => {
  it.each(WIDTHS)("n = %i", (n) => {
    const B = n / 8;
    expect(cost(`mul<${n}>`)).toMatchObject({ rounds: 1, bytesPerLane: [2 * B, 2 * B, 2 * B] });
    expect(cost(`square<${n}>`)).toMatchObject({ rounds: 1, bytesPerLane: [B, B, B] });
    expect(cost(`open<${n}>`)).toMatchObject({ rounds: 1, bytesPerLane: [2 * B, 2 * B, 2 * B] });
    expect(cost(`reshare<${n}>`)).toMatchObject({ rounds: 0, bytesPerLane: [0, 0, 0] });
    expect(cost(`rep<${n}>`)).toMatchObject({ rounds: 1, bytesPerLane: [B, B, B] });
    expect(cost(`xrep<${n}>`)).toMatchObject({ rounds: 1, bytesPerLane: [B, B, B] });
    expect(cost(`input<${n},P2>`)).toMatchObject({ rounds: 0, bytesPerLane: [0, 0, 0] });
    expect(cost(`and<${n}>`)).toMatchObject({ rounds: 1, bytesPerLane: [2 * B, 2 * B, 2 * B] });
    expect(cost(`b2a<${n}>`)).toMatchObject({ rounds: 2, bytesPerLane: [0.125, 0.125, B] });
    expect(cost(`eq<${n}>`).rounds).toBe(1 + log2(n));
    expect(cost(`eqx<${n}>`).rounds).toBe(log2(n));
    expect(cost(`bits<${n}>`).rounds).toBe(2 + log2(n));
    expect(cost(`msb<${n}>`).rounds).toBe(2 + log2(n));
    expect(cost(`ltu<${n}>`).rounds).toBe(3 + log2(n));
    expect(cost(`ltx<${n}>`).rounds).toBe(1 + log2(n));
    expect(cost(`choose<${n}>`).rounds).toBe(3);
    expect(cost(`shuffle<${n}>`)).toMatchObject({ rounds: 3, bytesPerLane: [B, B, B] });
    // Equality: n bits from P2 (three-to-two); the first level of the AND tree is one
    // and13 (n bits from P1 and from P3), the n/2 - 1 gates after it 2 bits each.
    const eq = (n + 2 * (n / 2 - 1)) / 8;
    expect(cost(`eq<${n}>`).bytesPerLane).toEqual([eq, eq, eq]);
    // MSB: three-to-two (n bits from P2), the generates a & b from and13 (n bits each from
    // P1 and P3), then a carry tree over bits 0 .. n-2: its first level pairs them into
    // n/2 - 1 pairs plus the top bit, the levels after it take n/4 .. 1 pairs. Each pair
    // needs G (an AND gate) and, except in the lowest group and at the last level, P (a
    // second gate sharing an operand: 3 bits for both, 2 for G alone): n - 2 G gates,
    // n - 2 - log2 n of them with P, 3n - 6 - log2 n bits per party.
    const tree = 3 * n - 6 - log2(n);
    const msb = (tree + n) / 8;
    expect(cost(`msb<${n}>`).bytesPerLane).toEqual([msb, msb, msb]);
    // Less-than: three MSBs and one AND gate on bits.
    for (const lt of ["ltu", "lts"]) expect(cost(`${lt}<${n}>`).bytesPerLane).toEqual([3 * msb + 0.25, 3 * msb + 0.25, 3 * msb + 0.25]);
  });

  it("and on bools: 1 round, 2 bits per lane per party", () => {
    expect(cost("and<1>")).toMatchObject({ rounds: 1, bytesPerLane: [0.25, 0.25, 0.25] });
  });

  it("the transport carries exactly the tabled bytes (mul<32>, 1000 lanes)", async () => {
    const cluster = localCluster("cost-test");
    const L = 1000;
    const x = Array.from({ length: L }, (_, i) => BigInt(i));
    const X = additive(32, x);
    await runParties(cluster, (ctx, p) => A.mul_32(ctx, L, X[p] as Uint32Array, X[p] as Uint32Array));
    expect(cluster.transports.map((t) => t.sentBytes.reduce((a, b) => a + b, 0))).toEqual([8 * L, 8 * L, 8 * L]);
  });
});

describe("pinned costs of the integer protocols (integer.tripl)", () => {
  it.each([8, 16, 32, 64])("rounds, n = %i", (n) => {
    expect(cost(`divstep<${n}>`).rounds).toBe(3 + log2(n));
    // with a public divisor the generate and the final test are local: the prefix network and one choice
    expect(cost(`divstepc<${n}>`).rounds).toBe(1 + log2(n));
    expect(cost(`topzeros<${n}>`)).toMatchObject({ rounds: log2(n), bytesPerLane: Array(3).fill((n * log2(n)) / 4) });
    expect(cost(`divout<${n}>`).rounds).toBe(3);
    expect(cost(`sign<${n}>`).rounds).toBe(n === 8 ? 7 : n === 64 ? 10 : 8);
    // msb, b2a, one product; b2a's first round can overlap the last round of msb
    expect(cost(`abs<${n}>`).rounds).toBe(({ 8: 8, 16: 9, 32: 9, 64: 11 } as Record<number, number>)[n]);
  });

  it("bytes per lane at n = 32 and 64", () => {
    // The carry-based protocols after the carry trees (protocols.md §2.9): the generates
    // from and13 (n bits from P1 and from P3), a tree over all n bits for shr (63 G gates
    // and 57 with P at n = 64: 2·63 + 57 bits), over n - 1 bits for msb (see above); two
    // b2a_raw: one bit each from P1 and P2 and n bits from P3 per bit lifted.
    const pins: Record<string, [number, number, number, number]> = {
      // to2 (P2 4 bytes), and13 (P1, P3 4 bytes), tree 31 G + 26 P gates = 88 bits, two b2a_raw
      "shr<32,16>": [8, 15.25, 15.25, 23],
      "shr<64,32>": [10, 31.125, 31.125, 46.875],
      // two sra<n, n/2> and one shr<n, n/2>, three multiplications
      "fixmul<32>": [16, 69.75, 69.75, 93],
      "fixmul<64>": [20, 141.375, 141.375, 188.625],
      // msb<32> (14.625 each), b2a (1 bit from P1 and P2, 4 bytes from P3), shr<32,16>
      "fixint<32>": [16, 30, 30, 41.625],
      // to2, msb2 (and13 and 85 tree bits), the zero test (and13, then 15 gates: 3.75), two b2a_raw
      "sign<32>": [8, 22.625, 18.625, 30.375],
      // msb<32>, b2a and one multiplication (8 bytes each)
      "abs<32>": [9, 22.75, 22.75, 26.625],
      // to2, and13, a tree over all 32 bits (31 G + 26 P gates: 88 bits), b2a_raw<64> (64 bits from P3)
      "upcast<32,64>": [8, 15.125, 15.125, 23],
      // and<32> on words (8 bytes each), then a tree over the 32 bits (88 bits)
      "ltx<32>": [6, 19, 19, 19],
      // bits<32> (now 76 bytes from every party: and13 in place of a word AND) and more
      "shlv<32>": [20, 132.5, 132.5, 155.75],
      "shrv<32>": [14, 211.75, 211.75, 335.75],
      "topzeros<32>": [5, 40, 40, 40],
      "divstep<32>": [8, 88.25, 88.25, 88.25],
      "divstep<64>": [9, 208.25, 208.25, 208.25],
      "divstepc<32>": [6, 80, 80, 80],
      "divstepc<64>": [7, 192, 192, 192],
      "divout<32>": [3, 12, 12, 136],
    };
    for (const [k, [rounds, ...bytes]] of Object.entries(pins)) expect(cost(k), k).toMatchObject({ rounds, bytesPerLane: bytes });
  });
});
