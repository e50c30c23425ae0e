/**
 * The VS Code extension's static parts: the committed TextMate grammar is exactly
 * what the generator makes from the lexer's vocabulary (so they cannot drift),
 * its patterns are valid regular expressions that classify sample words as a
 * theme expects, and the extension manifest points at files that exist.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { grammarPath, grammarText } from "../../lsp/editors/vscode/grammar.js";

const extensionDir = join(import.meta.dirname, "..", "..", "lsp", "editors", "vscode");

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
}

function rules(): Record<string, Rule> {
  return (JSON.parse(readFileSync(grammarPath, "utf8")) as { repository: Record<string, Rule> }).repository;
}

/** The scope name the rules of a repository entry give to `text` matched as a whole. */
function scopeOf(rule: Rule, text: string): string | undefined {
  for (const r of rule.patterns ?? [rule]) {
    if (r.match !== undefined && new RegExp(`^(?:${r.match})$`).test(text)) return r.name;
  }
  return undefined;
}

describe("the VS Code extension", () => {
  it("ships the grammar generated from the lexer's keywords", () => {
    expect(readFileSync(grammarPath, "utf8")).toBe(grammarText());
  });

  it("has valid patterns that classify keywords, types, builtins and calls", () => {
    const repo = rules();
    for (const rule of Object.values(repo)) {
      for (const r of [rule, ...(rule.patterns ?? [])]) {
        for (const source of [r.match, r.begin, r.end]) if (source !== undefined) expect(() => new RegExp(source)).not.toThrow();
      }
    }
    expect(scopeOf(repo.keywords!, "while")).toBe("keyword.control.secrec");
    expect(scopeOf(repo.keywords!, "whilex")).toBeUndefined();
    expect(scopeOf(repo.keywords!, "domain")).toBe("keyword.other.secrec");
    expect(scopeOf(repo.keywords!, "__cref")).toBe("storage.modifier.secrec");
    expect(scopeOf(repo.keywords!, "declassify")).toBe("support.function.builtin.secrec");
    expect(scopeOf(repo.types!, "uint32")).toBe("storage.type.primitive.secrec");
    expect(scopeOf(repo.types!, "xor_uint32")).toBeUndefined();
    expect(new RegExp(repo.functions!.match!).exec("x = scale(a)")?.[0]).toBe("scale");
    expect(new RegExp(repo.functions!.match!).exec("if (a)")).toBeNull();
    expect(scopeOf(repo.numbers!, "0xFFu8")).toBe("constant.numeric.integer.secrec");
    expect(scopeOf(repo.numbers!, "1.5e3f64")).toBe("constant.numeric.float.secrec");
  });

  it("has a manifest whose language, grammar and configuration files exist", () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8")) as {
      main: string;
      activationEvents: string[];
      contributes: { languages: Array<{ id: string; extensions: string[]; configuration: string }>; grammars: Array<{ path: string; scopeName: string }> };
    };
    const [language] = manifest.contributes.languages;
    expect(language?.id).toBe("secrec");
    expect(language?.extensions).toEqual([".sc"]);
    expect(existsSync(join(extensionDir, language!.configuration))).toBe(true);
    expect(JSON.parse(readFileSync(join(extensionDir, language!.configuration), "utf8")).comments.lineComment).toBe("//");
    expect(existsSync(join(extensionDir, manifest.contributes.grammars[0]!.path))).toBe(true);
    expect(manifest.contributes.grammars[0]?.scopeName).toBe("source.secrec");
    expect(manifest.activationEvents).toEqual(["onLanguage:secrec"]);
    expect(readFileSync(join(extensionDir, "build.mjs"), "utf8")).toContain(`"out", "${manifest.main.replace("./out/", "")}"`);
  });
});
