/**
 * Runs generated protocol instances by catalogue key (`mul<32>`, `xopen<1>`) for one
 * party and keeps per-protocol statistics: calls, lanes, rounds, bytes sent and
 * received, wall time. Bytes come from the transport's counters when the caller
 * provides them (TCP, frame headers included), else from the catalogue's bytes per
 * lane. Calls are sequential (the VM awaits each private operation), so counter
 * deltas belong to the protocol that ran.
 */
import { PROTOCOLS } from "../protocols/generated/catalog.js";
import type { ProtocolEntry } from "../protocols/catalog-types.js";
import type { PartyContext } from "../protocols/context.js";

const BY_KEY: ReadonlyMap<string, ProtocolEntry> = new Map(PROTOCOLS.map((p) => [p.key, p]));

/** True when the generated catalogue has an instance with this key. */
export function hasProtocol(key: string): boolean {
  return BY_KEY.has(key);
}

export interface ProtocolStats {
  calls: number;
  lanes: number;
  rounds: number;
  bytesSent: number;
  bytesReceived: number;
  milliseconds: number;
}

/** Total bytes this party has sent and received so far. */
export type TrafficCounter = () => { readonly sent: number; readonly received: number };

export class ProtocolRunner {
  readonly stats = new Map<string, ProtocolStats>();

  constructor(
    readonly ctx: PartyContext,
    private readonly traffic?: TrafficCounter,
  ) {}

  /** Runs protocol `key` over `lanes` lanes; resolves to its output. */
  async run(key: string, lanes: number, args: readonly unknown[]): Promise<unknown> {
    const entry = BY_KEY.get(key);
    if (entry === undefined) throw new Error(`protocol ${key} is not in the generated catalogue`);
    const before = this.traffic?.();
    const t0 = performance.now();
    const out = await (entry.fn as (ctx: PartyContext, lanes: number, ...a: readonly unknown[]) => unknown)(this.ctx, lanes, ...args);
    const ms = performance.now() - t0;
    const after = this.traffic?.();
    const own = entry.bytesPerLane[this.ctx.party] ?? 0;
    this.record(key, lanes, entry.rounds, before && after ? after.sent - before.sent : own * lanes, before && after ? after.received - before.received : 0, ms);
    return out;
  }

  private record(key: string, lanes: number, rounds: number, sent: number, received: number, ms: number): void {
    let s = this.stats.get(key);
    if (s === undefined) {
      s = { calls: 0, lanes: 0, rounds: 0, bytesSent: 0, bytesReceived: 0, milliseconds: 0 };
      this.stats.set(key, s);
    }
    s.calls++;
    s.lanes += lanes;
    s.rounds += rounds;
    s.bytesSent += sent;
    s.bytesReceived += received;
    s.milliseconds += ms;
  }
}
