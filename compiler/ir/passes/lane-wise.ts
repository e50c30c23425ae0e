/**
 * Which private syscalls the optimiser may batch: lane-wise (element i of the
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

const LANE_WISE_OPS = new Set(["mul", "and", "or", "eq", "lt", "lte", "gt", "gte", "min", "max", "choose"]);

const NAME_RE = /^shared3p::([a-z]+)_((?:xor_)?u?int(?:8|16|32|64)|bool)_vec$/;
const CONV_RE = /^shared3p::(?:conv|reshare)_((?:xor_)?u?int(?:8|16|32|64)|bool)_to_((?:xor_)?u?int(?:8|16|32|64)|bool)_vec$/;

/** Number of private inputs of a batchable syscall, or 0 when `name` is not batchable. */
export function laneWiseInputs(name: string): number {
  const p = protocolsOf(name);
  if (p.kind !== "protocols") return 0;
  const conv = CONV_RE.exec(name);
  if (conv !== null) return shareKindOf(conv[1]!) !== undefined && shareKindOf(conv[2]!) !== undefined ? 1 : 0;
  const m = NAME_RE.exec(name);
  if (m === null || !LANE_WISE_OPS.has(m[1]!) || shareKindOf(m[2]!) === undefined) return 0;
  return m[1] === "choose" ? 3 : 2;
}

/** True for syscalls that read their pushed inputs and may write only the last pushed handle. */
export function writesOnlyLastPush(name: string): boolean {
  return name.startsWith("shared3p::") && !/::set_shares_/.test(name);
}
