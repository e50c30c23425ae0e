/**
 * The VM's own syscalls with the stdlib's calling forms: Process_argument (two-phase,
 * scalar __ref), Process_setResult, Process_logString, Process_clientAuth,
 * T_toString, float math (scalar and element-wise), public sort permutation.
 */
import { describe, expect, it } from "vitest";
import { encodeValues } from "../../runtime/io/record-stream.js";
import { sys } from "../../vm/builder.js";
import { MemoryHost } from "../../vm/host.js";
import { erf } from "../../vm/numeric.js";
import { PubArray } from "../../vm/values.js";
import { runError, runMain } from "./helpers.js";

describe("built-in syscalls", () => {
  it("T argument(name) reads a scalar through a __ref; publish writes a record", async () => {
    const host = new MemoryHost([{ name: "n", domain: "", type: "int16", data: encodeValues("int16", [-300]) }], "alice");
    const { globals } = await runMain(
      (p) => {
        const name = p.value("string", "n");
        const count = p.reg();
        p.ins("syscall", "Process_argument", [sys.cref(name), sys.ret(count, "uint64")]);
        const v = p.value("int16", 0);
        p.ins("syscall", "Process_argument", [sys.cref(name), sys.ref(v, "int16"), sys.ret(count, "uint64")]);
        p.ins("syscall", "Process_setResult", [
          sys.cref(p.value("string", "out")),
          sys.cref(p.value("string", "")),
          sys.cref(p.value("string", "int16")),
          sys.cref(v, "int16"),
          sys.push(p.value("uint64", 0), "uint64"),
          sys.push(p.value("uint64", 2), "uint64"),
        ]);
        p.ins("syscall", "Process_logString", [sys.cref(p.value("string", "hello"))]);
        const authLen = p.reg();
        p.ins("syscall", "Process_clientAuth", [sys.ret(authLen, "uint64")]);
        const buf = p.reg();
        p.ins("anew", "uint8", buf, null, [authLen]);
        p.ins("syscall", "Process_clientAuth", [sys.ref(buf), sys.ret(authLen, "uint64")]);
        const auth = p.reg();
        p.ins("bytesstr", auth, buf);
        const t = p.reg();
        p.ins("syscall", "Process_logMicroseconds", [sys.ret(t, "uint64")]);
        return [count, v, auth, t];
      },
      { host },
    );
    expect(globals.slice(0, 3)).toEqual([2n, -300, "alice"]);
    expect(typeof globals[3]).toBe("bigint");
    expect(host.results).toEqual([{ name: "out", domain: "", type: "int16", data: encodeValues("int16", [-300]) }]);
    expect(host.output).toEqual(["hello"]);
  });

  it("Process_setResult rejects a byte range outside the data", async () => {
    const msg = await runError((p) => {
      const s = p.value("string", "x");
      p.ins("syscall", "Process_setResult", [sys.cref(s), sys.cref(s), sys.cref(s), sys.cref(p.value("uint8", 1), "uint8"), sys.push(p.value("uint64", 0), "uint64"), sys.push(p.value("uint64", 5), "uint64")]);
      return [];
    });
    expect(msg).toBe("syscall Process_setResult: byte range [0, 5) is outside the data at test.sc:(1,1)(1,2)");
  });

  it("float math: scalar with __return (rounded for float32) and element-wise", async () => {
    const { globals } = await runMain((p) => {
      const a = p.reg();
      p.ins("syscall", "float32_sqrt", [sys.push(p.value("float32", 2), "float32"), sys.ret(a, "float32")]);
      const b = p.reg();
      p.ins("syscall", "float64_erf", [sys.push(p.value("float64", 0.5), "float64"), sys.ret(b, "float64")]);
      const c = p.reg();
      p.ins("syscall", "float64_log", [sys.push(p.value("float64", Math.E), "float64"), sys.ret(c, "float64")]);
      const v = p.reg();
      p.ins("alit", "float64", v, [p.value("float64", 4), p.value("float64", 9)]);
      const o = p.reg();
      p.ins("anew", "float64", o, null, [p.value("uint64", 2)]);
      p.ins("syscall", "float64_sqrt", [sys.cref(v), sys.ref(o)]);
      return [a, b, c, o];
    });
    expect(globals[0]).toBe(Math.fround(Math.SQRT2));
    expect(globals[1]).toBeCloseTo(0.5204998778130465, 15);
    expect(globals[2]).toBe(1);
    expect(Array.from((globals[3] as PubArray).data as Float64Array)).toEqual([2, 3]);
  });

  it("erf agrees with reference values", () => {
    const known: [number, number][] = [
      [0, 0],
      [0.1, 0.1124629160182849],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [-1.5, -0.9661051464753108],
      [3, 0.9999779095030014],
    ];
    for (const [x, y] of known) expect(Math.abs(erf(x) - y)).toBeLessThan(1e-15);
  });

  it("T_toString gives tostring's text, two-phase", async () => {
    const { globals } = await runMain((p) => {
      const n = p.reg();
      const x = p.value("float64", 1e20);
      p.ins("syscall", "float64_toString", [sys.push(x, "float64"), sys.ret(n, "uint64")]);
      const buf = p.reg();
      p.ins("anew", "uint8", buf, null, [n]);
      p.ins("syscall", "float64_toString", [sys.push(x, "float64"), sys.ref(buf), sys.ret(n, "uint64")]);
      const s = p.reg();
      p.ins("bytesstr", s, buf);
      return [s];
    });
    expect(globals[0]).toBe("1e+20");
  });

  it("public_T_sort_permutation gives the stable sorting permutation", async () => {
    const { globals } = await runMain((p) => {
      const v = p.reg();
      p.ins("alit", "int32", v, [3, -1, 3, 0].map((x) => p.value("int32", x)));
      const perm = p.reg();
      p.ins("anew", "uint64", perm, null, [p.value("uint64", 4)]);
      p.ins("syscall", "public_int32_sort_permutation", [sys.cref(v), sys.ref(perm)]);
      const desc = p.reg();
      p.ins("anew", "uint64", desc, null, [p.value("uint64", 4)]);
      p.ins("syscall", "public_int32_sort_permutation", [sys.cref(v), sys.ref(desc), sys.push(p.value("bool", false), "bool")]);
      return [perm, desc];
    });
    expect(Array.from((globals[0] as PubArray).data as BigUint64Array)).toEqual([1n, 3n, 0n, 2n]);
    expect(Array.from((globals[1] as PubArray).data as BigUint64Array)).toEqual([0n, 2n, 3n, 1n]);
  });

  it("an unknown syscall stops the program with its name", async () => {
    const msg = await runError((p) => {
      p.ins("syscall", "no_such_call", []);
      return [];
    });
    expect(msg).toBe('unknown syscall "no_such_call" at test.sc:(1,1)(1,2)');
  });
});
