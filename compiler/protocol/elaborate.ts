/**
 * Elaboration: one protocol instance (a protocol and its static arguments) becomes
 * one global straight-line IR program (ir.ts).
 *
 * Static parameters, `static for` / `static if`, party arithmetic and calls (inlined)
 * are evaluated away. `each i { … }` runs its body for P1, P2, P3 statement by
 * statement, so `a@prev` finds prev's `a`. Inside `each`/`at`, names denote the
 * current party's component; the only way to read another party's value is `e@q`,
 * which becomes a `recv` node (a message). Widths and sharing kinds are checked, and
 * every error is a positioned diagnostic; elaboration stops at the first error of an
 * instance.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Protocol } from "../diagnostics/messages/protocol.js";
import type { SourceFile } from "../source/source-file.js";
import type { Ranged } from "../source/span.js";
import type { Expr, Pattern, ProtoDecl, Stmt, TriplFile, TypeExpr } from "./ast.js";
import { type Draw, IrBuilder, PARTIES, type Party } from "./ir.js";
import { type DistKind, type Loc, PARTY_NAMES, type Val, ValueError, describe, describeLoc, distBinary, distUnary, isStatic, locBinary, locConstMinus, locUnary, mapDist, toBits } from "./values.js";
import { evalStaticBinary, staticBuiltin } from "./statics.js";

/** A parameter of an elaborated instance, in the order of the generated function's arguments. */
export interface ParamInfo {
  readonly name: string;
  readonly kind: DistKind | "Key";
  readonly width: number;
  /** Parties that pass a value for it. */
  readonly holders: readonly Party[];
}

/** One output of an instance: per party, node ids (one word node, or `width` planes). */
export interface OutputInfo {
  readonly kind: DistKind;
  readonly width: number;
  readonly repr: "word" | "bits";
  readonly comps: readonly (readonly number[] | undefined)[];
}

export interface Program {
  /** Protocol name and instance name such as `mul_32`. */
  readonly proto: string;
  readonly instance: string;
  readonly statics: readonly (bigint | Party)[];
  readonly doc: string;
  readonly params: readonly ParamInfo[];
  readonly outputs: readonly OutputInfo[];
  readonly ir: IrBuilder;
}

class ElabError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

class Scope {
  private readonly vars = new Map<string, Val>();
  constructor(readonly parent: Scope | undefined) {}

  lookup(name: string): Val | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }

  owner(name: string): Scope | undefined {
    return this.vars.has(name) ? this : this.parent?.owner(name);
  }

  hasOwn(name: string): boolean {
    return this.vars.has(name);
  }

  getOwn(name: string): Val | undefined {
    return this.vars.get(name);
  }

  set(name: string, v: Val): void {
    this.vars.set(name, v);
  }
}

/** Per `each`/`at` execution: draws shared by the parties executing the same statement. */
interface PartyFrame {
  readonly draws: Map<string, Draw[]>;
  readonly zeroShares: Map<Expr, Draw[][]>;
  readonly usage: Map<string, number>;
  readonly returns: (Loc | undefined)[];
}

interface Ctx {
  readonly scope: Scope;
  /** Parties executing the current statement, or undefined in the global view. */
  readonly parties: readonly Party[] | undefined;
  readonly frame: PartyFrame | undefined;
  /** Name of the `each` variable, rebound per party. */
  readonly eachVar: string | undefined;
  readonly result: { value: Val | undefined; type: ResultType };
}

type ResultType = { kind: DistKind | "Key"; width: number; holders: Party[] } | { kind: "tuple"; items: ResultType[] };

const STATIC_BUILTINS = new Set(["pow2s", "range", "log2", "ones"]);

export class Elaborator {
  readonly ir = new IrBuilder();
  private readonly protos = new Map<string, ProtoDecl>();
  private readonly fileOf = new Map<ProtoDecl, SourceFile>();
  private readonly callStack: string[] = [];
  private file: SourceFile;

  /** `units`: every source of the compilation; protocols of all of them can call each other. */
  constructor(units: readonly Unit[], file: SourceFile) {
    this.file = file;
    for (const u of units) {
      for (const p of u.ast.protos) {
        this.protos.set(p.name, p);
        this.fileOf.set(p, u.file);
      }
    }
  }

  private error(range: Ranged, d: (span: { file: SourceFile; start: number; end: number }) => Diagnostic): never {
    throw new ElabError(d({ file: this.file, start: range.start, end: range.end }));
  }

  private text(r: Ranged): string {
    return this.file.text.slice(r.start, r.end);
  }

  /** Elaborates `proto<statics>` as a top-level instance; returns the program or the first diagnostic. */
  instantiate(name: string, statics: readonly Val[], where: Ranged): Program | Diagnostic {
    try {
      const decl = this.protos.get(name);
      if (decl === undefined) this.error(where, (s) => Protocol.unknownProtocol.at(s, name));
      const scope = this.bindStatics(decl, statics, where);
      const params: ParamInfo[] = [];
      decl.params.forEach((p, index) => {
        const t = this.resolveType(p.type, scope);
        params.push({ name: p.name, kind: t.kind, width: t.width, holders: t.holders });
        scope.set(p.name, this.inputValue(t.kind, t.width, t.holders, index));
      });
      const result = this.runBody(decl, scope);
      const outputs = this.outputsOf(result, decl.result);
      const staticValues = statics.map((v) => (v.k === "party" ? v.v : v.k === "nat" ? v.v : 0n));
      const instance = [name, ...statics.map((v) => (v.k === "party" ? PARTY_NAMES[v.v] : v.k === "nat" ? `${v.v}` : "x"))].join("_");
      return { proto: name, instance, statics: staticValues, doc: decl.doc, params, outputs, ir: this.ir };
    } catch (e) {
      if (e instanceof ElabError) return e.diagnostic;
      throw e;
    }
  }

  private bindStatics(decl: ProtoDecl, statics: readonly Val[], where: Ranged): Scope {
    if (statics.length !== decl.statics.length) this.error(where, (s) => Protocol.staticArity.at(s, decl.name, decl.statics.length, statics.length));
    const scope = new Scope(undefined);
    decl.statics.forEach((sp, i) => {
      const v = statics[i] as Val;
      const ok = sp.sort === "Party" ? v.k === "party" : v.k === "nat";
      if (!ok) this.error(where, (s) => Protocol.staticType.at(s, sp.sort === "Party" ? "party" : "number", describe(v)));
      scope.set(sp.name, v);
    });
    return scope;
  }

  private inputValue(kind: DistKind | "Key", width: number, holders: readonly Party[], index: number): Val {
    if (kind === "Key") return { k: "key", param: index };
    const comps: (Loc | undefined)[] = [undefined, undefined, undefined];
    for (const p of holders) {
      if (kind === "X" && width === 1) comps[p] = { repr: "bits", width: 1, planes: [this.ir.input(p, "bit", 1, index, 0)] };
      else {
        const word: Loc = { repr: "word", width, id: this.ir.input(p, "word", width, index, 0) };
        comps[p] = word;
      }
    }
    return { k: "dist", kind, width, comps };
  }

  private resolveType(t: TypeExpr, scope: Scope): ResultType & { kind: DistKind | "Key"; width: number; holders: Party[] } {
    const ctx = this.globalCtx(scope, { value: undefined, type: { kind: "Pub", width: 0, holders: [] } });
    switch (t.kind) {
      case "A":
      case "X":
      case "Pub":
        return { kind: t.kind, width: this.width(t.width, ctx), holders: [0, 1, 2] };
      case "B":
        return { kind: "X", width: 1, holders: [0, 1, 2] };
      case "Key":
        return { kind: "Key", width: 0, holders: [0, 1, 2] };
      case "Z": {
        const h = this.evalExpr(t.holder, ctx);
        const holders = h.k === "party" ? [h.v] : h.k === "list" || h.k === "tuple" ? h.items.map((x) => this.partyOf(x, t.holder)) : this.error(t.holder, (s) => Protocol.staticType.at(s, "party", describe(h)));
        return { kind: "Z", width: this.width(t.width, ctx), holders };
      }
      case "tuple":
        return this.error(t, (s) => Protocol.kindMismatch.at(s, "a tuple type is only allowed as a result", "a tuple"));
    }
  }

  private resolveResult(t: TypeExpr, scope: Scope): ResultType {
    if (t.kind === "tuple") return { kind: "tuple", items: t.items.map((i) => this.resolveResult(i, scope)) };
    return this.resolveType(t, scope);
  }

  private runBody(decl: ProtoDecl, scope: Scope): Val {
    if (this.callStack.includes(decl.name)) this.error(decl.nameRange, (s) => Protocol.recursion.at(s, decl.name));
    this.callStack.push(decl.name);
    const outer = this.file;
    this.file = this.fileOf.get(decl) ?? outer;
    const result = { value: undefined as Val | undefined, type: this.resolveResult(decl.result, scope) };
    this.execBlock(decl.body, this.globalCtx(new Scope(scope), result));
    this.callStack.pop();
    this.file = outer;
    if (result.value === undefined) this.error(decl.nameRange, (s) => Protocol.missingReturn.at(s, decl.name));
    this.checkResult(result.value, result.type, decl.result);
    return result.value;
  }

  private checkResult(v: Val, t: ResultType, where: Ranged): void {
    if (t.kind === "tuple") {
      if (v.k !== "tuple" || v.items.length !== t.items.length) this.error(where, (s) => Protocol.resultType.at(s, `a tuple of ${t.items.length}`, describe(v)));
      t.items.forEach((it, i) => this.checkResult(v.items[i] as Val, it, where));
      return;
    }
    if (!this.conforms(v, t)) this.error(where, (s) => Protocol.resultType.at(s, this.describeType(t), describe(v)));
  }

  private describeType(t: ResultType): string {
    if (t.kind === "tuple") return `a tuple of ${t.items.length}`;
    if (t.kind === "Key") return "Key";
    if (t.kind === "X" && t.width === 1) return "B";
    return t.kind === "Z" ? `Z<${t.width}>@{${t.holders.map((p) => PARTY_NAMES[p]).join(",")}}` : `${t.kind}<${t.width}>`;
  }

  private conforms(v: Val, t: ResultType): boolean {
    if (t.kind === "tuple") return v.k === "tuple" && v.items.length === t.items.length && t.items.every((it, i) => this.conforms(v.items[i] as Val, it));
    if (t.kind === "Key") return v.k === "key";
    if (v.k !== "dist" || v.width !== t.width) return false;
    if (t.kind === "Z") return (v.kind === "Z" || v.kind === "Pub") && t.holders.every((p) => v.comps[p] !== undefined);
    if (v.kind !== t.kind) return false;
    return PARTIES.every((p) => v.comps[p] !== undefined);
  }

  private outputsOf(v: Val, where: Ranged): OutputInfo[] {
    if (v.k === "tuple") return v.items.flatMap((i) => this.outputsOf(i, where));
    if (v.k !== "dist") return this.error(where, (s) => Protocol.resultType.at(s, "a sharing or local value", describe(v)));
    const mixed = v.comps.some((c) => c?.repr === "bits") && v.comps.some((c) => c?.repr === "word");
    if (mixed && v.kind === "A") this.error(where, (s) => Protocol.kindMismatch.at(s, "additive output components must be words", describe(v)));
    const locs = v.comps.map((c) => (c === undefined || !mixed ? c : toBits(this.ir, c)));
    const repr = locs.find((c) => c !== undefined)?.repr ?? "word";
    const comps = locs.map((c) => (c === undefined ? undefined : c.repr === "word" ? [c.id] : [...c.planes]));
    return [{ kind: v.kind, width: v.width, repr, comps }];
  }

  // ---------------------------------------------------------------- statements

  private globalCtx(scope: Scope, result: Ctx["result"]): Ctx {
    return { scope, parties: undefined, frame: undefined, eachVar: undefined, result };
  }

  private execBlock(stmts: readonly Stmt[], ctx: Ctx): void {
    for (const s of stmts) this.execStmt(s, ctx);
  }

  /** Runs `f` once per executing party (once in the global view), binding the `each` variable. */
  private perParty(ctx: Ctx, f: (party: Party | undefined) => void): void {
    if (ctx.parties === undefined) {
      f(undefined);
      return;
    }
    for (const p of ctx.parties) {
      if (ctx.eachVar !== undefined) this.bindEach(ctx, p);
      f(p);
    }
  }

  private bindEach(ctx: Ctx, p: Party): void {
    const s = ctx.scope.owner(ctx.eachVar as string) ?? ctx.scope;
    s.set(ctx.eachVar as string, { k: "party", v: p });
    s.set("prev", { k: "party", v: ((p + 2) % 3) as Party });
    s.set("next", { k: "party", v: ((p + 1) % 3) as Party });
  }

  private execStmt(s: Stmt, ctx: Ctx): void {
    switch (s.kind) {
      case "let":
      case "var": {
        const pattern: Pattern = s.kind === "let" ? s.pattern : { kind: "bind", name: s.name, start: s.start, end: s.start };
        this.perParty(ctx, (p) => this.bind(pattern, this.evalExpr(s.value, { ...ctx, parties: p === undefined ? undefined : [p] }), ctx.scope, p));
        return;
      }
      case "assign":
        this.perParty(ctx, (p) => this.assign(s, this.evalExpr(s.value, { ...ctx, parties: p === undefined ? undefined : [p] }), ctx.scope, p));
        return;
      case "return":
        if (ctx.parties === undefined) {
          ctx.result.value = this.evalExpr(s.value, ctx);
          return;
        }
        this.perParty(ctx, (p) => {
          const v = this.evalExpr(s.value, { ...ctx, parties: [p as Party] });
          (ctx.frame as PartyFrame).returns[p as Party] = this.asLoc(v, s.value, undefined);
        });
        return;
      case "each":
      case "atParties": {
        if (ctx.parties !== undefined) this.error(s, (sp) => Protocol.globalContextRequired.at(sp, s.kind === "each" ? "'each'" : "'at'"));
        const parties = s.kind === "each" ? PARTIES : this.partiesOf(s.parties, ctx);
        const frame: PartyFrame = { draws: new Map(), zeroShares: new Map(), usage: new Map(), returns: [undefined, undefined, undefined] };
        const scope = s.kind === "each" ? new Scope(ctx.scope) : ctx.scope;
        if (s.kind === "each") scope.set(s.variable, { k: "party", v: 0 });
        const inner: Ctx = { ...ctx, scope, parties, frame, eachVar: s.kind === "each" ? s.variable : undefined };
        this.execBlock(s.body, inner);
        if (frame.returns.some((r) => r !== undefined)) this.finishEachReturn(frame, ctx, s);
        return;
      }
      case "staticFor": {
        const it = this.evalStaticIn(s.iterable, ctx);
        if (it.k !== "list") this.error(s.iterable, (sp) => Protocol.staticType.at(sp, "list", describe(it)));
        for (const item of it.items) {
          const scope = new Scope(ctx.scope);
          this.bind(s.pattern, item, scope, undefined);
          this.execBlock(s.body, { ...ctx, scope });
        }
        return;
      }
      case "staticIf": {
        const c = this.evalStaticIn(s.condition, ctx);
        if (c.k !== "bool") this.error(s.condition, (sp) => Protocol.staticType.at(sp, "condition", describe(c)));
        this.execBlock(c.v ? s.then : s.otherwise, { ...ctx, scope: new Scope(ctx.scope) });
        return;
      }
    }
  }

  /** A static expression inside `each` must not depend on the party; it is evaluated for the first one. */
  private evalStaticIn(e: Expr, ctx: Ctx): Val {
    let first: Val | undefined;
    this.perParty(ctx, (p) => {
      const v = this.evalExpr(e, { ...ctx, parties: p === undefined ? undefined : [p] });
      if (!isStatic(v)) this.error(e, (s) => Protocol.notStatic.at(s, "this expression"));
      if (first === undefined) first = v;
      else if (JSON.stringify(first, (_, x) => (typeof x === "bigint" ? `${x}` : x)) !== JSON.stringify(v, (_, x) => (typeof x === "bigint" ? `${x}` : x))) this.error(e, (s) => Protocol.eachMismatch.at(s));
    });
    return first as Val;
  }

  private finishEachReturn(frame: PartyFrame, ctx: Ctx, s: Stmt): void {
    const t = ctx.result.type;
    for (const p of PARTIES) {
      if (frame.returns[p] === undefined && (t.kind === "A" || t.kind === "X" || t.kind === "Pub")) this.error(s, (sp) => Protocol.returnMissingAt.at(sp, PARTY_NAMES[p]));
    }
    const kind: DistKind = t.kind === "A" || t.kind === "X" || t.kind === "Pub" || t.kind === "Z" ? t.kind : "Z";
    const first = frame.returns.find((r) => r !== undefined) as Loc;
    const comps = frame.returns.map((r) => r);
    ctx.result.value = { k: "dist", kind, width: first.width, comps };
  }

  private partiesOf(es: readonly Expr[], ctx: Ctx): Party[] {
    const out: Party[] = [];
    for (const e of es) {
      const v = this.evalExpr(e, ctx);
      const p = this.partyOf(v, e);
      if (!out.includes(p)) out.push(p);
    }
    return out;
  }

  private partyOf(v: Val, where: Ranged): Party {
    if (v.k !== "party") this.error(where, (s) => Protocol.staticType.at(s, "party", describe(v)));
    return v.v;
  }

  private bind(pattern: Pattern, value: Val, scope: Scope, party: Party | undefined): void {
    if (pattern.kind === "tuple") {
      const t = value;
      if (t.k !== "tuple" || t.items.length !== pattern.items.length) return this.error(pattern, (s) => Protocol.patternMismatch.at(s, pattern.items.length, describe(t)));
      pattern.items.forEach((p, i) => this.bind(p, t.items[i] as Val, scope, party));
      return;
    }
    let v = value;
    if (party === undefined) {
      scope.set(pattern.name, v);
      return;
    }
    // Inside `each`/`at`: a per-party local, extending a same-named local of the other parties.
    const existing = scope.getOwn(pattern.name);
    const shapeOf = existing?.k === "dist" ? existing.comps.find((c) => c !== undefined) : undefined;
    if (v.k === "nat" && shapeOf !== undefined) v = { k: "loc", loc: this.constLocAt(party, shapeOf, v.v) };
    if (isStatic(v)) {
      const vals = existing?.k === "perParty" ? [...existing.vals] : [undefined, undefined, undefined];
      vals[party] = v;
      scope.set(pattern.name, { k: "perParty", vals });
      return;
    }
    const loc = this.asLoc(v, pattern, undefined);
    const comps: (Loc | undefined)[] = existing?.k === "dist" && existing.kind === "Z" && existing.comps[party] === undefined ? [...existing.comps] : [undefined, undefined, undefined];
    comps[party] = loc;
    scope.set(pattern.name, { k: "dist", kind: "Z", width: loc.width, comps });
  }

  private assign(s: Stmt & { kind: "assign" }, v: Val, scope: Scope, party: Party | undefined): void {
    const owner = scope.owner(s.name);
    const old = owner?.getOwn(s.name);
    if (owner === undefined || old === undefined) return this.error(s, (sp) => Protocol.unknownName.at(sp, s.name));
    if (party === undefined) {
      if (old.k === "dist" && (v.k !== "dist" || v.kind !== old.kind)) this.error(s.value, (sp) => Protocol.kindMismatch.at(sp, `'${s.name}' is ${describe(old)}`, describe(v)));
      owner.set(s.name, v);
      return;
    }
    if (old.k !== "dist") this.error(s, (sp) => Protocol.kindMismatch.at(sp, `'${s.name}' must be a sharing or local value to assign a component`, describe(old)));
    const loc = this.asLoc(v, s.value, undefined);
    const prevLoc = old.comps.find((c) => c !== undefined);
    if (prevLoc !== undefined && (prevLoc.width !== loc.width || (old.kind === "A" && loc.repr !== "word"))) this.error(s.value, (sp) => Protocol.widthMismatch.at(sp, "=", describeLoc(prevLoc), describeLoc(loc)));
    const comps = [...old.comps];
    comps[party] = loc;
    owner.set(s.name, { ...old, comps });
  }

  /** Converts a party-context value to a Loc (constants need a shape from context). */
  private asLoc(v: Val, where: Ranged, want: "word" | "bits" | undefined): Loc {
    if (v.k === "loc") return want === "bits" ? toBits(this.ir, v.loc) : v.loc;
    return this.error(where, (s) => Protocol.kindMismatch.at(s, "expected a lane vector of this party", describe(v)));
  }

  // ---------------------------------------------------------------- expressions

  private width(e: Expr, ctx: Ctx): number {
    const v = this.evalExpr(e, ctx);
    if (v.k !== "nat") this.error(e, (s) => Protocol.staticType.at(s, "width", describe(v)));
    if (v.v < 1n || v.v > 64n) this.error(e, (s) => Protocol.badWidth.at(s, `${v.v}`));
    return Number(v.v);
  }

  private party(ctx: Ctx): Party | undefined {
    return ctx.parties === undefined ? undefined : (ctx.parties[0] as Party);
  }

  evalExpr(e: Expr, ctx: Ctx, hint?: "word" | "bits"): Val {
    try {
      return this.evalInner(e, ctx, hint);
    } catch (err) {
      if (err instanceof ValueError) {
        const [a = "", b = "", c = ""] = err.args;
        this.error(e, (s) => (err.code === "widthMismatch" ? Protocol.widthMismatch.at(s, a, b, c) : err.code === "needsProtocol" ? Protocol.needsProtocol.at(s, a, b) : Protocol.kindMismatch.at(s, a, b)));
      }
      throw err;
    }
  }

  /** `hint`: the representation randomness should take when combined with a value of that shape. */
  private evalInner(e: Expr, ctx: Ctx, hint: "word" | "bits" | undefined): Val {
    const party = this.party(ctx);
    switch (e.kind) {
      case "int":
        return { k: "nat", v: e.value };
      case "name":
        return this.evalName(e.name, e, ctx);
      case "tuple":
        return { k: "tuple", items: e.items.map((i) => this.evalExpr(i, ctx)) };
      case "list":
        return { k: "list", items: e.items.map((i) => this.evalExpr(i, ctx)) };
      case "unary": {
        const v = this.evalExpr(e.operand, ctx);
        if (isStatic(v)) return evalStaticBinary(e.op === "!" ? "!" : e.op, { k: "nat", v: 0n }, v, () => this.error(e, (s) => Protocol.staticType.at(s, "operand", describe(v))));
        if (e.op === "!") this.error(e, (s) => Protocol.kindMismatch.at(s, "'!' needs a static boolean", describe(v)));
        if (v.k === "loc") return { k: "loc", loc: locUnary(this.ir, e.op, v.loc) };
        if (v.k === "dist") return distUnary(this.ir, e.op, v);
        return this.error(e, (s) => Protocol.kindMismatch.at(s, "bad operand", describe(v)));
      }
      case "binary": {
        const l = this.evalExpr(e.left, ctx, hint);
        const r = this.evalExpr(e.right, ctx, l.k === "loc" ? l.loc.repr : hint);
        if (isStatic(l) && isStatic(r)) return evalStaticBinary(e.op, l, r, (msg) => this.error(e, (s) => (msg === "div0" ? Protocol.divisionByZero.at(s) : Protocol.staticType.at(s, msg, `${describe(l)} and ${describe(r)}`))));
        const op = e.op;
        if (op === "==" || op === "!=" || op === "<" || op === "<=" || op === ">" || op === ">=" || op === "&&" || op === "||" || op === "/" || op === "%")
          this.error(e, (s) => Protocol.kindMismatch.at(s, `'${op}' is only defined on static values`, `${describe(l)} and ${describe(r)}`));
        if (party !== undefined) {
          if (l.k === "loc" && (r.k === "loc" || r.k === "nat")) return { k: "loc", loc: locBinary(this.ir, party, op, l.loc, r.k === "nat" ? r.v : r.loc) };
          if (l.k === "nat" && r.k === "loc") {
            if (op === "-") return { k: "loc", loc: locConstMinus(this.ir, party, l.v, r.loc) };
            if (op === "<<" || op === ">>") this.error(e, (s) => Protocol.kindMismatch.at(s, "cannot shift a constant by a lane vector", describe(r)));
            return { k: "loc", loc: locBinary(this.ir, party, op, r.loc, l.v) };
          }
          return this.error(e, (s) => Protocol.kindMismatch.at(s, `bad operands for '${op}'`, `${describe(l)} and ${describe(r)}`));
        }
        return distBinary(this.ir, op, l, r);
      }
      case "at":
        return this.evalAt(e, ctx);
      case "call":
        return this.evalCall(e, ctx);
      case "rnd":
        return this.evalRnd(e, ctx, hint);
      case "zeroShare":
        return this.evalZeroShare(e, ctx, hint);
      case "share":
        return this.evalShare(e, ctx);
      case "perm":
        return this.evalPerm(e, ctx);
    }
  }

  private evalPerm(e: Expr & { kind: "perm" }, ctx: Ctx): Val {
    if (ctx.parties !== undefined) this.error(e, (s) => Protocol.globalContextRequired.at(s, "'perm'"));
    const holders = this.partiesOf(e.holders, ctx);
    if (holders.length !== 2) this.error(e, (s) => Protocol.rndHolders.at(s));
    const key = this.evalExpr(e.key, ctx);
    if (key.k !== "key") return this.error(e.key, (s) => Protocol.kindMismatch.at(s, "expected a Key", describe(key)));
    const [a, b] = [...holders].sort() as [Party, Party];
    const tag = a * 3 + b;
    const comps = PARTIES.map((p) => (holders.includes(p) ? ({ repr: "word", width: 32, id: this.ir.perm(p, tag, key.param) } as Loc) : undefined));
    return { k: "dist", kind: "Z", width: 32, comps };
  }

  private evalName(name: string, where: Ranged, ctx: Ctx): Val {
    const party = this.party(ctx);
    if (name === "P1" || name === "P2" || name === "P3") return { k: "party", v: (Number(name[1]) - 1) as Party };
    if (name === "true" || name === "false") return { k: "bool", v: name === "true" };
    const v = ctx.scope.lookup(name);
    if (v === undefined) return this.error(where, (s) => Protocol.unknownName.at(s, name));
    if (v.k === "perParty") {
      const pv = party === undefined ? undefined : v.vals[party];
      if (pv === undefined) return this.error(where, (s) => Protocol.undefinedAt.at(s, name, party === undefined ? "the global view" : PARTY_NAMES[party]));
      return pv;
    }
    if (party === undefined || v.k !== "dist") return v;
    const c = v.comps[party];
    if (c === undefined) {
      const holders = PARTIES.filter((p) => v.comps[p] !== undefined).map((p) => PARTY_NAMES[p]).join(", ") || "no party";
      return this.error(where, (s) => Protocol.notHeld.at(s, name, PARTY_NAMES[party], holders));
    }
    return { k: "loc", loc: c };
  }

  private evalAt(e: Expr & { kind: "at" }, ctx: Ctx): Val {
    const party = this.party(ctx);
    if (party === undefined) return this.error(e, (s) => Protocol.partyContextRequired.at(s, "'@'"));
    const src = this.partyOf(this.evalExpr(e.party, ctx), e.party);
    let v: Val;
    try {
      v = this.evalExpr(e.value, { ...ctx, parties: [src] });
    } catch (err) {
      if (err instanceof ElabError && err.diagnostic.code === Protocol.notHeld.code) this.error(e, (s) => Protocol.atNotHeld.at(s, PARTY_NAMES[src]));
      throw err;
    }
    if (v.k !== "loc") return v;
    const label = `${this.text(e)} (${PARTY_NAMES[src]} → ${PARTY_NAMES[party]})`;
    const l = v.loc;
    if (l.repr === "word") return { k: "loc", loc: { repr: "word", width: l.width, id: this.ir.recv(party, l.id, label) } };
    return { k: "loc", loc: { repr: "bits", width: l.width, planes: l.planes.map((p, i) => this.ir.recv(party, p, l.width > 1 ? `${label} bit ${i}` : label)) } };
  }

  private evalRnd(e: Expr & { kind: "rnd" }, ctx: Ctx, hint: "word" | "bits" | undefined): Val {
    const width = this.width(e.width, ctx);
    const holders = this.partiesOf(e.holders, { ...ctx, parties: ctx.parties });
    if (holders.length < 1 || holders.length > 2) this.error(e, (s) => Protocol.rndHolders.at(s));
    const repr = width === 1 || hint === "bits" ? "bit" : "word";
    const party = this.party(ctx);
    let draw: Draw;
    if (party === undefined) draw = this.ir.newDraw(holders, repr, width);
    else {
      if (!holders.includes(party)) this.error(e, (s) => Protocol.rndNotHolder.at(s, PARTY_NAMES[party]));
      draw = this.frameDraw(ctx.frame as PartyFrame, `${e.start}|${holders.join()}`, party, () => this.ir.newDraw(holders, repr, width));
    }
    const loc = (p: Party): Loc => (repr === "bit" ? { repr: "bits", width, planes: Array.from({ length: width }, (_, k) => this.ir.rnd(p, draw, k)) } : { repr: "word", width, id: this.ir.rnd(p, draw, 0) });
    if (party !== undefined) return { k: "loc", loc: loc(party) };
    return { k: "dist", kind: "Z", width, comps: PARTIES.map((p) => (holders.includes(p) ? loc(p) : undefined)) };
  }

  /** The k-th use of a keyed draw by `party` in this frame: shared by all parties running the statement. */
  private frameDraw(frame: PartyFrame, key: string, party: Party, make: () => Draw): Draw {
    const uk = `${party}|${key}`;
    const k = frame.usage.get(uk) ?? 0;
    frame.usage.set(uk, k + 1);
    let list = frame.draws.get(key);
    if (list === undefined) frame.draws.set(key, (list = []));
    if (list[k] === undefined) list[k] = make();
    return list[k] as Draw;
  }

  private evalZeroShare(e: Expr & { kind: "zeroShare" }, ctx: Ctx, hint: "word" | "bits" | undefined): Val {
    const party = this.party(ctx);
    if (party === undefined || ctx.frame === undefined) return this.error(e, (s) => Protocol.partyContextRequired.at(s, e.xor ? "'xzs'" : "'zs'"));
    const width = this.width(e.width, ctx);
    const frame = ctx.frame;
    const uk = `${party}|zs${e.start}`;
    const k = frame.usage.get(uk) ?? 0;
    frame.usage.set(uk, k + 1);
    let list = frame.zeroShares.get(e);
    if (list === undefined) frame.zeroShares.set(e, (list = []));
    const repr = e.xor && (width === 1 || hint === "bits") ? "bit" : "word";
    // Draw j is shared by parties j and j+1.
    if (list[k] === undefined) list[k] = PARTIES.map((j) => this.ir.newDraw([j, ((j + 1) % 3) as Party], repr, width));
    const draws = list[k] as Draw[];
    if (draws[0]?.repr !== repr) this.error(e, (s) => Protocol.eachMismatch.at(s));
    const mine = draws[party] as Draw;
    const prevs = draws[(party + 2) % 3] as Draw;
    if (!e.xor || repr === "word") {
      const id = this.ir.binary(e.xor ? "xor" : "sub", this.ir.rnd(party, mine, 0), this.ir.rnd(party, prevs, 0));
      return { k: "loc", loc: { repr: "word", width, id } };
    }
    const planes: number[] = [];
    for (let i = 0; i < width; i++) planes.push(this.ir.binary("xor", this.ir.rnd(party, mine, i), this.ir.rnd(party, prevs, i)));
    return { k: "loc", loc: { repr: "bits", width, planes } };
  }

  private evalShare(e: Expr & { kind: "share" }, ctx: Ctx): Val {
    if (ctx.parties !== undefined) this.error(e, (s) => Protocol.globalContextRequired.at(s, `'${e.sharing}<…>'`));
    const width = this.width(e.width, ctx);
    const comps: (Loc | undefined)[] = [undefined, undefined, undefined];
    const given: { p: Party; v: Val; where: Ranged }[] = [];
    if (e.parts !== undefined) {
      for (const part of e.parts) {
        const p = this.partyOf(this.evalExpr(part.party, ctx), part.party);
        const frame: PartyFrame = { draws: new Map(), zeroShares: new Map(), usage: new Map(), returns: [undefined, undefined, undefined] };
        given.push({ p, v: this.evalExpr(part.value, { ...ctx, parties: [p], frame }), where: part.value });
      }
    } else {
      const v = this.evalExpr(e.local as Expr, ctx);
      if (!(v.k === "dist" && (v.kind === "Z" || v.kind === "Pub"))) return this.error(e.local as Expr, (s) => Protocol.kindMismatch.at(s, "expected a local value defined at every party", describe(v)));
      for (const p of PARTIES) {
        const c = v.comps[p];
        if (c === undefined) this.error(e.local as Expr, (s) => Protocol.undefinedAt.at(s, this.text(e.local as Expr), PARTY_NAMES[p]));
        given.push({ p, v: { k: "loc", loc: c }, where: e.local as Expr });
      }
    }
    // XOR sharings stay words unless a component is given as bit planes.
    const want = e.sharing === "X" && given.some((g) => g.v.k === "loc" && g.v.loc.repr === "bits") ? "bits" : "word";
    const shape: Loc = want === "word" ? { repr: "word", width, id: -1 } : { repr: "bits", width, planes: [] };
    for (const g of given) {
      if (g.v.k === "nat") {
        comps[g.p] = this.constLocAt(g.p, shape, g.v.v);
        continue;
      }
      const l = this.asLoc(g.v, g.where, want);
      if (l.repr !== want || l.width !== width) this.error(g.where, (s) => Protocol.widthMismatch.at(s, `${e.sharing}<${width}>`, describeLoc(l), describeLoc({ ...shape })));
      comps[g.p] = l;
    }
    for (const p of PARTIES) if (comps[p] === undefined) comps[p] = this.constLocAt(p, shape, 0n);
    return { k: "dist", kind: e.sharing, width, comps };
  }

  private constLocAt(p: Party, shape: Loc, value: bigint): Loc {
    if (shape.repr === "word") return { repr: "word", width: shape.width, id: this.ir.constant(p, "word", shape.width, value) };
    const planes: number[] = [];
    for (let k = 0; k < shape.width; k++) planes.push(this.ir.constant(p, "bit", 1, (value >> BigInt(k)) & 1n));
    return { repr: "bits", width: shape.width, planes };
  }

  private evalCall(e: Expr & { kind: "call" }, ctx: Ctx): Val {
    const statics = e.statics.map((s) => {
      const v = this.evalExpr(s, ctx);
      if (!isStatic(v)) this.error(s, (sp) => Protocol.notStatic.at(sp, "a static argument"));
      return v;
    });
    if (STATIC_BUILTINS.has(e.callee)) {
      const args = e.args.map((a) => this.evalExpr(a, ctx));
      return staticBuiltin(e.callee, [...statics, ...args], (what, got) => this.error(e, (s) => Protocol.staticType.at(s, what, got)));
    }
    switch (e.callee) {
      case "lift":
      case "low":
        return this.evalLiftLow(e, statics, ctx);
      case "bit":
        return this.evalBit(e, ctx);
      case "apply":
      case "unapply": {
        const party = this.party(ctx);
        if (party === undefined || e.args.length !== 2) return this.error(e, (s) => Protocol.partyContextRequired.at(s, `'${e.callee}(perm, value)'`));
        const pi = this.evalExpr(e.args[0] as Expr, ctx);
        const v = this.evalExpr(e.args[1] as Expr, ctx);
        if (pi.k !== "loc" || pi.loc.repr !== "word" || this.ir.node(pi.loc.id).op !== "perm") return this.error(e.args[0] as Expr, (s) => Protocol.kindMismatch.at(s, "expected a permutation from perm{…}", describe(pi)));
        if (v.k !== "loc" || v.loc.repr !== "word") return this.error(e.args[1] as Expr, (s) => Protocol.kindMismatch.at(s, "expected a word vector", describe(v)));
        return { k: "loc", loc: { repr: "word", width: v.loc.width, id: this.ir.apply(pi.loc.id, v.loc.id, e.callee === "unapply") } };
      }
      case "slice":
      case "evens":
      case "odds":
      case "concat":
      case "pad":
      case "spread":
        return this.evalPlanes(e, statics, ctx);
    }
    const decl = this.protos.get(e.callee);
    if (decl === undefined) return this.error(e.calleeRange, (s) => Protocol.unknownProtocol.at(s, e.callee));
    if (ctx.parties !== undefined) this.error(e, (s) => Protocol.globalContextRequired.at(s, "a protocol call"));
    const scope = this.bindStatics(decl, statics, e);
    if (e.args.length !== decl.params.length) this.error(e, (s) => Protocol.argumentArity.at(s, decl.name, decl.params.length, e.args.length));
    decl.params.forEach((p, i) => {
      const arg = e.args[i] as Expr;
      const v = this.evalExpr(arg, ctx);
      const t = this.resolveType(p.type, scope);
      if (!this.conforms(v, t)) this.error(arg, (s) => Protocol.argumentType.at(s, p.name, this.describeType(t), describe(v)));
      scope.set(p.name, v);
    });
    return this.runBody(decl, scope);
  }

  private evalLiftLow(e: Expr & { kind: "call" }, statics: Val[], ctx: Ctx): Val {
    if (statics.length !== 1 || e.args.length !== 1) this.error(e, (s) => Protocol.staticArity.at(s, e.callee, 1, statics.length));
    const wv = statics[0] as Val;
    if (wv.k !== "nat" || wv.v < 1n || wv.v > 64n) return this.error(e, (s) => Protocol.badWidth.at(s, describe(wv)));
    const width = Number(wv.v);
    const v = this.evalExpr(e.args[0] as Expr, ctx);
    const f = (l: Loc): Loc => {
      if (e.callee === "low") {
        if (width > l.width) this.error(e, (s) => Protocol.widthMismatch.at(s, "low", describeLoc(l), `${width} bits`));
        return l.repr === "word" ? { repr: "word", width, id: this.ir.trunc(l.id, width) } : { repr: "bits", width, planes: l.planes.slice(0, width) };
      }
      if (l.repr === "bits") {
        if (l.width !== 1) this.error(e, (s) => Protocol.kindMismatch.at(s, "lift needs a single bit or a word", describeLoc(l)));
        return { repr: "word", width, id: this.ir.lift(l.planes[0] as number, width) };
      }
      if (width < l.width) this.error(e, (s) => Protocol.widthMismatch.at(s, "lift", describeLoc(l), `${width} bits`));
      return { repr: "word", width, id: this.ir.zext(l.id, width) };
    };
    if (v.k === "loc") return { k: "loc", loc: f(v.loc) };
    if (v.k === "dist") {
      if (e.callee === "lift" && (v.kind === "A" || v.kind === "X")) this.error(e, (s) => Protocol.needsProtocol.at(s, "lift", describe(v)));
      return mapDist(v, f, v.kind, width);
    }
    return this.error(e, (s) => Protocol.kindMismatch.at(s, `'${e.callee}' needs a lane vector`, describe(v)));
  }

  /**
   * Plane rearrangements of bit-level values (local on XOR sharings):
   * slice(x, lo, hi) planes [lo, hi); evens(x) / odds(x) planes 0, 2, … / 1, 3, …;
   * concat(a, b) the planes of a then those of b; pad<n>(x) zero planes up to n;
   * spread<n>(c) the single plane c repeated n times.
   */
  private evalPlanes(e: Expr & { kind: "call" }, statics: Val[], ctx: Ctx): Val {
    const args = e.args.map((a) => this.evalExpr(a, ctx));
    const nat = (i: number): number => {
      const v = args[i];
      if (v?.k !== "nat") return this.error(e.args[i] ?? e, (s) => Protocol.staticType.at(s, "number", v === undefined ? "nothing" : describe(v)));
      return Number(v.v);
    };
    const width = (): number => {
      const w = statics[0];
      if (w?.k !== "nat" || w.v < 1n || w.v > 64n) return this.error(e, (s) => Protocol.badWidth.at(s, w === undefined ? "missing" : describe(w)));
      return Number(w.v);
    };
    const planesOf = (l: Loc): readonly number[] => (toBits(this.ir, l) as Loc & { repr: "bits" }).planes;
    const mk = (planes: number[]): Loc => {
      if (planes.length === 0) this.error(e, (s) => Protocol.badWidth.at(s, "0"));
      return { repr: "bits", width: planes.length, planes };
    };
    const zero = (p: Party) => this.ir.constant(p, "bit", 1, 0n);
    const unaryOp = (l: Loc, p: Party): Loc => {
      const ps = planesOf(l);
      switch (e.callee) {
        case "slice": {
          const lo = nat(1);
          const hi = nat(2);
          if (lo < 0 || hi > ps.length || lo >= hi) this.error(e, (s) => Protocol.badWidth.at(s, `slice [${lo}, ${hi}) of ${ps.length} planes`));
          return mk(ps.slice(lo, hi));
        }
        case "evens":
          return mk(ps.filter((_, i) => i % 2 === 0));
        case "odds":
          return mk(ps.filter((_, i) => i % 2 === 1));
        case "pad": {
          const w = width();
          if (w < ps.length) this.error(e, (s) => Protocol.widthMismatch.at(s, "pad", describeLoc(l), `${w} bits`));
          return mk([...ps, ...Array.from({ length: w - ps.length }, () => zero(p))]);
        }
        default: {
          // spread<n>(c): the word 0 - c, all ones where c is set (XOR-linear).
          const w = width();
          if (l.width !== 1) this.error(e, (s) => Protocol.kindMismatch.at(s, "spread needs a single bit", describeLoc(l)));
          if (w === 1) return mk([ps[0] as number]);
          return { repr: "word", width: w, id: this.ir.unary("neg", this.ir.lift(ps[0] as number, w)) };
        }
      }
    };
    const first = args[0];
    if (e.callee === "concat") {
      const second = args[1];
      if (first?.k === "loc" && second?.k === "loc") return { k: "loc", loc: mk([...planesOf(first.loc), ...planesOf(second.loc)]) };
      if (first?.k === "dist" && second?.k === "dist" && first.kind === second.kind && first.kind !== "A") {
        const comps = PARTIES.map((p) => {
          const a = first.comps[p];
          const b = second.comps[p];
          return a === undefined || b === undefined ? undefined : mk([...planesOf(a), ...planesOf(b)]);
        });
        return { k: "dist", kind: first.kind, width: first.width + second.width, comps };
      }
      return this.error(e, (s) => Protocol.kindMismatch.at(s, "concat needs two bit-level values of one kind", `${first ? describe(first) : "nothing"} and ${second ? describe(second) : "nothing"}`));
    }
    if (first?.k === "loc") return { k: "loc", loc: unaryOp(first.loc, this.party(ctx) as Party) };
    if (first?.k === "dist" && first.kind !== "A") {
      const comps = first.comps.map((c, p) => (c === undefined ? undefined : unaryOp(c, p as Party)));
      const w = comps.find((c) => c !== undefined)?.width ?? first.width;
      return { k: "dist", kind: first.kind, width: w, comps };
    }
    return this.error(e, (s) => Protocol.kindMismatch.at(s, `'${e.callee}' needs bits of a local value or an XOR sharing`, first ? describe(first) : "nothing"));
  }

  /** `bit(e, k)`: plane k of a bit-level value (or of a word, transposed). */
  private evalBit(e: Expr & { kind: "call" }, ctx: Ctx): Val {
    if (e.args.length !== 2) this.error(e, (s) => Protocol.argumentArity.at(s, "bit", 2, e.args.length));
    const v = this.evalExpr(e.args[0] as Expr, ctx);
    const kv = this.evalExpr(e.args[1] as Expr, ctx);
    if (kv.k !== "nat") return this.error(e.args[1] as Expr, (s) => Protocol.staticType.at(s, "number", describe(kv)));
    const k = Number(kv.v);
    const f = (l: Loc): Loc => {
      if (k < 0 || k >= l.width) this.error(e, (s) => Protocol.badWidth.at(s, `bit index ${k}`));
      const bits = toBits(this.ir, l) as Loc & { repr: "bits" };
      return { repr: "bits", width: 1, planes: [bits.planes[k] as number] };
    };
    if (v.k === "loc") return { k: "loc", loc: f(v.loc) };
    if (v.k === "dist" && v.kind !== "A") return mapDist(v, f, v.kind, 1);
    return this.error(e, (s) => Protocol.kindMismatch.at(s, "'bit' needs bits of a local value or an XOR sharing", describe(v)));
  }
}

/** One parsed source of a compilation. */
export interface Unit {
  readonly file: SourceFile;
  readonly ast: TriplFile;
}

/** Elaborates every export of `target` (protocols of all `units` are visible); returns programs and diagnostics. */
export function elaborateExports(units: readonly Unit[], target: Unit): { programs: Program[]; diagnostics: Diagnostic[] } {
  const { file, ast } = target;
  const programs: Program[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    for (const p of u.ast.protos) {
      if (seen.has(p.name) && u === target) diagnostics.push(Protocol.duplicateProtocol.at({ file, start: p.nameRange.start, end: p.nameRange.end }, p.name));
      seen.add(p.name);
    }
  }
  for (const ex of ast.exports) {
    const probe = new Elaborator(units, file);
    const combos = exportCombos(ex, probe, file, diagnostics);
    for (const statics of combos) {
      const r = new Elaborator(units, file).instantiate(ex.name, statics, ex.nameRange);
      if ("code" in r) diagnostics.push(r);
      else programs.push(r);
    }
  }
  return { programs, diagnostics };
}

function exportCombos(ex: TriplFile["exports"][number], el: Elaborator, file: SourceFile, diagnostics: Diagnostic[]): Val[][] {
  let envs: Map<string, Val>[] = [new Map()];
  const scopeOf = (env: Map<string, Val>): Scope => {
    const s = new Scope(undefined);
    for (const [k, v] of env) s.set(k, v);
    return s;
  };
  const evalIn = (e: Expr, env: Map<string, Val>): Val | undefined => {
    try {
      return el.evalExpr(e, { scope: scopeOf(env), parties: undefined, frame: undefined, eachVar: undefined, result: { value: undefined, type: { kind: "Pub", width: 0, holders: [] } } });
    } catch (err) {
      if (err instanceof ElabError) {
        diagnostics.push(err.diagnostic);
        return undefined;
      }
      throw err;
    }
  };
  for (const loop of ex.loops) {
    const next: Map<string, Val>[] = [];
    for (const env of envs) {
      const vs = evalIn(loop.values, env);
      if (vs === undefined) return [];
      if (vs.k !== "list") {
        diagnostics.push(Protocol.staticType.at({ file, start: loop.values.start, end: loop.values.end }, "list", describe(vs)));
        return [];
      }
      for (const v of vs.items) next.push(new Map([...env, [loop.variable, v]]));
    }
    envs = next;
  }
  const out: Val[][] = [];
  for (const env of envs) {
    const statics: Val[] = [];
    for (const s of ex.statics) {
      const v = evalIn(s, env);
      if (v === undefined) return [];
      statics.push(v);
    }
    out.push(statics);
  }
  return out;
}
