/**
 * A representative subset of the standard library run by three real party
 * processes over loopback TCP (the integer procedures whose protocols the
 * three-party runtime has today: sums, chunked sums, prefix sums and their
 * inverse, dot products, row/column sums, transposes, integer choose). Results
 * must equal both the emulator's and values computed here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runThreeParty } from "../../runtime/cli/three-party.js";
import { checkProgram } from "../../runtime/shared3p/availability.js";
import { showResult } from "../../runtime/cli/results.js";
import { compileSource, emulate, makeBundles, plain, type Bundles } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
}, 60_000);
afterAll(() => bundles?.dispose());

const A = [7, 1, 4294967295, 12, 5, 9];
const B = [3, 8, 2, 6, 1, 4];
const COND = [true, false, false, true, true, false];

const SOURCE = `
import stdlib;
import shared3p;
import matrix;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a = {${A.join(", ")}};
    pd_shared3p uint32[[1]] b = {${B.join(", ")}};
    pd_shared3p bool[[1]] c = {${COND.join(", ")}};
    publish("sum", sum(a));
    publish("sum3", sum(a, 3 :: uint));
    publish("prefix", prefixSum(a));
    publish("back", invPrefixSum(prefixSum(b)));
    publish("dot", dotProduct(a, b));
    pd_shared3p uint32[[2]] m = reshape(b, 2, 3);
    publish("rows", rowSums(m));
    publish("cols", colSums(m));
    publish("t", transpose(m));
    publish("choose", choose(c, a, b));
}
`;

const u32 = (x: number) => x >>> 0;

describe("stdlib under three parties", () => {
  it("the program needs only protocols the runtime has", () => {
    const module = compileSource(bundles.dir, "stdlib-subset.sc", SOURCE);
    expect(checkProgram(module)).toEqual([]);
  });

  it("agrees with the emulator and the model", async () => {
    const module = compileSource(bundles.dir, "stdlib-subset.sc", SOURCE);
    const want = await emulate(module, []);
    const got = await runThreeParty(module, [], { child: bundles.child });
    expect(plain(got.results)).toEqual(plain(want.results));
    const values = Object.fromEntries(got.results.map((r) => [r.name, showResult(module, r).value]));
    let acc = 0;
    expect(values).toEqual({
      sum: u32(A.reduce((s, x) => s + x, 0)),
      sum3: [0, 1, 2].map((k) => u32(A[2 * k]! + A[2 * k + 1]!)),
      prefix: A.map((x) => (acc = u32(acc + x))),
      back: B,
      dot: u32(A.reduce((s, x, i) => s + Number((BigInt(x) * BigInt(B[i]!)) % 2n ** 32n), 0)),
      rows: [B[0]! + B[1]! + B[2]!, B[3]! + B[4]! + B[5]!],
      cols: [B[0]! + B[3]!, B[1]! + B[4]!, B[2]! + B[5]!],
      t: [B[0], B[3], B[1], B[4], B[2], B[5]],
      choose: A.map((x, i) => (COND[i] ? x : B[i]!)),
    });
  }, 60_000);
});
