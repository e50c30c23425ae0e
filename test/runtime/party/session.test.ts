/**
 * The party mesh over loopback in one process: pairwise keys agree (party i's next
 * key is party i+1's previous key), a program or version mismatch stops every party
 * with a message naming both values, an absent party ends the others at the
 * deadline, and an abort from a peer reaches the waiting receives.
 */
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Control, TransportError } from "../../../runtime/net/tcp.js";
import type { PartyId } from "../../../runtime/net/transport.js";
import { MeshError } from "../../../runtime/party/mesh.js";
import { PeerAbort, openSession, type Session } from "../../../runtime/party/session.js";
import { PROTOCOL_VERSION } from "../../../runtime/party/wire.js";

const servers: Server[] = [];
afterEach(() => {
  while (servers.length > 0) servers.pop()!.close();
});

async function listeners(n: number): Promise<{ servers: Server[]; peers: { host: string; port: number }[] }> {
  const ss = await Promise.all(
    Array.from({ length: n }, () => new Promise<Server>((r) => {
      const s = createServer();
      s.listen(0, "127.0.0.1", () => r(s));
    })),
  );
  servers.push(...ss);
  return { servers: ss, peers: ss.map((s) => ({ host: "127.0.0.1", port: (s.address() as { port: number }).port })) };
}

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

describe("party session", () => {
  it("connects three parties whose pair keys agree", async () => {
    const { servers: ss, peers } = await listeners(3);
    const sessions = await Promise.all(([0, 1, 2] as PartyId[]).map((self) => openSession({ self, peers, server: ss[self]!, programHash: HASH_A, timeoutMs: 5000 })));
    for (let i = 0; i < 3; i++) {
      const me = sessions[i]!.keys;
      const next = sessions[(i + 1) % 3]!.keys;
      expect(Buffer.from(me.next).equals(Buffer.from(next.prev))).toBe(true);
      expect(Buffer.from(me.own).equals(Buffer.from(next.own))).toBe(false);
    }
    // an abort reaches a pending receive of both peers
    const waits = Promise.allSettled([sessions[0]!.transport.receive(1, 5, 1), sessions[2]!.transport.receive(1, 5, 1)]);
    sessions[1]!.abort({ party: 1, cause: "program", message: "assertion failed" });
    for (const w of await waits) {
      expect(w.status).toBe("rejected");
      const e = (w as PromiseRejectedResult).reason as PeerAbort;
      expect(e).toBeInstanceOf(PeerAbort);
      expect(e.message).toBe("party 1 stopped: assertion failed");
      expect(e.failure).toEqual({ party: 1, cause: "program", message: "assertion failed" });
    }
    for (const s of sessions) s.transport.destroy();
  });

  it("stops every party when one holds another program, naming both hashes", async () => {
    const { servers: ss, peers } = await listeners(3);
    const results = await Promise.allSettled(
      ([0, 1, 2] as PartyId[]).map((self) => openSession({ self, peers, server: ss[self]!, programHash: self === 2 ? HASH_B : HASH_A, timeoutMs: 5000 })),
    );
    const messages = results.map((r) => {
      expect(r.status).toBe("rejected");
      return ((r as PromiseRejectedResult).reason as Error).message;
    });
    for (const m of messages) {
      expect(m).toContain(HASH_A);
      expect(m).toContain(HASH_B);
    }
    // party 0 reports what it saw itself, or party 1's abort if that came first
    expect([
      `program mismatch: party 0 runs program ${HASH_A}, party 2 runs program ${HASH_B}`,
      `party 1 stopped: program mismatch: party 1 runs program ${HASH_A}, party 2 runs program ${HASH_B}`,
      `party 2 stopped: program mismatch: party 2 runs program ${HASH_B}, party 0 runs program ${HASH_A}`,
    ]).toContain(messages[0]);
  });

  it("refuses a peer speaking another protocol version", async () => {
    const { servers: ss, peers } = await listeners(3);
    const results = await Promise.allSettled(
      ([0, 1, 2] as PartyId[]).map((self) => openSession({ self, peers, server: ss[self]!, programHash: HASH_A, timeoutMs: 5000, version: self === 1 ? 99 : undefined })),
    );
    const m0 = ((results[0] as PromiseRejectedResult).reason as MeshError).message;
    expect(m0).toBe(`protocol version mismatch: party 0 speaks version ${PROTOCOL_VERSION}, party 1 speaks version 99`);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
  });

  it("ends at the deadline when a party never comes", async () => {
    const { servers: ss, peers } = await listeners(2);
    const closed = await listeners(1);
    closed.servers[0]!.close();
    const all = [...peers, closed.peers[0]!];
    const results = await Promise.allSettled(([0, 1] as PartyId[]).map((self) => openSession({ self, peers: all, server: ss[self]!, programHash: HASH_A, timeoutMs: 600 })));
    for (const r of results) {
      expect(r.status).toBe("rejected");
      expect(((r as PromiseRejectedResult).reason as MeshError).message).toBe("party 2 did not connect within 0.6 s");
      expect(((r as PromiseRejectedResult).reason as MeshError).cause).toBe("connection");
    }
  });

  it("rejects a malformed control frame from a peer", async () => {
    const { servers: ss, peers } = await listeners(3);
    const sessions: Session[] = await Promise.all(([0, 1, 2] as PartyId[]).map((self) => openSession({ self, peers, server: ss[self]!, programHash: HASH_A, timeoutMs: 5000 })));
    const pending = sessions[0]!.transport.receive(2, 1, 1);
    sessions[2]!.transport.sendControl(0, 77, Uint8Array.of(1));
    const e = await pending.then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as Error).message).toBe("malformed control frame (type 77, 1 bytes) from party 2");
    expect(Control.abort).toBe(3);
    for (const s of sessions) s.transport.destroy();
  });
});
