/**
 * Template instantiation on demand (secrec-reference.md §3.6). A procedure instance
 * is created the first time overload resolution picks a (procedure, substitution)
 * pair and cached by the substitution's key, so each instantiation's body is checked
 * exactly once however many calls use it. The body is checked immediately, with its
 * diagnostics collected: if it has errors, one SC5005 diagnostic is reported at the
 * call site that caused the instantiation, with the inner errors as related spans
 * pointing into the template. Runaway recursive instantiation stops at
 * MAX_INSTANTIATION_DEPTH.
 */
import type { Label } from "../diagnostics/diagnostic.js";
import { Templates } from "../diagnostics/messages/templates.js";
import type { Span } from "../source/span.js";
import { checkInstanceBody } from "./check-decl.js";
import { MAX_INSTANTIATION_DEPTH, type Checker } from "./checker.js";
import type { Binding } from "./patterns.js";
import { bindingKey, instanceName } from "./patterns.js";
import type { ProcInstance, ProcSymbol } from "./symbols.js";
import { freshId } from "./symbols.js";
import type { Type } from "./types.js";

/** How many root causes an instantiation failure lists. */
const MAX_CAUSES = 8;

/** Instance names of deep recursive instantiations get long: keep messages readable. */
function shorten(name: string): string {
  return name.length <= 100 ? name : `${name.slice(0, 60)}…${name.slice(-30)}`;
}

/**
 * The only instance of a non-template procedure, for a use of it. Bodies of library
 * modules are not checked up front (index.ts checkPlainBodies): the first use
 * checks it, as for a template instance.
 */
export function usePlain(ck: Checker, proc: ProcSymbol): ProcInstance | undefined {
  const inst = proc.instances.get("");
  if (inst !== undefined && inst.state === "pending" && proc.module.library) checkInstanceBody(ck, inst);
  return inst;
}

/** Creates (without checking) the instance of `proc` for `bindings` with its concrete signature. */
export function makeInstance(proc: ProcSymbol, bindings: readonly Binding[], params: readonly Type[], ret: Type): ProcInstance {
  const inst: ProcInstance = {
    id: freshId(),
    proc,
    bindings,
    params,
    ret,
    paramSymbols: [],
    body: undefined,
    state: "pending",
    displayName: instanceName(proc.name, bindings),
  };
  proc.instances.set(bindingKey(bindings), inst);
  return inst;
}

/**
 * The instance of template `proc` for `bindings` (params/ret already substituted by
 * the resolver), checking its body on first use. `site` is the call that needs it.
 */
export function instantiate(
  ck: Checker,
  proc: ProcSymbol,
  bindings: readonly Binding[],
  params: readonly Type[],
  ret: Type,
  site: Span,
): ProcInstance {
  const existing = proc.instances.get(bindingKey(bindings));
  if (existing) return existing;
  const inst = makeInstance(proc, bindings, params, ret);
  if (ck.depth >= MAX_INSTANTIATION_DEPTH) {
    inst.state = "failed";
    ck.report(Templates.instantiationDepth.at(site, shorten(inst.displayName)));
    return inst;
  }
  ck.depth++;
  const { diagnostics } = ck.collect(() => checkInstanceBody(ck, inst));
  ck.depth--;
  const errors = diagnostics.filter((d) => d.severity === "error");
  for (const d of diagnostics) if (d.severity !== "error") ck.report(d);
  if (errors.length > 0) {
    inst.state = "failed";
    const causes: Label[] = [];
    for (const d of errors) {
      // a nested instantiation failure already lists its root causes: lift them
      if (d.code === Templates.instantiationFailed.code) causes.push(...d.related);
      else if (d.span) causes.push({ span: d.span, message: `${d.code}: ${d.message}` });
    }
    const shown = causes.slice(0, MAX_CAUSES);
    const notes = [`in the body of \`${shorten(inst.displayName)}\``];
    if (causes.length > shown.length) notes.push(`and ${causes.length - shown.length} more error(s)`);
    ck.report(
      Templates.instantiationFailed.with(site, { label: "required by this use", related: shown, notes }, shorten(inst.displayName)),
    );
  }
  return inst;
}
