/**
 * shared3p_join under the emulator: tableJoinAes128 returns, as a multiset, the
 * rows of the equi-join computed here with plain nested loops (left columns then
 * right columns), on random tables with repeated keys, no matches and empty
 * tables; a bad key column stops the program.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { program, runProgram } from "./harness.js";

type Table = number[][];

const matrix = (t: Table, cols: number): string =>
  t.length === 0 ? `pd_shared3p xor_uint32[[2]] __NAME(0, ${cols});` : `pd_shared3p xor_uint32[[2]] __NAME = reshape({${t.flat().join(", ")}}, ${t.length}, ${cols});`;

function joinModel(l: Table, lk: number, r: Table, rk: number): string[] {
  const out: string[] = [];
  for (const a of l) for (const b of r) if (a[lk] === b[rk]) out.push([...a, ...b].join(","));
  return out.sort();
}

async function join(l: Table, lcols: number, lk: number, r: Table, rcols: number, rk: number): Promise<{ rows: string[]; error?: string }> {
  const body = `
    ${matrix(l, lcols).replace("__NAME", "l")}
    ${matrix(r, rcols).replace("__NAME", "r")}
    pd_shared3p xor_uint32[[2]] j = tableJoinAes128(l, ${lk} :: uint, r, ${rk} :: uint);
    print(shape(j)[0]);
    publish("j", j);`;
  const run = await runProgram(program(["stdlib", "shared3p", "shared3p_join"], body));
  if (run.error !== undefined) return { rows: [], error: run.error };
  const flat = (run.values.j ?? []) as number[];
  const width = lcols + rcols;
  const rows: string[] = [];
  for (let i = 0; i < flat.length; i += width) rows.push(flat.slice(i, i + width).join(","));
  expect(run.output).toEqual([String(rows.length)]);
  return { rows: rows.sort() };
}

function tableArb(cols: number): fc.Arbitrary<Table> {
  // small key range so that keys repeat and match across tables
  return fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: cols - 1, maxLength: cols - 1 })).map(([k, rest]) => [k, ...rest]), { maxLength: 6 });
}

describe("shared3p_join (emulator)", () => {
  it("equals the nested-loop equi-join as a multiset of rows", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb(2), tableArb(3), fc.boolean(), async (l, r, swapKey) => {
        // key column 0 of left; key column 0 or (after rotating) 2 of right
        const right = swapKey ? r.map((row) => [row[1]!, row[2]!, row[0]!]) : r;
        const rk = swapKey ? 2 : 0;
        expect((await join(l, 2, 0, right, 3, rk)).rows).toEqual(joinModel(l, 0, right, rk));
      }),
      { numRuns: 8 },
    );
  });

  it("hand-computed: duplicate keys give every pair; empty sides give no rows", async () => {
    const l = [[1, 10], [2, 20], [1, 11]];
    const r = [[1, 100], [3, 300]];
    expect((await join(l, 2, 0, r, 2, 0)).rows).toEqual(["1,10,1,100", "1,11,1,100"]);
    expect((await join([], 2, 0, r, 2, 0)).rows).toEqual([]);
  });

  it("stops on a key column outside the table", async () => {
    expect((await join([[1, 2]], 2, 2, [[1, 2]], 2, 0)).error).toMatch(/assert/i);
  });
});
