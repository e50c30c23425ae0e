/**
 * Load-time check of a program against the three-party runtime: every protection
 * domain must be of kind shared3p (the only kind with a protocol suite), and every
 * shared3p syscall and private type in procedures reachable from `main` and the
 * global initialiser must have its protocols. Unreachable library code is not
 * checked, so a program is refused only for operations it can actually execute.
 */
import type { Module } from "../../vm/bytecode.js";
import { shareTypeOf } from "./share-types.js";
import { syscallStatus } from "./syscalls.js";

/** Problems, each a complete sentence; empty when the program can run. */
export function checkProgram(m: Module): string[] {
  const problems: string[] = [];
  for (const d of m.domains) {
    const kind = m.kinds[d.kind]?.name ?? "?";
    if (kind !== "shared3p") problems.push(`the three-party runtime has no protocol suite for kind "${kind}" (protection domain "${d.name}"); run it with --emulate`);
  }
  const seen = new Set<string>();
  for (const p of reachable(m)) {
    for (const ins of m.procedures[p]!.code) {
      let what: string | undefined;
      let why: string | null = null;
      if (ins.op === "syscall") {
        what = stringConstant(m, ins.args[0] as number);
        if (what === undefined || !what.startsWith("shared3p::")) continue;
        why = syscallStatus(what);
      } else if (ins.op === "pnew" || ins.op === "classify") {
        const tname = stringConstant(m, ins.args[1] as number);
        const kind = m.kinds[m.domains[ins.args[0] as number]?.kind ?? -1]?.name;
        if (tname === undefined || kind !== "shared3p" || shareTypeOf(tname) !== undefined) continue;
        what = `private ${tname} values`;
        why = "no protocols for this type yet";
      }
      if (what === undefined || why === null || seen.has(what)) continue;
      seen.add(what);
      problems.push(`not available in the three-party runtime yet: ${what} (${why})`);
    }
  }
  return problems;
}

function stringConstant(m: Module, k: number): string | undefined {
  const c = m.constants[k];
  return c !== undefined && c.kind === "string" ? c.value : undefined;
}

/** Procedure indices reachable from main and init through `call`. */
function reachable(m: Module): number[] {
  const seen = new Set<number>();
  const work = [m.main, ...(m.init >= 0 ? [m.init] : [])];
  while (work.length > 0) {
    const p = work.pop()!;
    if (seen.has(p) || m.procedures[p] === undefined) continue;
    seen.add(p);
    for (const ins of m.procedures[p]!.code) if (ins.op === "call") work.push(ins.args[0] as number);
  }
  return [...seen].sort((a, b) => a - b);
}
