/**
 * Which protocols (keys of vm/protocol-costs.ts, e.g. "mul<32>") one shared3p syscall
 * runs, per call: the compiler's own copy of the three-party backend's mapping
 * (runtime/shared3p/syscalls.ts; the compiler may not import runtime/), kept in
 * agreement with it by test/compiler/cost/syscall-protocols.test.ts.
 *
 * `protocolsOf(name)` gives:
 * - `{ kind: "local" }`: the operation runs without communication (add, sub, xor,
 *   public multiplication, classify, sums...);
 * - `{ kind: "protocols", keys }`: one run of each key per call, every run over the
 *   call's lanes (min/max run less-than then choose);
 * - `{ kind: "unknown", why }`: no protocol is known (conversions, fixed point,
 *   operations the backend lacks) — reported as such, never priced at zero.
 * Conversions (`conv_A_to_B_vec`) follow the backend's conversion plans.
 * A private-by-private `mul` whose two operands are the same handle runs `square`;
 * operator calls pass copies, so `a * a` in a program runs `mul` (checked with
 * `secrun --stats`), and the static mapping always says `mul`.
 */

export type Sharing = "additive" | "xor" | "bits";

export interface ShareKind {
  readonly sharing: Sharing;
  readonly width: number;
  readonly signed: boolean;
}

export type SyscallProtocols =
  | { readonly kind: "local" }
  | { readonly kind: "protocols"; readonly keys: readonly string[] }
  | { readonly kind: "unknown"; readonly why: string };

/** The share representation of a private type name, undefined when it has none. */
export function shareKindOf(type: string): ShareKind | undefined {
  if (type === "bool") return { sharing: "bits", width: 1, signed: false };
  const m = /^(xor_)?(u?)int(8|16|32|64)$/.exec(type);
  if (m === null) return undefined;
  if (m[1] !== undefined && m[2] !== "u") return undefined;
  return { sharing: m[1] !== undefined ? "xor" : "additive", width: Number(m[3]), signed: m[2] !== "u" };
}

const TYPE = "(bool|(?:xor_)?u?int(?:8|16|32|64)|float32|float64)";
const OP_RE = new RegExp(`^(\\w+?)_${TYPE}(_sub)?_vec$`);

/** Operation and type of a syscall name (after `shared3p::`), undefined when not of the `op_type_vec` form. */
export function splitSyscall(name: string): { op: string; type: string } | undefined {
  const sep = name.indexOf("::");
  const bare = sep >= 0 ? name.slice(sep + 2) : name;
  const m = OP_RE.exec(bare);
  if (m === null) return undefined;
  return { op: m[3] === undefined ? m[1]! : `${m[1]}_sub`, type: m[2]! };
}

const CONV_RE = new RegExp(`::(?:conv|reshare)_${TYPE}_to_${TYPE}_vec$`);

/** A conversion between share representations (the backend's conversion plans). */
function conversion(from: ShareKind, to: ShareKind): SyscallProtocols {
  const local: SyscallProtocols = { kind: "local" };
  switch (from.sharing) {
    case "bits":
      return to.sharing === "additive" ? protocols(k("b2a", to)) : local;
    case "xor":
      if (to.sharing === "xor") return local;
      return to.sharing === "bits" ? protocols(k("eqx", from)) : protocols(k("x2a", to));
    case "additive": {
      if (to.sharing === "bits") return protocols(k("eq", from));
      const up = to.width <= from.width ? [] : [k("bits", from), k("x2a", to)];
      const keys = to.sharing === "additive" ? up : [...up, k("bits", to)];
      return keys.length === 0 ? local : protocols(...keys);
    }
  }
}

const LOCAL_OPS = new Set(["add", "sub", "neg", "xor", "not", "mulc", "classify", "fill", "assign", "sum", "prefix_sum", "inv_prefix_sum", "set_shares"]);

const k = (name: string, t: ShareKind): string => `${name}<${t.width}>`;

function lessThan(t: ShareKind): string {
  if (t.sharing === "bits") return k("and", t);
  if (t.sharing === "xor") return k("ltx", t);
  return k(t.signed ? "lts" : "ltu", t);
}

function chooseKey(t: ShareKind): string {
  return k(t.sharing === "additive" ? "choose" : "xchoose", t);
}

const protocols = (...keys: string[]): SyscallProtocols => ({ kind: "protocols", keys });
const unknown = (why: string): SyscallProtocols => ({ kind: "unknown", why });

function byKind(op: string, t: ShareKind): SyscallProtocols {
  switch (op) {
    case "mul":
      return t.sharing === "additive" ? protocols(k("mul", t)) : unknown(`mul on ${t.sharing} shares`);
    case "and":
    case "or":
      return t.sharing !== "additive" ? protocols(k(op, t)) : unknown(`${op} on additive shares`);
    case "eq":
      if (t.sharing === "bits") return { kind: "local" };
      return protocols(k(t.sharing === "xor" ? "eqx" : "eq", t));
    case "lt":
    case "gt":
    case "lte":
    case "gte":
      return protocols(lessThan(t));
    case "min":
    case "max":
      return t.sharing === "bits" ? unknown("min and max of bools") : protocols(lessThan(t), chooseKey(t));
    case "choose":
      return protocols(chooseKey(t));
    case "declassify":
      return protocols(k(t.sharing === "additive" ? "open" : "xopen", t));
    case "get_shares":
      return protocols(k(t.sharing === "additive" ? "reshare" : "xreshare", t));
    default:
      return LOCAL_OPS.has(op) ? { kind: "local" } : unknown(`no protocol known for ${op}`);
  }
}

/** The protocols one call of the syscall `name` runs. */
export function protocolsOf(name: string): SyscallProtocols {
  if (!name.startsWith("shared3p::")) return unknown("not a shared3p syscall");
  if (/::get_type_size_/.test(name)) return { kind: "local" };
  const conv = CONV_RE.exec(name);
  if (conv !== null) {
    const from = shareKindOf(conv[1]!);
    const to = shareKindOf(conv[2]!);
    return from === undefined || to === undefined ? unknown(`no protocols convert ${conv[1]} to ${conv[2]}`) : conversion(from, to);
  }
  const s = splitSyscall(name);
  if (s === undefined) return unknown("unrecognised syscall name");
  const t = shareKindOf(s.type);
  if (t === undefined) return unknown(`private ${s.type} has no protocols`);
  return byKind(s.op, t);
}
