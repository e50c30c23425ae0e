import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generated } from "../../stdlib/gen/shared3p.js";
import { statisticsModules } from "../../stdlib/gen/statistics.js";

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
});
