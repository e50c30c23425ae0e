/**
 * shared3p_aes through three real party processes over loopback TCP: key
 * expansion and ECB encryption of private words give the emulator's result, which
 * is the FIPS-197 Appendix C.1 ciphertext.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { showResult } from "../../runtime/cli/results.js";
import { checkProgram } from "../../runtime/shared3p/availability.js";
import { type Bundles, compileSource, makeBundles, threePartyAgainstEmulator } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
}, 60_000);
afterAll(() => bundles?.dispose());

const SOURCE = `
import shared3p;
import shared3p_aes;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p xor_uint32[[1]] key = {0x00010203, 0x04050607, 0x08090a0b, 0x0c0d0e0f};
    pd_shared3p xor_uint32[[1]] text = {0x00112233, 0x44556677, 0x8899aabb, 0xccddeeff, 0, 0, 0, 0};
    publish("cipher", aes128SingleKeyEncryptEcb(aes128ExpandKey(key), text));
}
`;

describe("AES under three parties", () => {
  it("agrees with the emulator and FIPS-197", async () => {
    const module = compileSource(bundles.dir, "aes.sc", SOURCE);
    expect(checkProgram(module)).toEqual([]);
    const { got } = await threePartyAgainstEmulator(bundles, module, []);
    const cipher = showResult(module, got.results[0]!).value as number[];
    expect(cipher.slice(0, 4).map((w) => w.toString(16).padStart(8, "0")).join("")).toBe("69c4e0d86a7b0430d8cdb78070b4c55a");
  }, 60_000);
});
