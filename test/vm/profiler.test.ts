/**
 * The ProcessProfiler_* syscalls: section types and sections get ids in order,
 * nested sections record their depth, each closed section reaches the host's
 * profile sink with its element count and elapsed microseconds (a scripted clock
 * makes the times hand-computable), flushLog reaches the host, and misuse
 * (unknown type, a section closed twice) is a runtime error with a position.
 */
import { describe, expect, it } from "vitest";
import { sys } from "../../vm/builder.js";
import { MemoryHost } from "../../vm/host.js";
import { runError, runMain } from "./helpers.js";

/** A MemoryHost whose clock reads 1000, 1010, 1030, 1060, ... (steps 10, 20, 30, ...). */
class ScriptedClock extends MemoryHost {
  private t = 1000n;
  private step = 0n;
  override microseconds(): bigint {
    const now = this.t;
    this.step += 10n;
    this.t += this.step;
    return now;
  }
}

describe("ProcessProfiler syscalls", () => {
  it("records nested sections with counts and elapsed microseconds; flushLog reaches the host", async () => {
    const host = new ScriptedClock();
    const { globals } = await runMain(
      (p) => {
        const sort = p.reg();
        const merge = p.reg();
        p.ins("syscall", "ProcessProfiler_newSectionType", [sys.cref(p.value("string", "sort")), sys.ret(sort, "uint32")]);
        p.ins("syscall", "ProcessProfiler_newSectionType", [sys.cref(p.value("string", "merge")), sys.ret(merge, "uint32")]);
        const outer = p.reg();
        const inner = p.reg();
        p.ins("syscall", "ProcessProfiler_startSection", [sys.push(sort, "uint32"), sys.push(p.value("uint64", 1000), "uint64"), sys.ret(outer, "uint32")]); // clock 1000
        p.ins("syscall", "ProcessProfiler_startSection", [sys.push(merge, "uint32"), sys.push(p.value("uint64", 500), "uint64"), sys.ret(inner, "uint32")]); // clock 1010
        p.ins("syscall", "ProcessProfiler_endSection", [sys.push(inner, "uint32")]); // clock 1030
        p.ins("syscall", "ProcessProfiler_flushLog", []);
        p.ins("syscall", "ProcessProfiler_endSection", [sys.push(outer, "uint32")]); // clock 1060
        p.ins("syscall", "ProcessProfiler_flushLog", []);
        return [sort, merge, outer, inner];
      },
      { host },
    );
    expect(globals).toEqual([0, 1, 0, 1]);
    expect(host.sections).toEqual([
      { name: "merge", typeId: 1, sectionId: 1, elements: 500n, microseconds: 20n, depth: 1 },
      { name: "sort", typeId: 0, sectionId: 0, elements: 1000n, microseconds: 60n, depth: 0 },
    ]);
    expect(host.flushes).toEqual([1, 2]);
  });

  it("an unknown section type is a runtime error with a position", async () => {
    const msg = await runError((p) => {
      const id = p.reg();
      p.ins("syscall", "ProcessProfiler_startSection", [sys.push(p.value("uint32", 3), "uint32"), sys.push(p.value("uint64", 1), "uint64"), sys.ret(id, "uint32")]);
      return [];
    });
    expect(msg).toBe("syscall ProcessProfiler_startSection: unknown section type 3 (0 registered) at test.sc:(1,1)(1,2)");
  });

  it("closing a section twice is a runtime error", async () => {
    const msg = await runError((p) => {
      const t = p.reg();
      const id = p.reg();
      p.ins("syscall", "ProcessProfiler_newSectionType", [sys.cref(p.value("string", "x")), sys.ret(t, "uint32")]);
      p.ins("syscall", "ProcessProfiler_startSection", [sys.push(t, "uint32"), sys.push(p.value("uint64", 1), "uint64"), sys.ret(id, "uint32")]);
      p.ins("syscall", "ProcessProfiler_endSection", [sys.push(id, "uint32")]);
      p.ins("syscall", "ProcessProfiler_endSection", [sys.push(id, "uint32")]);
      return [];
    });
    expect(msg).toBe("syscall ProcessProfiler_endSection: section 0 is not open at test.sc:(1,1)(1,2)");
  });
});
