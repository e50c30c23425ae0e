/**
 * A party's checks of the client's arguments (runtime/party/inputs.ts): against the
 * program's interface, and against the peers' summaries. Expected messages are
 * written out by hand.
 */
import { describe, expect, it } from "vitest";
import { checkArguments, compareSummaries, summarizeArguments } from "../../../runtime/party/inputs.js";
import type { InterfaceEntry, Module } from "../../../vm/bytecode.js";
import type { DataRecord } from "../../../vm/host.js";

const arg = (name: string, domain: string, type: string, dims: number): InterfaceEntry => ({ role: "argument", name, domain, type, dims });
const program = { interface: [arg("k", "", "uint32", 0), arg("xs", "pd_shared3p", "uint64", 1), arg("b", "pd_shared3p", "bool", 0), arg("s", "", "string", 0)] } as unknown as Module;
const rec = (name: string, domain: string, type: string, bytes: number[]): DataRecord => ({ name, domain, type, data: Uint8Array.from(bytes) });

describe("a party's check of the client's arguments", () => {
  it("accepts records that fit the interface", () => {
    const ok = [rec("k", "", "uint32", [7, 0, 0, 0]), rec("xs", "pd_shared3p", "uint64", new Array(24).fill(1)), rec("b", "pd_shared3p", "bool", [1]), rec("s", "", "string", [104, 105, 33])];
    expect(checkArguments(program, ok)).toBeUndefined();
    expect(checkArguments(program, [])).toBeUndefined();
  });

  it("names the argument and what does not fit", () => {
    const cases: [DataRecord[], string][] = [
      [[rec("q", "", "uint32", [0, 0, 0, 0])], 'argument "q": the program has no argument of that name'],
      [[rec("k", "pd_shared3p", "uint32", [0, 0, 0, 0])], 'argument "k": the program reads it as public uint32, the client sent pd_shared3p uint32'],
      [[rec("xs", "pd_shared3p", "uint32", [0, 0, 0, 0])], 'argument "xs": the program reads it as pd_shared3p uint64, the client sent pd_shared3p uint32'],
      [[rec("xs", "pd_shared3p", "uint64", [0, 0, 0, 0, 0, 0])], 'argument "xs": 6 bytes is not a whole number of uint64 shares'],
      [[rec("k", "", "uint32", [0, 0])], 'argument "k": 2 bytes is not a whole number of uint32 values'],
      [[rec("k", "", "uint32", [0, 0, 0, 0, 1, 0, 0, 0])], 'argument "k": a scalar, but the client sent 2 elements'],
      [[rec("b", "pd_shared3p", "bool", [])], 'argument "b": a scalar, but the client sent 0 elements'],
      [[rec("k", "", "uint32", [0, 0, 0, 0]), rec("k", "", "uint32", [0, 0, 0, 0])], 'argument "k": given twice'],
    ];
    for (const [records, message] of cases) expect(checkArguments(program, records)).toBe(message);
  });
});

describe("comparing argument summaries across parties", () => {
  const mine = [rec("k", "", "uint32", [7, 0, 0, 0]), rec("xs", "pd_shared3p", "uint64", new Array(16).fill(3))];
  const summary = (rs: DataRecord[]): unknown => JSON.parse(JSON.stringify(summarizeArguments(rs)));

  it("agrees when public values and shapes agree, whatever the shares", () => {
    const theirs = [rec("xs", "pd_shared3p", "uint64", new Array(16).fill(9)), rec("k", "", "uint32", [7, 0, 0, 0])];
    expect(compareSummaries(0, summarizeArguments(mine), 1, summary(theirs))).toBeUndefined();
  });

  it("names the argument that differs and the two parties", () => {
    const m = summarizeArguments(mine);
    const cases: [unknown, string][] = [
      [summary([rec("k", "", "uint32", [8, 0, 0, 0]), mine[1]!]), 'argument "k": the client sent different public values to party 0 and party 2'],
      [summary([mine[0]!, rec("xs", "pd_shared3p", "uint64", new Array(8).fill(3))]), 'argument "xs": the client sent 16 bytes to party 0 and 8 bytes to party 2'],
      [summary([mine[0]!]), 'argument "xs": the client gave it to party 0 but not to party 2'],
      [summary([...mine, rec("z", "", "bool", [1])]), 'argument "z": the client gave it to party 2 but not to party 0'],
      [summary([mine[0]!, rec("xs", "", "uint64", new Array(16).fill(3))]), 'argument "xs": the client sent pd_shared3p uint64 to party 0 and public uint64 to party 2'],
      ["nonsense", "party 2 sent an unreadable argument summary"],
    ];
    for (const [theirs, message] of cases) expect(compareSummaries(0, m, 2, theirs)).toBe(message);
  });

  it("never carries anything about a private argument's content", () => {
    const s = summarizeArguments([rec("xs", "pd_shared3p", "uint64", new Array(8).fill(5))]);
    expect(s).toEqual([{ name: "xs", domain: "pd_shared3p", type: "uint64", bytes: 8 }]);
  });
});
