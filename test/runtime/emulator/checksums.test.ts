/**
 * crc16_xor_vec / crc32_xor_vec: the published check values ("123456789" gives
 * 0x29B1 for CRC-16/CCITT-FALSE and 0xCBF43926 for CRC-32), small hand-known
 * values, and the residue properties of each code on random data (CRC-16 of data
 * followed by its CRC big-endian is 0; CRC-32 of data followed by its CRC
 * little-endian is 0x2144DF1C), plus argument errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import type { SyscallArg } from "../../../vm/backend.js";
import type { DataTypeName } from "../../../vm/isa.js";
import type { PrivateType, TypedVector } from "../../../vm/values.js";

const ptype = (name: string, publicType: DataTypeName): PrivateType => ({ kind: "shared3p", domain: "pd_shared3p", domainId: 0, name, publicType });
const priv = (t: PrivateType, handle: TypedVector): SyscallArg => ({ tag: "private", type: t, handle, length: handle.length });
const pd: SyscallArg = { tag: "scalar", type: "uint64", value: 0n };
const bytesT = ptype("xor_uint8", "uint8");

function crc(width: 16 | 32, data: Uint8Array): number {
  const b = new EmulatorBackend();
  const out = width === 16 ? new Uint16Array(1) : new Uint32Array(1);
  b.syscall(`shared3p::crc${width}_xor_vec`, [pd, priv(bytesT, data), priv(ptype(`xor_uint${width}`, `uint${width}` as DataTypeName), out)]);
  return out[0]!;
}

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("emulator CRC syscalls", () => {
  it("check values and small cases", () => {
    expect(crc(16, ascii("123456789"))).toBe(0x29b1);
    expect(crc(32, ascii("123456789"))).toBe(0xcbf43926);
    expect(crc(16, new Uint8Array(0))).toBe(0xffff);
    expect(crc(32, new Uint8Array(0))).toBe(0);
    expect(crc(32, ascii("a"))).toBe(0xe8b7be43);
    expect(new EmulatorBackend().supports("shared3p::crc16_xor_vec")).toBe(true);
  });

  it("residues: CRC-16 of data || CRC big-endian is 0; CRC-32 of data || CRC little-endian is 0x2144DF1C", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (d) => {
        const c16 = crc(16, d);
        expect(crc(16, Uint8Array.from([...d, c16 >>> 8, c16 & 0xff]))).toBe(0);
        const c32 = crc(32, d);
        expect(crc(32, Uint8Array.from([...d, c32 & 0xff, (c32 >>> 8) & 0xff, (c32 >>> 16) & 0xff, c32 >>> 24]))).toBe(0x2144df1c);
      }),
      { numRuns: 60 },
    );
  });

  it("a wrong output type is a clear error", () => {
    const b = new EmulatorBackend();
    expect(() => b.syscall("shared3p::crc16_xor_vec", [pd, priv(bytesT, ascii("x")), priv(ptype("xor_uint32", "uint32"), new Uint32Array(1))])).toThrow(
      "syscall shared3p::crc16_xor_vec: needs (pd, xor_uint8 data, one-element xor_uint16 out)",
    );
  });
});
