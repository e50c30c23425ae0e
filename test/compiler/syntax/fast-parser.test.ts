/**
 * The fast parse path (fast-lexer.ts, fast-parser.ts) agrees with the chevrotain
 * parser: on every .sc file of the repository and on generated programs, whenever the
 * fast path yields a tree, the chevrotain parser reports nothing and builds the same
 * tree (every field and offset); a clean file never makes the fast path give up; a
 * file with errors always does (its diagnostics come from the chevrotain parser).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../compiler/source/source-file.js";
import type * as A from "../../../compiler/syntax/ast.js";
import { fastLex } from "../../../compiler/syntax/fast-lexer.js";
import { fastParseModule } from "../../../compiler/syntax/fast-parser.js";
import { tokenTypeOf } from "../../../compiler/syntax/token-kinds.js";
import { lex, parseModule, parseModuleWithRecovery } from "../../../compiler/syntax/index.js";
import { printModule } from "../../../compiler/syntax/print.js";
import { module as moduleGen } from "./generators.js";
import { where } from "./helpers.js";

const root = join(import.meta.dirname, "..", "..", "..");

function scFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) scFiles(p, out);
    else if (e.name.endsWith(".sc")) out.push(p);
  }
  return out;
}

/** The fast path's tree (comments included, as parseModule returns it), or undefined when it gives up. */
function fastTree(file: SourceFile): A.Module | undefined {
  const tokens = fastLex(file.text);
  if (tokens === undefined) return undefined;
  const m = fastParseModule(file, tokens);
  return m === undefined ? undefined : { ...m, comments: tokens.comments };
}

/** Checks one source: the outcome of both parsers, as a short label. */
function compare(path: string, text: string): "fast" | "errors" {
  const file = new SourceFile(path, text);
  const slow = parseModuleWithRecovery(file);
  const fast = fastTree(file);
  if (slow.diagnostics.length > 0) {
    expect(fast, `${path}: the fast path accepted a file with errors ${where(slow.diagnostics).join(" ")}`).toBeUndefined();
    return "errors";
  }
  expect(fast, `${path}: the fast path gave up on a clean file`).toBeDefined();
  expect(fast).toStrictEqual(slow.module);
  return "fast";
}

describe("fast parse path", () => {
  it("builds the chevrotain parser's tree for every .sc file of the repository", () => {
    const files = scFiles(root);
    expect(files.length).toBeGreaterThan(20);
    const outcomes = files.map((f) => compare(f, readFileSync(f, "utf8")));
    // the library and examples are clean, so most files take the fast path
    expect(outcomes.filter((o) => o === "fast").length).toBeGreaterThan(files.length / 2);
  });

  it("agrees on generated modules, printed", () => {
    fc.assert(
      fc.property(moduleGen, (m) => {
        expect(compare("gen.sc", printModule(m))).toBe("fast");
      }),
      { numRuns: 150 },
    );
  });

  it("agrees on edge cases: empty input, only trivia, non-ASCII text in strings and comments", () => {
    const clean = [
      "",
      "\uFEFF",
      "// only a comment",
      "/* c */\n/**/",
      'void main() { string s = "é😀 $x\\n"; } // ünïcode 😀',
      "void main() { x = a<<b>>c; y = (T) (-x); z = (int32) -x; }",
      "template <type T> struct pair { T a; T b; }\nvoid main() { pair<int32> p; pair<pair<int32>> q; }",
      `void main() { x = ${"(".repeat(40)}1${")".repeat(40)}; }`,
    ];
    for (const text of clean) expect(compare("edge.sc", text), text).toBe("fast");
  });

  it("gives up on every file with errors, and parseModule then reports them", () => {
    const broken = [
      "void main() { int x = ; }",
      "void main() { x = 1 }\n",
      "void main() { if (a < b < c) {} }",
      "void main() { uint8 x = 300u8; }",
      "struct s { int x; };",
      "void f() {} ;",
      "kind k { type int; };",
      "import a;\nvoid main() {}\nimport b;",
      "@unknown void f() {}",
      "void x;",
      "void main() { x = 1 :: ; }",
      "int[[300]] x;",
      "void main() { string s = \"abc; }",
      "/* open",
      "void main() { # }",
      "void main() {\n  int x;\nvoid g() {}",
      "}",
      `void main() { x = ${"(".repeat(70)}1${")".repeat(70)}; }`,
      `void main() { x = ${"- ".repeat(70)}1; }`,
      "int f(int x) { return x; } f;",
      "template <domain D> D int f() { return 0; } module m;",
    ];
    for (const text of broken) expect(compare("broken.sc", text), text).toBe("errors");
    const r = parseModule(new SourceFile("broken.sc", "void main() { int x = ; }"));
    expect(where(r.diagnostics)).toEqual(where(parseModuleWithRecovery(new SourceFile("broken.sc", "void main() { int x = ; }")).diagnostics));
    expect(r.diagnostics[0]?.code).toBe("SC1101");
  });

  it("with lazy bodies, builds the same tree once the bodies are read (every library module)", () => {
    const lib = join(root, "stdlib");
    for (const name of readdirSync(lib).filter((f) => f.endsWith(".sc"))) {
      const file = new SourceFile(join(lib, name), readFileSync(join(lib, name), "utf8"));
      const lazy = parseModule(file, { lazyBodies: true });
      expect(lazy.diagnostics).toEqual([]);
      expect(lazy.module, name).toStrictEqual(parseModuleWithRecovery(file).module);
    }
  });

  it("with lazy bodies, matches braces only: a broken body fails when it is read, naming its position", () => {
    const file = new SourceFile("lib.sc", "void f() { if (true) { int x = ; } }\nint g() { return 1; }\n");
    const { module, diagnostics } = parseModule(file, { lazyBodies: true });
    expect(diagnostics).toEqual([]);
    const [f, g] = module.decls as A.ProcDecl[];
    expect(g?.body.stmts.map((s) => s.kind)).toEqual(["Return"]);
    expect(f?.end).toBe(36);
    expect(() => f?.body.stmts).toThrow("lib.sc:1:10: this procedure body has a syntax error");
    // unbalanced braces are a syntax error of the module itself, found at once
    expect(parseModule(new SourceFile("lib.sc", "void f() { { }"), { lazyBodies: true }).diagnostics.length).toBeGreaterThan(0);
  });

  it("lexes exactly like the chevrotain lexer", () => {
    const text = [
      "a<<=b >>c <= >= == != && || ++ -- += -= *= /= %= &= |= ^= :: : , ; . ( ) [ ] { } @ ! ~ ?",
      "do domain domainx dox _x __syscall __syscallx int8 int8x xor_uint32 True",
      "1 1. 1.5 1.5e3 1e5 1e 1.5e 12e+ 0x1F 0x1e5 1.e5 12u32 1f32 007 1.2.3 .5",
      '"a\\"b" "x$y" // line',
      "/* block\n */ /**/ x / y /= z",
      "\uFEFF\t\f\v\r\n end",
    ].join("\n");
    const file = new SourceFile("lex.sc", text);
    const chev = lex(file);
    const fast = fastLex(text);
    expect(fast).toBeDefined();
    const got = [];
    for (let i = 0; i < fast!.count; i++) got.push(`${tokenTypeOf(fast!.kinds[i]!).name}:${fast!.starts[i]}-${fast!.ends[i]}`);
    expect(got).toEqual(chev.tokens.map((t) => `${t.tokenType.name}:${t.startOffset}-${t.startOffset + t.image.length}`));
    expect(fast!.comments).toEqual(chev.comments);
    for (const bad of ["a # b", '"open', "/* open", "é"]) expect(fastLex(bad)).toBeUndefined();
  });
});
