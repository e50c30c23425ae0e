/**
 * The bytecode format: encode -> decode round trip (property over random modules
 * generated from the instruction table), determinism, the header hash.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeHash, decode, encode, FORMAT_VERSION, moduleHash, type Instruction, type LineEntry, type Module, type Operand } from "../../vm/bytecode.js";
import { BytecodeError } from "../../vm/errors.js";
import { BINARY_OPS, DATA_TYPES, INSTRUCTIONS, SYSARG_MODES, type OperandKind } from "../../vm/isa.js";

const small = fc.nat({ max: 300 });

function operandArb(kind: OperandKind): fc.Arbitrary<Operand> {
  switch (kind) {
    case "optreg":
      return fc.integer({ min: -1, max: 300 });
    case "regs":
      return fc.array(small, { maxLength: 4 });
    case "dtype":
      return fc.nat({ max: DATA_TYPES.length - 1 });
    case "binop":
      return fc.nat({ max: BINARY_OPS.length - 1 });
    case "unop":
      return fc.nat({ max: 2 });
    case "mode":
      return fc.nat({ max: 2 });
    case "slices":
      return fc.array(
        fc.oneof(
          small.map((reg) => ({ kind: "index" as const, reg })),
          fc.record({ kind: fc.constant("slice" as const), lo: fc.integer({ min: -1, max: 50 }), hi: fc.integer({ min: -1, max: 50 }) }),
        ),
        { maxLength: 3 },
      );
    case "sysargs":
      return fc.array(
        fc.record({
          mode: fc.constantFrom(...SYSARG_MODES),
          reg: small,
          type: fc.oneof(fc.constant(null), fc.constantFrom(...DATA_TYPES)),
        }),
        { maxLength: 4 },
      );
    default:
      return fc.nat({ max: 100000 });
  }
}

/** A line entry, naming an inline site or not (absent, as the decoder gives it back). */
const lineEntryArb: fc.Arbitrary<LineEntry> = fc.record(
  { start: small, span: fc.integer({ min: -1, max: 10 }), inline: fc.nat({ max: 6 }) },
  { requiredKeys: ["start", "span"] },
);

const instructionArb: fc.Arbitrary<Instruction> = fc
  .constantFrom(...INSTRUCTIONS)
  .chain((d) => fc.tuple(...d.operands.map(operandArb)).map((args) => ({ op: d.name, args })));

export const moduleArb: fc.Arbitrary<Module> = fc.record({
  constants: fc.array(
    fc.oneof(
      fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n).map((value) => ({ kind: "int" as const, value })),
      fc.double().map((value) => ({ kind: "float" as const, value })),
      fc.string().map((value) => ({ kind: "string" as const, value })),
    ),
    { maxLength: 5 },
  ),
  files: fc.array(fc.string(), { maxLength: 2 }),
  spans: fc.array(fc.record({ file: small, line: small, column: small, endLine: small, endColumn: small }), { maxLength: 3 }),
  inlineSites: fc.array(fc.record({ procedure: fc.oneof(fc.string(), fc.constantFrom("f", "g")), call: fc.integer({ min: -1, max: 10 }), parent: fc.integer({ min: -1, max: 6 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
  kinds: fc.array(
    fc.record({
      name: fc.string(),
      types: fc.array(fc.record({ name: fc.string(), publicType: fc.oneof(fc.constant(null), fc.constantFrom(...DATA_TYPES)) }), { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
  domains: fc.array(fc.record({ name: fc.string(), kind: small }), { maxLength: 2 }),
  structs: fc.array(fc.record({ name: fc.string(), fields: fc.array(fc.string(), { maxLength: 3 }) }), { maxLength: 2 }),
  globals: fc.array(fc.record({ name: fc.string() }), { maxLength: 2 }),
  procedures: fc.array(
    fc.record({
      name: fc.string(),
      params: small,
      registers: small,
      code: fc.array(instructionArb, { maxLength: 12 }),
      lines: fc.array(lineEntryArb, { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  interface: fc.array(
    fc.record({
      role: fc.constantFrom("argument" as const, "result" as const),
      name: fc.string(),
      domain: fc.string(),
      type: fc.string(),
      dims: small,
    }),
    { maxLength: 3 },
  ),
  main: small,
  init: fc.integer({ min: -1, max: 5 }),
}, { requiredKeys: ["constants", "files", "spans", "kinds", "domains", "structs", "globals", "procedures", "interface", "main", "init"] });

describe("bytecode format", () => {
  it("decode(encode(m)) equals m, and encoding is deterministic", () => {
    fc.assert(
      fc.property(moduleArb, (m) => {
        const bytes = encode(m);
        expect(decode(bytes)).toEqual(m);
        expect(encode(decode(bytes))).toEqual(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it("the header holds the SHA-256 of the contents; a flipped content byte is a hash mismatch", () => {
    fc.assert(
      fc.property(moduleArb, fc.nat(), (m, k) => {
        const bytes = encode(m);
        expect(moduleHash(bytes)).toBe(computeHash(bytes));
        expect(moduleHash(bytes)).toMatch(/^[0-9a-f]{64}$/);
        const bad = bytes.slice();
        const i = 40 + (k % (bad.length - 40));
        bad[i] = bad[i]! ^ 0x5a;
        expect(() => decode(bad)).toThrow(BytecodeError);
        expect(() => decode(bad)).toThrow(/hash mismatch/);
      }),
      { numRuns: 50 },
    );
  });

  it("starts with the magic SECB and version 2 (line entries name inline sites)", () => {
    const bytes = encode({
      constants: [],
      files: [],
      spans: [],
      kinds: [],
      domains: [],
      structs: [],
      globals: [],
      procedures: [{ name: "main", params: 0, registers: 0, code: [{ op: "ret", args: [-1] }], lines: [] }],
      interface: [],
      main: 0,
      init: -1,
    });
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe("SECB");
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(2);
    expect(FORMAT_VERSION).toBe(2);
  });
});
