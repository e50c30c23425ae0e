/**
 * `secrun FILE` without --emulate, as a user runs it: three local party processes
 * print exactly what --emulate prints. In the e2e project (no file parallelism), so
 * the three parties do not compete with other test files for the two cores.
 */
import { describe, expect, it } from "vitest";
import { runCli, workspace } from "../cli/helpers.js";

describe("secrun on three local parties", () => {
  it("runs on three local parties without --emulate, printing what --emulate prints", async () => {
    const program = `import stdlib;\nimport shared3p;\ndomain pd_shared3p shared3p;\nvoid main() {\n  pd_shared3p uint32[[1]] xs = argument("xs");\n  publish("sq", xs * xs);\n  print("n = ", size(xs));\n  publish("open", declassify(xs + 1));\n}\n`;
    const dir = workspace({ "tp.sc": program });
    const args = ["--arg", "xs=3,4"];
    const emulated = await runCli("secrun", ["tp.sc", "--emulate", ...args], dir);
    expect(emulated.code).toBe(0);
    expect(emulated.stdout).toBe("sq = {9, 16}\nn = 2\nopen = {4, 5}\n");
    const parties = await runCli("secrun", ["tp.sc", ...args], dir);
    expect(parties.stderr).toBe("");
    expect(parties.code).toBe(0);
    expect(parties.stdout).toBe(emulated.stdout);
  }, 180_000);
});
