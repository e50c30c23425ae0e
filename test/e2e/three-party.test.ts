/**
 * Three real party processes over TCP on loopback, driven by the client role of
 * runThreeParty: results and output must equal the emulator's on the same inputs,
 * for small mixed programs and for vectors of 10^5 elements.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeValues } from "../../runtime/io/record-stream.js";
import { runThreeParty } from "../../runtime/cli/three-party.js";
import type { DataRecord } from "../../vm/host.js";
import { argRecords, compileSource, emulate, makeBundles, plain, type Bundles } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
});
afterAll(() => bundles?.dispose());

const MIXED = `
import shared3p;
import stdlib;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] b = argument("b");
    pd_shared3p int64 c = argument("c");
    pd_shared3p uint8[[1]] d = argument("d");
    uint n = argument("n");
    print("n = " + tostring(n));
    publish("prod", a * b);
    publish("diff", a - b);
    publish("sq", c * c);
    publish("neg", -c);
    publish("d3", d * d * d);
    publish("total", sum(a * b));
    uint32 opened = declassify(sum(a));
    print("sum of a = " + tostring(opened));
    publish("opened", opened);
    pd_shared3p uint32[[1]] picked = a[1:3];
    publish("picked", picked);
}
`;

describe("three parties over TCP", () => {
  it("agree exactly with the emulator on a program with private inputs", async () => {
    const module = compileSource(bundles.dir, "mixed.sc", MIXED);
    const records = argRecords(module, ["a=1,2,3,4294967295", "b=5,6,7,2", "c=-3000000000", "d=2,255,17", "n=42"]);
    const want = await emulate(module, records);
    const lines: string[] = [];
    const got = await runThreeParty(module, records, { child: bundles.child, onOutput: (l) => lines.push(l) });
    expect(plain(got.results)).toEqual(plain(want.results));
    expect(got.output).toEqual(want.output);
    expect(got.output).toEqual(["n = 42", "sum of a = 5"]); // 1 + 2 + 3 + (2^32 - 1) wraps to 5
    expect(lines).toEqual(got.output);
    expect(got.stats.map((s) => s.party)).toEqual([0, 1, 2]);
    for (const s of got.stats) {
      expect(s.protocols["mul<32>"]?.calls).toBe(2);
      expect(s.protocols["mul<32>"]?.rounds).toBe(2);
      expect(s.protocols["open<32>"]?.calls).toBe(1);
      expect(s.bytesSent).toBeGreaterThan(0);
    }
  });

  it("agree with the emulator on vectors of 10^5 elements", async () => {
    const module = compileSource(
      bundles.dir,
      "big.sc",
      `
import shared3p;
import stdlib;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a = argument("a");
    pd_shared3p uint32[[1]] b = argument("b");
    pd_shared3p uint64[[1]] c = argument("c");
    pd_shared3p uint32[[1]] p = a * b + a;
    publish("p", p);
    publish("dot", sum(a * b));
    publish("c2", c * c - c);
    publish("open", declassify(sum(c)));
}
`,
    );
    const n = 100_000;
    const u32 = (): number[] => Array.from(new Uint32Array(randomBytes(4 * n).buffer));
    const u64 = Array.from(new BigUint64Array(randomBytes(8 * n).buffer));
    const records: DataRecord[] = [
      { name: "a", domain: "pd_shared3p", type: "uint32", data: encodeValues("uint32", u32()) },
      { name: "b", domain: "pd_shared3p", type: "uint32", data: encodeValues("uint32", u32()) },
      { name: "c", domain: "pd_shared3p", type: "uint64", data: encodeValues("uint64", u64) },
    ];
    const want = await emulate(module, records);
    const got = await runThreeParty(module, records, { child: bundles.child });
    expect(got.results.map((r) => r.name)).toEqual(["p", "dot", "c2", "open"]);
    expect(plain(got.results)).toEqual(plain(want.results));
  });
});
