/**
 * Questions about a module answered without running it: which syscalls it names,
 * and which of those neither the VM nor the given backends implement (so a runner
 * can warn or refuse before starting; executing an unknown syscall is a runtime
 * error anyway).
 */
import type { SecretBackend } from "./backend.js";
import type { Module } from "./bytecode.js";
import { BUILTIN_SYSCALLS } from "./builtin-syscalls.js";

/** Every syscall name the module's code names, sorted, once each. */
export function syscallNames(m: Module): string[] {
  const names = new Set<string>();
  for (const p of m.procedures) {
    for (const ins of p.code) {
      if (ins.op !== "syscall") continue;
      const c = m.constants[ins.args[0] as number];
      if (c?.kind === "string") names.add(c.value);
    }
  }
  return [...names].sort();
}

/**
 * The syscall names no one implements: not a VM built-in, and for `kind::name` no
 * backend of that kind (or "*") that says it supports the name. Backends without a
 * `supports` method are trusted.
 */
export function unsupportedSyscalls(m: Module, backends: readonly SecretBackend[]): string[] {
  return syscallNames(m).filter((name) => {
    const sep = name.indexOf("::");
    if (sep < 0) return !BUILTIN_SYSCALLS.has(name);
    const kind = name.slice(0, sep);
    const b = backends.find((x) => x.kind === kind) ?? backends.find((x) => x.kind === "*");
    if (b === undefined) return true;
    return b.supports !== undefined && !b.supports(name);
  });
}
