/**
 * The three-party AES syscalls (runtime/shared3p/aes.ts) on the in-memory cluster:
 * key expansion and encryption of shared words reconstruct to what node:crypto's
 * AES-ECB computes (an independent implementation), for the three key sizes, one
 * key per block and a single key; rounds are 3 per S-box layer.
 */
import { createCipheriv } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeBackends, open, outputOf, priv, share, syscallAll } from "./support.js";

type Bits = 128 | 192 | 256;
const SHAPE: Record<Bits, { nk: number; ew: number; rounds: number }> = {
  128: { nk: 4, ew: 44, rounds: 10 },
  192: { nk: 6, ew: 52, rounds: 12 },
  256: { nk: 8, ew: 60, rounds: 14 },
};
const backends = makeBackends("aes-tests");
const hexOf = (ws: readonly bigint[]): string => ws.map((w) => w.toString(16).padStart(8, "0")).join("");

function reference(bits: Bits, key: readonly bigint[], blocks: readonly bigint[]): string {
  const c = createCipheriv(`aes-${bits}-ecb`, Buffer.from(hexOf(key), "hex"), null);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(Buffer.from(hexOf(blocks), "hex")), c.final()]).toString("hex");
}

async function run(bits: Bits, key: bigint[], blocks: bigint[], single: boolean): Promise<string> {
  const { ew } = SHAPE[bits];
  const n = blocks.length / 4;
  const keys = share("xor_uint32", single ? key : Array.from({ length: n }, () => key).flat());
  const expanded = outputOf(backends, "xor_uint32", keys.lanes / SHAPE[bits].nk * ew);
  await syscallAll(backends, `shared3p::aes${bits}_xor_uint32_vec_expand_key`, (p) => [priv(keys, p), priv(expanded, p)]);
  const plain = share("xor_uint32", blocks);
  const out = outputOf(backends, "xor_uint32", blocks.length);
  const name = single ? `aes${bits}_single_key_xor_uint32_vec` : `aes${bits}_xor_uint32_vec`;
  await syscallAll(backends, `shared3p::${name}`, (p) => [priv(plain, p), priv(expanded, p), priv(out, p)]);
  return hexOf(open(out) as bigint[]);
}

describe("shared3p AES at three parties", () => {
  it("matches node:crypto for every key size, per-block keys and a single key", async () => {
    const word = fc.bigInt({ min: 0n, max: 0xffffffffn });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Bits>(128, 192, 256), fc.array(word, { minLength: 8, maxLength: 8 }), fc.integer({ min: 1, max: 3 }).chain((n) => fc.array(word, { minLength: 4 * n, maxLength: 4 * n })), fc.boolean(), async (bits, pool, blocks, single) => {
        const key = pool.slice(0, SHAPE[bits].nk);
        const expected = Array.from({ length: blocks.length / 4 }, (_, b) => reference(bits, key, blocks.slice(4 * b, 4 * b + 4))).join("");
        expect(await run(bits, key, blocks, single)).toBe(expected);
      }),
      { numRuns: 8 },
    );
  });

  it("encrypts the FIPS-197 C.1 example in 3 rounds per S-box layer", async () => {
    const before = backends[0].runner.stats.get("and<8>")?.rounds ?? 0;
    const key = [0x00010203n, 0x04050607n, 0x08090a0bn, 0x0c0d0e0fn];
    expect(await run(128, key, [0x00112233n, 0x44556677n, 0x8899aabbn, 0xccddeeffn], true)).toBe("69c4e0d86a7b0430d8cdb78070b4c55a");
    // key expansion: 10 SubWord steps; encryption: 10 SubBytes layers
    expect((backends[0].runner.stats.get("and<8>")?.rounds ?? 0) - before).toBe(3 * 10 + 3 * 10);
  });

  it("rejects misshapen operands with a clear error", async () => {
    const keys = share("xor_uint32", [1n, 2n, 3n]);
    const out = outputOf(backends, "xor_uint32", 44);
    await expect(syscallAll(backends, "shared3p::aes128_xor_uint32_vec_expand_key", (p) => [priv(keys, p), priv(out, p)])).rejects.toThrow(/keys of 4·k words/);
  });
});
