/**
 * Signature help inside a call's parentheses: every overload and template of
 * the called name in scope (this module and its imports), with the parameter
 * being typed highlighted. The call is found in the text (the unmatched `(`
 * before the cursor and the commas at its depth), so it works while the call is
 * still incomplete and does not parse.
 */
import type { ParameterInformation, Position, SignatureHelp, SignatureInformation } from "vscode-languageserver/node";
import type { ModuleInfo } from "../../compiler/semantic/index.js";
import type * as A from "../../compiler/syntax/ast.js";
import type { Analysis } from "../analysis.js";
import { offsetAt } from "../positions.js";
import { docComment, procSignature } from "./describe.js";
import { scopeAt } from "./scope.js";

/** The callee name and the index of the argument at `offset`, read back from the text. */
function callAt(text: string, offset: number): { name: string; argument: number; open: number } | undefined {
  let depth = 0;
  let commas = 0;
  for (let i = offset - 1; i >= 0 && i > offset - 2000; i--) {
    const c = text[i];
    if (c === ")" || c === "]" || c === "}") depth++;
    else if (c === "(" || c === "[" || c === "{") {
      if (depth === 0) {
        if (c !== "(") return undefined;
        const m = /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(text.slice(Math.max(0, i - 100), i));
        return m ? { name: m[1] as string, argument: commas, open: i } : undefined;
      }
      depth--;
    } else if (c === "," && depth === 0) commas++;
    else if (c === ";" && depth === 0) return undefined;
  }
  return undefined;
}

function signatureOf(module: ModuleInfo, decl: A.ProcDecl): SignatureInformation {
  const text = module.file.text;
  const parameters: ParameterInformation[] = decl.params.map((p) => ({ label: text.slice(p.start, p.end).replace(/\s+/g, " ") }));
  return { label: procSignature(module, decl), parameters };
}

/** Signature help at a position, or null outside a call. */
export function signatureHelp(analysis: Analysis, position: Position): SignatureHelp | null {
  const offset = offsetAt(analysis.file, position);
  const call = callAt(analysis.file.text, offset);
  if (!call) return null;
  const candidates = scopeAt(analysis, offset).filter((e) => e.kind === "proc" && e.name === call.name);
  if (candidates.length === 0) return null;
  const signatures = candidates.map((e) => {
    const decl = e.decl as A.ProcDecl;
    const info = signatureOf(e.module, decl);
    const doc = e.symbol ? docComment(e.symbol) : undefined;
    return doc ? { ...info, documentation: doc } : info;
  });
  const active = Math.max(0, candidates.findIndex((e) => (e.decl as A.ProcDecl).params.length > call.argument));
  return { signatures, activeSignature: active, activeParameter: call.argument };
}
