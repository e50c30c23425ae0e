/**
 * CRC checksums of private byte vectors in the clear, with the parameters the
 * stdlib's shared3p_string pins (CRC16 / CRC32 there):
 *
 * - `crc16_xor_vec(pd, data, out)`: data a private xor_uint8 vector, out a
 *   one-element private xor_uint16 vector receiving CRC-16/CCITT-FALSE
 *   (polynomial 0x1021, most significant bit first, initial 0xFFFF, no final XOR;
 *   "123456789" gives 0x29B1).
 * - `crc32_xor_vec(pd, data, out)`: out a one-element private xor_uint32 vector
 *   receiving CRC-32/IEEE 802.3 (reflected polynomial 0xEDB88320, initial and
 *   final XOR 0xFFFFFFFF; "123456789" gives 0xCBF43926).
 */
import type { SyscallArg } from "../../vm/backend.js";
import { VmError } from "../../vm/errors.js";

export type ChecksumOp = "crc16_xor_vec" | "crc32_xor_vec";

export function isChecksum(bare: string): bare is ChecksumOp {
  return bare === "crc16_xor_vec" || bare === "crc32_xor_vec";
}

export function crc16(data: Uint8Array): number {
  let crc = 0xffff;
  for (let i = 0; i < data.length; i++) {
    crc ^= data[i]! << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    crc ^= data[i]!;
    for (let b = 0; b < 8; b++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Runs (pd, data, out); returns the number of input bytes (the lanes). */
export function runChecksum(name: string, op: ChecksumOp, args: readonly SyscallArg[]): number {
  const privs = args.filter((a) => a.tag === "private");
  const data = privs[0]?.tag === "private" ? privs[0].handle : undefined;
  const out = privs[1]?.tag === "private" ? privs[1].handle : undefined;
  const wide = op === "crc16_xor_vec" ? Uint16Array : Uint32Array;
  if (!(data instanceof Uint8Array) || !(out instanceof wide) || out.length !== 1 || privs.length !== 2) {
    throw new VmError(`syscall ${name}: needs (pd, xor_uint8 data, one-element xor_uint${op === "crc16_xor_vec" ? 16 : 32} out)`);
  }
  out[0] = op === "crc16_xor_vec" ? crc16(data) : crc32(data);
  return data.length;
}
