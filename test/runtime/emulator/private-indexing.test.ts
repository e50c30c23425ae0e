/**
 * Private indexing agrees with public indexing: for random shapes and random
 * index/slice specifications, declassify(pindex(classify(a))) equals index(a), and
 * pstore of a scalar equals store; reshape and cat likewise.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmulatorBackend } from "../../../runtime/emulator/backend.js";
import { ModuleBuilder, at, type ProcBuilder } from "../../../vm/builder.js";
import type { SliceItem } from "../../../vm/bytecode.js";
import { MemoryHost } from "../../../vm/host.js";
import { runModule } from "../../../vm/interpreter.js";
import type { Value } from "../../../vm/values.js";

type Spec = { kind: "index"; i: number } | { kind: "slice"; lo: number | null; hi: number | null };

const shapeArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 });

function specArb(shape: number[]): fc.Arbitrary<Spec[]> {
  return fc.tuple(
    ...shape.map((n) =>
      fc.oneof(
        fc.integer({ min: 0, max: n - 1 }).map((i): Spec => ({ kind: "index", i })),
        fc
          .tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n }), fc.boolean(), fc.boolean())
          .map(([a, b, openLo, openHi]): Spec => {
            const lo = Math.min(a, b);
            const hi = Math.max(a, b);
            return { kind: "slice", lo: openLo ? null : lo, hi: openHi ? null : hi };
          }),
      ),
    ),
  );
}

function items(p: ProcBuilder, spec: Spec[]): SliceItem[] {
  const u = (n: number) => p.value("uint64", n);
  return spec.map((s) => (s.kind === "index" ? at.index(u(s.i)) : at.slice(s.lo === null ? null : u(s.lo), s.hi === null ? null : u(s.hi))));
}

async function run(body: (p: ProcBuilder, dom: number) => number[]): Promise<Value[]> {
  const b = new ModuleBuilder();
  const dom = b.domain("pd", b.kind("shared3p", [{ name: "int16", publicType: "int16" }]));
  const main = b.procedure("main");
  const regs = body(main, dom);
  regs.forEach((r, i) => main.ins("gset", b.global(`g${i}`), r));
  main.ins("ret", null);
  b.setMain(main);
  const m = await runModule(b.build(), { host: new MemoryHost(), backends: [new EmulatorBackend()] });
  return m.globals;
}

function matrix(p: ProcBuilder, shape: number[]): number {
  const n = shape.reduce((a, b) => a * b, 1);
  const v = p.reg();
  p.ins("alit", "int16", v, Array.from({ length: n }, (_, i) => p.value("int16", i * 3 - 7)));
  const m = p.reg();
  p.ins("reshape", "int16", m, v, shape.map((e) => p.value("uint64", e)));
  return m;
}

const plain = (v: Value) => JSON.parse(JSON.stringify(v, (_, x) => (ArrayBuffer.isView(x) ? Array.from(x as Int16Array) : x)));

describe("private indexing matches public indexing", () => {
  it("pindex / pstore / preshape / pcat agree with index / store / reshape / cat", async () => {
    await fc.assert(
      fc.asyncProperty(
        shapeArb.chain((shape) => fc.tuple(fc.constant(shape), specArb(shape), specArb(shape), fc.integer({ min: 0, max: shape.length - 1 }))),
        async ([shape, spec, spec2, dim]) => {
          const g = await run((p, dom) => {
            const pub = matrix(p, shape);
            const priv = p.reg();
            p.ins("classify", dom, "int16", priv, pub);
            const a = p.reg();
            p.ins("index", a, pub, items(p, spec));
            const pa = p.reg();
            p.ins("pindex", pa, priv, items(p, spec));
            const da = p.reg();
            p.ins("declassify", da, pa);
            p.ins("store", pub, items(p, spec2), p.value("int16", 99));
            p.ins("pstore", priv, items(p, spec2), p.value("int16", 99));
            const db = p.reg();
            p.ins("declassify", db, priv);
            const n = shape.reduce((x, y) => x * y, 1);
            const flatPub = p.reg();
            p.ins("reshape", "int16", flatPub, pub, [p.value("uint64", n)]);
            const flatPriv = p.reg();
            p.ins("preshape", flatPriv, priv, [p.value("uint64", n)]);
            const dflat = p.reg();
            p.ins("declassify", dflat, flatPriv);
            const cpub = p.reg();
            p.ins("cat", cpub, pub, pub, dim);
            const cpriv = p.reg();
            p.ins("pcat", cpriv, priv, priv, dim);
            const dcat = p.reg();
            p.ins("declassify", dcat, cpriv);
            return [a, da, pub, db, flatPub, dflat, cpub, dcat];
          });
          expect(plain(g[1])).toEqual(plain(g[0]));
          expect(plain(g[3])).toEqual(plain(g[2]));
          expect(plain(g[5])).toEqual(plain(g[4]));
          expect(plain(g[7])).toEqual(plain(g[6]));
        },
      ),
      { numRuns: 150 },
    );
  });
});
