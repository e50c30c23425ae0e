import { describe, expect, it } from "vitest";
import { LOOPS, OPS, TempSlots, TABLE_ALPHABET, TYPES, encodeRuns, tableText, tempOperand } from "../../../compiler/protocol/table.js";
import { Registers, TYPE_PLANE, TYPE_W16, TYPE_W32, TYPE_W64, TYPE_W8 } from "../../../runtime/protocols/machine.js";
import { LOOP_LANES, LOOP_PLANES, OPS as RUNTIME_OPS, runTable, tableNumbers } from "../../../runtime/protocols/table-jit.js";

describe("protocol tables", () => {
  it("the compiler and the runtime number operations, types and loops alike", () => {
    expect(OPS).toEqual(RUNTIME_OPS);
    expect(TYPES).toEqual({ plane: TYPE_PLANE, w8: TYPE_W8, w16: TYPE_W16, w32: TYPE_W32, w64: TYPE_W64 });
    expect(LOOPS).toEqual({ planes: LOOP_PLANES, lanes: LOOP_LANES });
  });

  it("consecutive instructions with constant strides become one run; a single one carries no strides", () => {
    const xor = (d: number, a: number, b: number) => ({ op: "xor" as const, type: TYPES.plane, d, a, b });
    const code = [xor(10, 0, 5), xor(11, 1, 6), xor(12, 2, 7), { op: "not" as const, type: TYPES.plane, d: tempOperand(0), a: 12, b: 12 }];
    // opcode = operation·8 + type: xor (2) on planes (0) is 16, not (3) is 24; temporary 0 is ~0 = -1
    expect(encodeRuns(LOOPS.planes, code)).toEqual([0, 16, 3, 10, 0, 5, 1, 1, 1, 24, 1, -1, 12, 12]);
  });

  it("table text: zigzag numbers in 5-bit groups, one character each, +32 when more follow", () => {
    // 0 -> 0 "A"; -1 -> 1 "B"; 16 -> 32 = 0 + 1·32: "g" (0 + 32) then "B" (1); -3 -> 5 "F"
    expect(tableText([0, -1, 16, -3])).toBe("ABgBF");
    expect(tableNumbers("ABgBF")).toEqual([0, -1, 16, -3]);
    const wide = [0, 1, -1, 31, 32, -33, 1000, -1000, 123456789, -987654321];
    expect(tableNumbers(tableText(wide))).toEqual(wide);
    expect(new Set(TABLE_ALPHABET).size).toBe(64);
    expect(() => tableNumbers("AB\"")).toThrow(/bad character/);
  });

  it("temporary slots: the lowest free slot is taken next", () => {
    const s = new TempSlots();
    expect([s.take(), s.take(), s.take()]).toEqual([0, 1, 2]);
    s.free(1);
    expect(s.take()).toBe(1);
    expect(s.take()).toBe(3);
    expect(s.size).toBe(4);
  });

  it("a compiled table computes 64-bit products and sums, 32-bit shifts and plane lifts lane by lane", () => {
    const L = 37;
    const R = new Registers(L);
    R.fresh(TYPES.w64, 0, 3);
    R.fresh(TYPES.w32, 0, 2);
    R.fresh(TYPES.plane, 0, 1);
    const a = R.words(TYPES.w64, 0) as BigUint64Array;
    const b = R.words(TYPES.w64, 1) as BigUint64Array;
    const x = R.words(TYPES.w32, 0) as Uint32Array;
    const p = R.words(TYPES.plane, 0) as Uint32Array;
    for (let i = 0; i < L; i++) {
      a[i] = 0xfedcba9876543210n * BigInt(i + 1);
      b[i] = 0x0123456789abcdefn + BigInt(i) * 0x100000001n;
      x[i] = (0x80000001 * (i + 3)) >>> 0;
    }
    p[0] = 0xa5a5a5a5;
    p[1] = 0x1f;
    // w64[2] = a·b + a; w32[1] = (x >> 3) + lift(plane 0)
    const mul = OPS.mul * 8 + TYPES.w64;
    const add = OPS.add * 8 + TYPES.w64;
    const shr = OPS.shr * 8 + TYPES.w32;
    const lift = OPS.lift * 8 + TYPES.w32;
    const add32 = OPS.add * 8 + TYPES.w32;
    runTable(R, tableText([LOOPS.lanes, mul, 1, -1, 0, 1, add, 1, 2, -1, 0, shr, 1, -1, 0, 3, lift, 1, -2, 0, 0, add32, 1, 1, -1, -2]));
    const r = R.words(TYPES.w64, 2) as BigUint64Array;
    const y = R.words(TYPES.w32, 1) as Uint32Array;
    for (let i = 0; i < L; i++) {
      expect(r[i]).toBe(BigInt.asUintN(64, a[i]! * b[i]! + a[i]!));
      const bit = (i < 32 ? 0xa5a5a5a5 >>> i : 0x1f >>> (i - 32)) & 1;
      expect(y[i]).toBe(((x[i]! >>> 3) + bit) >>> 0);
    }
  });

  it("a plane table (interpreted) computes over blocks of plane words with temporaries and constants", () => {
    const L = 70 * 32 + 5; // 71 plane words: more than one block of 64
    const R = new Registers(L);
    R.fresh(TYPES.plane, 0, 3);
    const [x, y, out] = [0, 1, 2].map((r) => R.words(TYPES.plane, r) as Uint32Array) as [Uint32Array, Uint32Array, Uint32Array];
    for (let j = 0; j < R.W; j++) {
      x[j] = Math.imul(j + 1, 0x9e3779b9) >>> 0;
      y[j] = Math.imul(j + 7, 0x85ebca6b) >>> 0;
    }
    const op = (name: keyof typeof OPS) => OPS[name] * 8 + TYPES.plane;
    // t1 = ones (constant), t0 = x & y, t0 = t0 ^ t1 (= ~(x & y)), out = t0 | x
    const code = [LOOPS.planes, op("const"), 1, -2, -1, -1, op("and"), 1, -1, 0, 1, op("xor"), 1, -1, -1, -2, op("or"), 1, 2, -1, 0];
    runTable(R, tableText(code));
    for (let j = 0; j < R.W; j++) expect(out[j]).toBe((~(x[j]! & y[j]!) | x[j]!) >>> 0);
  });
});
