/**
 * Private conversions agree with public casts: for every pair of bool, integer and
 * float types, the emulator's conv_S_to_T gives what the VM's public cast gives
 * (both implement C cast semantics: wrap, truncate, non-zero -> true).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import type { SyscallArg } from "../../../vm/backend.js";
import type { DataTypeName } from "../../../vm/isa.js";
import { castScalar } from "../../../vm/kernels.js";
import { newVector, readElement, type PrivateType } from "../../../vm/values.js";

const TYPES: DataTypeName[] = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"];

function ptype(name: DataTypeName): PrivateType {
  return { kind: "shared3p", domain: "pd", domainId: 0, name, publicType: name };
}

function arb(t: DataTypeName): fc.Arbitrary<unknown> {
  switch (t) {
    case "bool":
      return fc.boolean();
    case "float32":
      return fc.float().map(Math.fround);
    case "float64":
      return fc.oneof(fc.double(), fc.double({ min: -1e20, max: 1e20 }));
    case "int64":
      return fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n);
    case "uint64":
      return fc.bigInt(0n, 2n ** 64n - 1n);
    default: {
      const bits = Number(t.replace(/\D/g, ""));
      const signed = t.startsWith("int");
      return signed ? fc.integer({ min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 }) : fc.integer({ min: 0, max: 2 ** bits - 1 });
    }
  }
}

describe("private conversions match public casts", () => {
  for (const from of TYPES) {
    it(`conv_${from}_to_* equals the public cast`, () => {
      const b = new EmulatorBackend();
      fc.assert(
        fc.property(arb(from), (x) => {
          const src = newVector(from, 1);
          src[0] = (typeof x === "boolean" ? (x ? 1 : 0) : x) as never;
          for (const to of TYPES) {
            if (to === from) continue;
            const out = newVector(to, 1);
            const args: SyscallArg[] = [
              { tag: "scalar", type: "uint64", value: 0n },
              { tag: "private", type: ptype(from), handle: b.classify(ptype(from), src), length: 1 },
              { tag: "private", type: ptype(to), handle: out, length: 1 },
            ];
            b.syscall(`shared3p::conv_${from}_to_${to}_vec`, args);
            const got = readElement(to, b.declassify(ptype(to), out, 1), 0);
            expect({ from, to, x: String(x), got }).toEqual({ from, to, x: String(x), got: castScalar(from, to, x) });
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});

describe("float to fixed point at the extremes", () => {
  const run = (to: "fix32" | "fix64", x: number): unknown => {
    const b = new EmulatorBackend();
    const src = Float64Array.of(x);
    const out = to === "fix32" ? new Uint32Array(1) : new BigUint64Array(1);
    const fix: PrivateType = { kind: "shared3p", domain: "pd", domainId: 0, name: to, publicType: "float64" };
    b.syscall(`shared3p::conv_float64_to_${to}_vec`, [{ tag: "scalar", type: "uint64", value: 0n }, { tag: "private", type: ptype("float64"), handle: src, length: 1 }, { tag: "private", type: fix, handle: out, length: 1 }]);
    return out[0];
  };

  it("wraps modulo 2^n: values whose scaled form overflows a double are multiples of 2^n, hence 0", () => {
    // 2^1010 · 2^16 overflows; exactly 0 mod 2^32
    expect(run("fix32", 2 ** 1010)).toBe(0);
    expect(run("fix64", -(2 ** 1000))).toBe(0n);
    // hand-computed: 2^20 + 0.5 in fix32 is (2^36 + 2^15) mod 2^32 = 2^15
    expect(run("fix32", 2 ** 20 + 0.5)).toBe(2 ** 15);
    expect(run("fix64", 1.5)).toBe(3n << 31n);
  });
});
