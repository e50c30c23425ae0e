import { describe, expect, it } from "vitest";
import { memoryTransports } from "../../../runtime/net/memory.js";

describe("memory transport", () => {
  it("matches frames by (instance, round) regardless of order", async () => {
    const [a, b] = memoryTransports();
    a.send(1, 7, 2, Uint8Array.of(2));
    a.send(1, 7, 1, Uint8Array.of(1));
    a.send(1, 3, 1, Uint8Array.of(3));
    expect(Array.from(await b.receive(0, 7, 1))).toEqual([1]);
    expect(Array.from(await b.receive(0, 3, 1))).toEqual([3]);
    expect(Array.from(await b.receive(0, 7, 2))).toEqual([2]);
    expect(a.sentBytes).toEqual([0, 3, 0]);
  });

  it("resolves a receive that waits for a later send, without copying", async () => {
    const [a, , c] = memoryTransports();
    const pending = c.receive(0, 1, 1);
    const payload = Uint8Array.of(9, 8, 7);
    a.send(2, 1, 1, payload);
    expect(await pending).toBe(payload);
  });

  it("keeps links separate per sender", async () => {
    const [a, b, c] = memoryTransports();
    a.send(2, 0, 1, Uint8Array.of(1));
    b.send(2, 0, 1, Uint8Array.of(2));
    expect(Array.from(await c.receive(1, 0, 1))).toEqual([2]);
    expect(Array.from(await c.receive(0, 0, 1))).toEqual([1]);
  });

  it("rejects pending receives on close and refuses self-sends", async () => {
    const [a, b] = memoryTransports();
    const pending = b.receive(0, 0, 1);
    b.close();
    await expect(pending).rejects.toThrow(/closed/);
    expect(() => a.send(0, 0, 1, new Uint8Array(0))).toThrow(/itself/);
  });

  it("refuses a duplicate frame for the same tag", () => {
    const [a] = memoryTransports();
    a.send(1, 0, 1, new Uint8Array(1));
    expect(() => a.send(1, 0, 1, new Uint8Array(1))).toThrow(/duplicate/);
  });
});
