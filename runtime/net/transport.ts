/**
 * The transport interface between the three computing parties.
 *
 * Per peer, messages are ordered frames; every frame carries the protocol instance id
 * and the communication round it belongs to, and the receiver matches on that tag, so
 * several protocol instances can be in flight at once. Payloads are Uint8Array views;
 * a sender hands the buffer over (it must not touch it afterwards) and the receiver
 * gets a view of it (in memory: the same buffer; over TCP: a view into the read
 * buffer). Payload byte offsets are multiples of 8, so the generated code can lay
 * typed-array views of any width over them without copying.
 */

/** Party index: 0, 1 or 2 (P1, P2, P3 in the specification). */
export type PartyId = 0 | 1 | 2;

export interface Transport {
  /** The local party. */
  readonly self: PartyId;
  /** Queues `payload` for `to`; never blocks. The caller gives up ownership of the buffer. */
  send(to: PartyId, instance: number, round: number, payload: Uint8Array): void;
  /** The payload `from` sent for (instance, round). Rejects if the transport closes first. */
  receive(from: PartyId, instance: number, round: number): Promise<Uint8Array>;
  /** Releases resources; pending receives reject. */
  close(): void;
}

/** Frame header layout shared by byte-stream transports: instance u32, round u16, length u32. */
export const FRAME_HEADER_BYTES = 10;
