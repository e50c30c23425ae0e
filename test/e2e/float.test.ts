/**
 * Private float32 and float64 in three real party processes over TCP: a small
 * program with arithmetic, comparisons, conversions, a sum and a declassify
 * gives exactly the emulator's results and output.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argRecords, type Bundles, compileSource, makeBundles, threePartyAgainstEmulator } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
});
afterAll(() => bundles?.dispose());

const FLOATS = `
import shared3p;
import stdlib;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p float32[[1]] a = argument("a");
    pd_shared3p float32[[1]] b = argument("b");
    pd_shared3p float64[[1]] x = argument("x");
    publish("sum32", a + b);
    publish("prod32", a * b);
    publish("less", a < b);
    publish("same", a == b);
    pd_shared3p float64[[1]] wide = (float64) a;
    publish("mixed", wide - x);
    pd_shared3p int32[[1]] whole = (int32) x;
    publish("whole", whole);
    float64 opened = declassify(sum(x * x));
    print("sum of squares = " + tostring(opened));
}
`;

describe("private floats in three parties over TCP", () => {
  it("agree exactly with the emulator", async () => {
    const module = compileSource(bundles.dir, "floats.sc", FLOATS);
    const records = argRecords(module, ["a=1.5,-0.1,3e38,0", "b=2.25,0.1,3e38,-0", "x=0.1,-2.5,1e300,7"]);
    const { got, want } = await threePartyAgainstEmulator(bundles, module, records);
    expect(got.output).toEqual(want.output);
    expect(got.output[0]).toMatch(/^sum of squares = /);
  });
});
