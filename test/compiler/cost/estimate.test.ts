/**
 * Static cost estimates against hand-computed figures from the protocol definitions
 * (/work/shared/spec/protocols.md §5: mul<n> and open<n> are 1 round and 2n bits per
 * party per lane, so 8 bytes at n = 32 and 16 bytes at n = 64).
 */
import { describe, expect, it } from "vitest";
import { costReport } from "../../../compiler/cost/index.js";
import { totals, type Cost } from "../../../compiler/cost/cost.js";
import { formatPoly } from "../../../compiler/cost/poly.js";
import { PROTOCOL_COSTS } from "../../../vm/protocol-costs.js";
import { checkSource } from "../semantic/harness.js";

function programCost(body: string, decls = "", imports = ""): Cost {
  const text = `import stdlib;\nimport shared3p;\n${imports === "" ? "" : imports + "\n"}domain pd_shared3p shared3p;\n${decls}\nvoid main() {\n${body}\n}\n`;
  const checked = checkSource(text);
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const r = costReport(checked.program);
  if (r === undefined) throw new Error("no main");
  return r.program.cost;
}

/** protocol → [runs, rounds, bytes P1, bytes P2, bytes P3] as text. */
function table(c: Cost): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, u] of c.protocols) out[k] = [u.invocations, u.rounds, ...u.bytes].map(formatPoly);
  return out;
}

describe("secc cost estimates", () => {
  it("two uint32 vectors of 10 elements multiplied: one mul<32>, 1 round, 8·10 bytes per party", () => {
    const c = programCost(`pd_shared3p uint32[[1]] a(10);\npd_shared3p uint32[[1]] b(10);\npd_shared3p uint32[[1]] p = a * b;`);
    expect(table(c)).toEqual({ "mul<32>": ["1", "1", "80", "80", "80"] });
    expect(c.unknown.size).toBe(0);
  });

  it("array literal sizes and declassify: mul<64> over 3 lanes then open<64> over 3 lanes", () => {
    const c = programCost(`pd_shared3p uint64[[1]] a = {1, 2, 3};\npd_shared3p uint64[[1]] b = {4, 5, 6};\nuint64[[1]] r = declassify(a * b);`);
    expect(table(c)).toEqual({ "mul<64>": ["1", "1", "48", "48", "48"], "open<64>": ["1", "1", "48", "48", "48"] });
    const t = totals(c);
    expect([formatPoly(t.rounds), formatPoly(t.bytes[0])]).toEqual(["2", "96"]);
  });

  it("an argument of unknown length is symbolic in its name", () => {
    const c = programCost(`pd_shared3p uint32[[1]] salaries = argument("salaries");\npd_shared3p uint32[[1]] w = argument("salaries");\nuint32[[1]] r = declassify(salaries * w);`);
    expect(table(c)).toEqual({ "mul<32>": ["1", "1", "8·salaries", "8·salaries", "8·salaries"], "open<32>": ["1", "1", "8·salaries", "8·salaries", "8·salaries"] });
  });

  it("a counted loop multiplies by its trip count; scalars are one lane", () => {
    const c = programCost(`pd_shared3p uint64[[1]] a(5);\npd_shared3p uint64[[1]] b(5);\npd_shared3p uint64 s = 0;\nfor (uint i = 0; i < 5; ++i) {\n  s = s + a[i] * b[i];\n}`);
    expect(table(c)).toEqual({ "mul<64>": ["5", "5", "80", "80", "80"] });
  });

  it("a loop with an unknown trip count multiplies symbolically by iter@line:column", () => {
    const c = programCost(`pd_shared3p uint32 s = 1;\npd_shared3p uint32 t = 2;\nuint k = argument("k");\nwhile (k > 0) {\n  s = s * t;\n  k = k - 1;\n}`);
    // main's body starts on line 6 of the program; the while is on line 9, column 1
    expect(table(c)).toEqual({ "mul<32>": ["iter@9:1", "iter@9:1", "8·iter@9:1", "8·iter@9:1", "8·iter@9:1"] });
  });

  it("a widening conversion runs bits<32> then x2a<64> over its lanes", () => {
    const c = programCost(`pd_shared3p uint32[[1]] a(4);\npd_shared3p uint64[[1]] b = (uint64) a;`);
    expect(Object.keys(table(c)).sort()).toEqual(["bits<32>", "x2a<64>"]);
    expect(formatPoly(c.protocols.get("bits<32>")!.invocations)).toBe("1");
    expect(formatPoly(c.protocols.get("x2a<64>")!.invocations)).toBe("1");
  });

  it("a private division of 4 uint32 lanes: bits<32> over 8 lanes, topzeros, 32 divsteps, divout", () => {
    const c = programCost(`pd_shared3p uint32[[1]] a(4);\npd_shared3p uint32[[1]] b(4);\npd_shared3p uint32[[1]] q = a / b;`);
    expect(c.unknown.size).toBe(0);
    // bits<32>: 7 rounds, [76, 76, 76] bytes per lane; divstep<32>: 8 rounds, 88.25 bytes per lane (vm/protocol-costs.ts)
    expect(table(c)["bits<32>"]).toEqual(["1", "7", "608", "608", "608"]);
    expect(table(c)["divstep<32>"]).toEqual(["32", "256", "11296", "11296", "11296"]);
    expect(Object.keys(table(c)).sort()).toEqual(["bits<32>", "divout<32>", "divstep<32>", "topzeros<32>"]);
  });

  it("a division by a public value counts the upper bound of divstepc runs and says so", () => {
    const c = programCost(`pd_shared3p uint32[[1]] a(4);\npd_shared3p uint32[[1]] q = a / 3;`);
    expect(table(c)["divstepc<32>"]?.[0]).toBe("32");
    expect([...c.notes.values()].join("\n")).toMatch(/^upper bound: 32 divstepc<32> runs/);
  });

  it("shuffling the rows of a 4 × 3 uint32 matrix: 3 shuffle<32> runs over 4 rows, the bytes of 12 lanes", () => {
    const c = programCost(`pd_shared3p uint32[[2]] m(4, 3);\nm = shuffleRows(m);`, "", "import shared3p_random;");
    const s = PROTOCOL_COSTS["shuffle<32>"]!;
    const cols = table(c)["shuffle<32>"]!;
    expect(cols[0]).toMatch(/^cols@\d+:\d+$/);
    expect(cols.slice(2)).toEqual(s.bytesPerLane.map((b) => String(12 * b)));
  });

  it("a 2×3 by 3×4 uint64 matrix product: one rep<64> (one round) and one reshare<64> (no rounds), no lane-wise mul<64>", () => {
    const c = programCost(`pd_shared3p uint64[[2]] a(2, 3);\npd_shared3p uint64[[2]] b(3, 4);\npd_shared3p uint64[[2]] r = matrixMultiplication(a, b);`, "", "import shared3p_matrix;");
    const t = table(c);
    expect(t["mul<64>"]).toBeUndefined();
    // a (6 words) and b (12 words) go to the successor once: 18 · 8 bytes from every party
    expect(t["rep<64>"]).toEqual(["1", "1", "144", "144", "144"]);
    expect(t["reshare<64>"]?.slice(0, 2)).toEqual(["1", "0"]);
  });

  it("operations without a protocol are listed, not priced at zero", () => {
    const c = programCost(`pd_shared3p float32[[1]] a(4);\npd_shared3p float32 s = sum(a);`);
    expect([...c.unknown.keys()]).toEqual(["shared3p::sum_float32_vec"]);
    expect(formatPoly(c.unknown.get("shared3p::sum_float32_vec")!.invocations)).toBe("1");
  });

  it("a float32 product of 4 lanes: and<1> once per AND level (39 rounds), 0.25 bytes per AND per lane", () => {
    const c = programCost(`pd_shared3p float32[[1]] a(4);\npd_shared3p float32[[1]] b(4);\npd_shared3p float32[[1]] q = a * b;`);
    expect([...c.unknown.keys()]).toEqual([]);
    const t = table(c);
    // 2662 ANDs per lane (the circuit), 4 lanes, 2 bits each: 2662 bytes from every party
    expect(t["and<1>"]).toEqual(["39", "39", "2662", "2662", "2662"]);
  });
});
