import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generated } from "../../stdlib/gen/shared3p.js";
import { statisticsModules } from "../../stdlib/gen/statistics.js";
import { coverageReport, currentReport, definedNames, parseReference } from "../../stdlib/gen/coverage.js";

describe("generated standard library modules", () => {
  it("stdlib/shared3p.sc is what stdlib/gen/shared3p.ts produces (run it after editing the generator)", () => {
    const committed = readFileSync(new URL("../../stdlib/shared3p.sc", import.meta.url), "utf8");
    expect(committed === generated).toBe(true);
  });

  it("the statistics modules are what stdlib/gen/statistics.ts produces (run it after editing the generator)", () => {
    for (const [name, text] of Object.entries(statisticsModules)) {
      const committed = readFileSync(new URL(`../../stdlib/${name}.sc`, import.meta.url), "utf8");
      expect(committed === text, name).toBe(true);
    }
  });

  it("declares every shared3p data type and binds operators to their syscalls", () => {
    expect(generated).toContain("type xor_uint32 { public = uint32 };");
    expect(generated).toContain("type fix64 { public = float64 };");
    expect(generated).toMatch(/D uint64\[\[1\]\] operator \* \(D uint64\[\[1\]\] a, D uint64\[\[1\]\] b\) \{\n[^}]*"shared3p::mul_uint64_vec"/);
    expect(generated).toMatch(/D bool\[\[1\]\] operator < \(D int16\[\[1\]\] a, D int16\[\[1\]\] b\) \{\n[^}]*"shared3p::lt_int16_vec"/);
  });

  it("docs/stdlib-coverage.md is what stdlib/gen/coverage.ts produces (run it after adding procedures)", () => {
    const committed = readFileSync(new URL("../../docs/stdlib-coverage.md", import.meta.url), "utf8");
    const current = currentReport();
    // the spec lives outside the repository (../shared/spec); without it, only the header is checked
    if (current === undefined) expect(committed.startsWith("# Standard library coverage")).toBe(true);
    else expect(committed === current).toBe(true);
  });

  it("the coverage script expands the spec's shorthand and finds definitions", () => {
    const spec = [
      "### 7.1 `stdlib`", "| procedure | what |", "|---|---|", "| `D uint[[1]] iota(uint n)` | x |", "| `UINT8_MAX ... INT64_MIN` | limits |",
      "### 7.2 `shared3p`", "| procedure | semantics |", "|---|---|", "| operators `+` | x |", "| `sum(x)`, `sum(x, k)` | y |",
      "### 7.3 Other modules", "| module | public procedures (short) |", "|---|---|",
      "| `m` | `shuffleRows/Columns(mat [, key])`, `apply/unapply(Public|Private)Permutation[Rows|Cols]`, `left/rightTransposedMultiplication`, `oramPrepareRead/PerformRead`, `aes{128,256}Genkey/ExpandKey`, `fromI2E(Vec)`, `bl_str*`, key is a private `uint8[[1]]` |",
      "### 7.4 syscalls",
    ].join("\n");
    const ref = parseReference(spec);
    expect(ref.get("stdlib")?.slice(0, 3)).toEqual(["iota", "UINT8_MAX", "UINT8_MIN"]);
    expect(ref.get("shared3p")).toEqual(["sum"]);
    expect(ref.get("m")).toEqual([
      "shuffleRows", "shuffleColumns",
      "applyPublicPermutation", "applyPublicPermutationRows", "applyPublicPermutationCols",
      "applyPrivatePermutation", "applyPrivatePermutationRows", "applyPrivatePermutationCols",
      "unapplyPublicPermutation", "unapplyPublicPermutationRows", "unapplyPublicPermutationCols",
      "unapplyPrivatePermutation", "unapplyPrivatePermutationRows", "unapplyPrivatePermutationCols",
      "leftTransposedMultiplication", "rightTransposedMultiplication",
      "oramPrepareRead", "oramPerformRead",
      "aes128Genkey", "aes256Genkey", "aes128ExpandKey", "aes256ExpandKey",
      "fromI2E", "fromI2EVec",
    ]);
    const defs = definedNames("uint8 UINT8_MAX = 255;\ntemplate <type T>\nT[[1]] sort(T[[1]] v) {\nuint sizeof(bool x) { return 1; }\nD T[[1]] operator + (D T[[1]] a) {\n    uint inner(uint x) {\nstruct Result {\nResult<D, float64> fit(D T[[1]] y) {");
    expect([...defs].sort()).toEqual(["Result", "UINT8_MAX", "fit", "sizeof", "sort"]);
    const report = coverageReport(spec, (name) => (name === "stdlib" ? "D uint[[1]] iota(uint n) {" : undefined));
    expect(report).toContain("| `iota` | yes |");
    expect(report).toContain("| `UINT8_MAX` | **missing** |");
    expect(report).toContain("| `shared3p` | no | 0 / 1 |");
  });
});
