/**
 * Dispatch of kind syscalls in the emulator: parses `kind::op_T_vec`, picks the
 * family (element-wise binary/unary, reductions, scans, choose, conversions,
 * bit_extract, randomize, gather/scatter, shuffles, shares, mat_mult, the
 * classify/declassify/fill/assign forms, the public permutations stable_sort and
 * gen_rand_pub_perm, the checksums crc16_xor_vec/crc32_xor_vec, AES in aes.ts) and runs it. The kind prefix is not
 * checked: any kind using these names gets the same plain-text semantics.
 * Argument conventions: (pd, inputs..., output) with private handles, public
 * operands by `__cref` or pushed; see each family's file.
 */
import type { SyscallArg, SyscallResult } from "../../vm/backend.js";
import { VmError } from "../../vm/errors.js";
import { Call, parseSyscallName } from "./call.js";
import { isBinary, isUnary, runBinary, runUnary } from "./elementwise.js";
import {
  runBitExtract,
  runBuiltin,
  runConvert,
  runGather,
  runGetShares,
  runMatMult,
  runRandomize,
  runScatter,
  runSetShares,
  runShuffle,
  runTypeSize,
} from "./movement.js";
import { parseAesSyscall, runAes } from "./aes.js";
import { isChecksum, runChecksum } from "./checksums.js";
import { runRandPubPerm, runStableSort } from "./permutations.js";
import { isReduction, runChoose, runReduction, runScan } from "./reductions.js";

/** Runs one kind syscall; returns its `__return` value (if any) and the number of lanes. */
export function runKindSyscall(name: string, args: readonly SyscallArg[]): { result: SyscallResult; lanes: number } {
  const sep = name.indexOf("::");
  const bare = sep >= 0 ? name.slice(sep + 2) : name;
  if (bare === "gen_rand_pub_perm") {
    return { result: undefined, lanes: runRandPubPerm(name, args) };
  }
  if (isChecksum(bare)) return { result: undefined, lanes: runChecksum(name, bare, args) };
  const aes = parseAesSyscall(bare);
  if (aes !== undefined) return { result: undefined, lanes: runAes(name, aes.bits, aes.op, args) };
  const parsed = parseSyscallName(bare);
  if (parsed === undefined) throw new VmError(`unknown syscall "${name}"`);
  const c = new Call(name, parsed, args);
  const lanes = c.privates().reduce((n, p) => Math.max(n, p.data.length), 0);
  return { result: dispatch(c) ?? undefined, lanes };
}

const EXPLICIT_OPS = new Set([
  "conv", "reshare", "bit_extract", "randomize", "gather", "scatter",
  "vecshuf", "vecshufkey", "vecshufinv", "matshuf", "matshufkey", "matshufinv",
  "get_shares", "set_shares", "get_type_size", "classify", "declassify", "fill", "assign",
  "mat_mult", "mat_multx", "prefix_sum", "inv_prefix_sum", "choose", "stable_sort",
]);

/** Whether the emulator implements a kind syscall of this name. */
export function emulatorSupports(name: string): boolean {
  const sep = name.indexOf("::");
  if (sep < 0) return false;
  const bare = name.slice(sep + 2);
  if (bare === "gen_rand_pub_perm" || isChecksum(bare) || parseAesSyscall(bare) !== undefined) return true;
  const parsed = parseSyscallName(bare);
  if (parsed === undefined) return false;
  const { op, type } = parsed;
  return EXPLICIT_OPS.has(op) || isReduction(op, type) || isUnary(op, type) || isBinary(op, type);
}

function dispatch(c: Call): SyscallResult | void {
  const op = c.parsed.op;
  switch (op) {
    case "conv":
    case "reshare":
      return runConvert(c);
    case "bit_extract":
      return runBitExtract(c);
    case "randomize":
      return runRandomize(c);
    case "gather":
      return runGather(c);
    case "scatter":
      return runScatter(c);
    case "vecshuf":
    case "vecshufkey":
    case "vecshufinv":
    case "matshuf":
    case "matshufkey":
    case "matshufinv":
      return runShuffle(c);
    case "get_shares":
      return runGetShares(c);
    case "set_shares":
      return runSetShares(c);
    case "get_type_size":
      return runTypeSize(c);
    case "classify":
    case "declassify":
    case "fill":
    case "assign":
      return runBuiltin(c);
    case "mat_mult":
    case "mat_multx":
      return runMatMult(c);
    case "prefix_sum":
    case "inv_prefix_sum":
      return runScan(c);
    case "choose":
      return runChoose(c);
    case "stable_sort":
      return runStableSort(c);
    default:
      if (isReduction(op, c.type)) return runReduction(c);
      if (isUnary(op, c.type) && countOperands(c) === 1) return runUnary(c);
      if (isBinary(op, c.type)) return runBinary(c);
      if (isUnary(op, c.type)) return runUnary(c);
      throw new VmError(`unknown syscall "${c.name}"`);
  }
}

/** Inputs before the output (private or public). */
function countOperands(c: Call): number {
  return c.args.length - 1;
}
