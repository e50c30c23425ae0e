/**
 * In-memory three-party transport: three Transport objects in one process that hand
 * payload buffers to each other without copying. Each directed link keeps a map from
 * (instance, round) tag to either a delivered payload or a waiting receiver, so
 * frames may be consumed in any order (as over TCP, where the demultiplexer does the
 * same). Used by the tests, the benchmark and the single-process emulator.
 */
import type { PartyId, Transport } from "./transport.js";

interface Waiter {
  resolve(p: Uint8Array): void;
  reject(e: Error): void;
}

/** One directed link: frames from one party to another, matched by tag. */
class Link {
  private readonly ready = new Map<number, Uint8Array>();
  private readonly waiting = new Map<number, Waiter>();
  closed = false;

  put(tag: number, payload: Uint8Array): void {
    const w = this.waiting.get(tag);
    if (w !== undefined) {
      this.waiting.delete(tag);
      w.resolve(payload);
      return;
    }
    if (this.ready.has(tag)) throw new Error(`duplicate frame for tag ${tag}`);
    this.ready.set(tag, payload);
  }

  take(tag: number): Promise<Uint8Array> {
    const p = this.ready.get(tag);
    if (p !== undefined) {
      this.ready.delete(tag);
      return Promise.resolve(p);
    }
    if (this.closed) return Promise.reject(new Error("transport closed"));
    if (this.waiting.has(tag)) return Promise.reject(new Error(`two receivers for tag ${tag}`));
    return new Promise((resolve, reject) => this.waiting.set(tag, { resolve, reject }));
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiting.values()) w.reject(new Error("transport closed"));
    this.waiting.clear();
  }
}

function tagOf(instance: number, round: number): number {
  return instance * 65536 + round;
}

class MemoryTransport implements Transport {
  constructor(
    readonly self: PartyId,
    private readonly links: Link[][],
    /** Bytes sent to each peer, for cost tests and benchmarks. */
    readonly sentBytes: number[],
  ) {}

  send(to: PartyId, instance: number, round: number, payload: Uint8Array): void {
    if (to === this.self) throw new Error("a party cannot send to itself");
    this.sentBytes[to] = (this.sentBytes[to] as number) + payload.byteLength;
    (this.links[this.self]?.[to] as Link).put(tagOf(instance, round), payload);
  }

  receive(from: PartyId, instance: number, round: number): Promise<Uint8Array> {
    return (this.links[from]?.[this.self] as Link).take(tagOf(instance, round));
  }

  close(): void {
    for (let p = 0; p < 3; p++) (this.links[p]?.[this.self] as Link).close();
  }
}

/** A transport with a byte counter per peer (in-memory transports expose it). */
export interface CountingTransport extends Transport {
  readonly sentBytes: readonly number[];
}

/** Three connected in-memory transports, one per party. */
export function memoryTransports(): [CountingTransport, CountingTransport, CountingTransport] {
  const links = [0, 1, 2].map(() => [0, 1, 2].map(() => new Link()));
  return [0, 1, 2].map((p) => new MemoryTransport(p as PartyId, links, [0, 0, 0])) as unknown as [
    CountingTransport,
    CountingTransport,
    CountingTransport,
  ];
}
