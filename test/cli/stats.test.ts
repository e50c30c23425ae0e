/**
 * `secrun --stats` rendering: per-operation rows sorted by name, "-" for operations
 * the cost table does not price, and totals.
 */
import { describe, expect, it } from "vitest";
import { CostCounter } from "../../runtime/emulator/costs.js";
import { emulatorStatsJson, emulatorStatsText } from "../../runtime/cli/stats.js";

describe("emulator statistics", () => {
  it("tables counts and prices", () => {
    const c = new CostCounter((op, lanes) => (op === "mul_uint32_vec" ? { rounds: 1, bytes: 12 * lanes } : undefined));
    c.record("mul_uint32_vec", 10);
    c.record("mul_uint32_vec", 5);
    c.record("add_uint32_vec", 7);
    expect(emulatorStatsText(c).split("\n")).toEqual([
      "operation       calls  lanes  rounds                         bytes",
      "add_uint32_vec      1      7       -                             -",
      "mul_uint32_vec      2     15       2                           180",
      "total               3     22       2  180 (priced operations only)",
    ]);
    expect(emulatorStatsJson(c)).toEqual({
      operations: [
        { operation: "add_uint32_vec", calls: 1, lanes: 7, rounds: null, bytes: null },
        { operation: "mul_uint32_vec", calls: 2, lanes: 15, rounds: 2, bytes: 180 },
      ],
      total: { calls: 3, lanes: 22, rounds: 2, bytes: 180, priced: false },
    });
  });
});
