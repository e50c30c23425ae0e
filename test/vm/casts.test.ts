/**
 * Public casts between every pair of numeric/bool types, scalar (`cast`) and
 * element-wise (`vcast`), against BigInt/JS models.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PubArray } from "../../vm/values.js";
import type { DataTypeName } from "../../vm/isa.js";
import { INT_TYPES, reg, runMain, wrapBig } from "./helpers.js";

const NUMERIC: DataTypeName[] = ["bool", ...INT_TYPES.map((t) => t.name), "float32", "float64"];

function info(t: DataTypeName): { bits: number; signed: boolean } | null {
  const i = INT_TYPES.find((x) => x.name === t);
  return i === undefined ? null : { bits: i.bits, signed: i.signed };
}

/** The model value of `x` (a real number given as bigint or number) cast to `to`. */
function castModel(x: bigint | number | boolean, to: DataTypeName): unknown {
  if (typeof x === "boolean") x = x ? 1n : 0n;
  if (to === "bool") return typeof x === "bigint" ? x !== 0n : x !== 0;
  const t = info(to);
  if (t !== null) {
    let v: bigint;
    if (typeof x === "bigint") v = x;
    else v = Number.isFinite(x) ? BigInt(Math.trunc(x)) : 0n;
    return reg(wrapBig(v, t.bits, t.signed), t.bits);
  }
  const n = typeof x === "bigint" ? Number(x) : x;
  return to === "float32" ? f32Exact(x) : n;
}

/** Correctly rounded float32 of an exact value (bigint or double). */
function f32Exact(x: bigint | number): number {
  if (typeof x === "number") return Math.fround(x);
  const neg = x < 0n;
  let m = neg ? -x : x;
  if (m === 0n) return 0;
  let e = 0;
  while (m >= 1n << 24n) {
    const low = m & 1n;
    const sticky = low;
    m >>= 1n;
    e++;
    if (m < 1n << 24n) {
      // m has 24 bits; decide rounding from the dropped bit and everything below
      const dropped = (neg ? -x : x) - (m << BigInt(e));
      const half = 1n << BigInt(e - 1);
      if (dropped > half || (dropped === half && (m & 1n) === 1n)) m += 1n;
      void sticky;
      break;
    }
  }
  const v = Number(m) * 2 ** e;
  return neg ? -v : v;
}

function arbFor(t: DataTypeName): fc.Arbitrary<bigint | number | boolean> {
  const i = info(t);
  if (t === "bool") return fc.boolean();
  if (i !== null) {
    const min = i.signed ? -(1n << BigInt(i.bits - 1)) : 0n;
    const max = i.signed ? (1n << BigInt(i.bits - 1)) - 1n : (1n << BigInt(i.bits)) - 1n;
    return fc.bigInt(min, max);
  }
  const lim = 1e18;
  return t === "float32" ? fc.float({ noNaN: true, min: Math.fround(-lim), max: Math.fround(lim) }).map(Math.fround) : fc.double({ noNaN: true, min: -lim, max: lim });
}

describe("public casts", () => {
  for (const from of NUMERIC) {
    it(`from ${from} to every type, scalar and element-wise`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(arbFor(from), { minLength: 1, maxLength: 3 }), async (xs) => {
          const { globals } = await runMain((p) => {
            const out: number[] = [];
            const elems = xs.map((x) => p.value(from, x as never));
            const arr = p.reg();
            p.ins("alit", from, arr, elems);
            for (const to of NUMERIC) {
              const d = p.reg();
              p.ins("cast", from, to, d, elems[0]!);
              const v = p.reg();
              p.ins("vcast", from, to, v, arr);
              out.push(d, v);
            }
            return out;
          });
          NUMERIC.forEach((to, k) => {
            expect({ to, v: globals[2 * k] }).toEqual({ to, v: castModel(xs[0]!, to) });
            const arr = globals[2 * k + 1] as PubArray;
            const got = Array.from(arr.data as ArrayLike<unknown>, (e) => (to === "bool" ? e === 1 : e));
            expect({ to, v: got }).toEqual({ to, v: xs.map((x) => castModel(x, to)) });
          });
        }),
        { numRuns: 25 },
      );
    });
  }

  it("narrowing truncates: (int8)(uint8)255 == -1; (uint8)-1.7 == 255; (bool)0.5 == true", async () => {
    const { globals } = await runMain((p) => {
      const a = p.reg();
      const b = p.reg();
      const c = p.reg();
      p.ins("cast", "uint8", "int8", a, p.value("uint8", 255));
      p.ins("cast", "float64", "uint8", b, p.value("float64", -1.7));
      p.ins("cast", "float64", "bool", c, p.value("float64", 0.5));
      return [a, b, c];
    });
    expect(globals).toEqual([-1, 255, true]);
  });

  it("int64 -> float32 rounds correctly past 2^53 (no double rounding)", async () => {
    // 2^60 + 2^36 + 1: the double rounds down to the float32 midpoint, the exact value is above it
    const x = 2n ** 60n + 2n ** 36n + 1n;
    const { globals } = await runMain((p) => {
      const d = p.reg();
      p.ins("cast", "int64", "float32", d, p.value("int64", x));
      return [d];
    });
    expect(globals[0]).toBe(2 ** 60 + 2 ** 37);
  });
});
