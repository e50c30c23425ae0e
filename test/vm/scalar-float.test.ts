/**
 * Public float32/float64 scalar arithmetic against a JS model (Math.fround for
 * float32) and the IEEE remainder against an exact BigInt model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runMain } from "./helpers.js";

/** Exact IEEE remainder via BigInt rationals (independent of vm/numeric.ts). */
function remainderModel(x: number, y: number): number {
  if (!Number.isFinite(x) || Number.isNaN(y) || y === 0) return NaN;
  if (!Number.isFinite(y)) return x;
  const [mx, ex] = decompose(x);
  const [my, ey] = decompose(y);
  const e = Math.min(ex, ey);
  const X = mx << BigInt(ex - e);
  const Y = my << BigInt(ey - e);
  let n = X / Y;
  const r = X - n * Y;
  const absY = Y < 0n ? -Y : Y;
  const twice = 2n * (r < 0n ? -r : r);
  const sameSign = (r < 0n) === (Y < 0n);
  if (twice > absY || (twice === absY && (n & 1n) !== 0n)) n += sameSign ? 1n : -1n;
  let R = X - n * Y;
  if (R === 0n) return x < 0 || Object.is(x, -0) ? -0 : 0;
  let k = e;
  while ((R & 1n) === 0n) {
    R >>= 1n;
    k++;
  }
  return Number(R) * 2 ** k;
}

function decompose(v: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  if (exp === 0) return [sign * frac, -1074];
  return [sign * (frac | (1n << 52n)), exp - 1075];
}

const OPS = ["add", "sub", "mul", "div", "mod", "lt", "eq"] as const;

function jsModel(op: (typeof OPS)[number], x: number, y: number, f32: boolean): number | boolean {
  const r = f32 ? Math.fround : (v: number) => v;
  switch (op) {
    case "add":
      return r(x + y);
    case "sub":
      return r(x - y);
    case "mul":
      return r(x * y);
    case "div":
      return r(x / y);
    case "mod":
      return remainderModel(x, y);
    case "lt":
      return x < y;
    case "eq":
      return x === y;
  }
}

describe("public float scalars", () => {
  for (const type of ["float32", "float64"] as const) {
    const f32 = type === "float32";
    const arb = f32 ? fc.float({ noNaN: true }).map(Math.fround) : fc.double({ noNaN: true, min: -1e300, max: 1e300 });
    it(`${type}: + - * / % < == agree with the model`, async () => {
      await fc.assert(
        fc.asyncProperty(arb, arb, async (x, y) => {
          const { globals } = await runMain((p) => {
            const a = p.value(type, x);
            const b = p.value(type, y);
            return OPS.map((op) => {
              const d = p.reg();
              p.ins("binop", op, type, d, a, b);
              return d;
            });
          });
          OPS.forEach((op, i) => expect({ op, v: globals[i] }).toEqual({ op, v: jsModel(op, x, y, f32) }));
        }),
        { numRuns: 150 },
      );
    });
  }

  it("float % is the IEEE remainder: 7.5 % 2.0 == -0.5, 5.5 % 2 == -0.5, 6.5 % 2 == 0.5", async () => {
    const cases: [number, number, number][] = [
      [7.5, 2, -0.5],
      [5.5, 2, -0.5],
      [6.5, 2, 0.5],
      [-7.5, 2, 0.5],
      [1, 3, 1],
      [2, 3, -1],
    ];
    const { globals } = await runMain((p) =>
      cases.map(([x, y]) => {
        const d = p.reg();
        p.ins("binop", "mod", "float64", d, p.value("float64", x), p.value("float64", y));
        return d;
      }),
    );
    expect(globals).toEqual(cases.map((c) => c[2]));
  });

  it("float division by zero follows IEEE (no error)", async () => {
    const { globals } = await runMain((p) => {
      const d = p.reg();
      p.ins("binop", "div", "float64", d, p.value("float64", 1), p.value("float64", 0));
      return [d];
    });
    expect(globals[0]).toBe(Infinity);
  });

  it("remainder model sanity against known values", () => {
    expect(remainderModel(7.5, 2)).toBe(-0.5);
    expect(remainderModel(10, 3)).toBe(1);
    expect(remainderModel(11, 3)).toBe(-1);
  });
});
