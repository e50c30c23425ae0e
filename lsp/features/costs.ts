/**
 * What a private operation costs, for hover and inlay hints: the syscalls an
 * operator/cast/procedure definition makes (read from its body) mapped to the
 * protocol cost table generated from the protocol DSL (vm/protocol-costs.ts).
 * A syscall `shared3p::mul_uint32_vec` is protocol `mul` at width 32; `bool`
 * operations are width 1; `declassify` is priced as `open`. The mapping is
 * partial: syscalls with no matching protocol are reported as unpriced.
 */
import type * as A from "../../compiler/syntax/ast.js";
import { walk } from "../../compiler/syntax/walk.js";
import { PROTOCOL_COSTS, type ProtocolCost } from "../../vm/protocol-costs.js";

/** Syscall operations whose protocol has another name in the cost table. */
const aliases: Readonly<Record<string, string>> = { declassify: "open" };

export interface PricedSyscall {
  readonly syscall: string;
  /** The cost table key (`mul<32>`), when known. */
  readonly key: string | undefined;
  readonly cost: ProtocolCost | undefined;
}

/** The constant syscall names in a procedure body, in source order, without duplicates. */
export function syscallsOf(decl: A.ProcDecl): string[] {
  const names: string[] = [];
  walk(decl.body, (n) => {
    if (n.kind !== "Syscall") return;
    const raw = n.name.raw.slice(1, -1);
    if (!raw.includes("$") && !names.includes(raw)) names.push(raw);
  });
  return names;
}

/** The protocol behind a syscall name, priced when the table has it. */
export function priceSyscall(syscall: string): PricedSyscall {
  const m = /::(\w+?)_(?:xor_)?(?:(?:u?int|float|fix)(8|16|32|64)|(bool))(?:_vec)?$/.exec(syscall);
  if (m === null) return { syscall, key: undefined, cost: undefined };
  const op = m[1] as string;
  const width = m[3] !== undefined ? "1" : (m[2] as string);
  const key = `${aliases[op] ?? op}<${width}>`;
  return { syscall, key, cost: PROTOCOL_COSTS[key] };
}

/** The price of declassifying a value of a private data type of `bits` bits (1 for bool). */
export function priceDeclassify(bits: number): PricedSyscall {
  const key = `open<${bits}>`;
  return { syscall: "declassify", key, cost: PROTOCOL_COSTS[key] };
}

/** `mul<32>: 1 round, 8 B per element from each party (P1 8, P2 8, P3 8)`, as Markdown. */
export function describePrice(p: PricedSyscall): string {
  if (p.cost === undefined) return `\`${p.syscall}\`: cost unknown (no protocol in the cost table)`;
  const c = p.cost;
  const rounds = c.rounds === 0 ? "local (0 rounds)" : `${c.rounds} round${c.rounds === 1 ? "" : "s"}`;
  const bytes = c.bytesPerLane.map((b, i) => `P${i + 1} ${b}`).join(", ");
  return `\`${p.syscall}\` → protocol \`${p.key}\`: ${rounds}, bytes sent per element: ${bytes}`;
}
