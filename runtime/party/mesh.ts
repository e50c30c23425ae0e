/**
 * Connecting the three parties: one TCP connection per pair, the higher party id
 * dialling the lower (P2 dials P0 and P1, P1 dials P0), with retries while the peer
 * is not listening yet, all within one deadline. On every new connection both sides
 * send a hello (protocol version, party id, program SHA-256) and check the other's:
 * a version or program mismatch fails the mesh with a message naming both values;
 * both ends see it, so all three parties stop. Connections that never say hello
 * (port scanners) are dropped without failing the mesh.
 *
 * `connectMesh` resolves to a TcpTransport or rejects with a MeshError whose
 * `cause` is "handshake" (mismatch) or "connection" (a peer never came, or left).
 * An abort signal stops it early (this party failed for another reason, e.g. its
 * client was refused): the reason, a PartyFailure, is sent to the peers heard from.
 */
import { connect, type Server, type Socket } from "node:net";
import { CONTROL_INSTANCE, Control, FramedConnection, TcpTransport } from "../net/tcp.js";
import type { PartyId } from "../net/transport.js";
import { PROTOCOL_VERSION, decodeHello, decodeJson, encodeHello, encodeJson, type Hello, type PartyFailure } from "./wire.js";

export interface Address {
  readonly host: string;
  readonly port: number;
}

export function formatAddress(a: Address): string {
  return a.host.includes(":") ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`;
}

export class MeshError extends Error {
  constructor(
    message: string,
    readonly cause: "handshake" | "connection",
    /** Set when a peer told us it stopped (its own failure). */
    readonly peerFailure?: PartyFailure,
  ) {
    super(message);
    this.name = "MeshError";
  }
}

export interface MeshOptions {
  readonly self: PartyId;
  /** Peer-facing addresses of the three parties (the own entry is not used). */
  readonly peers: readonly Address[];
  /** This party's listening server (peer-facing). */
  readonly server: Server;
  /** Hex SHA-256 of the program. */
  readonly programHash: string;
  /** Deadline for the whole mesh, milliseconds. */
  readonly timeoutMs: number;
  readonly maxPayload?: number;
  /** Protocol version announced (tests override it). */
  readonly version?: number;
  /** Stops connecting; `signal.reason` is this party's PartyFailure, told to the peers. */
  readonly signal?: AbortSignal;
}

const RETRY_MS = 100;

/** Connects to both peers and checks the handshake; see the file header. */
export function connectMesh(o: MeshOptions): Promise<TcpTransport> {
  return new Promise((resolve, reject) => {
    const self = o.self;
    const links: (FramedConnection | null)[] = [null, null, null];
    /** Framed connections (the peer may be waiting for news from us). */
    const conns = new Set<FramedConnection>();
    const pending = new Set<PartyId>(([0, 1, 2] as PartyId[]).filter((p) => p !== self));
    const sockets = new Set<Socket>();
    const timers = new Set<NodeJS.Timeout>();
    let settled = false;
    const lastError = new Map<PartyId, string>();
    const mine: Hello = { version: o.version ?? PROTOCOL_VERSION, party: self, programHash: o.programHash };
    const seconds = `${(o.timeoutMs / 1000).toFixed(o.timeoutMs % 1000 === 0 ? 0 : 1)} s`;

    const finish = (err: MeshError | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      for (const t of timers) clearTimeout(t);
      o.server.off("connection", onConnection);
      o.signal?.removeEventListener("abort", onAbort);
      if (err !== null) {
        // tell every peer that heard from us why we stop, let the bytes drain, then go
        const why = encodeJson(err.peerFailure ?? ({ party: self, cause: err.cause, message: err.message } satisfies PartyFailure));
        for (const c of conns) {
          c.send(CONTROL_INSTANCE, Control.abort, why);
          c.close();
        }
        const stop = setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 1000);
        stop.unref();
        for (const s of sockets) if (![...conns].some((c) => c.socket === s)) s.destroy();
        reject(err);
        return;
      }
      resolve(new TcpTransport(self, links));
    };

    const deadline = setTimeout(() => {
      const missing = [...pending].sort();
      const parts = missing.map((p) =>
        p < self
          ? `could not connect to party ${p} at ${formatAddress(o.peers[p] as Address)} within ${seconds}${lastError.has(p) ? ` (${lastError.get(p)})` : ""}`
          : `party ${p} did not connect within ${seconds}`,
      );
      finish(new MeshError(parts.join("; "), "connection"));
    }, o.timeoutMs);

    /** Checks the peer's hello; on success registers the link. */
    const check = (conn: FramedConnection, theirs: Hello, expected: PartyId | null): void => {
      const p = theirs.party as PartyId;
      if (theirs.version !== mine.version) {
        finish(new MeshError(`protocol version mismatch: party ${self} speaks version ${mine.version}, party ${p} speaks version ${theirs.version}`, "handshake"));
        return;
      }
      if (theirs.programHash !== mine.programHash) {
        finish(new MeshError(`program mismatch: party ${self} runs program ${mine.programHash}, party ${p} runs program ${theirs.programHash}`, "handshake"));
        return;
      }
      if (expected !== null && p !== expected) {
        finish(new MeshError(`the party at ${formatAddress(o.peers[expected] as Address)} says it is party ${p}, expected party ${expected}`, "handshake"));
        return;
      }
      conn.holdFrames((instance, round, payload) => {
        if (instance === CONTROL_INSTANCE && round === Control.abort) peerStopped(p, payload);
      });
      conn.onEnd((end) => {
        if (!settled) finish(new MeshError(`party ${p} left before all parties were connected${end.error ? ` (${end.error.message})` : ""}`, "connection"));
      });
      links[p] = conn;
      pending.delete(p);
      if (pending.size === 0) finish(null);
    };

    /** A peer told us it stops: its failure becomes ours to report. */
    const peerStopped = (p: PartyId, payload: Uint8Array): void => {
      let f: PartyFailure = { party: p, cause: "peer", message: "aborted" };
      try {
        const x = decodeJson<PartyFailure>(payload);
        if (typeof x.message === "string" && typeof x.cause === "string" && typeof x.party === "number") f = x;
      } catch {
        // keep the generic reason
      }
      finish(new MeshError(`party ${f.party} stopped: ${f.message}`, "connection", f));
    };

    /** Waits for the first frame of a connection, which must be a hello. */
    const expectHello = (conn: FramedConnection, expected: PartyId | null, onHello: (h: Hello) => void): void => {
      conns.add(conn);
      conn.onFrames((instance, round, payload) => {
        if (expected !== null && instance === CONTROL_INSTANCE && round === Control.abort) {
          peerStopped(expected, payload);
          return;
        }
        const h = instance === CONTROL_INSTANCE && round === Control.hello ? decodeHello(payload) : undefined;
        if (h === undefined || h.party > 2 || h.party === self) {
          if (expected !== null) finish(new MeshError(`party ${expected} at ${formatAddress(o.peers[expected] as Address)} did not answer with a valid hello`, "handshake"));
          conn.destroy();
          return;
        }
        if (expected === null && (!pending.has(h.party as PartyId) || (h.party as PartyId) < self)) {
          conn.destroy();
          return;
        }
        onHello(h);
      });
    };

    function onConnection(socket: Socket): void {
      if (settled) {
        socket.destroy();
        return;
      }
      sockets.add(socket);
      const conn = new FramedConnection(socket, { peer: "an incoming connection", maxPayload: o.maxPayload });
      expectHello(conn, null, (h) => {
        conn.rename(`party ${h.party}`);
        conn.send(CONTROL_INSTANCE, Control.hello, encodeHello(mine));
        check(conn, h, null);
      });
    }
    o.server.on("connection", onConnection);

    const dial = (p: PartyId): void => {
      if (settled) return;
      const addr = o.peers[p] as Address;
      const socket = connect(addr.port, addr.host);
      sockets.add(socket);
      const retry = (why: string): void => {
        socket.destroy();
        sockets.delete(socket);
        lastError.set(p, why);
        if (settled) return;
        const t = setTimeout(() => {
          timers.delete(t);
          dial(p);
        }, RETRY_MS);
        timers.add(t);
      };
      socket.once("error", (e: NodeJS.ErrnoException) => retry(e.code ?? e.message));
      socket.once("connect", () => {
        socket.removeAllListeners("error");
        const conn = new FramedConnection(socket, { peer: `party ${p}`, maxPayload: o.maxPayload });
        conn.onEnd((end) => {
          if (links[p] !== conn && !settled) {
            finish(new MeshError(`party ${p} closed the connection during the handshake${end.error ? ` (${end.error.message})` : ""}`, "connection"));
          }
        });
        expectHello(conn, p, (h) => check(conn, h, p));
        conn.send(CONTROL_INSTANCE, Control.hello, encodeHello(mine));
      });
    };
    function onAbort(): void {
      const f = o.signal?.reason as PartyFailure;
      finish(new MeshError(f.message, "connection", f));
    }
    if (o.signal?.aborted) onAbort();
    else o.signal?.addEventListener("abort", onAbort);
    for (const p of pending) if (p < self) dial(p);
  });
}
