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
    // Equality: n bits from P2 (three-to-two) plus 2 bits per AND gate, n - 1 gates.
    expect(cost(`eq<${n}>`).bytesPerLane).toEqual([(2 * (n - 1)) / 8, (2 * (n - 1) + n) / 8, (2 * (n - 1)) / 8]);
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
    const pins: Record<string, [number, number, number, number]> = {
      "shr<32,16>": [8, 80.25, 84.25, 88],
      "shr<64,32>": [10, 192.25, 200.25, 208],
      "fixmul<32>": [16, 264.75, 276.75, 288],
      "fixmul<64>": [20, 624.75, 648.75, 672],
      "fixint<32>": [16, 160.375, 168.375, 172],
      "sign<32>": [8, 88, 92, 95.75],
      "abs<32>": [9, 88.125, 92.125, 92],
      "shlv<32>": [20, 136.5, 140.5, 159.75],
      "shrv<32>": [14, 219.75, 227.75, 343.75],
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
