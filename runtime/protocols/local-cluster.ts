/**
 * Three parties in one process: contexts over the in-memory transport with PRGs from a
 * seed. For tests, benchmarks and the single-process emulator; a deployment builds one
 * PartyContext per process over TCP instead.
 */
import { deterministicKeys, createPartyPrgs } from "../prg.js";
import { type CountingTransport, memoryTransports } from "../net/memory.js";
import { PartyContext } from "./context.js";

export interface LocalCluster {
  readonly parties: readonly [PartyContext, PartyContext, PartyContext];
  readonly transports: readonly [CountingTransport, CountingTransport, CountingTransport];
}

export function localCluster(seed = "local-cluster"): LocalCluster {
  const transports = memoryTransports();
  const keys = deterministicKeys(seed);
  const parties = transports.map((t, i) => new PartyContext(t.self, t, createPartyPrgs(keys[i] as (typeof keys)[number]))) as unknown as [PartyContext, PartyContext, PartyContext];
  return { parties, transports };
}

/** Runs `f` at all three parties concurrently and collects the results in party order. */
export async function runParties<T>(cluster: LocalCluster, f: (ctx: PartyContext, party: 0 | 1 | 2) => T | Promise<T>): Promise<[T, T, T]> {
  const [a, b, c] = cluster.parties;
  return (await Promise.all([f(a, 0), f(b, 1), f(c, 2)])) as [T, T, T];
}
