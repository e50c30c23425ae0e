/**
 * Public integer scalar arithmetic on every width against a BigInt model:
 * + - * / % & | ^ << >> and comparisons, wrapping, division errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BinaryOp } from "../../vm/isa.js";
import { INT_TYPES, reg, runError, runMain, wrapBig } from "./helpers.js";

type IntType = (typeof INT_TYPES)[number];

function model(op: BinaryOp, t: IntType, x: bigint, y: bigint): bigint | boolean | "error" {
  const w = (v: bigint): bigint => wrapBig(v, t.bits, t.signed);
  const min = t.signed ? -(1n << BigInt(t.bits - 1)) : 0n;
  switch (op) {
    case "add":
      return w(x + y);
    case "sub":
      return w(x - y);
    case "mul":
      return w(x * y);
    case "div":
      if (y === 0n || (t.signed && x === min && y === -1n)) return "error";
      return x / y;
    case "mod":
      if (y === 0n || (t.signed && x === min && y === -1n)) return "error";
      return x % y;
    case "band":
      return w(x & y);
    case "bor":
      return w(x | y);
    case "bxor":
      return w(x ^ y);
    case "shl":
      return y < 0n || y >= BigInt(t.bits) ? 0n : w(x << y);
    case "shr":
      return y < 0n || y >= BigInt(t.bits) ? (x < 0n ? -1n : 0n) : x >> y;
    case "eq":
      return x === y;
    case "ne":
      return x !== y;
    case "lt":
      return x < y;
    case "le":
      return x <= y;
    case "gt":
      return x > y;
    case "ge":
      return x >= y;
    default:
      throw new Error(op);
  }
}

const OPS: BinaryOp[] = ["add", "sub", "mul", "div", "mod", "band", "bor", "bxor", "shl", "shr", "eq", "ne", "lt", "le", "gt", "ge"];

function arb(t: IntType): fc.Arbitrary<bigint> {
  const min = t.signed ? -(1n << BigInt(t.bits - 1)) : 0n;
  const max = t.signed ? (1n << BigInt(t.bits - 1)) - 1n : (1n << BigInt(t.bits)) - 1n;
  const edges = [min, max, 0n, 1n, t.signed ? -1n : max - 1n, BigInt(t.bits), BigInt(t.bits - 1)].filter((v) => v >= min && v <= max);
  return fc.oneof(fc.bigInt(min, max), fc.constantFrom(...edges), fc.bigInt(0n, BigInt(t.bits + 2)));
}

describe("public integer scalars", () => {
  for (const t of INT_TYPES) {
    it(`${t.name}: every binary operator agrees with a BigInt model`, async () => {
      await fc.assert(
        fc.asyncProperty(arb(t), arb(t), async (x, y) => {
          const ops = OPS.filter((op) => model(op, t, x, y) !== "error");
          const { globals } = await runMain((p) => {
            const a = p.value(t.name, x);
            const b = p.value(t.name, y);
            return ops.map((op) => {
              const d = p.reg();
              p.ins("binop", op, t.name, d, a, b);
              return d;
            });
          });
          ops.forEach((op, i) => {
            const want = model(op, t, x, y);
            const expected = typeof want === "boolean" ? want : reg(want as bigint, t.bits);
            expect({ op, value: globals[i] }).toEqual({ op, value: expected });
          });
        }),
        { numRuns: 60 },
      );
    });

    it(`${t.name}: unary minus and ~ wrap`, async () => {
      await fc.assert(
        fc.asyncProperty(arb(t), async (x) => {
          const { globals } = await runMain((p) => {
            const a = p.value(t.name, x);
            const n = p.reg();
            const c = p.reg();
            p.ins("unop", "neg", t.name, n, a);
            p.ins("unop", "bnot", t.name, c, a);
            return [n, c];
          });
          expect(globals[0]).toEqual(reg(wrapBig(-x, t.bits, t.signed), t.bits));
          expect(globals[1]).toEqual(reg(wrapBig(~x, t.bits, t.signed), t.bits));
        }),
        { numRuns: 40 },
      );
    });

    it(`${t.name}: division and modulo by zero stop the program with the position`, async () => {
      for (const op of ["div", "mod"] as const) {
        const msg = await runError((p) => {
          const a = p.value(t.name, 7n);
          const z = p.value(t.name, 0n);
          const d = p.reg();
          p.ins("binop", op, t.name, d, a, z);
          return [d];
        });
        expect(msg).toBe("Division by zero at test.sc:(1,1)(1,2)");
      }
    });
  }

  it("INT_MIN / -1 and INT_MIN % -1 are runtime errors on every signed width", async () => {
    for (const t of INT_TYPES.filter((x) => x.signed)) {
      for (const op of ["div", "mod"] as const) {
        const msg = await runError((p) => {
          const a = p.value(t.name, -(1n << BigInt(t.bits - 1)));
          const m1 = p.value(t.name, -1n);
          const d = p.reg();
          p.ins("binop", op, t.name, d, a, m1);
          return [d];
        });
        expect(msg).toMatch(/^Integer overflow in division/);
      }
    }
  });

  it("constants wrap into their type (uint8 256 -> 0, int8 200 -> -56, uint64 -1 -> 2^64-1)", async () => {
    const { globals } = await runMain((p) => [p.value("uint8", 256), p.value("int8", 200), p.value("uint64", -1n), p.value("int64", 2n ** 63n)]);
    expect(globals).toEqual([0, -56, 2n ** 64n - 1n, -(2n ** 63n)]);
  });
});
