/**
 * The compiler's syscall→protocol table (compiler/cost/syscall-protocols.ts) agrees
 * with the three-party backend: each syscall is run at one party with a recording
 * protocol runner, and the keys it asks for must be the ones the table lists; every
 * listed key exists in the protocol cost table.
 */
import { describe, expect, it } from "vitest";
import { protocolsOf } from "../../../compiler/cost/syscall-protocols.js";
import { openKey, runSyscall, type PartyOps } from "../../../runtime/shared3p/syscalls.js";
import { allocShares, shareTypeOf, type ShareType } from "../../../runtime/shared3p/share-types.js";
import type { SyscallArg } from "../../../vm/backend.js";
import { PROTOCOL_COSTS } from "../../../vm/protocol-costs.js";

const TYPES = ["bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64", "xor_uint8", "xor_uint16", "xor_uint32", "xor_uint64"];
const LANES = 3;

function priv(typeName: string): SyscallArg {
  const t = shareTypeOf(typeName) as ShareType;
  return { tag: "private", type: { name: typeName } as never, handle: allocShares(t.width, LANES), length: LANES };
}

/** The protocol keys the backend runs for `op` on private operands of `type` (undefined when it refuses). */
async function runtimeKeys(op: string, type: string, inputs: number): Promise<string[] | undefined> {
  const keys: string[] = [];
  const runner = {
    run: async (k: string, lanes: number) => {
      keys.push(k);
      const width = Number(/<(\d+)/.exec(k)![1]);
      return allocShares((k.startsWith("eq") || k.startsWith("lt") ? 1 : width) as never, lanes);
    },
  };
  const p = { party: 1, runner } as unknown as PartyOps;
  const args: SyscallArg[] = [{ tag: "scalar", type: "uint64", value: 0n }];
  // choose: a bool condition then two values; others: `inputs` values; then the output
  if (op === "choose") args.push(priv("bool"), priv(type), priv(type), priv(type));
  else {
    for (let i = 0; i < inputs; i++) args.push(priv(type));
    args.push(priv(["eq", "lt", "gt", "lte", "gte"].includes(op) ? "bool" : type));
  }
  try {
    await runSyscall(p, `shared3p::${op}_${type}_vec`, args);
  } catch {
    return undefined;
  }
  return keys;
}

async function runtimeConvKeys(name: string, from: string, to: string): Promise<string[] | undefined> {
  const keys: string[] = [];
  const runner = {
    run: async (k: string, lanes: number) => {
      keys.push(k);
      const width = Number(/<(\d+)/.exec(k)![1]);
      return allocShares((k.startsWith("eq") ? 1 : width) as never, lanes);
    },
  };
  const p = { party: 1, runner } as unknown as PartyOps;
  try {
    await runSyscall(p, name, [{ tag: "scalar", type: "uint64", value: 0n }, priv(from), priv(to)]);
  } catch {
    return undefined;
  }
  return keys;
}

describe("syscall protocols agree with the three-party backend", () => {
  const binary = ["mul", "and", "or", "eq", "lt", "gt", "lte", "gte", "min", "max", "add", "sub", "xor"];
  for (const op of [...binary, "choose", "neg", "not"]) {
    it(`${op} on every private type`, async () => {
      let compared = 0;
      for (const type of TYPES) {
        const got = await runtimeKeys(op, type, binary.includes(op) ? 2 : 1);
        if (got === undefined) continue; // the backend refuses this type: nothing to agree on
        const mine = protocolsOf(`shared3p::${op}_${type}_vec`);
        const keys = mine.kind === "protocols" ? mine.keys : mine.kind === "local" ? [] : undefined;
        expect({ op, type, keys }).toEqual({ op, type, keys: got });
        compared++;
      }
      expect(compared).toBeGreaterThanOrEqual(op === "and" || op === "or" || op === "xor" || op === "not" ? 5 : 8);
    });
  }

  it("conversions between every pair of private types", async () => {
    let compared = 0;
    for (const from of TYPES) {
      for (const to of TYPES) {
        const name = `shared3p::conv_${from}_to_${to}_vec`;
        const got = await runtimeConvKeys(name, from, to);
        if (got === undefined) continue;
        const mine = protocolsOf(name);
        const keys = mine.kind === "protocols" ? mine.keys : mine.kind === "local" ? [] : undefined;
        expect({ name, keys }).toEqual({ name, keys: got });
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(100);
  });

  it("declassify opens with the backend's open protocol", () => {
    for (const type of TYPES) {
      const mine = protocolsOf(`shared3p::declassify_${type}_vec`);
      expect(mine).toEqual({ kind: "protocols", keys: [openKey(shareTypeOf(type) as ShareType)] });
    }
  });

  it("every listed protocol has a cost", () => {
    for (const op of ["mul", "and", "or", "eq", "lt", "min", "choose", "declassify", "get_shares"]) {
      for (const type of TYPES) {
        const mine = protocolsOf(`shared3p::${op}_${type}_vec`);
        if (mine.kind === "protocols") for (const k of mine.keys) expect(PROTOCOL_COSTS[k], k).toBeDefined();
      }
    }
  });

  it("conversions and unknown operations are unknown, not free", () => {
    expect(protocolsOf("shared3p::conv_float32_to_uint64_vec").kind).toBe("unknown");
    expect(protocolsOf("shared3p::div_uint32_vec").kind).toBe("unknown");
    expect(protocolsOf("shared3p::mul_float32_vec").kind).toBe("unknown");
  });
});
