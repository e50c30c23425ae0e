/**
 * Generates the TextMate grammar (syntaxes/secrec.tmLanguage.json) from the
 * lexer's vocabulary (compiler/syntax/tokens.ts), so highlighting and the lexer
 * cannot drift: every reserved word must be classified below (control, declaration,
 * modifier, constant, built-in or primitive type) and every classified word must
 * be a reserved word, or generation fails. Run: `npx tsx lsp/editors/vscode/grammar.ts`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { keywords, primitiveTypeNames } from "../../../compiler/syntax/tokens.js";

/** Reserved words by grammar scope (primitive types come from the lexer's own list). */
const classes = {
  "keyword.control.secrec": ["if", "else", "for", "while", "do", "return", "break", "continue", "assert"],
  "keyword.other.secrec": ["import", "module", "kind", "domain", "template", "struct", "type", "dim", "operator", "cast", "void", "print"],
  "storage.modifier.secrec": ["public", "__ref", "__cref", "__return", "__readonly"],
  "constant.language.secrec": ["true", "false"],
  "support.function.builtin.secrec": [
    "declassify", "size", "shape", "reshape", "cat", "tostring", "strlen",
    "__domainid", "__bytes_from_string", "__string_from_bytes", "__fpu_state", "__set_fpu_state", "__syscall",
  ],
} as const;

/** Checks the classification against the lexer's keyword list. */
export function checkClassification(): void {
  const classified: string[] = [...Object.values(classes).flat(), ...primitiveTypeNames];
  const unknown = classified.filter((w) => !keywords.includes(w));
  const missing = keywords.filter((w) => !classified.includes(w));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(`grammar classification out of date: not keywords [${unknown.join(", ")}], unclassified [${missing.join(", ")}]`);
  }
}

const words = (list: readonly string[]): string => `\\b(?:${[...list].sort((a, b) => b.length - a.length).join("|")})\\b`;

/** The grammar as a JSON-ready object. */
export function buildGrammar(): Record<string, unknown> {
  checkClassification();
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "SecreC",
    scopeName: "source.secrec",
    fileTypes: ["sc"],
    patterns: [
      { include: "#comments" },
      { include: "#strings" },
      { include: "#numbers" },
      { include: "#annotations" },
      { include: "#keywords" },
      { include: "#types" },
      { include: "#functions" },
      { include: "#operators" },
    ],
    repository: {
      comments: {
        patterns: [
          { name: "comment.block.documentation.secrec", begin: "/\\*\\*(?!/)", end: "\\*/" },
          { name: "comment.block.secrec", begin: "/\\*", end: "\\*/" },
          { name: "comment.line.double-slash.secrec", match: "//.*$" },
        ],
      },
      strings: {
        name: "string.quoted.double.secrec",
        begin: '"',
        end: '"|$',
        patterns: [
          { name: "constant.character.escape.secrec", match: "\\\\." },
          { name: "variable.other.interpolated.secrec", match: "\\$[A-Za-z_][A-Za-z0-9_]*" },
        ],
      },
      numbers: {
        patterns: [
          { name: "constant.numeric.float.secrec", match: "\\b[0-9]+(?:\\.[0-9]*(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)(?:f32|f64)?\\b" },
          { name: "constant.numeric.integer.secrec", match: "\\b(?:0[xX][0-9A-Fa-f]+|0[bB][01]+|0[oO][0-7]+|[0-9]+)(?:[ui](?:8|16|32|64)|f32|f64)?\\b" },
        ],
      },
      annotations: { name: "storage.type.annotation.secrec", match: "@[A-Za-z_][A-Za-z0-9_]*" },
      keywords: {
        patterns: Object.entries(classes).map(([name, list]) => ({ name, match: words(list) })),
      },
      types: { name: "storage.type.primitive.secrec", match: words(primitiveTypeNames) },
      functions: {
        name: "entity.name.function.secrec",
        match: `\\b(?!${words(keywords).slice(2, -2)}\\b)[A-Za-z_][A-Za-z0-9_]*(?=\\s*\\()`,
      },
      operators: {
        patterns: [
          { name: "keyword.operator.type-annotation.secrec", match: "::" },
          { name: "keyword.operator.secrec", match: "<<|>>|<=|>=|==|!=|&&|\\|\\||\\+\\+|--|[-+*/%&|^]=?|[<>!~?:=]" },
        ],
      },
    },
  };
}

/** The grammar file's text. */
export function grammarText(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

export const grammarPath = join(import.meta.dirname, "syntaxes", "secrec.tmLanguage.json");

if (process.argv[1] !== undefined && /grammar\.ts$/.test(process.argv[1])) {
  writeFileSync(grammarPath, grammarText());
  process.stdout.write(`wrote ${grammarPath}\n`);
}
