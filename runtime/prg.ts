/**
 * Pairwise seeded randomness for the three-party runtime (protocols.md §1.3).
 *
 * Each party holds three AES-128 keys: the key it shares with the next party, the
 * key it shares with the previous party, and a private key. A `Prg` turns one key
 * into a keystream with AES-128-CTR (node:crypto). The keystream is addressed, not
 * consumed: a draw names (protocol instance id, round, byte length) and the counter
 * block is instance (48 bits) ‖ round (16 bits) ‖ block index (64 bits). Both holders
 * of a pair key therefore obtain identical bytes for the same (instance, round) no
 * matter in which order concurrently running instances draw — the lock-step rule.
 * Instance ids are assigned in program order by the party context, never by
 * message arrival.
 */
import { createCipheriv, createHash } from "node:crypto";

/** Largest byte count drawn with one cipher call (one draw per stream per round). */
const MAX_DRAW = 1 << 30;

let zeros = new Uint8Array(1 << 16);

function zeroBuffer(bytes: number): Uint8Array {
  if (zeros.length < bytes) {
    let size = zeros.length;
    while (size < bytes) size *= 2;
    zeros = new Uint8Array(size);
  }
  return zeros.length === bytes ? zeros : zeros.subarray(0, bytes);
}

/** An addressable AES-128-CTR keystream for one 128-bit key. */
export class Prg {
  private readonly key: Buffer;
  private readonly iv = Buffer.alloc(16);

  constructor(key: Uint8Array) {
    if (key.length !== 16) throw new Error(`PRG key must be 16 bytes, got ${key.length}`);
    this.key = Buffer.from(key);
  }

  /**
   * The keystream bytes of (instance, round), `bytes` long, in a fresh buffer whose
   * byte offset is a multiple of 8 (so typed-array views of any width fit).
   */
  draw(instance: number, round: number, bytes: number): Uint8Array {
    if (!Number.isInteger(instance) || instance < 0 || instance >= 2 ** 48) throw new Error(`bad PRG instance id ${instance}`);
    if (!Number.isInteger(round) || round < 0 || round >= 1 << 16) throw new Error(`bad PRG round ${round}`);
    if (bytes > MAX_DRAW) throw new Error(`PRG draw of ${bytes} bytes exceeds ${MAX_DRAW}`);
    if (bytes <= 0) return new Uint8Array(0);
    const iv = this.iv;
    iv.writeUIntBE(instance, 0, 6);
    iv.writeUInt16BE(round, 6);
    iv.fill(0, 8);
    const cipher = createCipheriv("aes-128-ctr", this.key, iv);
    const out = cipher.update(zeroBuffer(bytes));
    // Buffers from the pool may sit at odd offsets; copy to an aligned one only then.
    if ((out.byteOffset & 7) === 0) return new Uint8Array(out.buffer, out.byteOffset, bytes);
    const aligned = new Uint8Array(bytes);
    aligned.set(out);
    return aligned;
  }
}

/** The three keystreams of one party. */
export interface PartyPrgs {
  /** Shared with party (i+1) mod 3. */
  readonly next: Prg;
  /** Shared with party (i+2) mod 3, i.e. the previous party. */
  readonly prev: Prg;
  /** Known to this party only. */
  readonly own: Prg;
}

/** Key material of one party: 16-byte keys for the next pair, the previous pair, and its own. */
export interface PartyKeys {
  readonly next: Uint8Array;
  readonly prev: Uint8Array;
  readonly own: Uint8Array;
}

export function createPartyPrgs(keys: PartyKeys): PartyPrgs {
  return { next: new Prg(keys.next), prev: new Prg(keys.prev), own: new Prg(keys.own) };
}

function derive(seed: string, label: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(`${seed}\u0000${label}`).digest().subarray(0, 16));
}

/**
 * Keys of all three parties derived from one seed string: for tests, benchmarks and
 * the in-process emulator only (a deployment exchanges random keys, §1.3).
 * Pair key k(i, i+1) is party i's `next` and party i+1's `prev`.
 */
export function deterministicKeys(seed: string): [PartyKeys, PartyKeys, PartyKeys] {
  const pair = [0, 1, 2].map((i) => derive(seed, `pair${i}`));
  const own = [0, 1, 2].map((i) => derive(seed, `own${i}`));
  const keys = [0, 1, 2].map((i) => ({
    next: pair[i] as Uint8Array,
    prev: pair[(i + 2) % 3] as Uint8Array,
    own: own[i] as Uint8Array,
  }));
  return keys as [PartyKeys, PartyKeys, PartyKeys];
}
