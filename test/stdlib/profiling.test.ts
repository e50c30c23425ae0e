/**
 * profiling under the emulator: section types and sections are recorded and
 * flushProfileLog prints one line per closed section (name, element count, a
 * non-negative duration in microseconds), in opening order, then forgets them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { program, runProgram, type StdlibRun } from "./harness.js";

let run: StdlibRun;
beforeAll(async () => {
  run = await runProgram(
    program(
      ["stdlib", "profiling"],
      `
    uint32 load = newSectionType("load");
    uint32 work = newSectionType("work phase");
    uint32 a = startSection(load, 10 :: uint);
    uint32 b = startSection(work, 2000 :: uint);
    uint s = 0;
    for (uint i = 0; i < 2000; ++i) { s += i; }
    endSection(b);
    endSection(a);
    uint32 open = startSection(work, 1 :: uint);
    flushProfileLog();
    print("after");
    flushProfileLog();
    uint32 c = startSection(load, 5 :: uint);
    endSection(c);
    flushProfileLog();
    print(s);`,
    ),
  );
}, 60_000);

describe("profiling", () => {
  it("prints closed sections in opening order and forgets them", () => {
    expect(run.error).toBeUndefined();
    const pattern = (name: string, n: number) => new RegExp(`^profile: ${name} n=${n} \\d+ us$`);
    expect(run.output.length).toBe(5);
    expect(run.output[0]).toMatch(pattern("load", 10));
    expect(run.output[1]).toMatch(pattern("work phase", 2000));
    expect(run.output[2]).toBe("after");
    expect(run.output[3]).toMatch(pattern("load", 5));
    expect(run.output[4]).toBe(String((1999 * 2000) / 2));
  });
});
