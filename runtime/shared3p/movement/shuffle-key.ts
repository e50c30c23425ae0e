/**
 * Shuffle keys at one party. The generated shuffle protocols (arith.tripl
 * `shuffle<n>`, `unshuffle<n>`) take a Key: a number naming where the two parties
 * of a pair read their permutation in their pair keystream (instance = key).
 *
 * - A fresh key (vecshuf, matshuf) is a new instance id from the party context: no
 *   protocol ever draws from it, both parties of each pair derive the same
 *   permutation, and the third party cannot.
 * - A shared key (vecshufkey, vecshufinv, ...: a private vector, normally 32 bytes
 *   from randomize) must give the same permutation every time it is used, yet stay
 *   unreadable to every single party. Party i hashes its own share of the key with a
 *   secret of its pair (i, i+1) (32 bytes of their pair keystream at a reserved
 *   instance) and sends the digest to party i+1 (one round, 32 bytes per party);
 *   the pair (i, i+1) then reads its permutation from a keystream under that digest.
 *   The third party knows neither the pair secret nor, in general, the share, so
 *   each party still misses one of the three permutations. The permutation is a
 *   function of the key's sharing: copies of a key shuffle alike, a re-shared key
 *   (same value, new shares) shuffles differently.
 *
 * `keyedContext` returns a PartyContext whose pair keystreams answer draws at
 * KEY_INSTANCE from the digests and every other draw from the party's own
 * keystreams; instance ids still come from the party's counter.
 */
import { createHash } from "node:crypto";
import type { PartyId } from "../../net/transport.js";
import { Prg, type PartyPrgs } from "../../prg.js";
import { PartyContext } from "../../protocols/context.js";

/** The key number passed to the protocol when the key is shared (never reached by the instance counter). */
export const KEY_INSTANCE = 2 ** 48 - 1;
/** Where a pair reads its pair secret for key digests (also never an instance id). */
const PAIR_SECRET_INSTANCE = 2 ** 48 - 2;
const DIGEST_BYTES = 32;
const LABEL = "secc shared3p shuffle key v1\u0000";

/** A pair keystream that answers draws at KEY_INSTANCE from a key digest. */
class KeyedPrg extends Prg {
  constructor(
    private readonly base: Prg,
    digest: Uint8Array,
  ) {
    super(digest.subarray(0, 16));
  }

  override draw(instance: number, round: number, bytes: number): Uint8Array {
    return instance === KEY_INSTANCE ? super.draw(0, round, bytes) : this.base.draw(instance, round, bytes);
  }
}

/** A party context with keyed pair streams; protocol instance ids come from `base`. */
class KeyedContext extends PartyContext {
  constructor(
    private readonly base: PartyContext,
    prgs: PartyPrgs,
  ) {
    super(base.party, base.transport, prgs);
  }

  override newInstance(): number {
    return this.base.newInstance();
  }
}

/** Party `party`'s digest for the pair (party, party + 1): H(label ‖ pair secret ‖ own key share). */
function digest(prgs: PartyPrgs, share: Uint8Array): Uint8Array {
  const secret = prgs.next.draw(PAIR_SECRET_INSTANCE, 0, DIGEST_BYTES);
  return new Uint8Array(createHash("sha256").update(LABEL).update(secret).update(share).digest());
}

/**
 * The context in which a shuffle protocol called with key KEY_INSTANCE applies the
 * permutations of the shared key whose share at this party is `share` (record
 * bytes). All three parties must call it at the same point of the program.
 */
export async function keyedContext(ctx: PartyContext, share: Uint8Array): Promise<PartyContext> {
  const me = ctx.party;
  const next = ((me + 1) % 3) as PartyId;
  const prev = ((me + 2) % 3) as PartyId;
  const mine = digest(ctx.prgs, share);
  const inst = ctx.newInstance();
  ctx.transport.send(next, inst, 0, mine.slice());
  const theirs = await ctx.transport.receive(prev, inst, 0);
  if (theirs.byteLength !== DIGEST_BYTES) throw new Error(`shuffle key: bad digest frame of ${theirs.byteLength} bytes from party ${prev}`);
  const prgs: PartyPrgs = { next: new KeyedPrg(ctx.prgs.next, mine), prev: new KeyedPrg(ctx.prgs.prev, theirs.slice()), own: ctx.prgs.own };
  return new KeyedContext(ctx, prgs);
}
