/**
 * The party's side of the client connection: waits (bounded) for a client on the
 * client-facing server whose `start` message names this party and this program,
 * then offers typed senders for output lines, published records, the final
 * statistics and a failure.
 *
 * A well-formed `start` that does not fit (another program, another protocol
 * version, addressed to another party) is answered with an error and ends the wait
 * at once with a ClientRefused naming both sides, so a misconfigured client stops
 * the whole task within seconds instead of at the deadline. Connections that send
 * anything else (no start message, an unreadable one: port scanners) are answered
 * with an error and dropped; the party keeps waiting for a proper client until the
 * deadline, and the timeout message counts them.
 */
import type { Server, Socket } from "node:net";
import { FramedConnection } from "../net/tcp.js";
import type { DataRecord } from "../../vm/host.js";
import {
  ClientMessage,
  PROTOCOL_VERSION,
  decodeStart,
  encodeJson,
  encodeResult,
  encodeText,
  type PartyFailure,
} from "./wire.js";

export class ClientChannel {
  constructor(
    readonly conn: FramedConnection,
    readonly args: readonly DataRecord[],
  ) {}

  output(line: string): void {
    this.conn.send(ClientMessage.output, 0, encodeText(line));
  }

  result(r: DataRecord): void {
    this.conn.send(ClientMessage.result, 0, encodeResult(r));
  }

  done(stats: unknown): void {
    this.conn.send(ClientMessage.done, 0, encodeJson(stats));
    this.conn.close();
  }

  error(f: PartyFailure): void {
    this.conn.send(ClientMessage.error, 0, encodeJson(f));
    this.conn.close();
  }
}

export interface AcceptOptions {
  readonly party: number;
  readonly programHash: string;
  readonly timeoutMs: number;
  readonly maxPayload?: number;
}

/** A client whose start message does not fit this party (see the file header). */
export class ClientRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClientRefused";
  }
}

/** Resolves with the first valid client; rejects with ClientRefused or after the deadline. */
export function acceptClient(server: Server, o: AcceptOptions): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let dropped = 0;
    const stop = (): void => {
      settled = true;
      clearTimeout(timer);
      server.off("connection", onConnection);
    };
    const timer = setTimeout(() => {
      stop();
      const extra = dropped === 0 ? "" : ` (dropped ${dropped} connection${dropped === 1 ? "" : "s"} that sent no valid start message)`;
      reject(new Error(`no client connected within ${Math.round(o.timeoutMs / 1000)} s${extra}`));
    }, o.timeoutMs);
    function refuse(conn: FramedConnection, message: string): void {
      conn.send(ClientMessage.error, 0, encodeJson({ party: o.party, cause: "client", message } satisfies PartyFailure));
      conn.close();
    }
    /** Refuses a client that speaks our protocol but does not fit, and stops waiting. */
    function misfit(conn: FramedConnection, message: string): void {
      refuse(conn, message);
      stop();
      reject(new ClientRefused(message));
    }
    function onConnection(socket: Socket): void {
      if (settled) {
        socket.destroy();
        return;
      }
      const conn = new FramedConnection(socket, { peer: "the client", maxPayload: o.maxPayload });
      let spoke = false;
      conn.onEnd(() => {
        if (!spoke && !settled) dropped++;
      });
      conn.onFrames((type, _round, payload) => {
        conn.holdFrames();
        if (settled) return refuse(conn, "this party already serves a client");
        if (type !== ClientMessage.start) return refuse(conn, `expected a start message, got message type ${type}`);
        let start: ReturnType<typeof decodeStart>;
        try {
          start = decodeStart(payload);
        } catch (e) {
          return refuse(conn, `bad start message: ${(e as Error).message}`);
        }
        spoke = true;
        const h = start.header;
        if (h.version !== PROTOCOL_VERSION) return misfit(conn, `the client speaks protocol version ${h.version}, party ${o.party} speaks version ${PROTOCOL_VERSION}`);
        if (h.party !== o.party) return misfit(conn, `the client addressed party ${h.party}, but this is party ${o.party}`);
        if (h.programHash !== o.programHash) {
          return misfit(conn, `program mismatch: the client runs program ${h.programHash}, party ${o.party} runs program ${o.programHash}`);
        }
        stop();
        resolve(new ClientChannel(conn, start.args));
      });
    }
    server.on("connection", onConnection);
  });
}
