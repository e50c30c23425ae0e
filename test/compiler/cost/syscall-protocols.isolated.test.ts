/**
 * The compiler's syscall→protocol table (compiler/cost/syscall-protocols.ts) agrees
 * with the three-party backend: each syscall is run at one party with a recording
 * protocol runner (the module's ProtocolRunner replaced, so the runners the backend
 * creates itself, e.g. for concurrent shuffle calls, record too), and the runs it
 * asks for — key and lanes, in order — must be the model's runs expanded over the
 * call's lanes; every listed key exists in the protocol cost table.
 */
import { describe, expect, it, vi } from "vitest";

interface Recorded {
  readonly key: string;
  readonly lanes: number;
}

const rec = vi.hoisted(() => ({
  log: [] as { key: string; lanes: number }[],
  output: undefined as unknown as (key: string, lanes: number) => unknown,
}));

vi.mock("../../../runtime/shared3p/protocol-runner.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../../runtime/shared3p/protocol-runner.js")>();
  class RecordingRunner {
    readonly stats = new Map();
    constructor(readonly ctx: unknown) {}
    async run(key: string, lanes: number): Promise<unknown> {
      rec.log.push({ key, lanes });
      return rec.output(key, lanes);
    }
  }
  return { ...actual, ProtocolRunner: RecordingRunner };
});

import { protocolsOf, type SyscallProtocols } from "../../../compiler/cost/syscall-protocols.js";
import { openKey, runSyscall, type PartyOps } from "../../../runtime/shared3p/syscalls.js";
import { ProtocolRunner } from "../../../runtime/shared3p/protocol-runner.js";
import { allocShares, shareTypeOf, type ShareType, type Width } from "../../../runtime/shared3p/share-types.js";
import type { SyscallArg } from "../../../vm/backend.js";
import { PROTOCOL_COSTS } from "../../../vm/protocol-costs.js";

const INT_TYPES = ["bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "xor_uint8", "xor_uint16", "xor_uint32", "xor_uint64"];
const TYPES = [...INT_TYPES, "fix32", "fix64"];
const LANES = 3;

/** A zero output of the right shape for protocol `key` (bits for comparisons, a pair for division steps, six vectors for rep). */
function fakeOutput(key: string, lanes: number): unknown {
  const nums = (/<([\d,]+)>/.exec(key)?.[1] ?? "").split(",").map(Number);
  if (/^(eq|eqx|lt|lts|ltu|ltx)</.test(key)) return allocShares(1, lanes);
  const width = (key.startsWith("sext") ? nums[nums.length - 1] : nums[0]) as Width;
  if (key.startsWith("divstep")) return [allocShares(width, lanes), allocShares(1, lanes)];
  // rep: this party's own and predecessor's components among six outputs
  if (key.startsWith("rep<") || key.startsWith("xrep<")) return Array.from({ length: 6 }, () => allocShares(width, lanes));
  return allocShares(width, lanes);
}
rec.output = fakeOutput;

/** Digest frames sent by keyed shuffles (outside the catalogue). */
const sent: number[] = [];
const fakePrg = { draw: (_i: number, _r: number, bytes: number) => new Uint8Array(bytes) };
const ctx = {
  party: 1,
  newInstance: () => 5,
  prgs: { next: fakePrg, prev: fakePrg, own: fakePrg },
  transport: { send: (_to: number, _i: number, _r: number, b: Uint8Array) => sent.push(b.byteLength), receive: async () => new Uint8Array(32) },
};

function priv(typeName: string, lanes = LANES): SyscallArg {
  const t = shareTypeOf(typeName) as ShareType;
  return { tag: "private", type: { name: typeName } as never, handle: allocShares(t.width, lanes), length: lanes };
}

function scalar(type: string, value: number): SyscallArg {
  return { tag: "scalar", type: type as never, value: /64/.test(type) ? BigInt(value) : value } as SyscallArg;
}

/** The runs the backend makes for `name` with `args` after the pd (undefined when it refuses). */
async function backendRuns(name: string, args: SyscallArg[]): Promise<Recorded[] | undefined> {
  rec.log.length = 0;
  const p = { party: 1, runner: new ProtocolRunner(ctx as never) } as unknown as PartyOps;
  try {
    await runSyscall(p, name, [scalar("uint64", 0), ...args]);
  } catch {
    return undefined;
  }
  return [...rec.log];
}

/**
 * The model's runs for `name` expanded over `lanes` lanes, a matrix's in `cols`
 * columns, or over the given private lengths and public values (undefined when not costed).
 */
function modelRuns(m: SyscallProtocols, lanes: number, cols = 1, privates: number[] = [], publics: number[] = []): Recorded[] | undefined {
  if (m.kind === "unknown") return undefined;
  if (m.kind === "local") return [];
  return m.runs.flatMap((r) => {
    const n = r.perColumn === true ? r.times * cols : r.times;
    let each = r.perColumn === true ? lanes / cols : r.laneFactor * lanes;
    if (r.lanesOf !== undefined) {
      const { privateArg, plusPrivateArg, factor, timesPublic } = r.lanesOf;
      const length = (privates[privateArg] as number) + (plusPrivateArg === undefined ? 0 : (privates[plusPrivateArg] as number));
      each = length * (factor ?? 1) * (timesPublic === undefined ? 1 : (publics[timesPublic] as number));
    }
    return Array.from({ length: n }, () => ({ key: r.key, lanes: each }));
  });
}

/** Lanes for circuit calls: one word of bit-sliced lanes, so the run-time rounding to 32 changes nothing. */
const CIRCUIT_LANES = 32;

/** A circuit call's runs: the other protocols in order, the number of and<1> runs and their lanes in total. */
function circuitTotals(rs: readonly Recorded[]): { others: Recorded[]; ands: number; lanes: number } {
  const ands = rs.filter((r) => r.key === "and<1>");
  return { others: rs.filter((r) => r.key !== "and<1>"), ands: ands.length, lanes: Math.round(ands.reduce((n, r) => n + r.lanes, 0)) };
}

/** Runs `op` on every type in `types` through both; returns how many types the backend accepted. */
async function compareAll(op: string, types: readonly string[], args: (type: string) => SyscallArg[]): Promise<number> {
  let compared = 0;
  for (const type of types) {
    const name = `shared3p::${op}_${type}_vec`;
    const got = await backendRuns(name, args(type));
    if (got === undefined) continue; // the backend refuses this type: nothing to agree on
    expect({ name, runs: modelRuns(protocolsOf(name), LANES) }).toEqual({ name, runs: got });
    compared++;
  }
  return compared;
}

describe("syscall protocols agree with the three-party backend", () => {
  const binary = ["mul", "and", "or", "eq", "lt", "gt", "lte", "gte", "min", "max", "add", "sub", "xor"];
  const boolResult = ["eq", "lt", "gt", "lte", "gte"];
  for (const op of [...binary, "choose", "neg", "not"]) {
    it(`${op} on every private type`, async () => {
      const compared = await compareAll(op, TYPES, (type) => {
        if (op === "choose") return [priv("bool"), priv(type), priv(type), priv(type)];
        const inputs = Array.from({ length: binary.includes(op) ? 2 : 1 }, () => priv(type));
        return [...inputs, priv(boolResult.includes(op) ? "bool" : type)];
      });
      expect(compared).toBeGreaterThanOrEqual(op === "and" || op === "or" || op === "xor" || op === "not" ? 5 : 8);
    });
  }

  it("mul of fix32 and fix64 runs fixmul", async () => {
    expect(await compareAll("mul", ["fix32", "fix64"], (t) => [priv(t), priv(t), priv(t)])).toBe(2);
    expect(modelRuns(protocolsOf("shared3p::mul_fix64_vec"), 1)).toEqual([{ key: "fixmul<64>", lanes: 1 }]);
  });

  it("div and mod by a private divisor: bits over twice the lanes, topzeros, N divsteps, divout", async () => {
    for (const op of ["div", "mod"]) {
      expect(await compareAll(op, TYPES, (t) => [priv(t), priv(t), priv(t)])).toBe(4);
    }
    // an independent expectation for one width
    const steps = Array.from({ length: 8 }, () => ({ key: "divstep<8>", lanes: 3 }));
    expect(modelRuns(protocolsOf("shared3p::div_uint8_vec"), 3)).toEqual([{ key: "bits<8>", lanes: 6 }, { key: "topzeros<8>", lanes: 3 }, ...steps, { key: "divout<8>", lanes: 3 }]);
  });

  it("divc and modc by a public divisor of 1 take the bound, N divstepc runs; larger divisors fewer", async () => {
    for (const op of ["divc", "modc"]) {
      expect(await compareAll(op, TYPES, (t) => [priv(t), scalar(t, 1), priv(t)])).toBe(4);
      for (const type of ["uint8", "uint16", "uint32", "uint64"]) {
        const n = Number(type.slice(4));
        const name = `shared3p::${op}_${type}_vec`;
        const got = (await backendRuns(name, [priv(type), scalar(type, 5), priv(type)])) as Recorded[];
        // 5 has bit length 3: n − 3 + 1 steps
        expect(got.filter((r) => r.key === `divstepc<${n}>`).length).toBe(n - 2);
        const m = protocolsOf(name);
        expect(m.kind === "protocols" ? m.note : undefined).toMatch(/^upper bound/);
      }
    }
  });

  it("shifts by private amounts, sign and abs", async () => {
    expect(await compareAll("shift_left", TYPES, (t) => [priv(t), priv(t), priv(t)])).toBe(4);
    expect(await compareAll("shift_right", TYPES, (t) => [priv(t), priv(t), priv(t)])).toBe(4);
    expect(await compareAll("sign", TYPES, (t) => [priv(t), priv(t)])).toBe(4);
    expect(await compareAll("abs", TYPES, (t) => [priv(t), priv(t)])).toBe(4);
    expect(modelRuns(protocolsOf("shared3p::shift_right_uint16_vec"), 2)).toEqual([{ key: "shrv<16>", lanes: 2 }]);
  });

  it("vector shuffles: one run on additive values, one shuffle<8> per bit plane on XOR values", async () => {
    const floats = ["float32", "float64"];
    expect(await compareAll("vecshuf", [...TYPES, ...floats], (t) => [priv(t), priv(t)])).toBe(TYPES.length + 2);
    const key = priv("xor_uint8", 32);
    for (const op of ["vecshufkey", "vecshufinv"]) {
      sent.length = 0;
      expect(await compareAll(op, [...TYPES, ...floats], (t) => [priv(t), priv(t), key])).toBe(TYPES.length + 2);
      // the note's digest exchange: one 32-byte frame per call
      expect(sent).toEqual(Array.from({ length: TYPES.length + 2 }, () => 32));
      const m = protocolsOf(`shared3p::${op}_uint32_vec`);
      expect(m.kind === "protocols" ? m.note : undefined).toMatch(/digest/);
    }
    expect(modelRuns(protocolsOf("shared3p::vecshuf_xor_uint16_vec"), 4)).toEqual(Array.from({ length: 16 }, () => ({ key: "shuffle<8>", lanes: 4 })));
    expect(modelRuns(protocolsOf("shared3p::vecshufinv_bool_vec"), 4)).toEqual([{ key: "unshuffle<8>", lanes: 4 }]);
  });

  it("matrix shuffles: the vector shuffle's runs for each column, over the rows", async () => {
    const all = [...TYPES, "float32", "float64"];
    const key = priv("xor_uint8", 32);
    for (const op of ["matshuf", "matshufkey", "matshufinv"]) {
      let compared = 0;
      for (const type of all) {
        const name = `shared3p::${op}_${type}_vec`;
        // 2 rows of 3 columns
        const args = [priv(type, 6), priv(type, 6), scalar("uint64", 3), ...(op === "matshuf" ? [] : [key])];
        const got = await backendRuns(name, args);
        expect({ name, runs: modelRuns(protocolsOf(name), 6, 3) }).toEqual({ name, runs: got });
        compared++;
      }
      expect(compared).toBe(all.length);
    }
    expect(modelRuns(protocolsOf("shared3p::matshuf_uint32_vec"), 6, 3)).toEqual(Array.from({ length: 3 }, () => ({ key: "shuffle<32>", lanes: 2 })));
  });

  it("matrix products of 2×3 by 3×4: rep (xrep for AND products) over both operands, reshare over the result; fixed point exact", async () => {
    for (const op of ["mat_mult", "mat_multx"]) {
      let compared = 0;
      for (const type of TYPES) {
        const name = `shared3p::${op}_${type}_vec`;
        const got = await backendRuns(name, [priv(type, 6), priv(type, 12), priv(type, 8), scalar("uint64", 2), scalar("uint64", 3), scalar("uint64", 4)]);
        if (got === undefined) continue;
        expect({ name, runs: modelRuns(protocolsOf(name), 6, 1, [6, 12, 8], [2, 3, 4]) }).toEqual({ name, runs: got });
        compared++;
      }
      // every type but bool
      expect(compared).toBe(TYPES.length - 1);
    }
    const at = (name: string) => modelRuns(protocolsOf(name), 6, 1, [6, 12, 8], [2, 3, 4]);
    expect(at("shared3p::mat_mult_uint32_vec")).toEqual([
      { key: "rep<32>", lanes: 18 },
      { key: "reshare<32>", lanes: 8 },
    ]);
    expect(at("shared3p::mat_mult_xor_uint16_vec")).toEqual([
      { key: "x2a<16>", lanes: 18 },
      { key: "rep<16>", lanes: 18 },
      { key: "reshare<16>", lanes: 8 },
      { key: "bits<16>", lanes: 8 },
    ]);
    expect(at("shared3p::mat_multx_uint32_vec")).toEqual([
      { key: "bits<32>", lanes: 18 },
      { key: "xrep<32>", lanes: 18 },
      { key: "xreshare<32>", lanes: 8 },
      { key: "x2a<32>", lanes: 8 },
    ]);
    expect(at("shared3p::mat_mult_fix64_vec")).toEqual([
      { key: "shr<64,32>", lanes: 18 },
      { key: "shr<64,16>", lanes: 18 },
      { key: "rep<64>", lanes: 54 },
      { key: "reshare<64>", lanes: 16 },
      { key: "shr<64,16>", lanes: 8 },
      { key: "shr<64,32>", lanes: 8 },
      { key: "reshare<64>", lanes: 8 },
    ]);
  });

  it("randomize, gather and scatter", async () => {
    const all = [...TYPES, "float32", "float64"];
    expect(await compareAll("randomize", all, (t) => [priv(t)])).toBe(all.length);
    const idx: SyscallArg = { tag: "cref", type: "uint64", data: new BigUint64Array([2n, 0n, 1n]) } as SyscallArg;
    expect(await compareAll("gather", all, (t) => [priv(t), priv(t), idx])).toBe(all.length);
    expect(await compareAll("scatter", all, (t) => [priv(t), priv(t), idx])).toBe(all.length);
  });

  it("sums (bools lifted by b2a<64> over the input's lanes) and bit extraction", async () => {
    // a bool sum counts into a uint64
    expect(await compareAll("sum", TYPES, (t) => [priv(t), priv(t === "bool" ? "uint64" : t, 1)])).toBe(11);
    expect(modelRuns(protocolsOf("shared3p::sum_bool_vec"), 5)).toEqual([{ key: "b2a<64>", lanes: 5 }]);
    const xor = INT_TYPES.filter((t) => t.startsWith("xor_"));
    let compared = 0;
    for (const type of xor) {
      const n = Number(type.slice(8));
      const name = `shared3p::bit_extract_${type}_vec`;
      const got = await backendRuns(name, [priv(type), priv("bool", LANES * n)]);
      expect({ name, runs: modelRuns(protocolsOf(name), LANES) }).toEqual({ name, runs: got });
      compared++;
    }
    expect(compared).toBe(4);
  });

  it("conversions between every pair of private types, fixed point included", async () => {
    let compared = 0;
    for (const from of TYPES) {
      for (const to of TYPES) {
        const name = `shared3p::conv_${from}_to_${to}_vec`;
        const got = await backendRuns(name, [priv(from), priv(to)]);
        if (got === undefined) continue;
        expect({ name, runs: modelRuns(protocolsOf(name), LANES) }).toEqual({ name, runs: got });
        compared++;
      }
    }
    expect(compared).toBe(TYPES.length * TYPES.length);
  });

  it("declassify opens with the backend's open protocol", () => {
    for (const type of TYPES) {
      const mine = protocolsOf(`shared3p::declassify_${type}_vec`);
      expect(mine.kind === "protocols" ? mine.keys : undefined).toEqual([openKey(shareTypeOf(type) as ShareType)]);
    }
  });

  it("every listed protocol has a cost", () => {
    const ops = ["mul", "and", "or", "eq", "lt", "min", "choose", "declassify", "get_shares", "div", "divc", "mod", "modc", "shift_left", "shift_right", "sign", "abs"];
    const moves = ["vecshuf", "vecshufkey", "vecshufinv", "matshuf", "matshufkey", "matshufinv", "randomize", "mat_mult", "mat_multx"];
    for (const type of TYPES) {
      const names = [...ops, ...moves].map((op) => `shared3p::${op}_${type}_vec`);
      for (const to of TYPES) names.push(`shared3p::conv_${type}_to_${to}_vec`);
      for (const name of names) {
        const mine = protocolsOf(name);
        if (mine.kind === "protocols") for (const r of mine.runs) expect(PROTOCOL_COSTS[r.key], `${name}: ${r.key}`).toBeDefined();
      }
    }
  });

  it("float circuits (and fixed-point inv, sqrt, exp, ln): as many and<1> runs as AND levels, the circuit's ANDs over them in total", async () => {
    const floatOps = ["add", "sub", "mul", "div", "eq", "lt", "gt", "lte", "gte", "min", "max", "inv", "sqrt", "floor", "ceiling", "isnegligible", "exp", "ln", "sin", "erf"];
    const calls = [
      ...["float32", "float64"].flatMap((t) => floatOps.map((op) => ({ op, t }))),
      ...["fix32", "fix64"].flatMap((t) => ["inv", "sqrt", "exp", "ln"].map((op) => ({ op, t }))),
    ];
    const lanes = CIRCUIT_LANES;
    for (const { op, t } of calls) {
      const name = `shared3p::${op}_${t}_vec`;
      const unary = ["inv", "sqrt", "floor", "ceiling", "isnegligible", "exp", "ln", "sin", "erf"].includes(op);
      const out = ["eq", "lt", "gt", "lte", "gte", "isnegligible"].includes(op) ? "bool" : t;
      const got = await backendRuns(name, unary ? [priv(t, lanes), priv(out, lanes)] : [priv(t, lanes), priv(t, lanes), priv(out, lanes)]);
      expect(got, name).toBeDefined();
      const model = modelRuns(protocolsOf(name), lanes);
      expect(model, name).toBeDefined();
      expect({ name, ...circuitTotals(got!) }).toEqual({ name, ...circuitTotals(model!) });
    }
  });

  it("conversions from and to private floats: the protocols around the circuit, and<1> per AND level", async () => {
    const all = [...TYPES, "float32", "float64"];
    let compared = 0;
    for (const from of all) {
      for (const to of all) {
        if (from === to || (!from.startsWith("float") && !to.startsWith("float"))) continue;
        const name = `shared3p::conv_${from}_to_${to}_vec`;
        const got = await backendRuns(name, [priv(from, CIRCUIT_LANES), priv(to, CIRCUIT_LANES)]);
        expect(got, name).toBeDefined();
        const model = modelRuns(protocolsOf(name), CIRCUIT_LANES);
        expect(model, name).toBeDefined();
        expect({ name, ...circuitTotals(got!) }).toEqual({ name, ...circuitTotals(model!) });
        compared++;
      }
    }
    expect(compared).toBe(2 * 2 * TYPES.length + 2);
  });

  it("float32 multiplication costs what the circuit measured in session 2: 39 rounds, 666 bytes per lane per party", () => {
    const m = protocolsOf("shared3p::mul_float32_vec");
    expect(m.kind).toBe("protocols");
    const runs = m.kind === "protocols" ? m.runs : [];
    expect(runs.map((r) => [r.key, r.times])).toEqual([["and<1>", 39]]);
    // 2 bits per AND: 0.25 bytes per lane of and<1>
    expect(Math.round(runs[0]!.times * runs[0]!.laneFactor * 0.25)).toBe(666);
  });

  it("float reductions and run-time-shaped operations are unknown, not free", () => {
    const why = (name: string): string | undefined => {
      const m = protocolsOf(name);
      return m.kind === "unknown" ? m.why : undefined;
    };
    expect(why("shared3p::sum_float32_vec")).toMatch(/shape/);
    expect(why("shared3p::mat_mult_float32_vec")).toMatch(/shape/);
    expect(why("shared3p::stable_sort_float64_vec")).toMatch(/shape/);
    expect(why("shared3p::div_int32_vec")).toMatch(/unsigned/);
    expect(why("shared3p::vecmin_uint32_vec")).toMatch(/tournament/);
    expect(protocolsOf("shared3p::neg_float64_vec")).toEqual({ kind: "local" });
  });
});
