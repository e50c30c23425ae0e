/**
 * profiling under the emulator: the module's procedures drive the VM's
 * ProcessProfiler_* syscalls, so a host with a profile sink receives one record
 * per closed section (type name, element count, nesting depth, a non-negative
 * duration) in the order they close, and flushProfileLog reaches the host's flush.
 * Nothing goes to the program's output. The --stats summary (profile-stats.ts)
 * sums the sections per type; misuse (an unknown type, closing a closed section)
 * stops the run with an error naming the syscall.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MemoryHost } from "../../vm/host.js";
import { runModule } from "../../vm/interpreter.js";
import { VmError } from "../../vm/errors.js";
import { EmulatorBackend } from "../../runtime/emulator/backend.js";
import { CostCounter } from "../../runtime/emulator/costs.js";
import { profileRows, profileText } from "../../runtime/cli/profile-stats.js";
import { emulatorStatsJson, emulatorStatsText } from "../../runtime/cli/stats.js";
import { formatStats } from "../../runtime/cli/three-party-stats.js";
import { runEmulated } from "../../runtime/cli/run-emulated.js";
import { compileProgram, program } from "./harness.js";

async function runWithHost(body: string): Promise<{ host: MemoryHost; error?: string }> {
  const host = new MemoryHost();
  try {
    await runModule(compileProgram(program(["stdlib", "profiling"], body)), { host, backends: [new EmulatorBackend()] });
    return { host };
  } catch (e) {
    if (e instanceof VmError) return { host, error: e.message };
    throw e;
  }
}

let host: MemoryHost;
beforeAll(async () => {
  const r = await runWithHost(`
    uint32 load = newSectionType("load");
    uint32 work = newSectionType("work phase");
    uint32 a = startSection(load, 10 :: uint);
    uint32 b = startSection(work, 2000 :: uint);
    uint s = 0;
    for (uint i = 0; i < 2000; ++i) { s += i; }
    endSection(b);
    endSection(a);
    flushProfileLog();
    uint32 c = startSection(load, 5 :: uint);
    endSection(c);
    uint32 open = startSection(work, 1 :: uint);
    flushProfileLog();
    print(s);`);
  expect(r.error).toBeUndefined();
  host = r.host;
}, 60_000);

describe("profiling", () => {
  it("sends closed sections to the host in closing order, with names, counts and depths", () => {
    expect(host.sections.map((s) => [s.name, s.typeId, s.sectionId, s.elements, s.depth])).toEqual([
      ["work phase", 1, 1, 2000n, 1],
      ["load", 0, 0, 10n, 0],
      ["load", 0, 2, 5n, 0],
    ]);
    for (const s of host.sections) expect(s.microseconds >= 0n).toBe(true);
    // the outer section encloses the inner one
    expect(host.sections[1]!.microseconds >= host.sections[0]!.microseconds).toBe(true);
  });

  it("flushes reach the host; nothing is printed but the program's own line", () => {
    expect(host.flushes).toEqual([2, 3]);
    expect(host.output).toEqual([String((1999 * 2000) / 2)]);
  });

  it("sums sections per type for --stats", () => {
    const rows = profileRows(host.sections);
    expect(rows.map((r) => [r.section, r.count, r.elements])).toEqual([
      ["work phase", 1, 2000],
      ["load", 2, 15],
    ]);
    expect(rows[1]!.microseconds).toBe(Number(host.sections[1]!.microseconds + host.sections[2]!.microseconds));
    const text = profileText(host.sections).split("\n");
    expect(text[0]).toMatch(/^section\s+count\s+elements\s+total ms\s+mean ms\s+elements\/s$/);
    expect(text[1]).toMatch(/^work phase\s+1\s+2000\s+\d+\.\d{3}\s+\d+\.\d{3}\s+(\d+|-)$/);
    expect(text[2]).toMatch(/^load\s+2\s+15\s+\d+\.\d{3}\s+\d+\.\d{3}\s+(\d+|-)$/);
    expect(profileText([])).toBe("");
  });

  it("appends the sections to the emulator's statistics only when there are some", () => {
    const costs = new CostCounter(undefined);
    expect(emulatorStatsText(costs)).not.toContain("section");
    expect(emulatorStatsText(costs, host.sections).split("\n\n")[1]!.split("\n")[0]).toMatch(/^section\s+count/);
    expect(emulatorStatsJson(costs)).not.toHaveProperty("sections");
    expect((emulatorStatsJson(costs, host.sections) as { sections: { section: string }[] }).sections.map((r) => r.section)).toEqual(["work phase", "load"]);
  });

  it("prints a party's sections (as numbers, the way they arrive in JSON) under its line", () => {
    const party = { party: 1, milliseconds: 3, bytesSent: 10, bytesReceived: 20, protocols: {} };
    const sections = [
      { name: "scan", typeId: 0, elements: 5, microseconds: 2000 },
      { name: "scan", typeId: 0, elements: 15, microseconds: 2000 },
    ];
    const lines = formatStats([{ ...party, sections }]).split("\n");
    expect(lines[0]).toBe("party 1: 3.0 ms, sent 10 B, received 20 B");
    expect(lines[1]).toMatch(/^  section\s+count\s+elements\s+total ms\s+mean ms\s+elements\/s$/);
    // 20 elements in 4 ms
    expect(lines[2]).toMatch(/^  scan\s+2\s+20\s+4\.000\s+2\.000\s+5000$/);
    expect(formatStats([party])).toBe("party 1: 3.0 ms, sent 10 B, received 20 B");
  });

  it("stops on an unknown section type and on closing a closed section", async () => {
    const unknown = await runWithHost(`uint32 s = startSection(3 :: uint32, 1 :: uint);`);
    expect(unknown.error).toMatch(/ProcessProfiler_startSection: unknown section type 3/);
    const twice = await runWithHost(`uint32 t = newSectionType("x"); uint32 s = startSection(t, 1 :: uint); endSection(s); endSection(s);`);
    expect(twice.error).toMatch(/ProcessProfiler_endSection: section 0 is not open/);
    expect(twice.host.sections.length).toBe(1);
  });
});

describe("profiling through secrun --emulate", () => {
  it("the emulator run collects the sections for --stats", async () => {
    const module = compileProgram(program(["stdlib", "profiling"], `uint32 t = newSectionType("phase"); uint32 s = startSection(t, 7 :: uint); endSection(s);`));
    const outcome = await runEmulated(module, []);
    expect(outcome.sections.map((x) => [x.name, x.elements, x.depth])).toEqual([["phase", 7n, 0]]);
    expect(emulatorStatsText(outcome.backend.costs, outcome.sections)).toContain("phase");
  });
});
