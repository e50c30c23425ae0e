/**
 * The TCP transport over loopback, in one process: frame ordering and tagging,
 * aligned payload views, large payloads streamed with back-pressure, malformed
 * frames and peer death reported with the peer's name, finishing only when both
 * sides finished.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CONTROL_INSTANCE, Control, FrameDecoder, FramedConnection, TcpTransport, TransportError, encodeHeader } from "../../../runtime/net/tcp.js";

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length > 0) cleanup.pop()!();
});

/** Two connected loopback sockets. */
async function socketPair(): Promise<[Socket, Socket]> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const accepted = new Promise<Socket>((r) => server.once("connection", r));
  const dialed = connect(port, "127.0.0.1");
  await new Promise<void>((r) => dialed.once("connect", () => r()));
  const other = await accepted;
  server.close();
  cleanup.push(() => {
    dialed.destroy();
    other.destroy();
  });
  return [dialed, other];
}

/** Party 0 and party 1 transports over one loopback connection. */
async function transportPair(maxPayload?: number): Promise<[TcpTransport, TcpTransport, Socket, Socket]> {
  const [s0, s1] = await socketPair();
  const c0 = new FramedConnection(s0, { peer: "party 1", maxPayload });
  const c1 = new FramedConnection(s1, { peer: "party 0", maxPayload });
  return [new TcpTransport(0, [null, c0, null]), new TcpTransport(1, [c1, null, null]), s0, s1];
}

function digest(b: Uint8Array): string {
  return createHash("sha256").update(b).digest("hex");
}

describe("frame decoder", () => {
  it("reassembles frames split at every byte boundary, payloads 8-aligned", () => {
    const frames: [number, number, number[]][] = [];
    const aligned: boolean[] = [];
    const d = new FrameDecoder("party 2", 1000, (i, r, p) => {
      frames.push([i, r, Array.from(p)]);
      aligned.push(p.byteOffset % 8 === 0);
    });
    const bytes = [...encodeHeader(7, 3, 3), 1, 2, 3, ...encodeHeader(0xfffffffe, 65535, 0), ...encodeHeader(1, 1, 1), 9];
    for (const b of bytes) d.push(Uint8Array.of(b));
    expect(frames).toEqual([
      [7, 3, [1, 2, 3]],
      [0xfffffffe, 65535, []],
      [1, 1, [9]],
    ]);
    expect(aligned).toEqual([true, true, true]);
    expect(d.midFrame).toBe(false);
  });

  it("rejects a length above the limit before allocating, naming the peer", () => {
    const d = new FrameDecoder("party 2", 1000, () => undefined);
    expect(() => d.push(encodeHeader(1, 1, 1001))).toThrow("malformed frame from party 2: payload of 1001 bytes exceeds the limit of 1000 (instance 1, round 1)");
  });
});

describe("TCP transport", () => {
  it("matches frames by (instance, round) whatever the order", async () => {
    const [a, b] = await transportPair();
    a.send(1, 7, 2, Uint8Array.of(2));
    a.send(1, 7, 1, Uint8Array.of(1));
    a.send(1, 3, 1, Uint8Array.of(3, 4));
    b.send(0, 5, 1, Uint8Array.of(5));
    expect(Array.from(await b.receive(0, 7, 1))).toEqual([1]);
    expect(Array.from(await b.receive(0, 3, 1))).toEqual([3, 4]);
    expect(Array.from(await b.receive(0, 7, 2))).toEqual([2]);
    expect(Array.from(await a.receive(1, 5, 1))).toEqual([5]);
  });

  it("delivers large payloads intact, aligned, in both directions at once", async () => {
    const [a, b] = await transportPair();
    const big0 = new Uint8Array(randomBytes(24 * 1024 * 1024 + 3));
    const big1 = new Uint8Array(randomBytes(9 * 1024 * 1024 + 5));
    const want0 = digest(big0);
    const want1 = digest(big1);
    for (let i = 0; i < 50; i++) a.send(1, 100 + i, 1, Uint8Array.of(i));
    a.send(1, 1, 1, big0);
    b.send(0, 1, 1, big1);
    a.send(1, 2, 1, Uint8Array.of(42));
    const [got0, got1, small] = await Promise.all([b.receive(0, 1, 1), a.receive(1, 1, 1), b.receive(0, 2, 1)]);
    expect(got0.byteOffset % 8).toBe(0);
    expect(got1.byteOffset % 8).toBe(0);
    expect(digest(got0)).toBe(want0);
    expect(digest(got1)).toBe(want1);
    expect(Array.from(small)).toEqual([42]);
    for (let i = 0; i < 50; i++) expect(Array.from(await b.receive(0, 100 + i, 1))).toEqual([i]);
    expect(a.counters()[1]!.bytesSent).toBe(big0.length + 52 * 10 + 51);
    expect(b.counters()[0]!.bytesReceived).toBe(big0.length + 52 * 10 + 51);
  });

  it("passes control frames to the control handler", async () => {
    const [a, b] = await transportPair();
    const got = new Promise<[number, number, number[]]>((r) => b.onControl((from, type, p) => r([from, type, Array.from(p)])));
    a.sendControl(1, Control.seed, Uint8Array.of(1, 2));
    expect(await got).toEqual([0, Control.seed, [1, 2]]);
    expect(() => a.send(1, CONTROL_INSTANCE, 0, new Uint8Array(0))).toThrow(/reserved/);
  });

  it("rejects an oversized frame with a message naming the sender", async () => {
    const [, b, s0] = await transportPair(1024);
    const pending = b.receive(0, 1, 1);
    s0.write(encodeHeader(1, 1, 4096));
    await expect(pending).rejects.toThrow("malformed frame from party 0: payload of 4096 bytes exceeds the limit of 1024 (instance 1, round 1)");
    await expect(b.receive(0, 2, 1)).rejects.toThrow(/malformed frame from party 0/);
  });

  it("rejects a second frame for the same tag", async () => {
    const [a, b] = await transportPair();
    const failed = new Promise<string>((r) => b.onFailure((e) => r(e.message)));
    a.send(1, 4, 1, Uint8Array.of(1));
    a.send(1, 4, 1, Uint8Array.of(2));
    expect(await failed).toBe("malformed frame from party 0: a second frame for instance 4 round 1");
  });

  it("reports a peer that dies without notice", async () => {
    const [, b, s0] = await transportPair();
    const pending = b.receive(0, 1, 1);
    s0.destroy();
    await expect(pending).rejects.toThrow(/^lost the connection to party 0 \((closed without notice|ECONNRESET)\)$/);
  });

  it("reports a peer that dies in the middle of a frame", async () => {
    const [, b, s0] = await transportPair();
    const pending = b.receive(0, 1, 1);
    s0.write(encodeHeader(1, 1, 100));
    s0.write(new Uint8Array(10), () => s0.destroy());
    await expect(pending).rejects.toThrow("connection to party 0 closed in the middle of a frame");
  });

  it("after a clean close, delivered frames stay readable and missing ones reject", async () => {
    const [a, b] = await transportPair();
    let failed = false;
    b.onFailure(() => (failed = true));
    a.send(1, 1, 1, Uint8Array.of(7));
    a.close();
    expect(Array.from(await b.receive(0, 1, 1))).toEqual([7]);
    await expect(b.receive(0, 2, 1)).rejects.toThrow(/party 0 finished and closed its connection/);
    expect(failed).toBe(false);
  });
});

describe("finishing a run", () => {
  it("resolves only once both sides said bye; a frame sent before the bye is still delivered", async () => {
    const [a, b] = await transportPair();
    a.send(1, 3, 1, Uint8Array.of(42));
    let aFinished = false;
    const aDone = a.finish(5000).then(() => (aFinished = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(aFinished).toBe(false);
    expect(Array.from(await b.receive(0, 3, 1))).toEqual([42]);
    await b.finish(5000);
    await aDone;
    expect(aFinished).toBe(true);
  });

  it("rejects with the peer's failure when the peer aborts after this side finished", async () => {
    const [a, b] = await transportPair();
    b.onControl(() => undefined);
    a.onControl((from, type) => {
      if (type === Control.abort) a.fail(new TransportError(`party ${from} stopped`, `party ${from}`));
    });
    const aDone = a.finish(5000);
    await new Promise((r) => setTimeout(r, 50));
    b.sendControl(0, Control.abort, Uint8Array.of(1));
    b.closeSoon(1000);
    await expect(aDone).rejects.toThrow("party 1 stopped");
  });

  it("rejects when the peer closes without its bye, or does not finish in time", async () => {
    const [a, , , s1] = await transportPair();
    const aDone = a.finish(5000);
    s1.end();
    await expect(aDone).rejects.toThrow("lost the connection to party 1 (closed without notice)");
    const [c] = await transportPair();
    await expect(c.finish(200)).rejects.toThrow("party 1 did not finish within 0.2 s of this party");
  });
});

describe("TCP transport watchdog", () => {
  it("fails a receive when the awaited peer stays silent too long", async () => {
    const [a, b] = await transportPair();
    b.watchdog(200);
    a.send(1, 1, 1, Uint8Array.of(1));
    expect(Array.from(await b.receive(0, 1, 1))).toEqual([1]);
    await expect(b.receive(0, 2, 1)).rejects.toThrow("party 0 sent nothing for 0.2 s while this party was waiting for it");
  });
});
