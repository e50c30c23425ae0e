/**
 * Exhaustive view-distribution check on tiny rings (protocols.md §4.6): instantiate a
 * protocol at n = 2 or 3 with one lane, fix the input sharing to the worst case
 * (each secret wholly in one other party's component: the first argument at the next
 * party, the second at the previous one; zeros elsewhere) and the corrupted party's own
 * randomness, enumerate all randomness it does not hold, and compare the distribution
 * of (its received messages, all output components) across secrets with the same
 * output. A negative control (multiplication without re-shares) shows the check bites.
 */
import { describe, expect, it } from "vitest";
import type { CompiledInstance } from "../../../compiler/protocol/compile.js";
import { interpret } from "../../../compiler/protocol/interpret.js";
import type { Party } from "../../../compiler/protocol/ir.js";
import { compileWithStdlib, instance } from "./support.js";

function tiny(src: string, name: string): CompiledInstance {
  const c = compileWithStdlib(src);
  expect(c.diagnostics.map((d) => d.message)).toEqual([]);
  return instance(c, name);
}

/** Secrets (one value per parameter) with equal outputs give equal view distributions, for every corrupted party. */
function distinguishable(inst: CompiledInstance, width: number, bitsParam: boolean[], output: (secrets: bigint[]) => bigint): number {
  const { program, schedule } = inst;
  const nodes = program.ir.nodes;
  const draws = program.ir.draws.filter((d) => nodes.some((n) => schedule.live[n.id] && n.op === "rnd" && n.imm2 === d.id));
  let bad = 0;
  for (const corrupted of [0, 1, 2] as Party[]) {
    const unknown = draws.filter((d) => !d.holders.includes(corrupted));
    const unknownBits = unknown.reduce((s, d) => s + d.width * d.planes, 0);
    const secretsList: bigint[][] = [[]];
    for (const isBit of bitsParam) {
      const size = isBit ? 2 : 1 << width;
      const next: bigint[][] = [];
      for (const s of secretsList) for (let v = 0; v < size; v++) next.push([...s, BigInt(v)]);
      secretsList.splice(0, secretsList.length, ...next);
    }
    const groups = new Map<bigint, Map<string, number>[]>();
    for (const secrets of secretsList) {
      const hist = new Map<string, number>();
      for (let e = 0; e < 1 << unknownBits; e++) {
        let cursor = 0;
        const values = new Map<string, bigint>();
        for (const d of unknown) {
          for (let p = 0; p < d.planes; p++) {
            values.set(`${d.id}.${p}`, BigInt((e >> cursor) & ((1 << d.width) - 1)));
            cursor += d.width;
          }
        }
        const v = interpret(program, {
          input: (param, party) => (party === (corrupted + 1 + param) % 3 ? (secrets[param] as bigint) : 0n),
          draw: (d, plane) => values.get(`${d}.${plane}`) ?? BigInt((d * 7 + plane * 3 + 1) % (1 << width)),
        });
        const view: bigint[] = [];
        for (const n of nodes) if (schedule.live[n.id] && n.party === corrupted && n.op === "recv") view.push(v[n.id] as bigint);
        for (const o of program.outputs) for (const c of o.comps) for (const id of c ?? []) view.push(v[id] as bigint);
        const key = view.join(",");
        hist.set(key, (hist.get(key) ?? 0) + 1);
      }
      const out = output(secrets);
      groups.set(out, [...(groups.get(out) ?? []), hist]);
    }
    for (const hists of groups.values()) {
      const ref = JSON.stringify([...(hists[0] as Map<string, number>).entries()].sort());
      if (hists.some((h) => JSON.stringify([...h.entries()].sort()) !== ref)) bad++;
    }
  }
  return bad;
}

describe("exhaustive view distributions on tiny rings", () => {
  const src = `
export mul<n> for n in [2]
export and<n> for n in [2]
export open<n> for n in [2]
export b2a<n> for n in [2]
export xopen<n> for n in [1]

proto badmul<n>(u: A<n>, v: A<n>) -> A<n> {
  each i { return u * v + u * v@prev + u@prev * v }
}
export badmul<n> for n in [3]
`;

  it("mul<2>: output classes indistinguishable for every corrupted party", () => {
    expect(distinguishable(tiny(src, "mul_2"), 2, [false, false], ([x, y]) => (x! * y!) & 3n)).toBe(0);
  });

  it("and<2> on XOR-shared words", () => {
    expect(distinguishable(tiny(src, "and_2"), 2, [false, false], ([x, y]) => x! & y!)).toBe(0);
  });

  it("open<2> and xopen<1>", () => {
    expect(distinguishable(tiny(src, "open_2"), 2, [false], ([x]) => x!)).toBe(0);
    expect(distinguishable(tiny(src, "xopen_1"), 1, [true], ([x]) => x!)).toBe(0);
  });

  it("b2a<2>", () => {
    expect(distinguishable(tiny(src, "b2a_2"), 2, [true], ([c]) => c!)).toBe(0);
  });

  it("negative control: multiplication without re-shares is distinguishable", () => {
    expect(distinguishable(tiny(src, "badmul_3"), 3, [false, false], ([x, y]) => (x! * y!) & 7n)).toBeGreaterThan(0);
  });
});
