/**
 * Values of the elaborator and the operations on them.
 *
 * Static values (naturals, parties, booleans, lists, tuples) are evaluated away.
 * Dynamic values are either a `Loc` — one party's lane vector (a word node, or n bit
 * planes for bit-level data) — inside `each`/`at`, or a `Dist` in the global view: a
 * sharing (A additive, X XOR), a per-party local value Z held by some parties, or a
 * public value Pub, with one optional Loc per party. Operations here are local by
 * construction: a global operation applies per party, and a public constant added to
 * a sharing is absorbed by P1's component only.
 */
import type { IrBuilder, Party } from "./ir.js";
import { PARTIES } from "./ir.js";

export type Loc = { readonly repr: "word"; readonly width: number; readonly id: number } | { readonly repr: "bits"; readonly width: number; readonly planes: readonly number[] };

export type DistKind = "A" | "X" | "Z" | "Pub";

export interface Dist {
  readonly k: "dist";
  readonly kind: DistKind;
  readonly width: number;
  readonly comps: readonly (Loc | undefined)[];
}

export type Val =
  | { readonly k: "nat"; readonly v: bigint }
  | { readonly k: "party"; readonly v: Party }
  | { readonly k: "bool"; readonly v: boolean }
  | { readonly k: "list"; readonly items: readonly Val[] }
  | { readonly k: "tuple"; readonly items: readonly Val[] }
  /** A static bound per party inside `each` (e.g. `let j = i + 1`). */
  | { readonly k: "perParty"; readonly vals: readonly (Val | undefined)[] }
  | { readonly k: "loc"; readonly loc: Loc }
  | { readonly k: "key"; readonly param: number }
  | Dist;

export const PARTY_NAMES = ["P1", "P2", "P3"] as const;

export class ValueError extends Error {
  constructor(
    readonly code: "widthMismatch" | "needsProtocol" | "kindMismatch",
    readonly args: string[],
  ) {
    super(args.join(" "));
  }
}

export function describeLoc(l: Loc): string {
  return l.repr === "word" ? `a ${l.width}-bit word` : l.width === 1 ? "a bit" : `${l.width} bits`;
}

export function describe(v: Val): string {
  switch (v.k) {
    case "nat":
      return `the number ${v.v}`;
    case "party":
      return PARTY_NAMES[v.v];
    case "bool":
      return `${v.v}`;
    case "list":
      return `a list of ${v.items.length}`;
    case "tuple":
      return `a tuple of ${v.items.length}`;
    case "perParty":
      return "a per-party static value";
    case "loc":
      return describeLoc(v.loc);
    case "key":
      return "Key";
    case "dist": {
      if (v.kind === "X" && v.width === 1) return "B";
      const base = `${v.kind}<${v.width}>`;
      if (v.kind !== "Z") return base;
      const holders = PARTIES.filter((p) => v.comps[p] !== undefined).map((p) => PARTY_NAMES[p]);
      return `${base}@{${holders.join(",")}}`;
    }
  }
}

export function isStatic(v: Val): boolean {
  return v.k === "nat" || v.k === "party" || v.k === "bool" || v.k === "list" || v.k === "tuple" || v.k === "perParty";
}

/** A public constant as a Loc of the given shape at `party`. */
export function constLoc(b: IrBuilder, party: Party, like: Loc, value: bigint): Loc {
  if (like.repr === "word") return { repr: "word", width: like.width, id: b.constant(party, "word", like.width, value) };
  const planes: number[] = [];
  for (let k = 0; k < like.width; k++) planes.push(b.constant(party, "bit", 1, (value >> BigInt(k)) & 1n));
  return { repr: "bits", width: like.width, planes };
}

function sameShape(a: Loc, b: Loc): boolean {
  return a.repr === b.repr && a.width === b.width;
}

/** Word → bit planes (local transpose). */
export function toBits(b: IrBuilder, l: Loc): Loc {
  if (l.repr === "bits") return l;
  const planes: number[] = [];
  for (let k = 0; k < l.width; k++) planes.push(b.bitof(l.id, k));
  return { repr: "bits", width: l.width, planes };
}

export type LocalBinary = "+" | "-" | "*" | "&" | "|" | "^" | "<<" | ">>";

/** One party's lane-wise binary operation; the right operand may be a constant. */
export function locBinary(b: IrBuilder, party: Party, op: LocalBinary, xIn: Loc, y: Loc | bigint): Loc {
  let x = xIn;
  if (op === "<<" || op === ">>") {
    if (typeof y !== "bigint") throw new ValueError("kindMismatch", ["a shift amount must be a compile-time number", describeLoc(y)]);
    const k = Number(y);
    if (x.repr === "word") return { repr: "word", width: x.width, id: b.shift(op === "<<" ? "shl" : "shr", x.id, k) };
    const zero = b.constant(party, "bit", 1, 0n);
    const xs = x.planes;
    const planes = xs.map((_, i) => {
      const src = op === "<<" ? i - k : i + k;
      return src >= 0 && src < xs.length ? (xs[src] as number) : zero;
    });
    return { repr: "bits", width: x.width, planes };
  }
  let yl = typeof y === "bigint" ? constLoc(b, party, x, y) : y;
  // Bit-level operations on a word and bit planes work on planes.
  if (x.repr !== yl.repr && x.width === yl.width && (op === "&" || op === "|" || op === "^")) {
    x = toBits(b, x);
    yl = toBits(b, yl);
  }
  if (!sameShape(x, yl)) throw new ValueError("widthMismatch", [op, describeLoc(x), describeLoc(yl)]);
  if (x.repr === "word" && yl.repr === "word") {
    const irOp = op === "+" ? "add" : op === "-" ? "sub" : op === "*" ? "mul" : op === "&" ? "and" : op === "|" ? "or" : "xor";
    return { repr: "word", width: x.width, id: b.binary(irOp, x.id, yl.id) };
  }
  if (x.repr === "bits" && yl.repr === "bits") {
    if (op !== "&" && op !== "|" && op !== "^") throw new ValueError("kindMismatch", [`'${op}' needs words`, describeLoc(x)]);
    const irOp = op === "&" ? "and" : op === "|" ? "or" : "xor";
    return { repr: "bits", width: x.width, planes: x.planes.map((p, i) => b.binary(irOp, p, yl.planes[i] as number)) };
  }
  throw new ValueError("widthMismatch", [op, describeLoc(x), describeLoc(yl)]);
}

/** Constant minus a Loc (for `c - x` with c public). */
export function locConstMinus(b: IrBuilder, party: Party, c: bigint, x: Loc): Loc {
  return locBinary(b, party, "-", constLoc(b, party, x, c), x);
}

export function locUnary(b: IrBuilder, op: "-" | "~", x: Loc): Loc {
  if (x.repr === "word") return { repr: "word", width: x.width, id: b.unary(op === "-" ? "neg" : "not", x.id) };
  if (op === "-") throw new ValueError("kindMismatch", ["'-' needs a word", describeLoc(x)]);
  return { repr: "bits", width: x.width, planes: x.planes.map((p) => b.unary("not", p)) };
}

/** Kind of a value for global operations: constants act as public values. */
function kindOf(v: Val): DistKind | "const" {
  if (v.k === "nat") return "const";
  if (v.k === "dist") return v.kind;
  throw new ValueError("kindMismatch", ["expected a sharing, a local value or a constant", describe(v)]);
}

/** Global (per-party) binary operation on Dists and constants. */
export function distBinary(b: IrBuilder, op: LocalBinary, x: Val, y: Val): Val {
  const kx = kindOf(x);
  const ky = kindOf(y);
  if (kx === "const" && ky === "const") throw new ValueError("kindMismatch", ["internal: static operands", "constants"]);
  const shift = op === "<<" || op === ">>";
  if (shift && ky !== "const") throw new ValueError("kindMismatch", ["a shift amount must be a compile-time number", describe(y)]);
  const width = x.k === "dist" ? x.width : (y as Dist).width;
  if (x.k === "dist" && y.k === "dist" && x.width !== y.width) throw new ValueError("widthMismatch", [op, describe(x), describe(y)]);
  const shared = (k: DistKind | "const") => k === "A" || k === "X";
  // Which parties apply the operation, and what the others keep.
  let onlyP1 = false;
  let kind: DistKind;
  if (shared(kx) && shared(ky)) {
    if (kx !== ky) throw new ValueError("kindMismatch", [`'${op}' needs operands of one sharing kind`, `${describe(x)} and ${describe(y)}`]);
    const linear = kx === "A" ? op === "+" || op === "-" : op === "^";
    if (!linear) throw new ValueError("needsProtocol", [op, describe(x)]);
    kind = kx;
  } else if (shared(kx) || shared(ky)) {
    const s = (shared(kx) ? kx : ky) as "A" | "X";
    const other = shared(kx) ? ky : kx;
    if (other === "Z") throw new ValueError("kindMismatch", ["a sharing and a per-party local value can only be combined inside 'each' or 'at'", `${describe(x)} and ${describe(y)}`]);
    kind = s;
    if (s === "A") {
      if (op === "+" || op === "-") onlyP1 = true;
      else if (op === "*" || (op === "<<" && shared(kx))) onlyP1 = false;
      else throw new ValueError("kindMismatch", [`'${op}' is not defined on additive sharings with a public operand`, describe(shared(kx) ? x : y)]);
    } else {
      if (op === "^") onlyP1 = true;
      else if (op === "&" || (shift && shared(kx))) onlyP1 = false;
      else throw new ValueError("kindMismatch", [`'${op}' is not defined on XOR sharings with a public operand`, describe(shared(kx) ? x : y)]);
    }
  } else {
    kind = kx === "Z" || ky === "Z" ? "Z" : "Pub";
  }
  const comps: (Loc | undefined)[] = [undefined, undefined, undefined];
  for (const p of PARTIES) {
    const a = x.k === "nat" ? x.v : (x as Dist).comps[p];
    const c = y.k === "nat" ? y.v : (y as Dist).comps[p];
    if (a === undefined || c === undefined) continue;
    if (onlyP1 && p !== 0) {
      // Only P1 applies the public operand; for `c - [[x]]` the others negate.
      comps[p] = typeof a === "bigint" ? (op === "-" ? locUnary(b, "-", c as Loc) : (c as Loc)) : a;
      continue;
    }
    if (typeof a === "bigint") comps[p] = op === "-" ? locConstMinus(b, p, a, c as Loc) : locBinary(b, p, op, c as Loc, a);
    else comps[p] = locBinary(b, p, op, a, c);
  }
  return { k: "dist", kind, width, comps };
}

export function distUnary(b: IrBuilder, op: "-" | "~", x: Dist): Dist {
  if (x.kind === "A" && op === "~") throw new ValueError("kindMismatch", ["'~' is not defined on additive sharings", describe(x)]);
  if (x.kind === "X" && op === "-") throw new ValueError("kindMismatch", ["'-' is not defined on XOR sharings", describe(x)]);
  const comps = x.comps.map((c, p) => {
    if (c === undefined) return undefined;
    if (x.kind === "X" && p !== 0) return c;
    return locUnary(b, op, c);
  });
  return { k: "dist", kind: x.kind, width: x.width, comps };
}

/** Applies a per-party map to every defined component. */
export function mapDist(x: Dist, f: (l: Loc, p: Party) => Loc, kind: DistKind = x.kind, width = x.width): Dist {
  return { k: "dist", kind, width, comps: x.comps.map((c, p) => (c === undefined ? undefined : f(c, p as Party))) };
}
