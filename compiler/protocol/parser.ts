/**
 * Tripl parser: recursive descent over the lexer's tokens, producing the AST of
 * ast.ts. On a syntax error it reports one diagnostic and resumes at the next
 * top-level `proto` or `export`.
 *
 * A name directly followed by `<` starts static arguments only if it names a protocol
 * of the file or a builtin (lift, low, ones, rnd, zs, xzs, A, X); otherwise `<` is
 * a comparison. Static arguments are parsed at shift level, so `>` closes them.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Protocol } from "../diagnostics/messages/protocol.js";
import type { SourceFile } from "../source/source-file.js";
import type { BinaryOp, ExportDecl, Expr, Param, Pattern, ProtoDecl, SharePart, StaticParam, Stmt, TriplFile, TypeExpr } from "./ast.js";
import { lex, type Token } from "./lexer.js";

const BUILTIN_GENERICS = new Set(["lift", "low", "ones", "rnd", "zs", "xzs", "A", "X", "pad", "spread"]);

class ParseError extends Error {}

/** Binary operator precedence levels, loosest first. */
const LEVELS: readonly (readonly BinaryOp[])[] = [["||"], ["&&"], ["==", "!=", "<", "<=", ">", ">="], ["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "%"]];
const SHIFT_LEVEL = 6;

class Parser {
  private pos = 0;
  private readonly generics: Set<string>;

  constructor(
    private readonly file: SourceFile,
    private readonly tokens: Token[],
    private readonly diagnostics: Diagnostic[],
    known: Iterable<string>,
  ) {
    this.generics = new Set([...BUILTIN_GENERICS, ...known]);
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i]?.text === "proto" && tokens[i + 1]?.kind === "ident") this.generics.add(tokens[i + 1]?.text as string);
    }
  }

  private get tok(): Token {
    return this.tokens[this.pos] as Token;
  }

  private peek(k = 1): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)] as Token;
  }

  private is(text: string): boolean {
    return this.tok.kind !== "eof" && this.tok.text === text;
  }

  private eat(text: string): boolean {
    if (this.is(text)) {
      this.pos++;
      return true;
    }
    return false;
  }

  private fail(what: string): never {
    const t = this.tok;
    const found = t.kind === "eof" ? "end of file" : `'${t.text}'`;
    this.diagnostics.push(Protocol.expected.at({ file: this.file, start: t.start, end: Math.max(t.end, t.start + (t.kind === "eof" ? 0 : 1)) }, what, found));
    throw new ParseError(what);
  }

  private expect(text: string): Token {
    const t = this.tok;
    if (!this.eat(text)) this.fail(`'${text}'`);
    return t;
  }

  private ident(what = "a name"): Token {
    const t = this.tok;
    if (t.kind !== "ident") this.fail(what);
    this.pos++;
    return t;
  }

  private atEnd(): boolean {
    return this.tok.kind === "eof";
  }

  private get lastEnd(): number {
    return (this.tokens[this.pos - 1] as Token).end;
  }

  // file := (proto | export)*
  parseFile(): TriplFile {
    const protos: ProtoDecl[] = [];
    const exports: ExportDecl[] = [];
    while (this.tok.kind !== "eof") {
      try {
        if (this.is("proto")) protos.push(this.proto());
        else if (this.is("export")) exports.push(this.exportDecl());
        else this.fail("'proto' or 'export'");
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        this.pos++;
        while (!this.atEnd() && !this.is("proto") && !this.is("export")) this.pos++;
      }
    }
    return { protos, exports };
  }

  // proto := 'proto' IDENT ('<' sparam,* '>')? '(' param,* ')' '->' type block
  private proto(): ProtoDecl {
    const start = this.tok.start;
    const doc = this.tok.doc;
    this.expect("proto");
    const name = this.ident("a protocol name");
    const statics: StaticParam[] = [];
    if (this.eat("<")) {
      do {
        const p = this.ident("a static parameter");
        let sort: "Nat" | "Party" = "Nat";
        if (this.eat(":")) {
          const s = this.ident("'Nat' or 'Party'");
          if (s.text !== "Nat" && s.text !== "Party") {
            this.pos--;
            this.fail("'Nat' or 'Party'");
          }
          sort = s.text;
        }
        statics.push({ name: p.text, sort, start: p.start, end: this.lastEnd });
      } while (this.eat(","));
      this.expect(">");
    }
    this.expect("(");
    const params: Param[] = [];
    if (!this.is(")")) {
      do {
        const p = this.ident("a parameter name");
        this.expect(":");
        const type = this.type();
        params.push({ name: p.text, type, start: p.start, end: this.lastEnd });
      } while (this.eat(","));
    }
    this.expect(")");
    this.expect("->");
    const result = this.type();
    const body = this.block();
    return { kind: "proto", name: name.text, nameRange: name, statics, params, result, body, doc, start, end: this.lastEnd };
  }

  // export := 'export' IDENT '<' expr,* '>' ('for' IDENT 'in' expr (',' IDENT 'in' expr)*)?
  private exportDecl(): ExportDecl {
    const start = this.tok.start;
    this.expect("export");
    const name = this.ident("a protocol name");
    const statics: Expr[] = [];
    if (this.eat("<")) {
      do statics.push(this.binary(SHIFT_LEVEL));
      while (this.eat(","));
      this.expect(">");
    }
    const loops: { variable: string; values: Expr }[] = [];
    if (this.eat("for")) {
      do {
        const v = this.ident("a loop variable");
        this.expect("in");
        loops.push({ variable: v.text, values: this.expr() });
      } while (this.eat(","));
    }
    return { kind: "export", name: name.text, nameRange: name, statics, loops, start, end: this.lastEnd };
  }

  // type := A<e> | X<e> | Pub<e> | B | Key | Z<e> @ party | '(' type,* ')'
  private type(): TypeExpr {
    const start = this.tok.start;
    if (this.eat("(")) {
      const items: TypeExpr[] = [];
      do items.push(this.type());
      while (this.eat(","));
      this.expect(")");
      return { kind: "tuple", items, start, end: this.lastEnd };
    }
    const t = this.ident("a type");
    switch (t.text) {
      case "B":
      case "Key":
        return { kind: t.text, start, end: t.end };
      case "A":
      case "X":
      case "Pub":
      case "Z": {
        this.expect("<");
        const width = this.binary(SHIFT_LEVEL);
        this.expect(">");
        if (t.text !== "Z") return { kind: t.text, width, start, end: this.lastEnd };
        this.expect("@");
        const holder = this.postfix();
        return { kind: "Z", width, holder, start, end: this.lastEnd };
      }
      default:
        this.pos--;
        return this.fail("a type (A, X, B, Z, Pub, Key)");
    }
  }

  // block := '{' stmt* '}'
  private block(): Stmt[] {
    this.expect("{");
    const out: Stmt[] = [];
    while (!this.is("}")) {
      if (this.tok.kind === "eof") this.fail("'}'");
      out.push(this.stmt());
    }
    this.expect("}");
    return out;
  }

  private stmt(): Stmt {
    const start = this.tok.start;
    if (this.eat("let")) {
      const pattern = this.pattern();
      this.expect("=");
      const value = this.expr();
      return { kind: "let", pattern, value, start, end: this.lastEnd };
    }
    if (this.eat("var")) {
      const name = this.ident();
      this.expect("=");
      const value = this.expr();
      return { kind: "var", name: name.text, value, start, end: this.lastEnd };
    }
    if (this.eat("each")) {
      const v = this.ident("a party variable");
      const body = this.block();
      return { kind: "each", variable: v.text, body, start, end: this.lastEnd };
    }
    if (this.eat("at")) {
      const parties: Expr[] = [];
      do parties.push(this.binary(SHIFT_LEVEL + 1));
      while (this.eat(","));
      const body = this.block();
      return { kind: "atParties", parties, body, start, end: this.lastEnd };
    }
    if (this.eat("return")) {
      const value = this.expr();
      return { kind: "return", value, start, end: this.lastEnd };
    }
    if (this.eat("static")) {
      if (this.eat("for")) {
        const pattern = this.pattern();
        this.expect("in");
        const iterable = this.expr();
        const body = this.block();
        return { kind: "staticFor", pattern, iterable, body, start, end: this.lastEnd };
      }
      if (this.is("if")) return this.staticIf(start);
      return this.fail("'for' or 'if' after 'static'");
    }
    if (this.tok.kind === "ident" && this.peek().text === "=") {
      const name = this.ident();
      this.expect("=");
      const value = this.expr();
      return { kind: "assign", name: name.text, value, start, end: this.lastEnd };
    }
    return this.fail("a statement");
  }

  // static-if := 'if' expr block ('else' (block | 'static'? static-if))?
  private staticIf(start: number): Stmt {
    this.expect("if");
    const condition = this.expr();
    const then = this.block();
    let otherwise: Stmt[] = [];
    if (this.eat("else")) {
      if (this.is("if") || (this.is("static") && this.peek().text === "if")) {
        const s = this.tok.start;
        this.eat("static");
        otherwise = [this.staticIf(s)];
      } else otherwise = this.block();
    }
    return { kind: "staticIf", condition, then, otherwise, start, end: this.lastEnd };
  }

  // pattern := IDENT | '(' pattern,* ')'
  private pattern(): Pattern {
    const start = this.tok.start;
    if (this.eat("(")) {
      const items: Pattern[] = [];
      do items.push(this.pattern());
      while (this.eat(","));
      this.expect(")");
      return { kind: "tuple", items, start, end: this.lastEnd };
    }
    const t = this.ident("a name or '('");
    return { kind: "bind", name: t.text, start, end: t.end };
  }

  expr(): Expr {
    return this.binary(0);
  }

  // binary levels: || && comparisons | ^ & shifts additive multiplicative
  private binary(level: number): Expr {
    if (level >= LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    const ops = LEVELS[level] as readonly BinaryOp[];
    for (;;) {
      const t = this.tok;
      if (t.kind !== "punct" || !ops.includes(t.text as BinaryOp)) return left;
      this.pos++;
      const right = this.binary(level + 1);
      left = { kind: "binary", op: t.text as BinaryOp, left, right, start: left.start, end: right.end };
    }
  }

  // unary := ('-' | '~' | '!') unary | postfix
  private unary(): Expr {
    const t = this.tok;
    if (this.eat("-") || this.eat("~") || this.eat("!")) {
      const operand = this.unary();
      return { kind: "unary", op: t.text as "-" | "~" | "!", operand, start: t.start, end: operand.end };
    }
    return this.postfix();
  }

  // postfix := primary ('@' primary)*
  private postfix(): Expr {
    let e = this.primary();
    while (this.eat("@")) {
      const party = this.primary();
      e = { kind: "at", value: e, party, start: e.start, end: party.end };
    }
    return e;
  }

  private args(): Expr[] {
    this.expect("(");
    const out: Expr[] = [];
    if (!this.is(")")) {
      do out.push(this.expr());
      while (this.eat(","));
    }
    this.expect(")");
    return out;
  }

  private primary(): Expr {
    const t = this.tok;
    const start = t.start;
    if (t.kind === "int") {
      this.pos++;
      const clean = t.text.replace(/_/g, "");
      let value: bigint;
      try {
        value = BigInt(clean);
      } catch {
        this.pos--;
        return this.fail("an integer literal");
      }
      return { kind: "int", value, start, end: t.end };
    }
    if (this.eat("(")) {
      const items: Expr[] = [this.expr()];
      while (this.eat(",")) items.push(this.expr());
      this.expect(")");
      return items.length === 1 ? (items[0] as Expr) : { kind: "tuple", items, start, end: this.lastEnd };
    }
    if (this.eat("[")) {
      const items: Expr[] = [];
      if (!this.is("]")) {
        do items.push(this.expr());
        while (this.eat(","));
      }
      this.expect("]");
      return { kind: "list", items, start, end: this.lastEnd };
    }
    if (t.kind !== "ident") return this.fail("an expression");
    this.pos++;
    if (t.text === "perm" && this.is("{")) {
      this.expect("{");
      const holders: Expr[] = [];
      do holders.push(this.binary(SHIFT_LEVEL + 1));
      while (this.eat(","));
      this.expect("}");
      this.expect("(");
      const key = this.expr();
      this.expect(")");
      return { kind: "perm", holders, key, start, end: this.lastEnd };
    }
    if (!(this.is("<") && this.generics.has(t.text))) {
      if (this.is("(")) {
        const args = this.args();
        return { kind: "call", callee: t.text, calleeRange: t, statics: [], args, start, end: this.lastEnd };
      }
      return { kind: "name", name: t.text, start, end: t.end };
    }
    this.expect("<");
    const statics: Expr[] = [];
    do statics.push(this.binary(SHIFT_LEVEL));
    while (this.eat(","));
    this.expect(">");
    switch (t.text) {
      case "rnd": {
        this.expect("{");
        const holders: Expr[] = [];
        do holders.push(this.binary(SHIFT_LEVEL + 1));
        while (this.eat(","));
        this.expect("}");
        return { kind: "rnd", width: statics[0] as Expr, holders, start, end: this.lastEnd };
      }
      case "zs":
      case "xzs":
        return { kind: "zeroShare", xor: t.text === "xzs", width: statics[0] as Expr, start, end: this.lastEnd };
      case "A":
      case "X": {
        if (this.eat("{")) {
          const parts: SharePart[] = [];
          do {
            const party = this.binary(SHIFT_LEVEL + 1);
            this.expect(":");
            parts.push({ party, value: this.expr() });
          } while (this.eat(","));
          this.expect("}");
          return { kind: "share", sharing: t.text, width: statics[0] as Expr, parts, local: undefined, start, end: this.lastEnd };
        }
        this.expect("(");
        const local = this.expr();
        this.expect(")");
        return { kind: "share", sharing: t.text, width: statics[0] as Expr, parts: undefined, local, start, end: this.lastEnd };
      }
      default: {
        const args = this.args();
        return { kind: "call", callee: t.text, calleeRange: t, statics, args, start, end: this.lastEnd };
      }
    }
  }
}

/**
 * Parses one Tripl source file. Diagnostics (lexical and syntax) are appended to
 * `diagnostics`. `known` names protocols declared in other files of the compilation
 * (so `name<` starts static arguments).
 */
export function parseTripl(file: SourceFile, diagnostics: Diagnostic[], known: Iterable<string> = []): TriplFile {
  const tokens = lex(file, diagnostics);
  return new Parser(file, tokens, diagnostics, known).parseFile();
}

/** Names declared with `proto NAME` in a source text (a cheap pre-scan across files). */
export function declaredProtocols(text: string): string[] {
  return [...text.matchAll(/\bproto\s+([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);
}
