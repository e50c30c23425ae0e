/**
 * The record stream: round trip, the exact byte layout of one record, typed data
 * encoding, and clean errors on truncated streams.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  RecordStreamError,
  decodeRecords,
  decodeValues,
  encodeRecords,
  encodeValues,
  readRecords,
} from "../../../runtime/io/record-stream.js";

const recordArb = fc.record({
  name: fc.string(),
  domain: fc.oneof(fc.constant(""), fc.string()),
  type: fc.constantFrom("uint32", "bool", "string", "xor_uint8", "float64"),
  data: fc.uint8Array({ maxLength: 40 }),
});

describe("record stream", () => {
  it("decode(encode(records)) round-trips", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 5 }), (records) => {
        expect(decodeRecords(encodeRecords(records))).toEqual(records);
      }),
    );
  });

  it("lays out a public uint64 42 argument named x as four u64-LE-prefixed fields", () => {
    const bytes = encodeRecords([{ name: "x", domain: "", type: "uint64", data: encodeValues("uint64", [42n]) }]);
    const expected = [
      ...[1, 0, 0, 0, 0, 0, 0, 0], 0x78,
      ...[0, 0, 0, 0, 0, 0, 0, 0],
      ...[6, 0, 0, 0, 0, 0, 0, 0], ...Array.from("uint64", (c) => c.charCodeAt(0)),
      ...[8, 0, 0, 0, 0, 0, 0, 0], ...[42, 0, 0, 0, 0, 0, 0, 0],
    ];
    expect(Array.from(bytes)).toEqual(expected);
  });

  it("every truncation of a valid stream is a RecordStreamError", () => {
    const bytes = encodeRecords([
      { name: "a", domain: "pd_shared3p", type: "uint32", data: encodeValues("uint32", [1, 2, 3]) },
      { name: "b", domain: "", type: "bool", data: encodeValues("bool", [true]) },
    ]);
    for (let n = 1; n < bytes.length; n++) {
      const cut = bytes.subarray(0, n);
      let err: unknown;
      try {
        decodeRecords(cut);
      } catch (e) {
        err = e;
      }
      // a cut exactly between records is a valid shorter stream
      if (err === undefined) expect(decodeRecords(cut).length).toBe(1);
      else expect(err).toBeInstanceOf(RecordStreamError);
    }
  });

  it("typed values: little-endian elements, bool one byte, 64-bit as bigint", () => {
    expect(Array.from(encodeValues("int16", [-2, 258]))).toEqual([0xfe, 0xff, 2, 1]);
    expect(Array.from(encodeValues("bool", [true, false]))).toEqual([1, 0]);
    expect(decodeValues("int64", encodeValues("int64", [-5n]))).toEqual([-5n]);
    expect(decodeValues("float32", encodeValues("float32", [0.5, -2]))).toEqual([0.5, -2]);
    expect(decodeValues("string", encodeValues("string", ["héllo"]))).toEqual(["héllo"]);
    expect(() => decodeValues("uint32", new Uint8Array(3))).toThrow(RecordStreamError);
  });

  it("reads a stream delivered in chunks", async () => {
    const bytes = encodeRecords([{ name: "n", domain: "", type: "int32", data: encodeValues("int32", [7]) }]);
    async function* chunks(): AsyncIterable<Uint8Array> {
      for (let i = 0; i < bytes.length; i += 5) yield bytes.subarray(i, i + 5);
    }
    expect(await readRecords(chunks())).toEqual([{ name: "n", domain: "", type: "int32", data: encodeValues("int32", [7]) }]);
  });
});
