/**
 * Lowering of l-values: assignment, compound assignment, `++`/`--` and the
 * `__ref`/`__return` syscall arguments.
 *
 * A Place is an evaluated l-value (its index expressions already in registers, so
 * the target is evaluated once): a local variable's register, a global, a struct
 * field of a place, or elements of a place. Reading a place yields its value;
 * writing replaces it (whole variables and fields take the new value, a scalar
 * written to an array fills it, element places `store`/`pstore` into the array).
 * Globals are cloned in and out (`gget`/`gset`), so a write below a global reads
 * the global, changes the clone and writes it back (`Ref.commit`).
 */
import type { SliceItem } from "../../vm/bytecode.js";
import type { BoundAssign, BoundCompoundAssign, BoundExpr, BoundIncDec } from "../semantic/bound.js";
import type { Type } from "../semantic/types.js";
import type { ProcLowering } from "./lower-context.js";
import { lowerIndexItems, lowerOwned, type Val } from "./lower-expr.js";
import { isPrivateType } from "./lower-types.js";

export type Place =
  | { readonly kind: "var"; readonly reg: number; readonly type: Type }
  | { readonly kind: "global"; readonly index: number; readonly type: Type }
  | { readonly kind: "field"; readonly base: Place; readonly field: number; readonly type: Type }
  | { readonly kind: "elements"; readonly base: Place; readonly items: readonly SliceItem[]; readonly type: Type };

/** A register holding the place's current object; `commit` makes changes to it stick. */
export interface Ref {
  readonly reg: number;
  commit(): void;
}

/** Evaluates an l-value expression into a Place. */
export function lowerPlace(p: ProcLowering, e: BoundExpr): Place {
  switch (e.kind) {
    case "Var":
      if (e.symbol.storage === "global") return { kind: "global", index: p.program.globalIndex(e.symbol), type: e.type };
      return { kind: "var", reg: p.varReg(e.symbol), type: e.type };
    case "Member":
      return { kind: "field", base: lowerPlace(p, e.target), field: e.fieldIndex, type: e.type };
    case "Index": {
      const base = lowerPlace(p, e.target);
      return { kind: "elements", base, items: lowerIndexItems(p, e.indices), type: e.type };
    }
    default:
      return p.unsupported(`assignment to a ${e.kind} expression`);
  }
}

/** A register referring to the place's object (changes to it must be committed). */
export function refOf(p: ProcLowering, place: Place): Ref {
  switch (place.kind) {
    case "var":
      return { reg: place.reg, commit: () => undefined };
    case "global": {
      const r = p.b.reg();
      p.b.emit("gget", r, place.index);
      return { reg: r, commit: () => p.b.emit("gset", place.index, r) };
    }
    case "field": {
      const base = refOf(p, place.base);
      const r = p.b.reg();
      p.b.emit("fget", r, base.reg, place.field);
      return {
        reg: r,
        commit: () => {
          p.b.emit("fset", base.reg, place.field, r);
          base.commit();
        },
      };
    }
    case "elements": {
      const base = refOf(p, place.base);
      const r = p.b.reg();
      const priv = isPrivateType(place.base.type);
      p.b.emit(priv ? "pindex" : "index", r, base.reg, place.items);
      return {
        reg: r,
        commit: () => {
          p.b.emit(priv ? "pstore" : "store", base.reg, place.items, r);
          base.commit();
        },
      };
    }
    default: {
      const never: never = place;
      return never;
    }
  }
}

/** The current value of a place. */
export function readPlace(p: ProcLowering, place: Place): Val {
  if (place.kind === "var") return { reg: place.reg, owned: false };
  const ref = refOf(p, place);
  return { reg: ref.reg, owned: place.kind === "global" || place.kind === "elements" };
}

function allSlices(dim: number): SliceItem[] {
  return Array.from({ length: dim }, (): SliceItem => ({ kind: "slice", lo: -1, hi: -1 }));
}

/**
 * Writes `value` (a register of type `valueType`, owned unless it is a public
 * scalar) to the place. A scalar written to an array place fills it.
 */
export function writePlace(p: ProcLowering, place: Place, value: number, valueType: Type): void {
  const fill = valueType.dim === 0 && place.type.dim > 0;
  const storeOp = isPrivateType(place.type) ? "pstore" : "store";
  if (place.kind === "elements") {
    const base = refOf(p, place.base);
    p.b.emit(isPrivateType(place.base.type) ? "pstore" : "store", base.reg, place.items, value);
    base.commit();
    return;
  }
  if (fill) {
    const ref = refOf(p, place);
    p.b.emit(storeOp, ref.reg, allSlices(place.type.dim), value);
    ref.commit();
    return;
  }
  switch (place.kind) {
    case "var":
      p.b.emit("mov", place.reg, value);
      return;
    case "global":
      p.b.emit("gset", place.index, value);
      return;
    case "field": {
      const base = refOf(p, place.base);
      p.b.emit("fset", base.reg, place.field, value);
      base.commit();
      return;
    }
    default: {
      const never: never = place;
      return never;
    }
  }
}

/** The value an assignment expression yields: the target after the write. */
function afterWrite(place: Place, value: number): Val {
  return place.kind === "var" ? { reg: place.reg, owned: false } : { reg: value, owned: false };
}

export function lowerAssign(p: ProcLowering, e: BoundAssign): Val {
  const place = lowerPlace(p, e.target);
  const value = lowerOwned(p, e.value);
  writePlace(p, place, value, e.value.type);
  return afterWrite(place, value);
}

/** Evaluates `combined` with TargetValue bound to `current`. */
function withTarget(p: ProcLowering, current: number, combined: BoundExpr): number {
  p.targetValues.push(current);
  try {
    return lowerOwned(p, combined);
  } finally {
    p.targetValues.pop();
  }
}

export function lowerCompoundAssign(p: ProcLowering, e: BoundCompoundAssign): Val {
  const place = lowerPlace(p, e.target);
  const current = readPlace(p, place);
  const value = withTarget(p, current.reg, e.combined);
  writePlace(p, place, value, e.combined.type);
  return afterWrite(place, value);
}

/** `++x`, `x--`...; `discarded` when the value is not used (a statement, a `for` step). */
export function lowerIncDec(p: ProcLowering, e: BoundIncDec, discarded = false): Val {
  const place = lowerPlace(p, e.target);
  const current = readPlace(p, place);
  if (e.prefix || discarded) {
    const value = withTarget(p, current.reg, e.combined);
    writePlace(p, place, value, e.combined.type);
    return afterWrite(place, value);
  }
  // keep the old value: writing a variable replaces its register's contents
  const old = p.b.reg();
  p.b.emit("mov", old, current.reg);
  const value = withTarget(p, old, e.combined);
  writePlace(p, place, value, e.combined.type);
  return { reg: old, owned: current.owned };
}

/** Evaluates an expression for a syscall `__ref`/`__return` argument. */
export function lowerSyscallTarget(p: ProcLowering, e: BoundExpr): Ref {
  const saved = p.b.span;
  p.at(e.syntax);
  try {
    return refOf(p, lowerPlace(p, e));
  } finally {
    p.b.span = saved;
  }
}
