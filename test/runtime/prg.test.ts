import { describe, expect, it } from "vitest";
import { Prg, createPartyPrgs, deterministicKeys } from "../../runtime/prg.js";
import { createCipheriv } from "node:crypto";

describe("Prg", () => {
  const key = new Uint8Array(16).map((_, i) => i * 7 + 1);

  it("is a pure function of (instance, round, length)", () => {
    const a = new Prg(key).draw(5, 2, 100);
    const b = new Prg(key).draw(5, 2, 100);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const longer = new Prg(key).draw(5, 2, 200);
    expect(Buffer.from(longer.subarray(0, 100)).equals(Buffer.from(a))).toBe(true);
  });

  it("gives different streams for different instances and rounds", () => {
    const p = new Prg(key);
    const base = Buffer.from(p.draw(1, 0, 64));
    expect(base.equals(Buffer.from(p.draw(2, 0, 64)))).toBe(false);
    expect(base.equals(Buffer.from(p.draw(1, 1, 64)))).toBe(false);
  });

  it("is AES-128-CTR with counter block instance ‖ round ‖ 0", () => {
    const iv = Buffer.alloc(16);
    iv.writeUIntBE(258, 0, 6);
    iv.writeUInt16BE(3, 6);
    const want = createCipheriv("aes-128-ctr", Buffer.from(key), iv).update(Buffer.alloc(48));
    expect(Buffer.from(new Prg(key).draw(258, 3, 48)).equals(want)).toBe(true);
  });

  it("returns 8-byte aligned buffers and handles empty draws", () => {
    const p = new Prg(key);
    for (const n of [0, 1, 7, 8, 100, 4097]) {
      const d = p.draw(0, 0, n);
      expect(d.length).toBe(n);
      expect(d.byteOffset % 8).toBe(0);
    }
  });

  it("rejects bad keys and addresses", () => {
    expect(() => new Prg(new Uint8Array(15))).toThrow(/16 bytes/);
    expect(() => new Prg(key).draw(-1, 0, 4)).toThrow(/instance/);
    expect(() => new Prg(key).draw(0, 70000, 4)).toThrow(/round/);
  });

  it("pairs streams: party i's next is party i+1's prev", () => {
    const keys = deterministicKeys("seed");
    const prgs = keys.map(createPartyPrgs);
    for (let i = 0; i < 3; i++) {
      const mine = Buffer.from(prgs[i]!.next.draw(9, 1, 32));
      const theirs = Buffer.from(prgs[(i + 1) % 3]!.prev.draw(9, 1, 32));
      expect(mine.equals(theirs)).toBe(true);
      const own = Buffer.from(prgs[i]!.own.draw(9, 1, 32));
      expect(own.equals(mine)).toBe(false);
    }
  });
});
