/**
 * `secrun FILE` without --emulate, as a user runs it: three local party processes
 * print exactly what --emulate prints, and a failing program the same call stack. In the e2e project (no file parallelism), so
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

  it("a failure inside procedures prints the same call stack as --emulate, with the party's name", async () => {
    const program = `import stdlib;\nimport shared3p;\ndomain pd_shared3p shared3p;\nuint check(uint k) {\n  assert(k < 3);\n  return k;\n}\nuint outer(uint k) {\n  return check(k + 1);\n}\nvoid main() {\n  pd_shared3p uint32 a = argument("a");\n  uint k = argument("k");\n  publish("a", a);\n  print(outer(k));\n}\n`;
    const dir = workspace({ "st.sc": program });
    const args = ["--arg", "a=7", "--arg", "k=5"];
    const stack = "\n  in check(uint64) at st.sc:(5,3)(5,17)\n  in outer(uint64) at st.sc:(9,10)(9,22)\n  in main() at st.sc:(15,9)(15,17)\n";
    const emulated = await runCli("secrun", ["st.sc", "--emulate", ...args], dir);
    expect(emulated.code).toBe(1);
    expect(emulated.stderr).toBe(`error: assert failed at st.sc:(5,3)(5,17)${stack}`);
    const parties = await runCli("secrun", ["st.sc", ...args], dir);
    expect(parties.code).toBe(1);
    expect(parties.stderr).toMatch(/^error: party [012]: assert failed at st\.sc:\(5,3\)\(5,17\)\n/);
    expect(parties.stderr.slice(parties.stderr.indexOf("\n"))).toBe(stack);
    // what was published before the failure is shown, as --emulate shows it
    expect(emulated.stdout).toBe("a = 7\n");
    expect(parties.stdout).toBe(emulated.stdout);
  }, 180_000);

  it("--time-limit ends a run that takes longer, with what it printed so far, and its parties", async () => {
    const program = `import stdlib;\nimport shared3p;\ndomain pd_shared3p shared3p;\nvoid main() {\n  print("started");\n  uint i = 0;\n  while (true) { i = i + 1; }\n}\n`;
    const dir = workspace({ "loop.sc": program });
    const before = Date.now();
    const r = await runCli("secrun", ["loop.sc", "--time-limit", "3"], dir);
    expect(r.stderr).toBe("error: the run did not finish within the time limit of 3 s (--time-limit)\n");
    expect(r.stdout).toBe("started\n");
    expect(r.code).toBe(4);
    expect(Date.now() - before).toBeLessThan(60_000);
    const bad = await runCli("secrun", ["loop.sc", "--time-limit", "soon"], dir);
    expect([bad.code, bad.stderr.split("\n")[0]]).toEqual([2, "error: option '--time-limit <seconds>' argument 'soon' is invalid. 'soon' is not a positive number of seconds"]);
    const emulated = await runCli("secrun", ["loop.sc", "--emulate", "--time-limit", "3"], dir);
    expect([emulated.code, emulated.stderr]).toEqual([2, "error: --time-limit applies to runs on three parties, not to --emulate\n"]);
  }, 180_000);
});
