/**
 * shared3p_aes under the emulator: the FIPS-197 example vectors (Appendix A key
 * expansion, Appendix C encryptions) and random keys and blocks compared with
 * Node's own AES-ECB (node:crypto), an independent implementation; plus the
 * shape assertions.
 */
import { createCipheriv } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { program, runProgram } from "./harness.js";

type Bits = 128 | 192 | 256;
const KEY_WORDS: Record<Bits, number> = { 128: 4, 192: 6, 256: 8 };

const words = (hex: string): number[] => hex.match(/.{8}/g)!.map((w) => parseInt(w, 16));
const hexOf = (ws: readonly number[]): string => ws.map((w) => w.toString(16).padStart(8, "0")).join("");
const literal = (ws: readonly number[]): string => `{${ws.map((w) => `${w}`).join(", ")}}`;

/** Node's AES-ECB of `blocks` (hex) under `key` (hex). */
function reference(bits: Bits, keyHex: string, blocksHex: string): string {
  const c = createCipheriv(`aes-${bits}-ecb`, Buffer.from(keyHex, "hex"), null);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(Buffer.from(blocksHex, "hex")), c.final()]).toString("hex");
}

async function encrypt(bits: Bits, keys: number[], blocks: number[], single: boolean): Promise<string> {
  const call = single ? `aes${bits}SingleKeyEncryptEcb` : `aes${bits}EncryptEcb`;
  const body = `
    pd_shared3p xor_uint32[[1]] k = ${literal(keys)};
    pd_shared3p xor_uint32[[1]] p = ${literal(blocks)};
    publish("c", ${call}(aes${bits}ExpandKey(k), p));`;
  const run = await runProgram(program(["shared3p", "shared3p_aes"], body));
  expect(run.error).toBeUndefined();
  return hexOf(run.values.c as number[]);
}

describe("shared3p_aes (emulator)", () => {
  it("expands the FIPS-197 Appendix A.1 key (last round key w40..w43)", async () => {
    const body = `
      pd_shared3p xor_uint32[[1]] k = ${literal(words("2b7e151628aed2a6abf7158809cf4f3c"))};
      publish("w", aes128ExpandKey(k));`;
    const run = await runProgram(program(["shared3p", "shared3p_aes"], body));
    const w = run.values.w as number[];
    expect(w).toHaveLength(44);
    expect(hexOf(w.slice(4, 8))).toBe("a0fafe1788542cb123a339392a6c7605");
    expect(hexOf(w.slice(40))).toBe("d014f9a8c9ee2589e13f0cc8b6630ca6");
  });

  it("encrypts the FIPS-197 Appendix C examples", async () => {
    const plain = words("00112233445566778899aabbccddeeff");
    const key = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    expect(await encrypt(128, words(key.slice(0, 32)), plain, true)).toBe("69c4e0d86a7b0430d8cdb78070b4c55a");
    expect(await encrypt(192, words(key.slice(0, 48)), plain, true)).toBe("dda97ca4864cdfe06eaf70a0ec0d7191");
    expect(await encrypt(256, words(key), plain, false)).toBe("8ea2b7ca516745bfeafc49904b496089");
  });

  it("agrees with node:crypto on random keys and blocks, one key per block and one key for all", async () => {
    const word = fc.integer({ min: 0, max: 0xffffffff });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Bits>(128, 192, 256), fc.array(word, { minLength: 8, maxLength: 8 }), fc.array(fc.array(word, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 3 }), async (bits, keyPool, blockList) => {
          const key = keyPool.slice(0, KEY_WORDS[bits]);
          const blocks = blockList.flat();
          const expected = blockList.map((b) => reference(bits, hexOf(key), hexOf(b))).join("");
          expect(await encrypt(bits, key, blocks, true)).toBe(expected);
          const keys = blockList.flatMap(() => key);
          expect(await encrypt(bits, keys, blocks, false)).toBe(expected);
        }),
      { numRuns: 6 },
    );
  });

  it("generates keys of the right size and stops on misshapen input", async () => {
    const ok = await runProgram(program(["shared3p", "shared3p_aes"], `pd_shared3p xor_uint32[[1]] k = aes192Genkey(3 :: uint); print(size(k));`));
    expect(ok.output).toEqual(["18"]);
    const bad = await runProgram(program(["shared3p", "shared3p_aes"], `pd_shared3p xor_uint32[[1]] k(5); publish("w", aes128ExpandKey(k));`));
    expect(bad.error).toMatch(/assert/i);
  });
});
