/**
 * A cost: per protocol instance (key of vm/protocol-costs.ts), how many times it runs
 * and the rounds and bytes each party sends, as polynomials over named lengths; plus
 * the operations with no known protocol (never priced at zero, listed with their
 * invocation counts), and notes qualifying the figures (an upper bound, traffic
 * outside the protocol table) by operation. Costs add (sequence) and scale (loops,
 * repeated calls).
 */
import { PROTOCOL_COSTS } from "../../vm/protocol-costs.js";
import { add, mul, ZERO, type Poly } from "./poly.js";

export interface ProtocolUse {
  readonly invocations: Poly;
  readonly rounds: Poly;
  readonly bytes: readonly [Poly, Poly, Poly];
}

export interface UnknownUse {
  readonly why: string;
  readonly invocations: Poly;
}

export interface Cost {
  readonly protocols: ReadonlyMap<string, ProtocolUse>;
  /** Operation (syscall name) → why it has no price. */
  readonly unknown: ReadonlyMap<string, UnknownUse>;
  /** Operation (syscall name) → a note on its figures. */
  readonly notes: ReadonlyMap<string, string>;
}

export const NO_COST: Cost = { protocols: new Map(), unknown: new Map(), notes: new Map() };

/** No runs, only a note on operation `op`. */
export function noteOnly(op: string, note: string): Cost {
  return { protocols: new Map(), unknown: new Map(), notes: new Map([[op, note]]) };
}

/** One run of protocol `key` over `lanes` lanes (a key without a cost entry becomes unknown). */
export function protocolRun(key: string, lanes: Poly): Cost {
  const c = PROTOCOL_COSTS[key];
  if (c === undefined) return unknownRun(key, "not in the protocol cost table");
  const one: Poly = new Map([["", 1]]);
  const b = (i: 0 | 1 | 2): Poly => mul(lanes, new Map([["", c.bytesPerLane[i]]]));
  return { protocols: new Map([[key, { invocations: one, rounds: new Map([["", c.rounds]]), bytes: [b(0), b(1), b(2)] }]]), unknown: new Map(), notes: new Map() };
}

export function unknownRun(op: string, why: string): Cost {
  return { protocols: new Map(), unknown: new Map([[op, { why, invocations: new Map([["", 1]]) }]]), notes: new Map() };
}

export function addCost(a: Cost, b: Cost): Cost {
  if (isEmpty(b)) return a;
  if (isEmpty(a)) return b;
  const protocols = new Map(a.protocols);
  for (const [k, u] of b.protocols) {
    const v = protocols.get(k);
    protocols.set(
      k,
      v === undefined ? u : { invocations: add(v.invocations, u.invocations), rounds: add(v.rounds, u.rounds), bytes: [add(v.bytes[0], u.bytes[0]), add(v.bytes[1], u.bytes[1]), add(v.bytes[2], u.bytes[2])] },
    );
  }
  const unknown = new Map(a.unknown);
  for (const [k, u] of b.unknown) {
    const v = unknown.get(k);
    unknown.set(k, v === undefined ? u : { why: v.why, invocations: add(v.invocations, u.invocations) });
  }
  return { protocols, unknown, notes: b.notes.size === 0 ? a.notes : new Map([...a.notes, ...b.notes]) };
}

function isEmpty(c: Cost): boolean {
  return c.protocols.size === 0 && c.unknown.size === 0 && c.notes.size === 0;
}

/** The cost repeated `times` times. */
export function scaleCost(a: Cost, times: Poly): Cost {
  const protocols = new Map<string, ProtocolUse>();
  for (const [k, u] of a.protocols)
    protocols.set(k, { invocations: mul(u.invocations, times), rounds: mul(u.rounds, times), bytes: [mul(u.bytes[0], times), mul(u.bytes[1], times), mul(u.bytes[2], times)] });
  const unknown = new Map<string, UnknownUse>();
  for (const [k, u] of a.unknown) unknown.set(k, { why: u.why, invocations: mul(u.invocations, times) });
  return { protocols, unknown, notes: a.notes };
}

/** Totals over all protocols: invocations, rounds, bytes per party. */
export function totals(a: Cost): ProtocolUse {
  let invocations: Poly = ZERO;
  let rounds: Poly = ZERO;
  let b0: Poly = ZERO;
  let b1: Poly = ZERO;
  let b2: Poly = ZERO;
  for (const u of a.protocols.values()) {
    invocations = add(invocations, u.invocations);
    rounds = add(rounds, u.rounds);
    b0 = add(b0, u.bytes[0]);
    b1 = add(b1, u.bytes[1]);
    b2 = add(b2, u.bytes[2]);
  }
  return { invocations, rounds, bytes: [b0, b1, b2] };
}
