/**
 * Names visible at an offset of the document, for completion and signature help:
 * locals declared earlier in enclosing blocks, parameters and template
 * parameters of the enclosing procedure, and the top-level declarations of the
 * document's module and of the modules it imports. Each name comes with the
 * symbol the checker recorded for its declaration when there is one.
 */
import type { AnySymbol, ModuleInfo } from "../../compiler/semantic/index.js";
import type * as A from "../../compiler/syntax/ast.js";
import { walk } from "../../compiler/syntax/walk.js";
import type { Analysis } from "../analysis.js";
import { nodesAt } from "../positions.js";

export type ScopeEntryKind = "local" | "param" | "template" | "global" | "proc" | "struct" | "domain" | "kind";

export interface ScopeEntry {
  readonly name: string;
  readonly kind: ScopeEntryKind;
  readonly symbol: AnySymbol | undefined;
  readonly module: ModuleInfo;
  readonly decl: A.Node;
}

function topLevel(analysis: Analysis, m: ModuleInfo, out: ScopeEntry[]): void {
  const { declarations } = analysis.program.tables;
  for (const d of m.ast.decls) {
    switch (d.kind) {
      case "ProcDecl":
        if (d.form === "procedure") out.push({ name: d.name.name, kind: "proc", symbol: declarations.get(d), module: m, decl: d });
        break;
      case "VarDecl":
        for (const x of d.declarators) out.push({ name: x.name.name, kind: "global", symbol: declarations.get(x), module: m, decl: x });
        break;
      case "StructDecl":
        out.push({ name: d.name.name, kind: "struct", symbol: declarations.get(d), module: m, decl: d });
        break;
      case "DomainDecl":
        out.push({ name: d.name.name, kind: "domain", symbol: declarations.get(d), module: m, decl: d });
        break;
      case "KindDecl":
        out.push({ name: d.name.name, kind: "kind", symbol: declarations.get(d), module: m, decl: d });
        break;
      case "ErrorDecl":
        break;
      default: {
        const never: never = d;
        return never;
      }
    }
  }
}

/** Locals of `proc` declared before `offset` in blocks that enclose it. */
function locals(analysis: Analysis, module: ModuleInfo, proc: A.ProcDecl, offset: number, out: ScopeEntry[]): void {
  const { declarations } = analysis.program.tables;
  for (const p of proc.template?.params ?? []) out.push({ name: p.name.name, kind: "template", symbol: undefined, module, decl: p });
  for (const p of proc.params) out.push({ name: p.name.name, kind: "param", symbol: declarations.get(p), module, decl: p });
  walk(proc.body, (n) => {
    if (n.start > offset) return false;
    if (n.kind === "Block" || n.kind === "For") {
      if (n.end < offset) return false;
    }
    if (n.kind === "Declarator" && n.end <= offset) out.push({ name: n.name.name, kind: "local", symbol: declarations.get(n), module, decl: n });
    return true;
  });
}

/** Everything visible at `offset`; inner names first, so they shadow outer ones. */
export function scopeAt(analysis: Analysis, offset: number): ScopeEntry[] {
  const out: ScopeEntry[] = [];
  const chain = nodesAt(analysis.module.ast, offset);
  const proc = chain.find((n): n is A.ProcDecl => n.kind === "ProcDecl");
  if (proc) locals(analysis, analysis.module, proc, offset, out);
  out.reverse();
  topLevel(analysis, analysis.module, out);
  for (const m of analysis.module.imports) topLevel(analysis, m, out);
  return out;
}
