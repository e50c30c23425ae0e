/**
 * Cost accounting of the emulator: per syscall (and per built-in private operation)
 * the number of invocations and lanes (vector elements), and the rounds and bytes
 * a three-party run would spend, from a pluggable cost lookup (the protocol cost
 * table, when it exists). Without a lookup, rounds and bytes stay 0 and `priced`
 * says which operations had a price.
 */

/** Cost of one invocation over `lanes` elements, or undefined when unknown. */
export type CostLookup = (operation: string, lanes: number) => { readonly rounds: number; readonly bytes: number } | undefined;

export interface OperationStats {
  invocations: number;
  lanes: number;
  rounds: number;
  bytes: number;
  /** False when the lookup had no price for this operation. */
  priced: boolean;
}

export class CostCounter {
  readonly byOperation = new Map<string, OperationStats>();

  constructor(private readonly lookup: CostLookup | undefined) {}

  /** Records one invocation of `operation` over `lanes` elements. */
  record(operation: string, lanes: number): void {
    let s = this.byOperation.get(operation);
    if (s === undefined) {
      s = { invocations: 0, lanes: 0, rounds: 0, bytes: 0, priced: this.lookup !== undefined };
      this.byOperation.set(operation, s);
    }
    s.invocations++;
    s.lanes += lanes;
    const cost = this.lookup?.(operation, lanes);
    if (cost === undefined) s.priced = false;
    else {
      s.rounds += cost.rounds;
      s.bytes += cost.bytes;
    }
  }

  /** One row per operation, most expensive (bytes, then lanes) first. */
  rows(): ({ operation: string } & OperationStats)[] {
    return [...this.byOperation]
      .map(([operation, s]) => ({ operation, ...s }))
      .sort((a, b) => b.bytes - a.bytes || b.lanes - a.lanes || a.operation.localeCompare(b.operation));
  }

  /** Sums over all operations. */
  totals(): OperationStats {
    const t: OperationStats = { invocations: 0, lanes: 0, rounds: 0, bytes: 0, priced: true };
    for (const s of this.byOperation.values()) {
      t.invocations += s.invocations;
      t.lanes += s.lanes;
      t.rounds += s.rounds;
      t.bytes += s.bytes;
      t.priced &&= s.priced;
    }
    return t;
  }
}

/** The shape of a protocol cost table entry (vm/protocol-costs.ts). */
export interface ProtocolCostEntry {
  readonly rounds: number;
  readonly bytesPerLane: readonly number[];
}

/** The shape of a float circuit's entry (vm/circuit-costs.ts). */
export interface CircuitCostEntry {
  readonly levels: number;
  readonly ands: number;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

/** Syscall operations whose protocol has another name in the cost table. */
const PROTOCOL_ALIASES: Readonly<Record<string, string>> = { declassify: "open" };

/**
 * A CostLookup over a protocol cost table keyed `protocol<width>` (e.g. "mul<32>"):
 * operation `mul_uint32_vec` (or a built-in like `declassify_uint32`) is priced by the
 * entry of its operation and bit width (a fixed-point product by fixmul); rounds per
 * invocation, bytes = the bytes all three parties send per lane times the lanes.
 * Operations that run a float circuit (`circuits`, keyed `OP_TYPE`) cost one round per
 * AND level and 2 bits per AND from each party, plus the protocols around the
 * circuit. Other float operations and operations without an entry are unpriced.
 */
export function protocolCostLookup(
  table: Readonly<Record<string, ProtocolCostEntry>>,
  circuits: Readonly<Record<string, CircuitCostEntry>> = {},
): CostLookup {
  const re = /^(\w+?)_(?:xor_)?(?:u?int|float|fix)(8|16|32|64)(?:_vec)?$|^(\w+?)_bool(?:_vec)?$/;
  const perLane = (key: string): { rounds: number; bytes: number } | undefined => {
    const e = table[key];
    return e === undefined ? undefined : { rounds: e.rounds, bytes: e.bytesPerLane.reduce((s, b) => s + b, 0) };
  };
  return (operation, lanes) => {
    const circuit = circuits[operation.replace(/_vec$/, "")];
    if (circuit !== undefined) {
      const around = [...circuit.before, ...circuit.after].map(perLane);
      if (around.some((x) => x === undefined)) return undefined;
      const rounds = around.reduce((n, x) => n + (x as { rounds: number }).rounds, circuit.levels);
      const bytes = around.reduce((n, x) => n + (x as { bytes: number }).bytes, circuit.ands * 0.25 * 3);
      return { rounds, bytes: bytes * lanes };
    }
    const m = re.exec(operation);
    if (m === null || /_float(32|64)/.test(operation)) return undefined;
    const op = m[1] ?? m[3]!;
    const width = m[2] ?? "1";
    const name = op === "mul" && /_fix(32|64)/.test(operation) ? "fixmul" : (PROTOCOL_ALIASES[op] ?? op);
    const cost = perLane(`${name}<${width}>`);
    return cost === undefined ? undefined : { rounds: cost.rounds, bytes: cost.bytes * lanes };
  };
}
