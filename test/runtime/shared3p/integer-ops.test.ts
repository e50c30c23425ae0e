/**
 * The integer handlers of the shared3p backend (division, modulo, private shifts,
 * sign, abs, fixed-point multiplication, conversions with fixed point) at three
 * parties in one process, compared with the plain-text emulator running the same
 * syscall on the same inputs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import { bigintsToWords, packBits, unpackBits } from "../../../runtime/protocols/shares.js";
import { fromPlain, shareTypeOf, toPlain, type ShareType } from "../../../runtime/shared3p/share-types.js";
import { syscallStatus } from "../../../runtime/shared3p/syscalls.js";
import type { SyscallArg } from "../../../vm/backend.js";
import type { TypedVector } from "../../../vm/values.js";
import { makeBackends, open, outputOf, pd, priv, ptype, share, syscallAll, widthOf, type Party } from "./support.js";

const backends = makeBackends("integer-ops");
const emulator = new EmulatorBackend();

/** Word values biased to edges (0, 1, 2^(n-1)-1, 2^(n-1), 2^n-1) and small numbers. */
function words(n: number, l: number): fc.Arbitrary<bigint[]> {
  const N = BigInt(n);
  const edge = fc.constantFrom(0n, 1n, 2n, 3n, (1n << (N - 1n)) - 1n, 1n << (N - 1n), (1n << N) - 1n);
  const small = fc.integer({ min: 0, max: n + 2 }).map(BigInt);
  return fc.array(fc.oneof(edge, small, fc.bigInt({ min: 0n, max: (1n << N) - 1n })), { minLength: l, maxLength: l });
}

const lengths = fc.oneof(fc.constantFrom(0, 1, 32, 33), fc.integer({ min: 0, max: 40 }));
const operands = (n: number, count: number) => lengths.chain((l) => fc.tuple(...Array.from({ length: count }, () => words(n, l))));

function typeOf(name: string): ShareType {
  return shareTypeOf(name) as ShareType;
}

/** The emulator's handle (its representation) holding the given words. */
function emulatorHandle(type: string, values: bigint[]): TypedVector {
  const t = typeOf(type);
  return toPlain(t, bigintsToWords(t.width as 8 | 16 | 32 | 64, values), values.length);
}

/** The emulator's result of `op` on private operands, as unsigned words. */
function emulated(op: string, type: string, inputs: bigint[][]): bigint[] {
  const lanes = inputs[0]?.length ?? 0;
  const out = emulatorHandle(type, new Array<bigint>(lanes).fill(0n));
  const args: SyscallArg[] = [pd, ...inputs.map((v) => ({ tag: "private" as const, type: ptype(type), handle: emulatorHandle(type, v), length: v.length })), { tag: "private", type: ptype(type), handle: out, length: lanes }];
  emulator.syscall(`shared3p::${op}_${type}_vec`, args);
  const words = fromPlain(typeOf(type), out);
  return Array.from({ length: lanes }, (_, i) => BigInt(words[i] as number | bigint));
}

/** The three-party result of `op` on private operands. */
async function threeParty(op: string, type: string, inputs: bigint[][]): Promise<bigint[]> {
  const lanes = inputs[0]?.length ?? 0;
  const shared = inputs.map((v) => share(type, v));
  const out = outputOf(backends, type, lanes);
  await syscallAll(backends, `shared3p::${op}_${type}_vec`, (p: Party) => [...shared.map((s) => priv(s, p)), priv(out, p)]);
  return open(out) as bigint[];
}

describe("division and modulo of unsigned values: three parties = emulator", () => {
  for (const type of ["uint8", "uint16", "uint32", "uint64"]) {
    const n = widthOf(type);
    it(`div, mod of ${type} by a private divisor`, async () => {
      await fc.assert(
        fc.asyncProperty(operands(n, 2), async (ops) => {
          for (const op of ["div", "mod"]) expect(await threeParty(op, type, ops)).toEqual(emulated(op, type, ops));
        }),
        { numRuns: n === 64 ? 2 : 4 },
      );
    });
  }

  it("divc and modc by a public scalar and by a public vector (__cref)", async () => {
    const type = "uint32";
    const x = [0n, 1n, 100n, 4294967295n, 65536n, 12345n];
    for (const divisor of [[7n], [1n], [0n], [4294967295n], [3n, 1n, 0n, 9n, 65536n, 2n]]) {
      const a = share(type, x);
      const out = outputOf(backends, type, x.length);
      const data = Uint32Array.from(divisor.map(Number));
      const pub: SyscallArg = { tag: "cref", type: "uint32", data, bytes: new Uint8Array(data.buffer), scalar: false, value: undefined };
      const d = x.map((_, i) => divisor[divisor.length === 1 ? 0 : i]!);
      await syscallAll(backends, "shared3p::divc_uint32_vec", (p) => [priv(a, p), pub, priv(out, p)]);
      expect(open(out)).toEqual(emulated("div", type, [x, d]));
      await syscallAll(backends, "shared3p::modc_uint32_vec", (p) => [priv(a, p), pub, priv(out, p)]);
      expect(open(out)).toEqual(emulated("mod", type, [x, d]));
    }
  });
});

describe("shifts by private amounts, sign and abs: three parties = emulator", () => {
  for (const type of ["uint8", "uint16", "uint32", "uint64"]) {
    const n = widthOf(type);
    it(`shift_left, shift_right of ${type}`, async () => {
      await fc.assert(
        fc.asyncProperty(operands(n, 2), async (ops) => {
          for (const op of ["shift_left", "shift_right"]) expect(await threeParty(op, type, ops)).toEqual(emulated(op, type, ops));
        }),
        { numRuns: 4 },
      );
    });
  }

  for (const type of ["int8", "int16", "int32", "int64"]) {
    const n = widthOf(type);
    it(`sign, abs of ${type}`, async () => {
      await fc.assert(
        fc.asyncProperty(operands(n, 1), async (ops) => {
          for (const op of ["sign", "abs"]) expect(await threeParty(op, type, ops)).toEqual(emulated(op, type, ops));
        }),
        { numRuns: 4 },
      );
    });
  }
});

describe("fixed-point multiplication: three parties = emulator, bit for bit", () => {
  for (const type of ["fix32", "fix64"]) {
    const n = widthOf(type);
    it(`mul of ${type}, including x * x`, async () => {
      await fc.assert(
        fc.asyncProperty(operands(n, 2), async (ops) => {
          expect(await threeParty("mul", type, ops)).toEqual(emulated("mul", type, ops));
          const [x] = ops;
          const a = share(type, x!);
          const out = outputOf(backends, type, x!.length);
          await syscallAll(backends, `shared3p::mul_${type}_vec`, (p) => [priv(a, p), priv(a, p), priv(out, p)]);
          expect(open(out)).toEqual(emulated("mul", type, [x!, x!]));
        }),
        { numRuns: 5 },
      );
    });
  }

  it("integer mul still uses mul/square, and the new syscalls are available", () => {
    for (const name of ["mul_fix32_vec", "mul_fix64_vec", "div_uint64_vec", "modc_uint8_vec", "shift_right_uint16_vec", "sign_int8_vec", "abs_int64_vec"]) {
      expect(syscallStatus(`shared3p::${name}`)).toBeNull();
    }
    expect(syscallStatus("shared3p::div_int32_vec")).toMatch(/signed/);
    expect(syscallStatus("shared3p::sign_uint32_vec")).toMatch(/not a signed integer/);
  });
});

/** Values of a type as the tests write them: bigint words (two's complement) or bools. */
type Plain = bigint | boolean;

function emulatorValues(type: string, values: Plain[]): TypedVector {
  const t = typeOf(type);
  const words = t.width === 1 ? packBits(values as boolean[]) : bigintsToWords(t.width as 8 | 16 | 32 | 64, (values as bigint[]).map((v) => BigInt.asUintN(t.width, v)));
  return toPlain(t, words, values.length);
}

function emulatedConv(from: string, to: string, values: Plain[]): Plain[] {
  const out = emulatorValues(to, values.map(() => (to === "bool" ? false : 0n)));
  emulator.syscall(`shared3p::conv_${from}_to_${to}_vec`, [pd, { tag: "private", type: ptype(from), handle: emulatorValues(from, values), length: values.length }, { tag: "private", type: ptype(to), handle: out, length: values.length }]);
  const t = typeOf(to);
  const words = fromPlain(t, out);
  if (t.width === 1) return unpackBits(words as Uint32Array, values.length);
  return Array.from({ length: values.length }, (_, i) => BigInt(words[i] as number | bigint));
}

async function threePartyConv(from: string, to: string, values: Plain[]): Promise<Plain[]> {
  const a = share(from, from === "bool" ? values : (values as bigint[]).map((v) => BigInt.asUintN(widthOf(from), v)));
  const out = outputOf(backends, to, values.length);
  await syscallAll(backends, `shared3p::conv_${from}_to_${to}_vec`, (p) => [priv(a, p), priv(out, p)]);
  return open(out);
}

describe("conversions with fixed point: three parties = emulator", () => {
  /** Signed raw values below 2^bound in magnitude (the emulator computes through doubles). */
  const raw = (bound: number) => fc.oneof(fc.constantFrom(0n, 1n, -1n, 65535n, 65536n, -65536n, -65537n, 1n << 31n, -(1n << 31n) + 1n), fc.bigInt({ min: -(1n << BigInt(bound)), max: 1n << BigInt(bound) }));
  const cases: [string, string, number][] = [
    ["int32", "fix32", 15],
    ["uint8", "fix32", 8],
    ["int64", "fix64", 31],
    ["uint32", "fix64", 32],
    ["int8", "fix64", 7],
    ["fix32", "int32", 31],
    ["fix32", "int64", 31],
    ["fix32", "uint8", 31],
    ["fix64", "int64", 52],
    ["fix64", "int16", 52],
    ["fix32", "fix64", 31],
    ["fix64", "fix32", 52],
    ["fix32", "bool", 31],
    ["fix64", "xor_uint32", 52],
  ];
  it.each(cases)("conv %s -> %s", async (from, to, bound) => {
    await fc.assert(
      fc.asyncProperty(lengths.chain((l) => fc.array(raw(bound), { minLength: l, maxLength: l })), async (xs) => {
        const values = xs.map((v) => BigInt.asIntN(widthOf(from), v));
        expect(await threePartyConv(from, to, values)).toEqual(emulatedConv(from, to, values));
      }),
      { numRuns: 3 },
    );
  });

  it("conv bool -> fix32 and fix64 is 1.0 for true", async () => {
    const bools = [true, false, false, true, true];
    for (const to of ["fix32", "fix64"]) expect(await threePartyConv("bool", to, bools)).toEqual(emulatedConv("bool", to, bools));
  });
});
