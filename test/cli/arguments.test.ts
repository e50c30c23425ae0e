/**
 * Typed program arguments and result display (in process): values are parsed by
 * the type the program interface gives, with range checks and errors that name the
 * argument; private fixed-point values travel as the emulator's raw fixed point;
 * results decode back to plain values, scalars or arrays by the interface.
 */
import { describe, expect, it } from "vitest";
import type { Module } from "../../vm/bytecode.js";
import { ArgumentError, argumentRecords, parseArgOptions, parseArgsJson, parseElement } from "../../runtime/cli/arguments.js";
import { showResult } from "../../runtime/cli/results.js";

const module: Module = {
  constants: [],
  files: [],
  spans: [],
  kinds: [{ name: "shared3p", types: [{ name: "uint32", publicType: "uint32" }, { name: "fix32", publicType: "float32" }, { name: "xor_uint8", publicType: "uint8" }] }],
  domains: [{ name: "pd", kind: 0 }],
  structs: [],
  globals: [],
  procedures: [],
  interface: [
    { role: "argument", name: "n", domain: "", type: "int8", dims: 0 },
    { role: "argument", name: "v", domain: "pd", type: "uint32", dims: 1 },
    { role: "argument", name: "f", domain: "pd", type: "fix32", dims: 0 },
    { role: "argument", name: "s", domain: "", type: "string", dims: 0 },
    { role: "argument", name: "b", domain: "", type: "bool", dims: 1 },
    { role: "result", name: "r", domain: "pd", type: "fix32", dims: 1 },
    { role: "result", name: "x", domain: "pd", type: "xor_uint8", dims: 0 },
  ],
  main: 0,
  init: -1,
};

describe("argument parsing", () => {
  it("parses each element by type with range checks", () => {
    expect(parseElement("int8", "-128", "a")).toBe(-128);
    expect(parseElement("uint64", "18446744073709551615", "a")).toBe(18446744073709551615n);
    expect(parseElement("uint16", "0x10", "a")).toBe(16);
    expect(parseElement("bool", "true", "a")).toBe(true);
    expect(parseElement("float64", "-2.5e3", "a")).toBe(-2500);
    expect(() => parseElement("uint8", "256", 'argument "n"')).toThrow('argument "n": "256" is out of range for uint8 (0 to 255)');
    expect(() => parseElement("int32", "1.5", 'argument "n"')).toThrow('argument "n": "1.5" is not an integer');
    expect(() => parseElement("bool", "yes", 'argument "n"')).toThrow("is not a bool");
  });

  it("builds records typed by the interface, private fixed point as raw bytes", () => {
    const raw = parseArgOptions(["n=-3", "v=1,2,258", "f=1.5", "s=a,b", "b="]);
    const recs = argumentRecords(module, raw);
    expect(recs.map((r) => [r.name, r.domain, r.type, [...r.data]])).toEqual([
      ["n", "", "int8", [253]],
      ["v", "pd", "uint32", [1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 0, 0]],
      // 1.5 * 2^16 = 0x00018000, little-endian
      ["f", "pd", "fix32", [0x00, 0x80, 0x01, 0x00]],
      ["s", "", "string", [...Buffer.from("a,b")]],
      ["b", "", "bool", []],
    ]);
  });

  it("takes JSON arguments; --arg values win", () => {
    const raw = parseArgOptions(["n=1"]);
    parseArgsJson(JSON.stringify({ n: 5, v: [7, 8], b: [true, false] }), "a.json", raw);
    const recs = argumentRecords(module, raw);
    expect(recs.map((r) => [r.name, [...r.data]])).toEqual([
      ["n", [1]],
      ["v", [7, 0, 0, 0, 8, 0, 0, 0]],
      ["b", [1, 0]],
    ]);
  });

  it("names the argument in every error", () => {
    expect(() => argumentRecords(module, parseArgOptions(["zz=1"]))).toThrow('argument "zz" (--arg): the program has no argument of that name; its arguments are n, v, f, s, b');
    expect(() => argumentRecords(module, parseArgOptions(["v=1,-2"]))).toThrow('argument "v" (pd uint32[[1]], --arg) element 2: "-2" is out of range for uint32');
    expect(() => parseArgOptions(["novalue"])).toThrow(ArgumentError);
    expect(() => parseArgsJson("[1]", "a.json")).toThrow("--args a.json: expected a JSON object");
    expect(() => parseArgsJson("{", "a.json")).toThrow("--args a.json: not valid JSON");
  });
});

describe("result display", () => {
  it("decodes private fixed point and xor results by the interface", () => {
    const fix = showResult(module, { name: "r", domain: "pd", type: "fix32", data: new Uint8Array([0x00, 0x80, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff]) });
    expect(fix.value).toEqual([1.5, -1]);
    expect(fix.text).toBe("r = {1.5, -1}");
    const x = showResult(module, { name: "x", domain: "pd", type: "xor_uint8", data: new Uint8Array([200]) });
    expect(x.value).toBe(200);
    expect(x.text).toBe("x = 200");
  });

  it("shows 64-bit integers as decimal strings in JSON and unknown names as arrays unless single", () => {
    const big = showResult(module, { name: "other", domain: "", type: "int64", data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) });
    expect(big.value).toBe("-1");
    const two = showResult(module, { name: "other", domain: "", type: "uint8", data: new Uint8Array([1, 2]) });
    expect(two.value).toEqual([1, 2]);
  });
});
