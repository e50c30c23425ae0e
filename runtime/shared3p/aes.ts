/**
 * AES on XOR-shared xor_uint32 vectors at one party, for the `shared3p_aes`
 * syscalls (layout and argument conventions in runtime/emulator/aes.ts, which is
 * the reference these must equal).
 *
 * Everything in AES is linear over GF(2) and therefore local on XOR shares
 * (ShiftRows, MixColumns, AddRoundKey, the S-box's affine map; party 0 alone adds
 * the constant 0x63), except the S-box's inversion in GF(2^8). That is computed as
 * x^254 with the addition chain x^3 = x^2·x; x^14 = x^12·x^2 and x^15 = x^12·x^3;
 * x^254 = (x^15)^16·x^14, where squarings are linear (local) and the four
 * multiplications run in 3 rounds. A multiplication of shared bytes a·b is
 * ⊕_j x^j·(a ∧ b_j): the eight ANDs of a with each bit of b (replicated to a byte,
 * which is a valid XOR sharing of the replicated bit) are one `and<8>` call over
 * 8 lanes per byte, and the rest is local. Intermediate values are outputs of
 * and<8>, re-randomised by it; nothing is opened.
 *
 * Cost: 3 rounds per S-box layer, so 3·Nr rounds to encrypt (30 for AES-128) and
 * 3·(number of SubWord steps) to expand a key (30 for AES-128).
 */
import { AES_SHAPE, affineLinear, expandedWords, gmul, mixColumns, shiftRows, xtime, type AesBits, type AesOp } from "../emulator/aes.js";
import { fail, privates, type Handler } from "./handler.js";

/** Runs `and<8>` on two byte vectors of the same length. */
export type AndBytes = (a: Uint8Array, b: Uint8Array) => Promise<Uint8Array>;

/** Squaring in GF(2^8) is linear over GF(2): a table applied to each share. */
const SQUARE = Uint8Array.from({ length: 256 }, (_, x) => gmul(x, x));

function squareTimes(v: Uint8Array, times: number): Uint8Array {
  const out = v.slice();
  for (let t = 0; t < times; t++) for (let i = 0; i < out.length; i++) out[i] = SQUARE[out[i]!]!;
  return out;
}

/** Several GF(2^8) products a[k]·b[k] of shared byte vectors in one and<8> call. */
async function gfMulMany(and: AndBytes, pairs: readonly (readonly [Uint8Array, Uint8Array])[]): Promise<Uint8Array[]> {
  const total = pairs.reduce((n, [a]) => n + a.length, 0);
  const x = new Uint8Array(8 * total);
  const y = new Uint8Array(8 * total);
  let off = 0;
  for (const [a, b] of pairs) {
    for (let j = 0; j < 8; j++) {
      const base = off * 8 + j * a.length;
      x.set(a, base);
      for (let i = 0; i < a.length; i++) y[base + i] = (b[i]! >>> j) & 1 ? 0xff : 0;
    }
    off += a.length;
  }
  const z = await and(x, y);
  const out: Uint8Array[] = [];
  off = 0;
  for (const [a] of pairs) {
    const c = new Uint8Array(a.length);
    for (let i = 0; i < a.length; i++) {
      // Σ_j x^j·z_j by Horner: ((z_7·x + z_6)·x + ...)·x + z_0
      let acc = 0;
      for (let j = 7; j >= 0; j--) acc = xtime(acc) ^ z[off * 8 + j * a.length + i]!;
      c[i] = acc;
    }
    out.push(c);
    off += a.length;
  }
  return out;
}

/** The S-box on every byte of a shared vector (3 rounds). */
export async function subBytes(and: AndBytes, party: number, x: Uint8Array): Promise<Uint8Array> {
  const x2 = squareTimes(x, 1);
  const [x3] = (await gfMulMany(and, [[x2, x]])) as [Uint8Array];
  const x12 = squareTimes(x3, 2);
  const [x14, x15] = (await gfMulMany(and, [[x12, x2], [x12, x3]])) as [Uint8Array, Uint8Array];
  const [inv] = (await gfMulMany(and, [[squareTimes(x15, 4), x14]])) as [Uint8Array];
  const out = new Uint8Array(inv.length);
  for (let i = 0; i < inv.length; i++) out[i] = affineLinear(inv[i]!) ^ (party === 0 ? 0x63 : 0);
  return out;
}

/** Big-endian bytes of words. */
function toBytes(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out[4 * i] = w >>> 24;
    out[4 * i + 1] = (w >>> 16) & 0xff;
    out[4 * i + 2] = (w >>> 8) & 0xff;
    out[4 * i + 3] = w & 0xff;
  }
  return out;
}

function toWords(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = ((bytes[4 * i]! << 24) | (bytes[4 * i + 1]! << 16) | (bytes[4 * i + 2]! << 8) | bytes[4 * i + 3]!) >>> 0;
  return out;
}

/** Expands k keys (k·Nk words, one after the other) into k expanded keys. */
export async function expandKeys(and: AndBytes, party: number, bits: AesBits, keys: Uint32Array): Promise<Uint32Array> {
  const nk = AES_SHAPE[bits].keyWords;
  const ew = expandedWords(bits);
  const k = keys.length / nk;
  const out = new Uint32Array(k * ew);
  for (let j = 0; j < k; j++) out.set(keys.subarray(j * nk, (j + 1) * nk), j * ew);
  let rcon = 1;
  for (let i = nk; i < ew; i++) {
    const prev = new Uint32Array(k);
    for (let j = 0; j < k; j++) prev[j] = out[j * ew + i - 1]!;
    let t: Uint32Array = prev;
    if (i % nk === 0 || (nk > 6 && i % nk === 4)) {
      const rotated = i % nk === 0 ? prev.map((w) => ((w << 8) | (w >>> 24)) >>> 0) : prev;
      t = toWords(await subBytes(and, party, toBytes(rotated)));
      if (i % nk === 0) {
        if (party === 0) for (let j = 0; j < k; j++) t[j] = (t[j]! ^ (rcon << 24)) >>> 0;
        rcon = xtime(rcon);
      }
    }
    for (let j = 0; j < k; j++) out[j * ew + i] = (out[j * ew + i - nk]! ^ t[j]!) >>> 0;
  }
  return out;
}

/**
 * Encrypts n blocks (4n words); block b uses expanded key b, or the single
 * expanded key for every block when `single`.
 */
export async function encryptBlocks(and: AndBytes, party: number, bits: AesBits, blocks: Uint32Array, expanded: Uint32Array, single: boolean): Promise<Uint32Array> {
  const rounds = AES_SHAPE[bits].rounds;
  const ew = expandedWords(bits);
  const n = blocks.length / 4;
  // round key r of block b, as 16 bytes at b*16
  const roundKey = (r: number): Uint8Array => {
    const words = new Uint32Array(4 * n);
    for (let b = 0; b < n; b++) words.set(expanded.subarray((single ? 0 : b * ew) + 4 * r, (single ? 0 : b * ew) + 4 * r + 4), 4 * b);
    return toBytes(words);
  };
  // state byte of block b, row r, column c at b*16 + c*4 + r (the word layout)
  let s = toBytes(blocks);
  xorInto(s, roundKey(0));
  for (let r = 1; r <= rounds; r++) {
    s = await subBytes(and, party, s);
    shiftRows(s);
    if (r < rounds) mixColumns(s);
    xorInto(s, roundKey(r));
  }
  return toWords(s);
}

function xorInto(s: Uint8Array, k: Uint8Array): void {
  for (let i = 0; i < s.length; i++) s[i] = s[i]! ^ k[i]!;
}

/** The handler of the AES syscalls (shapes checked as the emulator checks them). */
export function aesHandler(bits: AesBits, op: AesOp): Handler {
  return {
    needs: () => ["and<8>"],
    run: async (p, c) => {
      const words = privates(c).map((a) => a.handle);
      if (words.some((h) => !(h instanceof Uint32Array))) fail(c, "every operand must be a private xor_uint32 vector");
      const [first, second, out] = words as Uint32Array[];
      const and: AndBytes = async (a, b) => (await p.runner.run("and<8>", a.length, [a, b])) as Uint8Array;
      const nk = AES_SHAPE[bits].keyWords;
      const ew = expandedWords(bits);
      if (op === "expand_key") {
        if (words.length !== 2 || first!.length % nk !== 0 || second!.length !== (first!.length / nk) * ew) fail(c, `needs (pd, keys of ${nk}·k words, out of ${ew}·k words)`);
        second!.set(await expandKeys(and, p.party, bits, first!));
        return;
      }
      const n = (first?.length ?? 0) / 4;
      const single = op === "single_key";
      if (words.length !== 3 || !Number.isInteger(n) || second!.length !== (single ? ew : n * ew) || out!.length !== first!.length) {
        fail(c, `needs (pd, blocks of 4·n words, expanded key${single ? ` of ${ew} words` : `s of ${ew}·n words`}, out of 4·n words)`);
      }
      out!.set(await encryptBlocks(and, p.party, bits, first!, second!, single));
    },
  };
}
