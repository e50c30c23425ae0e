/**
 * Public arrays: element-wise operators with broadcasting, shapes, reshape, cat,
 * multi-dimensional indexing, slices and slice assignment, and their errors.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { at, type ProcBuilder } from "../../vm/builder.js";
import type { BinaryOp } from "../../vm/isa.js";
import { PubArray } from "../../vm/values.js";
import { INT_TYPES, reg, runError, runMain, wrapBig } from "./helpers.js";

function elems(v: unknown): unknown[] {
  const a = v as PubArray;
  return Array.from(a.data as ArrayLike<unknown>, (e) => (a.type === "bool" ? e === 1 : e));
}

/** A matrix 0..rows*cols-1 of int32 in a fresh register. */
function matrix(p: ProcBuilder, rows: number, cols: number): number {
  const v = p.reg();
  p.ins("alit", "int32", v, Array.from({ length: rows * cols }, (_, i) => p.value("int32", i)));
  const m = p.reg();
  p.ins("reshape", "int32", m, v, [p.value("uint64", rows), p.value("uint64", cols)]);
  return m;
}

const u = (p: ProcBuilder, n: number): number => p.value("uint64", n);

describe("element-wise operators", () => {
  const ops: BinaryOp[] = ["add", "sub", "mul", "band", "bxor", "shl", "shr", "lt", "eq"];
  for (const t of INT_TYPES) {
    it(`${t.name}: vbinop aa/as/sa agree with a BigInt model`, async () => {
      const min = t.signed ? -(1n << BigInt(t.bits - 1)) : 0n;
      const max = t.signed ? (1n << BigInt(t.bits - 1)) - 1n : (1n << BigInt(t.bits)) - 1n;
      const model = (op: BinaryOp, x: bigint, y: bigint): unknown => {
        const w = (v: bigint) => reg(wrapBig(v, t.bits, t.signed), t.bits);
        const width = BigInt(t.bits);
        switch (op) {
          case "add":
            return w(x + y);
          case "sub":
            return w(x - y);
          case "mul":
            return w(x * y);
          case "band":
            return w(x & y);
          case "bxor":
            return w(x ^ y);
          case "shl":
            return y < 0n || y >= width ? reg(0n, t.bits) : w(x << y);
          case "shr":
            return y < 0n || y >= width ? reg(x < 0n ? -1n : 0n, t.bits) : w(x >> y);
          case "lt":
            return x < y;
          case "eq":
            return x === y;
          default:
            throw new Error(op);
        }
      };
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.bigInt(min, max), fc.oneof(fc.bigInt(min, max), fc.bigInt(0n, BigInt(t.bits + 1)))), { maxLength: 6 }),
          fc.bigInt(min, max),
          async (pairs, s) => {
            const { globals } = await runMain((p) => {
              const a = p.reg();
              const b = p.reg();
              p.ins("alit", t.name, a, pairs.map(([x]) => p.value(t.name, x)));
              p.ins("alit", t.name, b, pairs.map(([, y]) => p.value(t.name, y)));
              const sc = p.value(t.name, s);
              return ops.flatMap((op) => {
                const d1 = p.reg();
                const d2 = p.reg();
                const d3 = p.reg();
                p.ins("vbinop", op, t.name, "aa", d1, a, b);
                p.ins("vbinop", op, t.name, "as", d2, a, sc);
                p.ins("vbinop", op, t.name, "sa", d3, sc, b);
                return [d1, d2, d3];
              });
            });
            ops.forEach((op, k) => {
              expect({ op, v: elems(globals[3 * k]) }).toEqual({ op, v: pairs.map(([x, y]) => model(op, x, y)) });
              expect({ op, v: elems(globals[3 * k + 1]) }).toEqual({ op, v: pairs.map(([x]) => model(op, x, s)) });
              expect({ op, v: elems(globals[3 * k + 2]) }).toEqual({ op, v: pairs.map(([, y]) => model(op, s, y)) });
            });
          },
        ),
        { numRuns: 25 },
      );
    });
  }

  it("float32 arrays round every element; bool arrays use logical operators; unary ops", async () => {
    const { globals } = await runMain((p) => {
      const a = p.reg();
      p.ins("alit", "float32", a, [p.value("float32", 0.1), p.value("float32", 1e30)]);
      const d = p.reg();
      p.ins("vbinop", "mul", "float32", "as", d, a, p.value("float32", 3));
      const bools = p.reg();
      p.ins("alit", "bool", bools, [p.value("bool", true), p.value("bool", false)]);
      const n = p.reg();
      p.ins("vunop", "not", "bool", n, bools);
      const x = p.reg();
      p.ins("vbinop", "bor", "bool", "as", x, bools, p.value("bool", false));
      const neg = p.reg();
      p.ins("vunop", "neg", "float32", neg, a);
      return [d, n, x, neg];
    });
    expect(elems(globals[0])).toEqual([Math.fround(Math.fround(0.1) * 3), Math.fround(Math.fround(1e30) * 3)]);
    expect(elems(globals[1])).toEqual([false, true]);
    expect(elems(globals[2])).toEqual([true, false]);
    expect(elems(globals[3])).toEqual([-Math.fround(0.1), -Math.fround(1e30)]);
  });

  it("mismatching shapes stop the program", async () => {
    const msg = await runError((p) => {
      const a = p.reg();
      const b = p.reg();
      p.ins("anew", "int32", a, null, [u(p, 3)]);
      p.ins("anew", "int32", b, null, [u(p, 4)]);
      const d = p.reg();
      p.ins("vbinop", "add", "int32", "aa", d, a, b);
      return [];
    });
    expect(msg).toBe("Mismatching shapes in arithmetic expression at test.sc:(1,1)(1,2)");
  });

  it("division by zero inside an array is an error", async () => {
    const msg = await runError((p) => {
      const a = p.reg();
      p.ins("anew", "uint16", a, p.value("uint16", 1), [u(p, 3)]);
      const d = p.reg();
      p.ins("vbinop", "div", "uint16", "as", d, a, p.value("uint16", 0));
      return [];
    });
    expect(msg).toMatch(/^Division by zero at/);
  });
});

describe("shapes, reshape, cat", () => {
  it("anew fills, size and shape work on scalars and arrays", async () => {
    const { globals } = await runMain((p) => {
      const a = p.reg();
      p.ins("anew", "int64", a, p.value("int64", -2), [u(p, 2), u(p, 3)]);
      const s = p.reg();
      const sh = p.reg();
      const ss = p.reg();
      const ssh = p.reg();
      p.ins("size", s, a);
      p.ins("shape", sh, a);
      const x = p.value("int8", 1);
      p.ins("size", ss, x);
      p.ins("shape", ssh, x);
      return [a, s, sh, ss, ssh];
    });
    expect(elems(globals[0])).toEqual([-2n, -2n, -2n, -2n, -2n, -2n]);
    expect((globals[0] as PubArray).shape).toEqual([2, 3]);
    expect(globals[1]).toBe(6n);
    expect(elems(globals[2])).toEqual([2n, 3n]);
    expect(globals[3]).toBe(1n);
    expect(elems(globals[4])).toEqual([]);
  });

  it("reshape replicates a scalar and checks element counts", async () => {
    const { globals } = await runMain((p) => {
      const d = p.reg();
      p.ins("reshape", "uint8", d, p.value("uint8", 0), [u(p, 10)]);
      return [d];
    });
    expect(elems(globals[0])).toEqual(new Array(10).fill(0));
    const msg = await runError((p) => {
      const m = matrix(p, 2, 3);
      const d = p.reg();
      p.ins("reshape", "int32", d, m, [u(p, 4)]);
      return [];
    });
    expect(msg).toMatch(/^ERROR: Mismatching sizes in reshape at/);
  });

  it("cat along dimension 0 and 1 of matrices", async () => {
    const { globals } = await runMain((p) => {
      const a = matrix(p, 2, 2); // [[0,1],[2,3]]
      const b = matrix(p, 2, 3); // [[0,1,2],[3,4,5]]
      const c1 = p.reg();
      p.ins("cat", c1, a, b, 1);
      const v = p.reg();
      p.ins("alit", "int32", v, [p.value("int32", 7)]);
      const w = p.reg();
      p.ins("alit", "int32", w, [p.value("int32", 8), p.value("int32", 9)]);
      const c0 = p.reg();
      p.ins("cat", c0, v, w, 0);
      return [c1, c0];
    });
    expect((globals[0] as PubArray).shape).toEqual([2, 5]);
    expect(elems(globals[0])).toEqual([0, 1, 0, 1, 2, 2, 3, 3, 4, 5]);
    expect(elems(globals[1])).toEqual([7, 8, 9]);
    const msg = await runError((p) => {
      const d = p.reg();
      p.ins("cat", d, matrix(p, 2, 2), matrix(p, 3, 2), 1);
      return [];
    });
    expect(msg).toMatch(/^Different sized dimensions in concat at/);
  });
});

describe("indexing and slices", () => {
  it("elements, rows, columns and blocks of a 3x4 matrix", async () => {
    const { globals } = await runMain((p) => {
      const m = matrix(p, 3, 4);
      const e = p.reg();
      const row = p.reg();
      const col = p.reg();
      const blk = p.reg();
      const open = p.reg();
      p.ins("index", e, m, [at.index(u(p, 2)), at.index(u(p, 3))]);
      p.ins("index", row, m, [at.index(u(p, 1)), at.slice()]);
      p.ins("index", col, m, [at.slice(), at.index(u(p, 2))]);
      p.ins("index", blk, m, [at.slice(u(p, 0), u(p, 2)), at.slice(u(p, 1), u(p, 3))]);
      p.ins("index", open, m, [at.slice(u(p, 2)), at.slice(null, u(p, 1))]);
      return [e, row, col, blk, open];
    });
    expect(globals[0]).toBe(11);
    expect(elems(globals[1])).toEqual([4, 5, 6, 7]);
    expect(elems(globals[2])).toEqual([2, 6, 10]);
    expect((globals[3] as PubArray).shape).toEqual([2, 2]);
    expect(elems(globals[3])).toEqual([1, 2, 5, 6]);
    expect((globals[4] as PubArray).shape).toEqual([1, 1]);
    expect(elems(globals[4])).toEqual([8]);
  });

  it("out-of-bounds indices and inverted slices are errors", async () => {
    for (const items of [
      (p: ProcBuilder) => [at.index(u(p, 3)), at.index(u(p, 0))],
      (p: ProcBuilder) => [at.index(u(p, 0)), at.slice(u(p, 2), u(p, 5))],
      (p: ProcBuilder) => [at.index(u(p, 0)), at.slice(u(p, 3), u(p, 2))],
    ]) {
      const msg = await runError((p) => {
        const d = p.reg();
        p.ins("index", d, matrix(p, 3, 4), items(p));
        return [];
      });
      expect(msg).toBe("Index out of bounds at test.sc:(1,1)(1,2)");
    }
  });

  it("slice assignment: scalar fill, matching array, element store, shape mismatch", async () => {
    const { globals } = await runMain((p) => {
      const m = matrix(p, 3, 4);
      p.ins("store", m, [at.index(u(p, 1)), at.slice()], p.value("int32", -1));
      const blk = p.reg();
      p.ins("anew", "int32", blk, p.value("int32", 9), [u(p, 2), u(p, 2)]);
      p.ins("store", m, [at.slice(u(p, 1), u(p, 3)), at.slice(u(p, 2), u(p, 4))], blk);
      p.ins("store", m, [at.index(u(p, 0)), at.index(u(p, 0))], p.value("int32", 100));
      return [m];
    });
    expect(elems(globals[0])).toEqual([100, 1, 2, 3, -1, -1, 9, 9, 8, 9, 9, 9]);
    const msg = await runError((p) => {
      const m = matrix(p, 3, 4);
      const v = p.reg();
      p.ins("anew", "int32", v, null, [u(p, 3)]);
      p.ins("store", m, [at.index(u(p, 0)), at.slice()], v);
      return [];
    });
    expect(msg).toMatch(/^Mismatching shapes in assignment at/);
  });

  it("strings <-> bytes", async () => {
    const { globals } = await runMain((p) => {
      const b = p.reg();
      p.ins("strbytes", b, p.value("string", "hé"));
      const s = p.reg();
      p.ins("bytesstr", s, b);
      return [b, s];
    });
    expect(elems(globals[0])).toEqual([104, 0xc3, 0xa9]);
    expect(globals[1]).toBe("hé");
  });
});
