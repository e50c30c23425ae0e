/**
 * AES (FIPS-197) on private xor_uint32 vectors in the clear, for the emulator's
 * `shared3p_aes` syscalls. Conventions (ours, documented in stdlib/shared3p_aes.sc):
 * a 32-bit word holds four bytes big-endian (the first byte in bits 31..24), as
 * FIPS-197 writes key and column words; a block is 4 consecutive words; a key of
 * AES-128/192/256 is 4/6/8 words and its expanded form 44/52/60 words (the round
 * keys in order).
 *
 * - `aesN_xor_uint32_vec_expand_key(pd, keys, out)`: keys holds k keys one after
 *   the other, out receives their k expanded keys.
 * - `aesN_xor_uint32_vec(pd, blocks, expanded, out)`: block i is encrypted with
 *   expanded key i (n blocks, n expanded keys).
 * - `aesN_single_key_xor_uint32_vec(pd, blocks, expanded, out)`: every block with
 *   the one expanded key.
 */
import type { SyscallArg } from "../../vm/backend.js";
import { VmError } from "../../vm/errors.js";

export type AesBits = 128 | 192 | 256;
export type AesOp = "expand_key" | "encrypt" | "single_key";

/** Key words and rounds per variant. */
export const AES_SHAPE: Readonly<Record<AesBits, { readonly keyWords: number; readonly rounds: number }>> = {
  128: { keyWords: 4, rounds: 10 },
  192: { keyWords: 6, rounds: 12 },
  256: { keyWords: 8, rounds: 14 },
};

/** Words of an expanded key. */
export const expandedWords = (bits: AesBits): number => 4 * (AES_SHAPE[bits].rounds + 1);

const SYSCALL_RE = /^aes(128|192|256)_(single_key_)?xor_uint32_vec(_expand_key)?$/;

/** Variant and operation of an AES syscall name (after `kind::`), undefined for other names. */
export function parseAesSyscall(bare: string): { bits: AesBits; op: AesOp } | undefined {
  const m = SYSCALL_RE.exec(bare);
  if (m === null || (m[2] !== undefined && m[3] !== undefined)) return undefined;
  return { bits: Number(m[1]) as AesBits, op: m[3] !== undefined ? "expand_key" : m[2] !== undefined ? "single_key" : "encrypt" };
}

/** The S-box, computed from its definition: inverse in GF(2^8) followed by the affine map. */
export const SBOX: Uint8Array = buildSbox();

/** Multiplication by x in GF(2^8) (modulo x^8 + x^4 + x^3 + x + 1); linear over GF(2). */
export function xtime(b: number): number {
  return ((b << 1) ^ (b & 0x80 ? 0x1b : 0)) & 0xff;
}

/** Multiplication in GF(2^8). */
export function gmul(a: number, b: number): number {
  let p = 0;
  for (let i = 0; i < 8; i++) {
    if ((b >>> i) & 1) p ^= a;
    a = xtime(a);
  }
  return p;
}

/** The linear part of the S-box's affine map (the map is this, then XOR 0x63). */
export function affineLinear(b: number): number {
  let s = b;
  for (let r = 1; r <= 4; r++) s ^= ((b << r) | (b >>> (8 - r))) & 0xff;
  return s;
}

function buildSbox(): Uint8Array {
  const box = new Uint8Array(256);
  for (let x = 0; x < 256; x++) {
    let inv = 0;
    for (let y = 1; y < 256 && x !== 0; y++) {
      if (gmul(x, y) === 1) {
        inv = y;
        break;
      }
    }
    box[x] = affineLinear(inv) ^ 0x63;
  }
  return box;
}

const subWord = (w: number): number =>
  ((SBOX[w >>> 24]! << 24) | (SBOX[(w >>> 16) & 0xff]! << 16) | (SBOX[(w >>> 8) & 0xff]! << 8) | SBOX[w & 0xff]!) >>> 0;
const rotWord = (w: number): number => ((w << 8) | (w >>> 24)) >>> 0;

/** The round keys of one key (FIPS-197 §5.2). */
export function expandKey(bits: AesBits, key: Uint32Array): Uint32Array {
  const { keyWords: nk } = AES_SHAPE[bits];
  const out = new Uint32Array(expandedWords(bits));
  out.set(key.subarray(0, nk));
  let rcon = 1;
  for (let i = nk; i < out.length; i++) {
    let t = out[i - 1]!;
    if (i % nk === 0) {
      t = (subWord(rotWord(t)) ^ (rcon << 24)) >>> 0;
      rcon = gmul(rcon, 2);
    } else if (nk > 6 && i % nk === 4) t = subWord(t);
    out[i] = (out[i - nk]! ^ t) >>> 0;
  }
  return out;
}

/** Encrypts one block (4 words) with an expanded key (FIPS-197 §5.1). */
export function encryptBlock(bits: AesBits, expanded: Uint32Array, block: Uint32Array): Uint32Array {
  const rounds = AES_SHAPE[bits].rounds;
  // state[c * 4 + r]: byte r of column c
  const s = new Uint8Array(16);
  for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) s[c * 4 + r] = (block[c]! >>> (24 - 8 * r)) & 0xff;
  addRoundKey(s, expanded, 0);
  for (let round = 1; round <= rounds; round++) {
    for (let i = 0; i < 16; i++) s[i] = SBOX[s[i]!]!;
    shiftRows(s);
    if (round < rounds) mixColumns(s);
    addRoundKey(s, expanded, round);
  }
  const out = new Uint32Array(4);
  for (let c = 0; c < 4; c++) out[c] = ((s[c * 4]! << 24) | (s[c * 4 + 1]! << 16) | (s[c * 4 + 2]! << 8) | s[c * 4 + 3]!) >>> 0;
  return out;
}

function addRoundKey(s: Uint8Array, w: Uint32Array, round: number): void {
  for (let c = 0; c < 4; c++) {
    const k = w[round * 4 + c]!;
    for (let r = 0; r < 4; r++) s[c * 4 + r] = s[c * 4 + r]! ^ ((k >>> (24 - 8 * r)) & 0xff);
  }
}

/**
 * ShiftRows on consecutive 16-byte states (byte r of column c at c*4 + r), in
 * place. Linear, so it applies to XOR shares as well.
 */
export function shiftRows(s: Uint8Array): void {
  const t = s.slice();
  for (let b = 0; b < s.length; b += 16) for (let c = 0; c < 4; c++) for (let r = 1; r < 4; r++) s[b + c * 4 + r] = t[b + ((c + r) % 4) * 4 + r]!;
}

/** MixColumns on consecutive columns of 4 bytes, in place (2a0 + 3a1 + a2 + a3 ... written with xtime); linear. */
export function mixColumns(s: Uint8Array): void {
  for (let c = 0; c < s.length; c += 4) {
    const a0 = s[c]!, a1 = s[c + 1]!, a2 = s[c + 2]!, a3 = s[c + 3]!;
    const all = a0 ^ a1 ^ a2 ^ a3;
    s[c] = a0 ^ all ^ xtime(a0 ^ a1);
    s[c + 1] = a1 ^ all ^ xtime(a1 ^ a2);
    s[c + 2] = a2 ^ all ^ xtime(a2 ^ a3);
    s[c + 3] = a3 ^ all ^ xtime(a3 ^ a0);
  }
}

/** Runs an AES syscall on plain-text handles; returns the number of lanes (input words). */
export function runAes(name: string, bits: AesBits, op: AesOp, args: readonly SyscallArg[]): number {
  const privs = args.filter((a) => a.tag === "private").map((a) => (a.tag === "private" ? a.handle : undefined));
  if (privs.some((h) => !(h instanceof Uint32Array))) throw new VmError(`syscall ${name}: every operand must be a private xor_uint32 vector`);
  const words = privs as Uint32Array[];
  const ew = expandedWords(bits);
  const nk = AES_SHAPE[bits].keyWords;
  if (op === "expand_key") {
    const [keys, out] = words;
    if (words.length !== 2 || keys!.length % nk !== 0 || out!.length !== (keys!.length / nk) * ew) {
      throw new VmError(`syscall ${name}: needs (pd, keys of ${nk}·k words, out of ${ew}·k words)`);
    }
    for (let k = 0; k < keys!.length / nk; k++) out!.set(expandKey(bits, keys!.subarray(k * nk, (k + 1) * nk)), k * ew);
    return keys!.length;
  }
  const [blocks, expanded, out] = words;
  const n = (blocks?.length ?? 0) / 4;
  const keysNeeded = op === "single_key" ? ew : n * ew;
  if (words.length !== 3 || !Number.isInteger(n) || expanded!.length !== keysNeeded || out!.length !== blocks!.length) {
    throw new VmError(`syscall ${name}: needs (pd, blocks of 4·n words, expanded key${op === "single_key" ? ` of ${ew} words` : `s of ${ew}·n words`}, out of 4·n words)`);
  }
  for (let i = 0; i < n; i++) {
    const key = op === "single_key" ? expanded! : expanded!.subarray(i * ew, (i + 1) * ew);
    out!.set(encryptBlock(bits, key, blocks!.subarray(i * 4, i * 4 + 4)), i * 4);
  }
  return blocks!.length;
}
