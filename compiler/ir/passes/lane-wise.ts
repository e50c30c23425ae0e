/**
 * Which private syscalls the optimiser may reorder and batch: lane-wise (element i of the
 * result depends only on element i of every input), deterministic in value (the
 * published result does not depend on the protocol's random masks, so fixed point
 * and floating point, whose truncation is probabilistic or whose protocols are
 * missing, are left alone), and communicating (batching a local operation saves no
 * round). The call shape is `shared3p::OP_TYPE_vec(domain id, inputs..., result)`
 * with private inputs and result of one length, where the syscall writes only the
 * result. Reductions (sum, vecmin...), movements (shuffles), shares import/export,
 * public operands (mulc, shifts) and everything else are not batched.
 */
import { protocolsOf, shareKindOf } from "../../cost/syscall-protocols.js";

/** Lane-wise operations by number of private inputs. */
const LANE_WISE_OPS: ReadonlyMap<string, number> = new Map([
  ["mul", 2], ["and", 2], ["or", 2], ["eq", 2], ["lt", 2], ["lte", 2], ["gt", 2], ["gte", 2], ["min", 2], ["max", 2], ["choose", 3],
  ["add", 2], ["sub", 2], ["xor", 2], ["neg", 1], ["not", 1],
]);

const NAME_RE = /^shared3p::([a-z]+)_((?:xor_)?u?int(?:8|16|32|64)|bool)_vec$/;
const CONV_RE = /^shared3p::(?:conv|reshare)_((?:xor_)?u?int(?:8|16|32|64)|bool)_to_((?:xor_)?u?int(?:8|16|32|64)|bool)_vec$/;

/**
 * Number of private inputs of a lane-wise integer or bool syscall (local ones such as
 * add included), or 0 when `name` is not one. Such a call with inputs and result of
 * one length cannot fail and changes nothing but its result.
 */
export function laneWiseInputs(name: string): number {
  const conv = CONV_RE.exec(name);
  if (conv !== null) return shareKindOf(conv[1]!) !== undefined && shareKindOf(conv[2]!) !== undefined ? 1 : 0;
  const m = NAME_RE.exec(name);
  if (m === null || shareKindOf(m[2]!) === undefined) return 0;
  return LANE_WISE_OPS.get(m[1]!) ?? 0;
}

/** True when batching the lane-wise syscall `name` saves rounds (it runs protocols). */
export function isBatchable(name: string): boolean {
  return laneWiseInputs(name) > 0 && protocolsOf(name).kind === "protocols";
}

/** True for syscalls that read their pushed inputs and may write only the last pushed handle. */
export function writesOnlyLastPush(name: string): boolean {
  return name.startsWith("shared3p::") && !/::set_shares_/.test(name);
}
