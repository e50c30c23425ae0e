/**
 * Three real party processes over TCP: division, modulo and shifts of private uint32
 * (by private and public operands) and fix32 multiplication give exactly the
 * emulator's results.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argRecords, type Bundles, compileSource, makeBundles, threePartyAgainstEmulator } from "./support.js";

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
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] b = argument("b");
    pd_shared3p uint32[[1]] s = argument("s");
    pd_shared3p fix32[[1]] f = argument("f");
    pd_shared3p fix32[[1]] g = argument("g");
    uint32[[1]] seven(size(a)) = 7;
    publish("quot", a / b);
    publish("rem", a % b);
    publish("quot7", a / seven);
    publish("rem7", a % seven);
    publish("shl", a << s);
    publish("shr", a >> s);
    publish("fprod", f * g);
}
`;

describe("integer operations, three parties over TCP", () => {
  it("/ % << >> on uint32 and fix32 * agree with the emulator", async () => {
    const module = compileSource(bundles.dir, "integer-ops.sc", PROGRAM);
    const records = argRecords(module, [
      "a=100,7,4294967295,0,12345678",
      "b=7,0,65536,3,1",
      "s=3,0,31,32,40",
      "f=1.5,-2.25,0.0001,-300.5,7",
      "g=2.5,3.5,-0.0001,-0.125,0",
    ]);
    const { got } = await threePartyAgainstEmulator(bundles, module, records);
    const u32 = (name: string) => {
      const r = got.results.find((x) => x.name === name);
      return r === undefined ? undefined : [...new Uint32Array(r.data.slice().buffer)];
    };
    expect(u32("quot")).toEqual([14, 0, 65535, 0, 12345678]);
    expect(u32("rem")).toEqual([2, 0, 65535, 0, 0]);
    expect(u32("shl")).toEqual([800, 7, 2 ** 31, 0, 0]);
    expect(u32("shr")).toEqual([12, 7, 1, 0, 0]);
  });
});
