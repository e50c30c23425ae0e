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
