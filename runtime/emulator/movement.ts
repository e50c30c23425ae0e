/**
 * Private data movement and conversion in the clear: conv/reshare between types,
 * bit_extract, randomize, gather/scatter by public indices, the oblivious shuffles
 * (vecshuf*, matshuf*: random, keyed, and inverse-keyed permutations), share
 * import/export (in the emulator the "shares" are the plain values, little-endian),
 * get_type_size, the classify/declassify/fill/assign syscalls, and mat_mult.
 */
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import type { SyscallResult } from "../../vm/backend.js";
import { bytesOf, type TypedVector } from "../../vm/values.js";
import type { Call } from "./call.js";
import { elementValue, newStorage, toPublic, valueToElement } from "./representation.js";

/** (pd, a, out): value conversion (conv) or resharing (reshare) into the target type. */
export function runConvert(c: Call): void {
  const to = c.parsed.to!;
  const a = c.operand(0);
  const o = c.output();
  if (a.length !== o.length) c.fail("input and output lengths differ");
  for (let i = 0; i < o.length; i++) o[i] = valueToElement(to, elementValue(c.type, a[i]!));
}

/**
 * (pd, a, out): out[i * bits + j] = bit j (least significant first) of a[i].
 * Works on 32-bit words of the input's buffer (a 64-bit element is its two
 * little-endian words), never on a BigInt per bit.
 */
export function runBitExtract(c: Call): void {
  const a = c.operand(0);
  const o = c.output();
  const bits = c.type.bits;
  if (o.length !== a.length * bits) c.fail(`output must have ${a.length * bits} elements`);
  if (a instanceof BigInt64Array || a instanceof BigUint64Array) {
    const w = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
    for (let i = 0; i < a.length; i++) {
      const lo = w[2 * i]!;
      const hi = w[2 * i + 1]!;
      const base = i * 64;
      for (let j = 0; j < 32; j++) o[base + j] = (lo >>> j) & 1;
      for (let j = 0; j < 32; j++) o[base + 32 + j] = (hi >>> j) & 1;
    }
    return;
  }
  for (let i = 0; i < a.length; i++) {
    const v = (a[i] as number) | 0;
    const base = i * bits;
    for (let j = 0; j < bits; j++) o[base + j] = (v >>> j) & 1;
  }
}

/** (pd, out): uniformly random elements. */
export function runRandomize(c: Call): void {
  const o = c.output();
  const bytes = bytesOf(o);
  bytes.set(randomBytes(bytes.length));
  if (c.type.cls === "bool") for (let i = 0; i < o.length; i++) o[i] = (o[i] as number) & 1;
}

function indexList(c: Call, n: number): number[] {
  const pub = c.publics().find((a) => a.tag === "cref" || a.tag === "ref");
  if (pub === undefined || pub.tag === "scalar" || pub.tag === "private") return c.fail("needs a __cref index vector");
  return Array.from(pub.data as ArrayLike<number | bigint>, (x) => {
    const i = Number(x);
    if (!Number.isInteger(i) || i < 0 || i >= n) c.fail(`index ${String(x)} is out of range (${n})`);
    return i;
  });
}

/** (pd, src, out, __cref indices): out[i] = src[indices[i]]. */
export function runGather(c: Call): void {
  const [src, out] = c.privates();
  if (src === undefined || out === undefined) return c.fail("needs (pd, src, out, __cref indices)");
  const idx = indexList(c, src.data.length);
  if (idx.length !== out.data.length) c.fail("index list and output lengths differ");
  for (let i = 0; i < idx.length; i++) out.data[i] = src.data[idx[i]!]!;
}

/** (pd, src, out, __cref indices): out[indices[i]] = src[i]. */
export function runScatter(c: Call): void {
  const [src, out] = c.privates();
  if (src === undefined || out === undefined) return c.fail("needs (pd, src, out, __cref indices)");
  const idx = indexList(c, out.data.length);
  if (idx.length !== src.data.length) c.fail("index list and source lengths differ");
  for (let i = 0; i < idx.length; i++) out.data[idx[i]!] = src.data[i]!;
}

// ---------------------------------------------------------------- shuffles

/** Random 32-bit words, drawn in blocks. */
export type WordSource = (count: number) => Uint32Array;

function wordsOf(bytes: Uint8Array): Uint32Array {
  const w = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(w.buffer).set(bytes.subarray(0, w.length * 4));
  return w;
}

/** Words from the system's cryptographic generator, one randomBytes call per block. */
export const systemWords: WordSource = (count) => wordsOf(randomBytes(count * 4));

/**
 * A uniformly random permutation of n (Fisher-Yates). Random words come in one
 * block of n-1 words; a word at or above the largest multiple of the bound is
 * rejected and redrawn (from a further block), so there is no modulo bias.
 */
export function permutation(n: number, words: WordSource): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  let pool = words(Math.max(n - 1, 0));
  let pos = 0;
  for (let i = n - 1; i > 0; i--) {
    const bound = i + 1;
    const limit = Math.floor(0x100000000 / bound) * bound;
    let r: number;
    for (;;) {
      if (pos >= pool.length) {
        pool = words(Math.max(16, i));
        pos = 0;
      }
      r = pool[pos++]!;
      if (r < limit) break;
    }
    const j = r % bound;
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/**
 * A deterministic word source from a key: the AES-256-CTR keystream under
 * SHA-256(key) with a zero IV, so one cipher call yields a whole block of words
 * and a later block continues the same stream.
 */
function keyedSource(key: Uint8Array): WordSource {
  const cipher = createCipheriv("aes-256-ctr", createHash("sha256").update(key).digest(), new Uint8Array(16));
  return (count) => wordsOf(new Uint8Array(cipher.update(new Uint8Array(count * 4))));
}

/**
 * vecshuf(pd, a [, out]), vecshufkey(pd, a [, out], key), vecshufinv(pd, a [, out],
 * key) and the matshuf variants with a public row length (pd, a [, out], cols
 * [, key]): permute elements (rows), in place unless an output is given.
 */
export function runShuffle(c: Call): void {
  const op = c.parsed.op;
  const keyed = op.endsWith("key") || op.endsWith("inv");
  const privs = c.privates();
  const key = keyed ? privs.pop() : undefined;
  const src = privs[0];
  if (src === undefined || (keyed && key === undefined)) return c.fail("missing private arguments");
  const out = privs[1]?.data ?? src.data;
  const isMatrix = op.startsWith("mat");
  const cols = isMatrix ? c.publicInt(c.args.findIndex((a) => a.tag !== "private")) : 1;
  if (cols <= 0 || src.data.length % cols !== 0) c.fail(`cannot split ${src.data.length} elements into rows of ${cols}`);
  const rows = src.data.length / cols;
  const perm = permutation(rows, key === undefined ? systemWords : keyedSource(bytesOf(key.data)));
  const copy = src.data.slice();
  const inverse = op.endsWith("inv");
  for (let r = 0; r < rows; r++) {
    const from = inverse ? r : perm[r]!;
    const to = inverse ? perm[r]! : r;
    for (let k = 0; k < cols; k++) out[to * cols + k] = copy[from * cols + k]!;
  }
}

// ---------------------------------------------------------------- shares, sizes, built-ins

/** get_shares(pd, a, [__ref bytes], __return n): n = byte size; copies the bytes when a buffer is given. */
export function runGetShares(c: Call): SyscallResult {
  const [a] = c.privates();
  if (a === undefined) return c.fail("needs a private vector");
  const bytes = bytesOf(a.data);
  const buf = c.publics().find((x) => x.tag === "ref");
  if (buf !== undefined && buf.tag === "ref") buf.bytes.set(bytes.subarray(0, Math.min(bytes.length, buf.bytes.length)));
  return BigInt(bytes.length);
}

/** set_shares(pd, [out], __cref bytes, [__return n]): n = element count; fills out when given. */
export function runSetShares(c: Call): SyscallResult {
  const src = c.publics().find((x) => x.tag === "cref" || x.tag === "ref");
  if (src === undefined || (src.tag !== "cref" && src.tag !== "ref")) return c.fail("needs a __cref byte vector");
  const size = bytesOf(newStorage(c.type, 1)).length;
  const bytes = src.bytes;
  if (bytes.length % size !== 0) c.fail(`${bytes.length} bytes is not a whole number of ${c.type.name} values`);
  const [out] = c.privates();
  if (out !== undefined) {
    const target = bytesOf(out.data);
    if (target.length !== bytes.length) c.fail(`the output holds ${target.length} bytes, the input has ${bytes.length}`);
    target.set(bytes);
    if (c.type.cls === "bool") for (let i = 0; i < out.data.length; i++) out.data[i] = out.data[i] ? 1 : 0;
  }
  return BigInt(bytes.length / size);
}

export function runTypeSize(c: Call): SyscallResult {
  return BigInt(bytesOf(newStorage(c.type, 1)).length);
}

/** classify(pd, __cref public, out), fill(pd, value, out), assign(pd, a, out), declassify(pd, a, __ref public). */
export function runBuiltin(c: Call): SyscallResult {
  switch (c.parsed.op) {
    case "classify":
    case "fill": {
      const o = c.output();
      const v = c.operand(0);
      for (let i = 0; i < o.length; i++) o[i] = v[v.length === 1 ? 0 : i]!;
      return undefined;
    }
    case "assign": {
      const [a, o] = c.privates();
      if (a === undefined || o === undefined || a.data.length !== o.data.length) return c.fail("needs two private vectors of one length");
      o.data.set(a.data as never);
      return undefined;
    }
    case "declassify": {
      const [a] = c.privates();
      const out = c.publics().find((x) => x.tag === "ref");
      if (a === undefined || out === undefined || out.tag !== "ref") return c.fail("needs (pd, a, __ref out)");
      const pub = toPublic(c.type, a.data);
      (out.data as TypedVector).set(pub as never);
      return undefined;
    }
    default:
      return c.fail("unknown operation");
  }
}

/**
 * The pairwise sum of float terms: level by level, adjacent pairs (0+1, 2+3, ...)
 * are added and rounded, an odd last term carried; no terms give +0.
 */
function pairwiseSum(terms: number[], round: (x: number) => number): number {
  if (terms.length === 0) return 0;
  let level = terms;
  while (level.length > 1) {
    const next: number[] = [];
    for (let t = 0; t + 1 < level.length; t += 2) next.push(round(level[t]! + level[t + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

/**
 * mat_mult(pd, a, b, out, m, n, p): out (m x p) = a (m x n) * b (n x p), ring
 * arithmetic; mat_multx on xor types uses AND for products and XOR for sums.
 * Fixed point: the exact sum of the exact products of the signed scaled values,
 * floor-shifted once by the fractional bits. Floats: each product rounded to the
 * type, then the products of a cell summed pairwise (pairwiseSum), every sum
 * rounded to the type: the order the three-party circuits compute
 * (runtime/shared3p/movement/matmult-float.ts).
 */
export function runMatMult(c: Call): void {
  const [a, b, o] = c.privates();
  if (a === undefined || b === undefined || o === undefined) return c.fail("needs (pd, a, b, out, m, n, p)");
  const pubs = c.args.map((x, i) => (x.tag === "private" ? -1 : i)).filter((i) => i >= 0);
  const [m, n, p] = pubs.map((i) => c.publicInt(i));
  if (m === undefined || n === undefined || p === undefined) return c.fail("needs the dimensions m, n, p");
  if (a.data.length !== m * n || b.data.length !== n * p || o.data.length !== m * p) c.fail("dimensions do not match the vectors");
  const r = c.type;
  const xor = c.parsed.op === "mat_multx";
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < p; j++) {
      if (xor) {
        let s = 0n;
        for (let k = 0; k < n; k++) s ^= BigInt(a.data[i * n + k]!) & BigInt(b.data[k * p + j]!);
        o.data[i * p + j] = r.big ? s : Number(s);
      } else if (r.cls === "float") {
        const round = r.bits === 32 ? Math.fround : (x: number) => x;
        const terms: number[] = [];
        for (let k = 0; k < n; k++) terms.push(round((a.data[i * n + k] as number) * (b.data[k * p + j] as number)));
        o.data[i * p + j] = pairwiseSum(terms, round);
      } else {
        let s = 0n;
        for (let k = 0; k < n; k++) {
          const x = BigInt(a.data[i * n + k]!);
          const y = BigInt(b.data[k * p + j]!);
          s += r.cls === "fix" ? BigInt.asIntN(r.bits, x) * BigInt.asIntN(r.bits, y) : x * y;
        }
        if (r.cls === "fix") s >>= BigInt(r.frac);
        const w = BigInt.asUintN(r.bits, s);
        o.data[i * p + j] = r.big ? w : Number(w);
      }
    }
  }
}

