/**
 * Which protocols (keys of vm/protocol-costs.ts, e.g. "mul<32>") one shared3p syscall
 * runs, per call: the compiler's own copy of the three-party backend's mapping
 * (runtime/shared3p/syscalls.ts; the compiler may not import runtime/), kept in
 * agreement with it by test/compiler/cost/syscall-protocols.isolated.test.ts.
 *
 * `protocolsOf(name)` gives:
 * - `{ kind: "local" }`: the operation runs without communication (add, sub, xor,
 *   public multiplication, classify, sums...);
 * - `{ kind: "protocols", runs, keys, note? }`: the runs per call, in the backend's
 *   order, each `times` runs of `key` over `laneFactor` × the call's lanes (min/max
 *   run less-than then choose; a private division runs bits<N> over twice the lanes
 *   and N divsteps; an XOR-shared shuffle one shuffle<8> per bit plane); `keys` are
 *   the distinct keys; `note` qualifies the figures (an upper bound, traffic outside
 *   the catalogue);
 * - `{ kind: "unknown", why }`: the runs are not determined by the name and the lanes
 *   (float reductions and matrix operations; reductions of run-time length) or no
 *   protocol exists — reported as such, never priced at zero.
 * Conversions (`conv_A_to_B_vec`) follow the backend's conversion plans. Float
 * arithmetic, comparisons, functions and conversions (and fixed-point inv, sqrt, exp,
 * ln) run one Boolean circuit whose levels and ANDs come from vm/circuit-costs.ts.
 * A private-by-private `mul` whose two operands are the same handle runs `square`;
 * operator calls pass copies, so `a * a` in a program runs `mul` (checked with
 * `secrun --stats`), and the static mapping always says `mul`.
 */
import { CIRCUIT_COSTS } from "../../vm/circuit-costs.js";

export type Sharing = "additive" | "xor" | "bits";

export interface ShareKind {
  readonly sharing: Sharing;
  readonly width: number;
  readonly signed: boolean;
  /** fix32/fix64: additive, signed, with half the bits fractional. */
  readonly fix?: boolean;
}

/**
 * `times` runs of protocol `key`, each over `laneFactor` × the call's lanes; with
 * `perColumn`, `times` runs per column of a row-major matrix (the call's first public
 * argument after its data: the row length), each over the rows (lanes / columns).
 */
export interface ProtocolRun {
  readonly key: string;
  readonly times: number;
  readonly laneFactor: number;
  readonly perColumn?: true;
  /**
   * Lanes from the arguments instead: the length of the call's `privateArg`-th private
   * argument (0-based), plus the length of its `plusPrivateArg`-th when given (a
   * matrix product's two operands in one run), times `factor` when given, times the
   * value of its `timesPublic`-th public argument after the data when given (a
   * matrix product's p).
   */
  readonly lanesOf?: { readonly privateArg: number; readonly plusPrivateArg?: number; readonly factor?: number; readonly timesPublic?: number };
}

export type SyscallProtocols =
  | { readonly kind: "local" }
  | { readonly kind: "protocols"; readonly runs: readonly ProtocolRun[]; readonly keys: readonly string[]; readonly note?: string }
  | { readonly kind: "unknown"; readonly why: string };

/** The share representation of a private type name, undefined when it has none. */
export function shareKindOf(type: string): ShareKind | undefined {
  if (type === "bool") return { sharing: "bits", width: 1, signed: false };
  if (type === "fix32" || type === "fix64") return { sharing: "additive", width: Number(type.slice(3)), signed: true, fix: true };
  const m = /^(xor_)?(u?)int(8|16|32|64)$/.exec(type);
  if (m === null) return undefined;
  if (m[1] !== undefined && m[2] !== "u") return undefined;
  return { sharing: m[1] !== undefined ? "xor" : "additive", width: Number(m[3]), signed: m[2] !== "u" };
}

const TYPE = "(bool|(?:xor_)?u?int(?:8|16|32|64)|fix32|fix64|float32|float64)";
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

const k = (name: string, t: ShareKind): string => `${name}<${t.width}>`;

const intKind = (width: number): ShareKind => ({ sharing: "additive", width, signed: true });

/** The protocol keys converting `from` to `to`, in order (the backend's conversion plans). */
function conversionKeys(from: ShareKind, to: ShareKind): string[] {
  if (from.fix === true || to.fix === true) return fixConversionKeys(from, to);
  switch (from.sharing) {
    case "bits":
      return to.sharing === "additive" ? [k("b2a", to)] : [];
    case "xor":
      if (to.sharing === "xor") return [];
      return to.sharing === "bits" ? [k("eqx", from)] : [k("x2a", to)];
    case "additive": {
      if (to.sharing === "bits") return [k("eq", from)];
      const up = to.width <= from.width ? [] : [k("bits", from), k("x2a", to)];
      return to.sharing === "additive" ? up : [...up, k("bits", to)];
    }
  }
}

/**
 * Conversions with fixed point: fix32 ↔ fix64 by sext<32,64> or shr<64,16>; to fix
 * through the signed integer of the target width (the scaling is local); from fix
 * fixint<n> (round toward zero) then the integer conversion, except to bool (x != 0).
 */
function fixConversionKeys(from: ShareKind, to: ShareKind): string[] {
  if (from.fix === true && to.fix === true) return from.width === to.width ? [] : from.width < to.width ? ["sext<32,64>"] : ["shr<64,16>"];
  if (to.fix === true) return conversionKeys(from, intKind(to.width));
  const asInt = conversionKeys(intKind(from.width), to);
  return to.sharing === "bits" ? asInt : [k("fixint", from), ...asInt];
}

const LOCAL_OPS = new Set(["add", "sub", "neg", "xor", "not", "mulc", "classify", "fill", "assign", "prefix_sum", "inv_prefix_sum", "set_shares", "gather", "scatter"]);

function lessThan(t: ShareKind): string {
  if (t.sharing === "bits") return k("and", t);
  if (t.sharing === "xor") return k("ltx", t);
  return k(t.signed ? "lts" : "ltu", t);
}

function chooseKey(t: ShareKind): string {
  return k(t.sharing === "additive" ? "choose" : "xchoose", t);
}

const run = (key: string, times = 1, laneFactor = 1): ProtocolRun => ({ key, times, laneFactor });

function withRuns(runs: readonly ProtocolRun[], note?: string): SyscallProtocols {
  if (runs.length === 0) return { kind: "local" };
  const keys = [...new Set(runs.map((r) => r.key))];
  return note === undefined ? { kind: "protocols", runs, keys } : { kind: "protocols", runs, keys, note };
}

const protocols = (...keys: string[]): SyscallProtocols => withRuns(keys.map((key) => run(key)));
const unknown = (why: string): SyscallProtocols => ({ kind: "unknown", why });

const isUnsignedInt = (t: ShareKind): boolean => t.sharing === "additive" && !t.signed;
const isSignedInt = (t: ShareKind): boolean => t.sharing === "additive" && t.signed && t.fix !== true;

/**
 * Division or modulo of uintN (runtime/protocols/division.ts): bits<N> of x and a
 * private d in one run over twice the lanes, topzeros<N>, N divstep<N>, one divout<N>;
 * a public divisor: bits<N> of x, divstepc<N> for the steps where d << i can fit
 * (N − bit length of the smallest divisor + 1, at most N: the bound reported), divout<N>.
 */
function division(op: string, t: ShareKind): SyscallProtocols {
  if (!isUnsignedInt(t)) return unknown(`${op} is defined on unsigned integers only`);
  const n = t.width;
  if (op === "div" || op === "mod") return withRuns([run(k("bits", t), 1, 2), run(k("topzeros", t)), run(k("divstep", t), n), run(k("divout", t))]);
  return withRuns(
    [run(k("bits", t)), run(k("divstepc", t), n), run(k("divout", t))],
    `upper bound: ${n} divstepc<${n}> runs; a public divisor of bit length b takes ${n} − b + 1`,
  );
}

/**
 * Oblivious shuffles (movement/shuffle.ts): one shuffle<n> (unshuffle<n>) run per
 * column (a vector is one column, a matrix's rows move alike) on additive values; XOR-shared values go bit plane by bit plane through
 * shuffle<8>, one run for bool and N for N-bit words. A shared key adds a digest
 * exchange that is not a catalogue protocol.
 */
function shuffle(op: string, t: ShareKind): SyscallProtocols {
  const name = op.endsWith("inv") ? "unshuffle" : "shuffle";
  const one = t.sharing === "additive" ? run(k(name, t)) : run(`${name}<8>`, t.sharing === "bits" ? 1 : t.width);
  const runs = op.startsWith("matshuf") ? [{ ...one, perColumn: true as const }] : [one];
  return op === "vecshuf" || op === "matshuf" ? withRuns(runs) : withRuns(runs, "plus, per call, a key digest exchange outside the protocol table (one round, 32 bytes per party)");
}

/**
 * Matrix products (pd, a, b, out, m, n, p) (runtime/shared3p/movement/matmult*.ts).
 * Ring products (mat_mult of integers): one rep<n> over a and b together (each
 * operand sent once) and one reshare<n> over the result; XOR-shared values are
 * converted first (x2a<n> over a and b together) and the result back (bits<n>).
 * AND products (mat_multx): the same over GF(2), xrep<n> over a and b together and
 * xreshare<n> over the result; additive values converted by bits<n> over a and b
 * together and x2a<n> over the result.
 * Fixed point (exact): fix32 sign-extends a and b (sext<32,64>), multiplies in the
 * 64-bit ring and shifts (shr<64,16>); fix64 splits a and b by two exact shifts,
 * replicates the three parts (rep<64> over 3·(a + b)), re-shares two partial sums
 * and shifts them (shr<64,16>, shr<64,32>) before a final reshare<64>.
 */
function matMult(xor: boolean, t: ShareKind): SyscallProtocols {
  if (t.sharing === "bits") return unknown("matrix products of bool are not defined");
  const operands = (key: string, factor?: number): ProtocolRun => ({ ...run(key), lanesOf: { privateArg: 0, plusPrivateArg: 1, ...(factor === undefined ? {} : { factor }) } });
  const result = (key: string, factor?: number): ProtocolRun => ({ ...run(key), lanesOf: { privateArg: 2, ...(factor === undefined ? {} : { factor }) } });
  if (xor) {
    const product = [operands(k("xrep", t)), result(k("xreshare", t))];
    return t.sharing === "xor" ? withRuns(product) : withRuns([operands(k("bits", t)), ...product, result(k("x2a", t))]);
  }
  if (t.fix === true && t.width === 32) return withRuns([operands("sext<32,64>"), operands("rep<64>"), result("reshare<64>"), result("shr<64,16>")]);
  if (t.fix === true) {
    return withRuns([
      operands("shr<64,32>"),
      operands("shr<64,16>"),
      operands("rep<64>", 3),
      result("reshare<64>", 2),
      result("shr<64,16>"),
      result("shr<64,32>"),
      result("reshare<64>"),
    ]);
  }
  const product = [operands(k("rep", t)), result(k("reshare", t))];
  return t.sharing === "additive" ? withRuns(product) : withRuns([operands(k("x2a", t)), ...product, result(k("bits", t))]);
}

/** Operations whose handlers treat private floats as xor_uintN words (data movement, choice). */
const FLOAT_AS_WORDS = new Set(["gather", "scatter", "vecshuf", "vecshufkey", "vecshufinv", "matshuf", "matshufkey", "matshufinv", "randomize", "choose"]);

function byKind(op: string, t: ShareKind): SyscallProtocols {
  switch (op) {
    case "mul":
      if (t.sharing !== "additive") return unknown(`mul on ${t.sharing} shares`);
      return protocols(k(t.fix === true ? "fixmul" : "mul", t));
    case "mulc":
      return t.fix === true ? unknown("fixed-point mulc needs truncation, which the backend lacks") : { kind: "local" };
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
    case "div":
    case "mod":
    case "divc":
    case "modc":
      return division(op, t);
    case "shift_left":
    case "shift_right":
      return isUnsignedInt(t) ? protocols(k(op === "shift_left" ? "shlv" : "shrv", t)) : unknown(`${op} is defined on unsigned integers only`);
    case "sign":
    case "abs":
      return isSignedInt(t) ? protocols(k(op, t)) : unknown(`${op} is defined on signed integers only`);
    case "inv":
      // fixed-point inv is a float circuit (circuitRuns)
      return t.sharing !== "additive" ? { kind: "local" } : unknown("inv of an additive integer");
    case "sqrt":
      return unknown("sqrt of an integer");
    case "vecshuf":
    case "vecshufkey":
    case "vecshufinv":
    case "matshuf":
    case "matshufkey":
    case "matshufinv":
      return shuffle(op, t);
    case "randomize":
      return protocols(k(t.sharing === "additive" ? "random" : "xrandom", t));
    case "sum":
      // counting true bools lifts them to additive uint64 first
      if (t.sharing === "bits") return protocols("b2a<64>");
      return t.sharing === "additive" ? { kind: "local" } : unknown("sum of XOR-shared values");
    case "bit_extract":
      return t.sharing === "xor" ? { kind: "local" } : unknown("bit extraction needs the XOR sharing first");
    case "vecmin":
    case "vecmax":
    case "product":
      return unknown("a tournament reduction: ⌈log2 m⌉ steps for chunks of m, the chunk count is the output's run-time length");
    case "mat_mult":
    case "mat_multx":
      return matMult(op === "mat_multx", t);
    default:
      return LOCAL_OPS.has(op) ? { kind: "local" } : unknown(`no protocol known for ${op}`);
  }
}

/** The share representation of a private float for data movement (XOR shares of the bit pattern). */
function floatKind(type: string): ShareKind | undefined {
  return type === "float32" ? { sharing: "xor", width: 32, signed: false } : type === "float64" ? { sharing: "xor", width: 64, signed: false } : undefined;
}

const FLOAT_WHY = "this float operation's Boolean circuits depend on the data's shape; not costed";

/** Operations on private floats that need no communication (on the XOR shares of the bit pattern). */
const FLOAT_LOCAL = new Set(["neg", "abs"]);

/**
 * A call that runs one float circuit (vm/circuit-costs.ts): the protocols around it and
 * one and<1> run per AND level, the circuit's ANDs spread evenly over the levels (the
 * total lanes, rounds and bytes are exact; at run time each level's lanes are rounded
 * up to a multiple of 32).
 */
function circuitRuns(op: string, type: string): SyscallProtocols | undefined {
  const c = CIRCUIT_COSTS[`${op}_${type}`];
  if (c === undefined) return undefined;
  const ands = c.levels === 0 ? [] : [run("and<1>", c.levels, c.ands / c.levels)];
  return withRuns([...c.before.map((key) => run(key)), ...ands, ...c.after.map((key) => run(key))]);
}

/** The protocols one call of the syscall `name` runs. */
export function protocolsOf(name: string): SyscallProtocols {
  if (!name.startsWith("shared3p::")) return unknown("not a shared3p syscall");
  if (/::get_type_size_/.test(name)) return { kind: "local" };
  const conv = CONV_RE.exec(name);
  if (conv !== null) {
    const from = shareKindOf(conv[1]!);
    const to = shareKindOf(conv[2]!);
    if (floatKind(conv[1]!) !== undefined || floatKind(conv[2]!) !== undefined) {
      return circuitRuns("conv", `${conv[1]}_to_${conv[2]}`) ?? unknown(`no conversion of private ${conv[1]} to ${conv[2]}`);
    }
    return from === undefined || to === undefined ? unknown(`no protocols convert ${conv[1]} to ${conv[2]}`) : withRuns(conversionKeys(from, to).map((key) => run(key)));
  }
  const s = splitSyscall(name);
  if (s === undefined) return unknown("unrecognised syscall name");
  const circuit = circuitRuns(s.op, s.type);
  if (circuit !== undefined) return circuit;
  const float = floatKind(s.type);
  if (float !== undefined) {
    if (FLOAT_LOCAL.has(s.op)) return { kind: "local" };
    return FLOAT_AS_WORDS.has(s.op) ? byKind(s.op, float) : unknown(FLOAT_WHY);
  }
  const t = shareKindOf(s.type);
  if (t === undefined) return unknown(`private ${s.type} has no protocols`);
  return byKind(s.op, t);
}
