/**
 * The TCP transport between computing parties (protocols.md §4.4 item 8).
 *
 * One TCP connection per party pair, full duplex, `setNoDelay(true)`. Every message
 * is a frame: a 10-byte header (instance u32, round u16, payload length u32, all
 * little-endian) followed by the payload. Three layers:
 *
 * - `FrameDecoder` turns the byte stream into frames. A payload that arrives whole
 *   inside one socket chunk at an 8-aligned offset is handed out as a view of that
 *   chunk; otherwise it is assembled into a fresh (hence aligned) buffer — the one
 *   copy the socket needs. Lengths above the limit are rejected before any
 *   allocation.
 * - `FramedConnection` owns one socket: writes frames in order (small frames as one
 *   buffer, large payloads in 1 MiB slices that wait for `drain`, so a 100 MB vector
 *   never piles up in user space twice), decodes incoming frames, and reports the
 *   end of the connection once, with a reason (clean close after a `bye`, peer lost,
 *   malformed frame, socket error). Sockets are half-open: after a peer's `bye` this
 *   side can still send (a late frame, an abort) until it closes too.
 * - `TcpTransport` implements Transport over the two connections of a party: frames
 *   are matched to receivers by (instance, round), control frames (instance
 *   CONTROL_INSTANCE, round = control type) go to a handler. Any failure of a link
 *   rejects every pending and future receive with a TransportError naming the peer.
 *   `finish` ends a run: bye to both peers, then wait for theirs.
 */
import type { Socket } from "node:net";
import { FRAME_HEADER_BYTES, type PartyId, type Transport } from "./transport.js";

/** Instance id reserved for control frames (handshake, seeds, abort, bye). */
export const CONTROL_INSTANCE = 0xffffffff;
/** Default largest payload accepted from a peer (bytes). */
export const DEFAULT_MAX_PAYLOAD = 2 ** 31 - 1;
/** Payloads at least this large are written in slices with back-pressure. */
const STREAM_THRESHOLD = 256 * 1024;
const SLICE_BYTES = 1 << 20;
/** Payloads below this are copied next to their header and written once. */
const COALESCE_LIMIT = 64 * 1024;

/** Control frame types (the `round` field of a control frame). */
export const Control = {
  hello: 1,
  seed: 2,
  abort: 3,
  bye: 4,
  /** "Still here": sent while a party waits, so its peers know it is alive. */
  heartbeat: 5,
  /** A summary of the client's arguments, compared before the program runs. */
  inputs: 6,
} as const;

/** A transport failure; `peer` names the other side (e.g. "party 2"). */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly peer: string,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

/** Header bytes of a frame. */
export function encodeHeader(instance: number, round: number, length: number): Uint8Array {
  const h = new Uint8Array(FRAME_HEADER_BYTES);
  const v = new DataView(h.buffer);
  v.setUint32(0, instance, true);
  v.setUint16(4, round, true);
  v.setUint32(6, length, true);
  return h;
}

export type FrameHandler = (instance: number, round: number, payload: Uint8Array) => void;

/** Incremental frame parser; `push` throws TransportError on a malformed frame. */
export class FrameDecoder {
  private readonly header = new Uint8Array(FRAME_HEADER_BYTES);
  private headerFill = 0;
  private payload: Uint8Array | null = null;
  private payloadFill = 0;
  private instance = 0;
  private round = 0;

  constructor(
    /** Label of the sender in error messages. */
    public peer: string,
    private readonly maxPayload: number,
    private readonly onFrame: FrameHandler,
  ) {}

  /** True when a frame has started but not finished. */
  get midFrame(): boolean {
    return this.headerFill > 0 || this.payload !== null;
  }

  push(chunk: Uint8Array): void {
    let pos = 0;
    const n = chunk.length;
    while (pos < n) {
      if (this.payload !== null) {
        const take = Math.min(n - pos, this.payload.length - this.payloadFill);
        this.payload.set(chunk.subarray(pos, pos + take), this.payloadFill);
        this.payloadFill += take;
        pos += take;
        if (this.payloadFill === this.payload.length) this.finish(this.payload);
        continue;
      }
      if (this.headerFill === 0 && n - pos >= FRAME_HEADER_BYTES) {
        // fast path: the header is whole in this chunk
        const v = new DataView(chunk.buffer, chunk.byteOffset + pos, FRAME_HEADER_BYTES);
        pos += FRAME_HEADER_BYTES;
        const len = this.begin(v.getUint32(0, true), v.getUint16(4, true), v.getUint32(6, true));
        const at = chunk.byteOffset + pos;
        if (len <= n - pos && (at & 7) === 0) {
          this.emit(new Uint8Array(chunk.buffer, at, len));
          pos += len;
        } else if (len === 0) {
          this.emit(new Uint8Array(0));
        } else {
          this.payload = new Uint8Array(len);
          this.payloadFill = 0;
        }
        continue;
      }
      const take = Math.min(n - pos, FRAME_HEADER_BYTES - this.headerFill);
      this.header.set(chunk.subarray(pos, pos + take), this.headerFill);
      this.headerFill += take;
      pos += take;
      if (this.headerFill < FRAME_HEADER_BYTES) continue;
      this.headerFill = 0;
      const v = new DataView(this.header.buffer);
      const len = this.begin(v.getUint32(0, true), v.getUint16(4, true), v.getUint32(6, true));
      if (len === 0) this.emit(new Uint8Array(0));
      else {
        this.payload = new Uint8Array(len);
        this.payloadFill = 0;
      }
    }
  }

  private begin(instance: number, round: number, len: number): number {
    if (len > this.maxPayload) {
      throw new TransportError(
        `malformed frame from ${this.peer}: payload of ${len} bytes exceeds the limit of ${this.maxPayload} (instance ${instance}, round ${round})`,
        this.peer,
      );
    }
    this.instance = instance;
    this.round = round;
    return len;
  }

  private finish(p: Uint8Array): void {
    this.payload = null;
    this.emit(p);
  }

  private emit(p: Uint8Array): void {
    this.onFrame(this.instance, this.round, p);
  }
}

/** How a connection ended. */
export interface ConnectionEnd {
  /** True when the peer said `bye` before closing (or we closed it). */
  readonly clean: boolean;
  readonly error: TransportError | null;
}

export interface ConnectionOptions {
  /** Label of the other side in messages ("party 1", "the client"). */
  readonly peer: string;
  readonly maxPayload?: number;
}

/** One framed, back-pressured socket. */
export class FramedConnection {
  peer: string;
  bytesSent = 0;
  bytesReceived = 0;
  /** performance.now() of the last bytes received. */
  lastReceive = performance.now();
  private readonly decoder: FrameDecoder;
  private readonly queue: Uint8Array[] = [];
  private blocked = false;
  private saidBye = false;
  private gotBye = false;
  private ended: ConnectionEnd | null = null;
  private frameHandler: FrameHandler | null = null;
  private held: [number, number, Uint8Array][] = [];
  private onHeld: FrameHandler | null = null;
  private endHandlers: ((end: ConnectionEnd) => void)[] = [];
  private byeHandlers: (() => void)[] = [];

  constructor(
    readonly socket: Socket,
    options: ConnectionOptions,
  ) {
    this.peer = options.peer;
    socket.setNoDelay(true);
    // a peer's end (after its bye) must not end our side: we may still owe it frames
    socket.allowHalfOpen = true;
    this.decoder = new FrameDecoder(this.peer, options.maxPayload ?? DEFAULT_MAX_PAYLOAD, (i, r, p) => this.onFrame(i, r, p));
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("drain", () => this.flush());
    socket.on("error", (e: NodeJS.ErrnoException) => {
      const lost = e.code === "ECONNRESET" || e.code === "EPIPE";
      this.finish(new TransportError(lost ? `lost the connection to ${this.peer} (${e.code})` : `connection to ${this.peer} failed: ${e.message}`, this.peer));
    });
    socket.on("end", () => this.onPeerEnd());
    socket.on("close", () => this.onClose());
  }

  /**
   * Sets the receiver of incoming frames (control frames included, except `bye`);
   * frames that arrived while no receiver was set are delivered first, in order.
   */
  onFrames(handler: FrameHandler): void {
    this.frameHandler = handler;
    this.onHeld = null;
    const held = this.held;
    this.held = [];
    try {
      for (const [i, r, p] of held) handler(i, r, p);
    } catch (e) {
      this.destroy(e instanceof TransportError ? e : new TransportError(`frame from ${this.peer} rejected: ${(e as Error).message}`, this.peer));
    }
  }

  /** Changes the label of the other side (once its identity is known). */
  rename(peer: string): void {
    this.peer = peer;
    this.decoder.peer = peer;
  }

  /**
   * Keeps incoming frames until the next `onFrames` (while ownership changes hands);
   * `inspect` sees each kept frame as it arrives (e.g. to notice an abort).
   */
  holdFrames(inspect: FrameHandler | null = null): void {
    this.frameHandler = null;
    this.onHeld = inspect;
  }

  /** Called once when the peer says `bye`: no frame will follow (immediately if it did). */
  onBye(handler: () => void): void {
    if (this.gotBye) handler();
    else this.byeHandlers.push(handler);
  }

  /** Called once when the connection ends (immediately if it already has). */
  onEnd(handler: (end: ConnectionEnd) => void): void {
    if (this.ended !== null) handler(this.ended);
    else this.endHandlers.push(handler);
  }

  get isEnded(): boolean {
    return this.ended !== null;
  }

  /** True once the other side said `bye` (it finished sending). */
  get peerSaidBye(): boolean {
    return this.gotBye;
  }

  /** Queues a frame; never blocks. The payload must not change afterwards. */
  send(instance: number, round: number, payload: Uint8Array): void {
    if (this.ended !== null || this.saidBye) return;
    const len = payload.byteLength;
    this.bytesSent += FRAME_HEADER_BYTES + len;
    if (len < COALESCE_LIMIT) {
      const buf = new Uint8Array(FRAME_HEADER_BYTES + len);
      buf.set(encodeHeader(instance, round, len), 0);
      buf.set(payload, FRAME_HEADER_BYTES);
      this.write(buf);
      return;
    }
    this.write(encodeHeader(instance, round, len));
    if (len < STREAM_THRESHOLD) this.write(payload);
    else for (let o = 0; o < len; o += SLICE_BYTES) this.write(payload.subarray(o, Math.min(len, o + SLICE_BYTES)));
  }

  /** Says `bye` and closes the write side once everything queued is written. */
  close(): void {
    if (this.ended !== null || this.saidBye) return;
    this.send(CONTROL_INSTANCE, Control.bye, new Uint8Array(0));
    this.saidBye = true;
    this.endWhenFlushed();
  }

  /** Tears the connection down now (no bye). */
  destroy(reason: TransportError | null = null): void {
    this.finish(reason);
    this.socket.destroy();
  }

  private write(buf: Uint8Array): void {
    if (this.blocked) {
      this.queue.push(buf);
      return;
    }
    if (!this.socket.write(buf)) this.blocked = true;
  }

  private flush(): void {
    this.blocked = false;
    while (this.queue.length > 0 && !this.blocked) {
      const buf = this.queue.shift() as Uint8Array;
      if (!this.socket.write(buf)) this.blocked = true;
    }
    if (this.saidBye) this.endWhenFlushed();
  }

  private endWhenFlushed(): void {
    if (this.queue.length === 0 && !this.blocked && !this.socket.writableEnded) this.socket.end();
  }

  private onData(chunk: Buffer): void {
    if (this.ended !== null) return;
    this.bytesReceived += chunk.length;
    this.lastReceive = performance.now();
    try {
      this.decoder.push(chunk);
    } catch (e) {
      const err = e instanceof TransportError ? e : new TransportError(`frame from ${this.peer} rejected: ${(e as Error).message}`, this.peer);
      this.destroy(err);
    }
  }

  private onFrame(instance: number, round: number, payload: Uint8Array): void {
    if (this.ended !== null) return;
    if (instance === CONTROL_INSTANCE && round === Control.bye) {
      if (payload.length !== 0) throw new TransportError(`malformed frame from ${this.peer}: bye with a payload`, this.peer);
      this.gotBye = true;
      const hs = this.byeHandlers;
      this.byeHandlers = [];
      for (const h of hs) h();
      return;
    }
    if (this.gotBye) throw new TransportError(`malformed frame from ${this.peer}: a frame after bye`, this.peer);
    if (this.frameHandler === null) {
      this.held.push([instance, round, payload]);
      this.onHeld?.(instance, round, payload);
    } else this.frameHandler(instance, round, payload);
  }

  /** The peer ended its side: fine after its bye (the socket closes once we end ours), a loss otherwise. */
  private onPeerEnd(): void {
    if (this.ended !== null) return;
    if (this.decoder.midFrame) this.destroy(new TransportError(`connection to ${this.peer} closed in the middle of a frame`, this.peer));
    else if (!this.gotBye) this.destroy(new TransportError(`lost the connection to ${this.peer} (closed without notice)`, this.peer));
  }

  private onClose(): void {
    if (this.ended !== null) return;
    if (this.decoder.midFrame) this.finish(new TransportError(`connection to ${this.peer} closed in the middle of a frame`, this.peer));
    else if (this.gotBye || this.saidBye) this.finish(null);
    else this.finish(new TransportError(`lost the connection to ${this.peer} (closed without notice)`, this.peer));
  }

  private finish(error: TransportError | null): void {
    if (this.ended !== null) return;
    this.ended = { clean: error === null, error };
    this.queue.length = 0;
    const hs = this.endHandlers;
    this.endHandlers = [];
    for (const h of hs) h(this.ended);
  }
}

interface Waiter {
  resolve(p: Uint8Array): void;
  reject(e: Error): void;
}

/** Frames from one peer, matched by tag. */
class Inbox {
  readonly ready = new Map<number, Uint8Array>();
  readonly waiting = new Map<number, Waiter>();
  /** performance.now() when `waiting` last became non-empty. */
  waitingSince = 0;
  /** Set when no more frames will come: receives reject with it. */
  closed: Error | null = null;
}

function tagOf(instance: number, round: number): number {
  return instance * 65536 + round;
}

export type ControlHandler = (from: PartyId, type: number, payload: Uint8Array) => void;

/** Per-peer traffic counters. */
export interface LinkCounters {
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

/** Transport over one FramedConnection per peer (the self slot is null). */
export class TcpTransport implements Transport {
  /** Payload bytes (plus frame headers) handed to receivers so far. */
  bytesConsumed = 0;
  private readonly inboxes: Inbox[] = [new Inbox(), new Inbox(), new Inbox()];
  private failure: TransportError | null = null;
  private failureHandlers: ((e: TransportError) => void)[] = [];
  private controlHandler: ControlHandler | null = null;
  private heldControls: [PartyId, number, Uint8Array][] = [];
  private closing = false;

  constructor(
    readonly self: PartyId,
    private readonly links: readonly (FramedConnection | null)[],
  ) {
    links.forEach((link, p) => {
      if (link === null) return;
      const from = p as PartyId;
      link.onFrames((instance, round, payload) => this.onFrame(from, instance, round, payload));
      link.onBye(() => this.peerFinished(from, link));
      link.onEnd((end) => this.onLinkEnd(from, link, end));
    });
  }

  /** Handles control frames (other than bye); earlier ones are delivered first. */
  onControl(handler: ControlHandler): void {
    this.controlHandler = handler;
    const held = this.heldControls;
    this.heldControls = [];
    for (const [from, type, p] of held) handler(from, type, p);
  }

  /** Called once on the first failure of any link (immediately if one happened). */
  onFailure(handler: (e: TransportError) => void): void {
    if (this.failure !== null) handler(this.failure);
    else this.failureHandlers.push(handler);
  }

  get failed(): TransportError | null {
    return this.failure;
  }

  send(to: PartyId, instance: number, round: number, payload: Uint8Array): void {
    if (instance >= CONTROL_INSTANCE) throw new Error(`protocol instance id ${instance} is reserved`);
    this.link(to).send(instance, round, payload);
  }

  /** Sends a control frame. */
  sendControl(to: PartyId, type: number, payload: Uint8Array): void {
    this.link(to).send(CONTROL_INSTANCE, type, payload);
  }

  receive(from: PartyId, instance: number, round: number): Promise<Uint8Array> {
    const box = this.inboxes[from] as Inbox;
    const tag = tagOf(instance, round);
    const p = box.ready.get(tag);
    if (p !== undefined) {
      box.ready.delete(tag);
      this.bytesConsumed += FRAME_HEADER_BYTES + p.byteLength;
      return Promise.resolve(p);
    }
    if (this.failure !== null) return Promise.reject(this.failure);
    if (box.closed !== null) return Promise.reject(box.closed);
    if (box.waiting.has(tag)) return Promise.reject(new Error(`two receivers for instance ${instance} round ${round} from party ${from}`));
    if (box.waiting.size === 0) box.waitingSince = performance.now();
    return new Promise((resolve, reject) => box.waiting.set(tag, { resolve, reject }));
  }

  /**
   * Fails the transport when a peer this party is waiting for has sent nothing for
   * `ms` milliseconds (a stalled or diverged peer), so a run never hangs. While its
   * event loop is free (waiting, not computing) this party sends heartbeats, so a
   * peer blocked waiting for a third party is not mistaken for the stalled one. A
   * party busy with long local work is silent: choose `ms` well above the longest
   * kernel.
   */
  watchdog(ms: number): void {
    const empty = new Uint8Array(0);
    const timer = setInterval(() => {
      if (this.failure !== null || this.closing) {
        clearInterval(timer);
        return;
      }
      for (const l of this.links) l?.send(CONTROL_INSTANCE, Control.heartbeat, empty);
      const now = performance.now();
      this.links.forEach((l, p) => {
        const box = this.inboxes[p] as Inbox;
        if (l === null || box.waiting.size === 0) return;
        if (now - Math.max(l.lastReceive, box.waitingSince) > ms) {
          this.fail(new TransportError(`party ${p} sent nothing for ${(ms / 1000).toFixed(1)} s while this party was waiting for it`, l.peer));
        }
      });
    }, Math.min(1000, Math.max(10, ms / 4)));
    timer.unref();
  }

  /** Fails the transport: every pending and future receive rejects with `error`. */
  fail(error: TransportError): void {
    if (this.failure !== null) return;
    this.failure = error;
    for (const box of this.inboxes) {
      for (const w of box.waiting.values()) w.reject(error);
      box.waiting.clear();
    }
    const hs = this.failureHandlers;
    this.failureHandlers = [];
    for (const h of hs) h(error);
  }

  /** Says bye to both peers and closes once written; pending receives reject. */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    const err = new Error("transport closed");
    for (const box of this.inboxes) {
      box.closed ??= err;
      for (const w of box.waiting.values()) w.reject(err);
      box.waiting.clear();
    }
    for (const l of this.links) l?.close();
  }

  /**
   * Closes (bye to both peers) and waits until both peers have closed too, so a
   * party reports success only when every party finished: resolves then; rejects
   * with the transport's failure (a peer's abort, a lost link) or when a peer has
   * not finished within `ms`.
   */
  finish(ms: number): Promise<void> {
    this.close();
    return new Promise((resolve, reject) => {
      const links = this.links.filter((l): l is FramedConnection => l !== null);
      let open = links.length;
      const timer = setTimeout(() => {
        const late = this.links.flatMap((l, p) => (l !== null && !l.isEnded ? [p] : []));
        reject(new TransportError(`party ${late.join(" and party ")} did not finish within ${(ms / 1000).toFixed(1)} s of this party`, `party ${late[0]}`));
      }, ms);
      const fail = (e: Error): void => {
        clearTimeout(timer);
        reject(e);
      };
      this.onFailure(fail);
      for (const l of links) {
        l.onEnd((end) => {
          if (end.error !== null) return fail(end.error);
          if (!l.peerSaidBye) return fail(new TransportError(`${l.peer} closed its connection without finishing`, l.peer));
          if (--open > 0 || this.failure !== null) return;
          clearTimeout(timer);
          resolve();
        });
      }
    });
  }

  /**
   * After a failure: closes both links once what is queued (an abort) is written,
   * and destroys them if they are still open after `graceMs`.
   */
  closeSoon(graceMs: number): void {
    this.close();
    const timer = setTimeout(() => this.destroy(), graceMs);
    timer.unref();
  }

  /** Destroys both connections at once (after a failure). */
  destroy(): void {
    this.closing = true;
    for (const l of this.links) l?.destroy();
  }

  /** Bytes sent to / received from each party (0 for self). */
  counters(): LinkCounters[] {
    return this.links.map((l) => ({ bytesSent: l?.bytesSent ?? 0, bytesReceived: l?.bytesReceived ?? 0 }));
  }

  private link(to: PartyId): FramedConnection {
    const l = this.links[to];
    if (l === null || l === undefined) throw new Error(to === this.self ? "a party cannot send to itself" : `no connection to party ${to}`);
    return l;
  }

  private onFrame(from: PartyId, instance: number, round: number, payload: Uint8Array): void {
    if (instance === CONTROL_INSTANCE) {
      if (round === Control.heartbeat) return;
      if (this.controlHandler === null) this.heldControls.push([from, round, payload]);
      else this.controlHandler(from, round, payload);
      return;
    }
    const box = this.inboxes[from] as Inbox;
    const tag = tagOf(instance, round);
    const w = box.waiting.get(tag);
    if (w !== undefined) {
      box.waiting.delete(tag);
      this.bytesConsumed += FRAME_HEADER_BYTES + payload.byteLength;
      w.resolve(payload);
      return;
    }
    if (box.ready.has(tag)) {
      throw new TransportError(`malformed frame from party ${from}: a second frame for instance ${instance} round ${round}`, `party ${from}`);
    }
    box.ready.set(tag, payload);
  }

  private onLinkEnd(from: PartyId, link: FramedConnection, end: ConnectionEnd): void {
    if (end.error !== null) this.fail(end.error);
    else this.peerFinished(from, link);
  }

  /** No more frames will come from `from`: receives that are not ready reject. */
  private peerFinished(from: PartyId, link: FramedConnection): void {
    const box = this.inboxes[from] as Inbox;
    const err = new TransportError(`party ${from} finished and closed its connection while this party still expected data from it`, link.peer);
    box.closed ??= err;
    for (const w of box.waiting.values()) w.reject(err);
    box.waiting.clear();
  }
}
