/**
 * Data movement of private floats and fixed-point inv/sqrt in three real party
 * processes over TCP: a keyed shuffle and its inverse, a fresh shuffle under an
 * order-independent max, a public-permutation gather, Benjamini-Hochberg
 * multipleTesting (sorting network on floats) and fix32/fix64 sqrt and inv give
 * exactly the emulator's results.
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
import shared3p_random;
import shared3p_permutation;
import shared3p_statistics_testing;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p float64[[1]] x = argument("x");
    pd_shared3p float32[[1]] y = argument("y");
    pd_shared3p fix32[[1]] f = argument("f");
    pd_shared3p fix64[[1]] g = argument("g");
    pd_shared3p uint8[[1]] key(32);
    key = randomize(key);
    publish("roundtrip", inverseShuffle(shuffle(x, key), key));
    publish("maxshuf", max(shuffle(y)));
    uint[[1]] perm = {2, 0, 3, 1};
    publish("gathered", applyPublicPermutation(x, perm));
    publish("rejected", multipleTesting(y, (0.05 :: float32)));
    publish("sqrt32", sqrt(f));
    publish("inv32", inv(f));
    publish("sqrt64", sqrt(g));
    publish("inv64", inv(g));
}
`;

describe("private float movement and fixed-point inv/sqrt in three parties over TCP", () => {
  it("agree exactly with the emulator", async () => {
    const module = compileSource(bundles.dir, "float-movement.sc", PROGRAM);
    const records = argRecords(module, ["x=0.1,-2.5,1e300,-0", "y=0.01,0.2,0.003,0.04", "f=2.25,-1,0,0.0001", "g=1e-9,3,-7.5,123456.789"]);
    const { byName } = await threePartyAgainstEmulator(bundles, module, records);
    // hand-computed: the inverse shuffle restores x, gather follows perm, max is 0.2,
    // Benjamini-Hochberg at 0.05 keeps ranks 1-2 (0.003, 0.01), sqrt 2.25 = 1.5
    expect(byName.get("roundtrip")).toBe(hex(new Float64Array([0.1, -2.5, 1e300, -0])));
    expect(byName.get("gathered")).toBe(hex(new Float64Array([1e300, 0.1, -0, -2.5])));
    expect(byName.get("maxshuf")).toBe(hex(new Float32Array([0.2])));
    expect(byName.get("rejected")).toBe("01000100");
    expect(byName.get("sqrt32")?.slice(0, 8)).toBe(hex(new Uint32Array([1.5 * 65536])));
  });
});
