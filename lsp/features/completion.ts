/**
 * Completion: after `x.` the fields of x's struct type; elsewhere the names in
 * scope (locals, parameters, template parameters, globals, procedures of this
 * module and its imports), domain, kind, struct and data type names, and the
 * keywords of the language (from the lexer's token vocabulary, so the list
 * cannot drift from the grammar).
 */
import { CompletionItemKind, type CompletionItem, type Position } from "vscode-languageserver/node";
import type { Type } from "../../compiler/semantic/index.js";
import { typeName } from "../../compiler/semantic/types.js";
import { keywords, primitiveTypeNames } from "../../compiler/syntax/tokens.js";
import type { Analysis } from "../analysis.js";
import { offsetAt } from "../positions.js";
import { symbolSignature } from "./describe.js";
import { scopeAt, type ScopeEntry, type ScopeEntryKind } from "./scope.js";

const itemKinds: Record<ScopeEntryKind, CompletionItemKind> = {
  local: CompletionItemKind.Variable,
  param: CompletionItemKind.Variable,
  template: CompletionItemKind.TypeParameter,
  global: CompletionItemKind.Variable,
  proc: CompletionItemKind.Function,
  struct: CompletionItemKind.Struct,
  domain: CompletionItemKind.Module,
  kind: CompletionItemKind.Module,
};

function entryItem(e: ScopeEntry): CompletionItem {
  const detail = e.symbol ? symbolSignature(e.symbol) : `${e.kind} ${e.name}`;
  return { label: e.name, kind: itemKinds[e.kind], detail, sortText: `1${e.name}` };
}

/** The type of `name` as seen at `offset` (a variable in scope). */
function typeOfName(analysis: Analysis, offset: number, name: string): Type | undefined {
  const entry = scopeAt(analysis, offset).find((e) => e.name === name && e.symbol?.kind === "var");
  return entry?.symbol?.kind === "var" ? entry.symbol.type : undefined;
}

/** Fields after `a.b.` : the receiver chain is read back from the text. */
function memberItems(analysis: Analysis, offset: number, receiver: string): CompletionItem[] {
  const [first, ...path] = receiver.split(".");
  let t = first === undefined ? undefined : typeOfName(analysis, offset, first);
  for (const field of path) {
    if (t?.data.tag !== "struct") return [];
    t = t.data.instance.fields.find((f) => f.name === field)?.type;
  }
  if (t?.data.tag !== "struct") return [];
  return t.data.instance.fields.map((f) => ({ label: f.name, kind: CompletionItemKind.Field, detail: `${typeName(f.type)} ${f.name}` }));
}

function typeNameItems(analysis: Analysis): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (label: string, kind: CompletionItemKind, detail: string): void => {
    if (seen.has(label)) return;
    seen.add(label);
    items.push({ label, kind, detail, sortText: `2${label}` });
  };
  for (const d of analysis.program.domains) add(d.name, CompletionItemKind.Module, `domain ${d.name} ${d.kindSym?.name ?? ""}`.trim());
  for (const k of analysis.program.kinds) {
    add(k.name, CompletionItemKind.Module, `kind ${k.name}`);
    for (const t of k.types.values()) if (t.data.tag === "user") add(t.name, CompletionItemKind.TypeParameter, `data type of kind ${k.name}`);
  }
  for (const p of primitiveTypeNames) add(p, CompletionItemKind.Keyword, "primitive data type");
  return items;
}

/** Completion items at a position. */
export function completion(analysis: Analysis, position: Position): CompletionItem[] {
  const offset = offsetAt(analysis.file, position);
  const before = analysis.file.text.slice(Math.max(0, offset - 200), offset);
  const member = /([A-Za-z_][A-Za-z0-9_]*(?:\s*\.\s*[A-Za-z_][A-Za-z0-9_]*)*)\s*\.\s*[A-Za-z_0-9]*$/.exec(before);
  if (member) return memberItems(analysis, offset, (member[1] as string).replace(/\s+/g, ""));
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const e of scopeAt(analysis, offset)) {
    if (seen.has(e.name)) continue;
    seen.add(e.name);
    items.push(entryItem(e));
  }
  for (const item of typeNameItems(analysis)) if (!seen.has(item.label)) items.push(item);
  for (const k of keywords) if (!primitiveTypeNames.includes(k)) items.push({ label: k, kind: CompletionItemKind.Keyword, sortText: `3${k}` });
  return items;
}
