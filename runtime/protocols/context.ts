/**
 * The party context the generated protocol code runs against: which party this is,
 * its transport to the two peers, its three keystreams, and the protocol instance
 * counter. Every protocol call takes the next instance id; all three parties execute
 * the same program, so ids agree by construction (program order, never arrival
 * order) and tag both the messages and the keystream draws of that call.
 */
import type { PartyPrgs } from "../prg.js";
import type { PartyId, Transport } from "../net/transport.js";

export class PartyContext {
  private instanceCounter = 0;

  constructor(
    readonly party: PartyId,
    readonly transport: Transport,
    readonly prgs: PartyPrgs,
  ) {}

  /** The id of the next protocol instance (program order). */
  newInstance(): number {
    return this.instanceCounter++;
  }
}
