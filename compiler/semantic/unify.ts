/**
 * Unification of template signature patterns with concrete types
 * (secrec-reference.md §3.6). Matching is exact on all three parts of a type: a
 * domain quantifier binds any security type allowed by its restriction (an
 * unrestricted one may bind `public`; `D : K` only domains of kind K), a type
 * quantifier any data type, a dim quantifier any dimensionality; a quantifier bound
 * once must match the same value everywhere. Struct patterns unify their arguments.
 *
 * Bindings are an array indexed by quantifier number, filled in place; callers copy
 * it per candidate.
 */
import type { Binding, DataPattern, DimPattern, Quantifier, SecPattern, TypePattern } from "./patterns.js";
import type { DataType, SecType, Type } from "./types.js";
import { sameSec } from "./types.js";

export type Bindings = (Binding | undefined)[];

/** Whether quantifier `q` may be bound to security type `sec`. */
export function secAllowed(q: Quantifier, sec: SecType): boolean {
  if (!q.restriction) return true;
  return sec.tag === "domain" && sec.domain.kindSym === q.restriction;
}

export function unifySec(p: SecPattern, sec: SecType, quants: readonly Quantifier[], bs: Bindings): boolean {
  if (p.tag === "fixed") return sameSec(p.sec, sec);
  const b = bs[p.q];
  if (b) return b.sort === "domain" && sameSec(b.sec, sec);
  const q = quants[p.q];
  if (!q || !secAllowed(q, sec)) return false;
  bs[p.q] = { sort: "domain", sec };
  return true;
}

export function unifyDim(p: DimPattern, dim: number, bs: Bindings): boolean {
  if (p.tag === "fixed") return p.dim === dim;
  const b = bs[p.q];
  if (b) return b.sort === "dim" && b.dim === dim;
  bs[p.q] = { sort: "dim", dim };
  return true;
}

export function unifyData(p: DataPattern, data: DataType, quants: readonly Quantifier[], bs: Bindings): boolean {
  switch (p.tag) {
    case "fixed":
      return p.data === data;
    case "var": {
      const b = bs[p.q];
      if (b) return b.sort === "type" && b.data === data;
      if (data.tag === "error" || data.tag === "void") return false;
      bs[p.q] = { sort: "type", data };
      return true;
    }
    case "struct": {
      if (data.tag !== "struct" || data.instance.struct !== p.struct) return false;
      const args = data.instance.args;
      return p.args.every((a, i) => {
        const actual = args[i];
        if (!actual || actual.sort !== a.sort) return false;
        if (a.sort === "domain" && actual.sort === "domain") return unifySec(a.p, actual.sec, quants, bs);
        if (a.sort === "type" && actual.sort === "type") return unifyData(a.p, actual.data, quants, bs);
        if (a.sort === "dim" && actual.sort === "dim") return unifyDim(a.p, actual.dim, bs);
        return false;
      });
    }
    default: {
      const never: never = p;
      return never;
    }
  }
}

/** Unifies a whole type exactly. */
export function unifyType(p: TypePattern, t: Type, quants: readonly Quantifier[], bs: Bindings): boolean {
  return unifySec(p.sec, t.sec, quants, bs) && unifyData(p.data, t.data, quants, bs) && unifyDim(p.dim, t.dim, bs);
}

/**
 * Binds still-unbound quantifiers of a result pattern from the context's expected
 * type (return-type overloading). Parts the context does not give stay unbound.
 */
export function bindFromExpected(
  p: TypePattern,
  expected: { sec?: SecType | undefined; data?: DataType | undefined; dim?: number | undefined },
  quants: readonly Quantifier[],
  bs: Bindings,
): boolean {
  if (expected.sec && p.sec.tag === "var" && !bs[p.sec.q] && !unifySec(p.sec, expected.sec, quants, bs)) return false;
  if (expected.data && p.data.tag === "var" && !bs[p.data.q] && !unifyData(p.data, expected.data, quants, bs)) return false;
  if (expected.dim !== undefined && p.dim.tag === "var" && !bs[p.dim.q] && !unifyDim(p.dim, expected.dim, bs)) return false;
  return true;
}
