/**
 * exp, ln, sin and erf of private float32/float64 and exp, ln of private
 * fix32/fix64 in three real party processes over TCP give exactly the emulator's
 * results (the algorithms of vm/transcendental.ts, bit for bit), and the exact cases
 * by hand: exp 0 = 1, ln 1 = 0, sin −0 = −0, erf 0 = 0.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argRecords, type Bundles, compileSource, hex, makeBundles, threePartyAgainstEmulator } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
});
afterAll(() => bundles?.dispose());

const PROGRAM = `
import shared3p;
import stdlib;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p float32[[1]] x = argument("x");
    pd_shared3p float64[[1]] y = argument("y");
    pd_shared3p fix32[[1]] f = argument("f");
    pd_shared3p fix64[[1]] g = argument("g");
    publish("exp32", exp(x));
    publish("ln32", ln(x));
    publish("sin32", sin(x));
    publish("erf32", erf(x));
    publish("exp64", exp(y));
    publish("ln64", ln(y));
    publish("sin64", sin(y));
    publish("erf64", erf(y));
    publish("expfix32", exp(f));
    publish("lnfix32", ln(f));
    publish("expfix64", exp(g));
    publish("lnfix64", ln(g));
}
`;

describe("exp, ln, sin, erf of private floats and fixed point in three parties over TCP", () => {
  it("agree exactly with the emulator", async () => {
    const module = compileSource(bundles.dir, "float-transcendental.sc", PROGRAM);
    const records = argRecords(module, ["x=0,1,-2.5,80", "y=-0,1,0.3,-700", "f=0,1,2.5,-3", "g=0,1,0.001,-20"]);
    const { byName } = await threePartyAgainstEmulator(bundles, module, records);
    expect(byName.get("exp32")?.slice(0, 16)).toBe(hex(new Float32Array([1, Math.E])));
    expect(byName.get("ln64")?.slice(16, 32)).toBe(hex(new Float64Array([0])));
    expect(byName.get("sin64")?.slice(0, 16)).toBe(hex(new Float64Array([-0])));
    expect(byName.get("erf32")?.slice(0, 8)).toBe(hex(new Float32Array([0])));
    expect(byName.get("expfix32")?.slice(0, 8)).toBe(hex(new Uint32Array([65536])));
  });
});
