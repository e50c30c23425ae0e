/**
 * The static cost estimator: walks bound procedure bodies, tracking the number of
 * elements (lanes) of every value as a polynomial over named lengths, and adds one
 * protocol runs per shared3p syscall and `declassify` (priced by
 * compiler/cost/syscall-protocols.ts and vm/protocol-costs.ts).
 *
 * Lengths: scalars are 1; array literals count their elements; declarations with
 * constant or computable shapes give their product; `argument("name")` of an array
 * has length `name`; a callee's parameters take the caller's argument lengths (each
 * call is estimated with its own lengths). A length that cannot be derived becomes a
 * fresh symbol: `size(p)` for a parameter `p` of the procedure being reported,
 * `len@L:C` for the expression at line L, column C; a matrix shuffle's row length
 * that cannot be derived is `cols@L:C` (its syscall's position), a matrix
 * product's p `p@L:C`.
 *
 * Loops: a `for (i = a; i < b; ++i)` loop whose bounds evaluate to polynomials runs
 * b − a times; every other loop runs a symbolic `iter@L:C` times (its position), so
 * costs multiply symbolically: `iter@7:5` stands for the number of iterations.
 * Both branches of an `if` are counted (an upper bound); rounds are summed per
 * protocol run (no round merging). Recursive calls are listed as unknown.
 */
import type { BoundExpr, BoundStmt, CheckedProgram } from "../semantic/bound.js";
import type { ProcInstance, VarSymbol } from "../semantic/symbols.js";
import type { SourceFile } from "../source/source-file.js";
import { addCost, NO_COST, noteOnly, protocolRun, scaleCost, unknownRun, type Cost } from "./cost.js";
import { add, constant, mul, scale, symbol, type Poly } from "./poly.js";
import { protocolsOf, type ProtocolRun } from "./syscall-protocols.js";

interface Frame {
  readonly file: SourceFile;
  readonly sizes: Map<VarSymbol, Poly>;
  readonly values: Map<VarSymbol, Poly>;
  ret: Poly | undefined;
  target: Poly | undefined;
}

interface Eval {
  readonly cost: Cost;
  readonly size: Poly;
  /** The value of a public integer scalar, when computable. */
  readonly value?: Poly;
}

export interface InstanceEstimate {
  readonly cost: Cost;
  /** Number of elements of the returned value, when known. */
  readonly ret: Poly | undefined;
}

const ONE = constant(1);

/** What a syscall's cost depends on: its lanes, its private arguments' lengths, its public scalars' values. */
interface CallShape {
  readonly lanes: Poly;
  readonly privates: readonly Poly[];
  /** The value of the n-th public scalar after the data, else a fresh `prefix@L:C` symbol. */
  publicValue(n: number, prefix: string): Poly;
}

function elementTypeName(e: BoundExpr): string | undefined {
  const d = e.type.data;
  return d.tag === "prim" || d.tag === "user" ? d.name : undefined;
}

function stringLiteral(e: BoundExpr | undefined): string | undefined {
  return e !== undefined && e.kind === "Literal" && typeof e.value === "string" ? e.value : undefined;
}

export class CostEstimator {
  private readonly active = new Set<ProcInstance>();
  /** Every instance whose body was estimated, in first-visit order. */
  readonly reached = new Set<ProcInstance>();

  constructor(readonly program: CheckedProgram) {}

  /** The cost of one call of `inst`; `argSizes` undefined: symbolic `size(p)` for array parameters. */
  instance(inst: ProcInstance, argSizes?: readonly Poly[]): InstanceEstimate {
    if (inst.body === undefined) return { cost: unknownRun(`call to ${inst.displayName}`, "its body did not check"), ret: undefined };
    if (this.active.has(inst)) return { cost: unknownRun(`recursive call to ${inst.displayName}`, "recursion is not costed"), ret: undefined };
    this.reached.add(inst);
    this.active.add(inst);
    const f: Frame = { file: inst.proc.module.file, sizes: new Map(), values: new Map(), ret: undefined, target: undefined };
    inst.paramSymbols.forEach((p, i) => {
      f.sizes.set(p, p.type.dim === 0 ? ONE : (argSizes?.[i] ?? symbol(`size(${p.name})`)));
    });
    const cost = this.stmt(inst.body, f);
    this.active.delete(inst);
    return { cost, ret: f.ret };
  }

  private fresh(f: Frame, at: { start: number }, prefix: string): Poly {
    const { line, column } = f.file.lineColumn(at.start);
    return symbol(`${prefix}@${line}:${column}`);
  }

  private stmts(list: readonly BoundStmt[], f: Frame): Cost {
    let c = NO_COST;
    for (const s of list) c = addCost(c, this.stmt(s, f));
    return c;
  }

  private exprs(list: readonly BoundExpr[], f: Frame): { cost: Cost; evals: Eval[] } {
    let cost = NO_COST;
    const evals: Eval[] = [];
    for (const e of list) {
      const r = this.expr(e, f);
      cost = addCost(cost, r.cost);
      evals.push(r);
    }
    return { cost, evals };
  }

  stmt(s: BoundStmt, f: Frame): Cost {
    switch (s.kind) {
      case "Block":
        return this.stmts(s.stmts, f);
      case "VarDecl":
        return this.varDecl(s, f);
      case "If":
        return addCost(this.expr(s.cond, f).cost, addCost(this.stmt(s.then, f), s.else !== undefined ? this.stmt(s.else, f) : NO_COST));
      case "While": {
        const trips = this.fresh(f, s.syntax, "iter");
        return addCost(scaleCost(this.expr(s.cond, f).cost, add(trips, ONE)), scaleCost(this.stmt(s.body, f), trips));
      }
      case "DoWhile": {
        const trips = this.fresh(f, s.syntax, "iter");
        return scaleCost(addCost(this.stmt(s.body, f), this.expr(s.cond, f).cost), trips);
      }
      case "For":
        return this.forLoop(s, f);
      case "Break":
      case "Continue":
        return NO_COST;
      case "Return": {
        if (s.value === undefined) return NO_COST;
        const r = this.expr(s.value, f);
        if (f.ret === undefined) f.ret = r.size;
        return r.cost;
      }
      case "Assert":
        return this.expr(s.cond, f).cost;
      case "Print":
        return this.exprs(s.args, f).cost;
      case "ExprStmt":
        return this.expr(s.expr, f).cost;
      case "Syscall": {
        const { cost, evals } = this.exprs(
          s.args.map((a) => a.expr),
          f,
        );
        if (!s.name.startsWith("shared3p::")) return cost;
        const i = s.args.findIndex((a) => a.expr.type.sec.tag === "domain");
        const lanes = i >= 0 ? evals[i]!.size : ONE;
        const privates = s.args.flatMap((a, n) => (a.expr.type.sec.tag === "domain" ? [evals[n]!.size] : []));
        // public scalars after the data: a matrix call's row length or dimensions
        const publics = i < 0 ? [] : s.args.flatMap((a, n) => (n > i && a.expr.type.sec.tag === "public" && a.expr.type.dim === 0 ? [evals[n]!.value] : []));
        const shape: CallShape = {
          lanes,
          privates,
          publicValue: (n, prefix) => publics[n] ?? this.fresh(f, s.syntax, prefix),
        };
        return addCost(cost, this.syscall(s.name, shape));
      }
    }
  }

  /** The cost of one call of `name` with arguments of `shape`. */
  private syscall(name: string, shape: CallShape): Cost {
    const p = protocolsOf(name);
    switch (p.kind) {
      case "local":
        return NO_COST;
      case "unknown":
        return unknownRun(name, p.why);
      case "protocols": {
        const runs = p.runs.reduce((c, r) => addCost(c, this.runs(r, shape)), NO_COST);
        return p.note === undefined ? runs : addCost(runs, noteOnly(name, p.note));
      }
    }
  }

  /**
   * `r.times` runs over laneFactor × lanes; per column: times × columns runs over
   * lanes / columns each, so the bytes are those of times runs over all the lanes.
   */
  private runs(r: ProtocolRun, shape: CallShape): Cost {
    let lanes = scale(shape.lanes, r.laneFactor);
    if (r.lanesOf !== undefined) {
      const { privateArg, plusPrivateArg, factor, timesPublic } = r.lanesOf;
      lanes = shape.privates[privateArg] ?? ONE;
      if (plusPrivateArg !== undefined) lanes = add(lanes, shape.privates[plusPrivateArg] ?? ONE);
      if (factor !== undefined) lanes = scale(lanes, factor);
      if (timesPublic !== undefined) lanes = mul(lanes, shape.publicValue(timesPublic, "p"));
    }
    const all = scaleCost(protocolRun(r.key, lanes), constant(r.times));
    if (r.perColumn !== true) return all;
    const cols = shape.publicValue(0, "cols");
    const protocols = new Map([...all.protocols].map(([k, u]) => [k, { invocations: mul(u.invocations, cols), rounds: mul(u.rounds, cols), bytes: u.bytes }]));
    return { ...all, protocols };
  }

  private varDecl(s: Extract<BoundStmt, { kind: "VarDecl" }>, f: Frame): Cost {
    let cost = NO_COST;
    for (const d of s.declarators) {
      let size: Poly | undefined = d.symbol.type.dim === 0 ? ONE : undefined;
      if (d.shape !== undefined) {
        const { cost: c, evals } = this.exprs(d.shape, f);
        cost = addCost(cost, c);
        if (evals.every((e) => e.value !== undefined)) size = evals.reduce((acc, e) => mul(acc, e.value as Poly), ONE);
      }
      if (d.init !== undefined) {
        const r = this.expr(d.init, f);
        cost = addCost(cost, r.cost);
        if (size === undefined) size = r.size;
        if (r.value !== undefined && d.symbol.type.sec.tag === "public") f.values.set(d.symbol, r.value);
      }
      f.sizes.set(d.symbol, size ?? (d.shape === undefined ? constant(0) : this.fresh(f, d.syntax, "len")));
    }
    return cost;
  }

  /** b − a for `for (i = a; i < b; ++i)` (also `i++`, `i += 1`), else undefined. */
  private tripCount(s: Extract<BoundStmt, { kind: "For" }>, f: Frame): Poly | undefined {
    const init = s.init;
    if (init === undefined || init.kind !== "VarDecl" || init.declarators.length !== 1) return undefined;
    const i = init.declarators[0]!.symbol;
    const start = f.values.get(i);
    const cond = s.cond;
    const step = s.step;
    if (start === undefined || cond === undefined || step === undefined) return undefined;
    if (cond.kind !== "BuiltinBinary" || cond.op !== "<" || cond.left.kind !== "Var" || cond.left.symbol !== i) return undefined;
    const stepOk = step.kind === "IncDec" ? step.op === "++" && step.target.kind === "Var" && step.target.symbol === i : false;
    if (!stepOk) return undefined;
    const end = this.expr(cond.right, f).value;
    return end === undefined ? undefined : add(end, scale(start, -1));
  }

  private forLoop(s: Extract<BoundStmt, { kind: "For" }>, f: Frame): Cost {
    let cost = NO_COST;
    if (s.init !== undefined) cost = s.init.kind === "VarDecl" ? this.stmt(s.init, f) : this.expr(s.init, f).cost;
    const trips = this.tripCount(s, f) ?? this.fresh(f, s.syntax, "iter");
    if (s.init !== undefined && s.init.kind === "VarDecl") for (const d of s.init.declarators) f.values.delete(d.symbol);
    const cond = s.cond !== undefined ? this.expr(s.cond, f).cost : NO_COST;
    const step = s.step !== undefined ? this.expr(s.step, f).cost : NO_COST;
    const body = this.stmt(s.body, f);
    return addCost(cost, addCost(scaleCost(cond, add(trips, ONE)), scaleCost(addCost(body, step), trips)));
  }

  private sizeOf(e: BoundExpr, f: Frame, otherwise: () => Poly): Poly {
    return e.type.dim === 0 ? ONE : otherwise();
  }

  expr(e: BoundExpr, f: Frame): Eval {
    switch (e.kind) {
      case "Literal":
        return { cost: NO_COST, size: ONE, ...(typeof e.value === "bigint" ? { value: constant(Number(e.value)) } : {}) };
      case "Var": {
        const v = f.values.get(e.symbol);
        return { cost: NO_COST, size: this.sizeOf(e, f, () => f.sizes.get(e.symbol) ?? symbol(`size(${e.symbol.name})`)), ...(v !== undefined ? { value: v } : {}) };
      }
      case "TargetValue":
        return { cost: NO_COST, size: this.sizeOf(e, f, () => f.target ?? this.fresh(f, e.syntax, "len")) };
      case "Error":
        return { cost: NO_COST, size: ONE };
      case "Interpolation":
        return { cost: this.exprs(e.parts.filter((p): p is BoundExpr => typeof p !== "string"), f).cost, size: ONE };
      case "Classify":
      case "ToVector":
      case "PublicCast":
      case "BuiltinUnary": {
        const r = this.expr(e.operand, f);
        const value = e.kind === "PublicCast" ? r.value : e.kind === "BuiltinUnary" && e.op === "-" && r.value !== undefined ? scale(r.value, -1) : undefined;
        return { cost: r.cost, size: r.size, ...(value !== undefined ? { value } : {}) };
      }
      case "BuiltinBinary": {
        const l = this.expr(e.left, f);
        const r = this.expr(e.right, f);
        const size = this.sizeOf(e, f, () => (e.left.type.dim > 0 ? l.size : r.size));
        let value: Poly | undefined;
        if (l.value !== undefined && r.value !== undefined) {
          if (e.op === "+") value = add(l.value, r.value);
          else if (e.op === "-") value = add(l.value, scale(r.value, -1));
          else if (e.op === "*") value = mul(l.value, r.value);
        }
        return { cost: addCost(l.cost, r.cost), size, ...(value !== undefined ? { value } : {}) };
      }
      case "OperatorCall":
      case "Call":
      case "CastCall":
        return this.call(e, f);
      case "Ternary": {
        const { cost, evals } = this.exprs([e.cond, e.then, e.else], f);
        return { cost, size: evals[1]!.size };
      }
      case "Assign": {
        const t = this.expr(e.target, f);
        const v = this.expr(e.value, f);
        if (e.target.kind === "Var") {
          if (e.target.type.dim > 0) f.sizes.set(e.target.symbol, v.size);
          if (v.value !== undefined) f.values.set(e.target.symbol, v.value);
          else f.values.delete(e.target.symbol);
        }
        return { cost: addCost(t.cost, v.cost), size: v.size };
      }
      case "CompoundAssign":
      case "IncDec": {
        const t = this.expr(e.target, f);
        f.target = t.size;
        const c = this.expr(e.combined, f);
        f.target = undefined;
        if (e.target.kind === "Var") f.values.delete(e.target.symbol);
        return { cost: addCost(t.cost, c.cost), size: t.size };
      }
      case "Comma": {
        const l = this.expr(e.left, f);
        const r = this.expr(e.right, f);
        return { cost: addCost(l.cost, r.cost), size: r.size };
      }
      case "Index":
        return this.index(e, f);
      case "Member": {
        const t = this.expr(e.target, f);
        return { cost: t.cost, size: this.sizeOf(e, f, () => this.fresh(f, e.syntax, "len")) };
      }
      case "ArrayLiteral":
        return { cost: this.exprs(e.elements, f).cost, size: constant(e.elements.length) };
      case "Builtin":
        return this.builtin(e, f);
    }
  }

  private index(e: Extract<BoundExpr, { kind: "Index" }>, f: Frame): Eval {
    const t = this.expr(e.target, f);
    let cost = t.cost;
    let size: Poly | undefined = ONE;
    for (const i of e.indices) {
      if (i.kind !== "Slice") {
        cost = addCost(cost, this.expr(i, f).cost);
        continue;
      }
      const lo = i.lo !== undefined ? this.expr(i.lo, f) : undefined;
      const hi = i.hi !== undefined ? this.expr(i.hi, f) : undefined;
      cost = addCost(cost, addCost(lo?.cost ?? NO_COST, hi?.cost ?? NO_COST));
      const start = lo === undefined ? constant(0) : lo.value;
      const end = hi === undefined ? (e.indices.length === 1 ? t.size : undefined) : hi.value;
      size = start !== undefined && end !== undefined && size !== undefined ? mul(size, add(end, scale(start, -1))) : undefined;
    }
    return { cost, size: this.sizeOf(e, f, () => size ?? this.fresh(f, e.syntax, "len")) };
  }

  private call(e: Extract<BoundExpr, { kind: "OperatorCall" | "Call" | "CastCall" }>, f: Frame): Eval {
    const args = e.kind === "CastCall" ? [e.operand] : e.args;
    const { cost, evals } = this.exprs(args, f);
    const name = stringLiteral(args[0]);
    if (e.kind === "Call" && e.instance.proc.name === "argument" && name !== undefined) {
      return { cost, size: this.sizeOf(e, f, () => symbol(name)) };
    }
    const callee = this.instance(
      e.instance,
      evals.map((r) => r.size),
    );
    return { cost: addCost(cost, callee.cost), size: this.sizeOf(e, f, () => callee.ret ?? this.fresh(f, e.syntax, "len")) };
  }

  private builtin(e: Extract<BoundExpr, { kind: "Builtin" }>, f: Frame): Eval {
    const { cost, evals } = this.exprs(e.args, f);
    const first = evals[0];
    switch (e.name) {
      case "size":
        return { cost, size: ONE, ...(first !== undefined ? { value: first.size } : {}) };
      case "shape":
        return { cost, size: constant(e.args[0]?.type.dim ?? 0) };
      case "reshape": {
        const extents = evals.slice(1);
        const size = extents.every((x) => x.value !== undefined) ? extents.reduce((acc, x) => mul(acc, x.value as Poly), ONE) : this.fresh(f, e.syntax, "len");
        return { cost, size: this.sizeOf(e, f, () => size) };
      }
      case "cat":
        return { cost, size: add(evals[0]?.size ?? ONE, evals[1]?.size ?? ONE) };
      case "declassify": {
        const a = e.args[0];
        const t = a !== undefined ? elementTypeName(a) : undefined;
        if (a === undefined || first === undefined || a.type.sec.tag !== "domain") return { cost, size: first?.size ?? ONE };
        const open = t === undefined ? unknownRun("declassify", "no element type") : this.syscall(`shared3p::declassify_${t}_vec`, { lanes: first.size, privates: [first.size], publicValue: () => ONE });
        return { cost: addCost(cost, open), size: first.size };
      }
      default:
        return { cost, size: ONE };
    }
  }
}
