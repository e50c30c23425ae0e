/**
 * Semantic tokens: what TextMate cannot know. Variables and parameters holding
 * private values carry the custom modifier `secret` (editors can colour them
 * apart from public ones); domain and kind names are `namespace`, struct names
 * `struct`, kind data types (`xor_uint32`) `type`, template parameters
 * `typeParameter`, procedure names `function` (`defaultLibrary` when they come
 * from the standard library), struct fields `property`, and each `declassify`
 * gets the custom modifier `declassify`.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from "vscode-languageserver/node";
import type { AnySymbol, Type } from "../../compiler/semantic/index.js";
import type * as A from "../../compiler/syntax/ast.js";
import { walk } from "../../compiler/syntax/walk.js";
import { isLibraryFile, type Analysis } from "../analysis.js";

const tokenTypes = ["namespace", "type", "struct", "typeParameter", "parameter", "variable", "property", "function"] as const;
const tokenModifiers = ["declaration", "readonly", "defaultLibrary", "secret", "declassify"] as const;
type TokenType = (typeof tokenTypes)[number];
type TokenModifier = (typeof tokenModifiers)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

interface Token {
  readonly start: number;
  readonly length: number;
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

const secretIf = (t: Type | undefined): TokenModifier[] => (t && t.sec.tag === "domain" ? ["secret"] : []);

function symbolToken(analysis: Analysis, range: { start: number; end: number }, symbol: AnySymbol, declaration: boolean): Token | undefined {
  const decl: TokenModifier[] = declaration ? ["declaration"] : [];
  const length = range.end - range.start;
  switch (symbol.kind) {
    case "var":
      return { start: range.start, length, type: symbol.storage === "param" ? "parameter" : "variable", modifiers: [...decl, ...secretIf(symbol.type)] };
    case "proc": {
      const lib = isLibraryFile(analysis, symbol.module.file.path) ? (["defaultLibrary"] as TokenModifier[]) : [];
      return { start: range.start, length, type: "function", modifiers: [...decl, ...lib] };
    }
    case "domain":
    case "kind":
      return { start: range.start, length, type: "namespace", modifiers: decl };
    case "struct":
      return { start: range.start, length, type: "struct", modifiers: decl };
    case "quantifier":
      return { start: range.start, length, type: "typeParameter", modifiers: decl };
    default: {
      const never: never = symbol;
      return never;
    }
  }
}

function collect(analysis: Analysis): Token[] {
  const { references, declarations } = analysis.program.tables;
  const out: Token[] = [];
  const push = (t: Token | undefined): void => void (t && out.push(t));
  walk(analysis.module.ast, (n: A.Node) => {
    switch (n.kind) {
      case "Name": {
        const s = references.get(n);
        if (s) push(symbolToken(analysis, n, s, false));
        break;
      }
      case "Call": {
        const s = references.get(n.callee);
        if (s) push(symbolToken(analysis, n.callee, s, false));
        break;
      }
      case "Declarator":
      case "Param": {
        const s = declarations.get(n);
        if (s) push(symbolToken(analysis, n.name, s, true));
        break;
      }
      case "ProcDecl": {
        const s = declarations.get(n);
        if (s && n.form === "procedure") push(symbolToken(analysis, n.name, s, true));
        break;
      }
      case "DomainDecl":
      case "KindDecl":
        push({ start: n.name.start, length: n.name.end - n.name.start, type: "namespace", modifiers: ["declaration"] });
        break;
      case "StructDecl":
        push({ start: n.name.start, length: n.name.end - n.name.start, type: "struct", modifiers: ["declaration"] });
        break;
      case "TemplateParam":
        push({ start: n.name.start, length: n.name.end - n.name.start, type: "typeParameter", modifiers: ["declaration"] });
        break;
      case "DomainSecurity": {
        const s = references.get(n) ?? references.get(n.name);
        push(s ? symbolToken(analysis, n.name, s, false) : { start: n.name.start, length: n.name.end - n.name.start, type: "namespace", modifiers: [] });
        break;
      }
      case "NamedType": {
        const s = references.get(n) ?? references.get(n.name);
        push(s ? symbolToken(analysis, n.name, s, false) : { start: n.name.start, length: n.name.end - n.name.start, type: "type", modifiers: [] });
        break;
      }
      case "Member":
        push({ start: n.field.start, length: n.field.end - n.field.start, type: "property", modifiers: [] });
        break;
      case "Builtin":
        if (n.name === "declassify") push({ start: n.start, length: "declassify".length, type: "function", modifiers: ["declassify", "defaultLibrary"] });
        break;
      default:
        break;
    }
    return true;
  });
  return out.sort((a, b) => a.start - b.start);
}

/** The semantic tokens of the document, encoded for the protocol. */
export function semanticTokens(analysis: Analysis): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  let lastEnd = -1;
  for (const t of collect(analysis)) {
    if (t.start < lastEnd || t.length <= 0) continue;
    const { line, column } = analysis.file.lineColumn(t.start);
    const modifiers = t.modifiers.reduce((bits, m) => bits | (1 << tokenModifiers.indexOf(m)), 0);
    builder.push(line - 1, column - 1, t.length, tokenTypes.indexOf(t.type), modifiers);
    lastEnd = t.start + t.length;
  }
  return builder.build();
}
