/**
 * AST of Tripl, the protocol DSL (protocols.md §4.2, as implemented here).
 * Nodes are immutable plain objects carrying [start, end) offsets into their source.
 * Expressions are one tagged union; the elaborator decides from context whether an
 * expression is static (widths, parties, loop bounds) or dynamic (lane vectors).
 */
import type { Ranged } from "../source/span.js";

export type BinaryOp = "+" | "-" | "*" | "/" | "%" | "&" | "|" | "^" | "<<" | ">>" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||";
export type UnaryOp = "-" | "~" | "!";

export type Expr =
  | { readonly kind: "int"; readonly value: bigint; readonly start: number; readonly end: number }
  | { readonly kind: "name"; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly start: number; readonly end: number }
  | { readonly kind: "unary"; readonly op: UnaryOp; readonly operand: Expr; readonly start: number; readonly end: number }
  /** `e@party`: the value of `e` computed at `party`, delivered to the current party. */
  | { readonly kind: "at"; readonly value: Expr; readonly party: Expr; readonly start: number; readonly end: number }
  /** `f<statics>(args)` (a protocol or a builtin such as lift, low, ones, pow2s). */
  | { readonly kind: "call"; readonly callee: string; readonly calleeRange: Ranged; readonly statics: readonly Expr[]; readonly args: readonly Expr[]; readonly start: number; readonly end: number }
  /** `rnd<n>{S}`: fresh randomness known to the parties in S. */
  | { readonly kind: "rnd"; readonly width: Expr; readonly holders: readonly Expr[]; readonly start: number; readonly end: number }
  /** `zs<n>` / `xzs<n>`: this party's component of a fresh additive / XOR zero-sharing. */
  | { readonly kind: "zeroShare"; readonly xor: boolean; readonly width: Expr; readonly start: number; readonly end: number }
  /** `A<n>{P1: e1, ...}` / `X<n>{...}` (components) or `A<n>(y)` (per-party local). */
  | { readonly kind: "share"; readonly sharing: "A" | "X"; readonly width: Expr; readonly parts: readonly SharePart[] | undefined; readonly local: Expr | undefined; readonly start: number; readonly end: number }
  /** `perm{a, b}(key)`: the lane permutation parties a and b derive from a shuffle key. */
  | { readonly kind: "perm"; readonly holders: readonly Expr[]; readonly key: Expr; readonly start: number; readonly end: number }
  | { readonly kind: "tuple"; readonly items: readonly Expr[]; readonly start: number; readonly end: number }
  | { readonly kind: "list"; readonly items: readonly Expr[]; readonly start: number; readonly end: number };

export interface SharePart {
  readonly party: Expr;
  readonly value: Expr;
}

export type Pattern =
  | { readonly kind: "bind"; readonly name: string; readonly start: number; readonly end: number }
  | { readonly kind: "tuple"; readonly items: readonly Pattern[]; readonly start: number; readonly end: number };

export type Stmt =
  | { readonly kind: "let"; readonly pattern: Pattern; readonly value: Expr; readonly start: number; readonly end: number }
  | { readonly kind: "var"; readonly name: string; readonly value: Expr; readonly start: number; readonly end: number }
  | { readonly kind: "assign"; readonly name: string; readonly value: Expr; readonly start: number; readonly end: number }
  | { readonly kind: "each"; readonly variable: string; readonly body: readonly Stmt[]; readonly start: number; readonly end: number }
  | { readonly kind: "atParties"; readonly parties: readonly Expr[]; readonly body: readonly Stmt[]; readonly start: number; readonly end: number }
  | { readonly kind: "return"; readonly value: Expr; readonly start: number; readonly end: number }
  | { readonly kind: "staticFor"; readonly pattern: Pattern; readonly iterable: Expr; readonly body: readonly Stmt[]; readonly start: number; readonly end: number }
  | { readonly kind: "staticIf"; readonly condition: Expr; readonly then: readonly Stmt[]; readonly otherwise: readonly Stmt[]; readonly start: number; readonly end: number };

export type TypeExpr =
  | { readonly kind: "A" | "X" | "Pub"; readonly width: Expr; readonly start: number; readonly end: number }
  | { readonly kind: "B" | "Key"; readonly start: number; readonly end: number }
  | { readonly kind: "Z"; readonly width: Expr; readonly holder: Expr; readonly start: number; readonly end: number }
  | { readonly kind: "tuple"; readonly items: readonly TypeExpr[]; readonly start: number; readonly end: number };

export interface StaticParam {
  readonly name: string;
  readonly sort: "Nat" | "Party";
  readonly start: number;
  readonly end: number;
}

export interface Param {
  readonly name: string;
  readonly type: TypeExpr;
  readonly start: number;
  readonly end: number;
}

export interface ProtoDecl {
  readonly kind: "proto";
  readonly name: string;
  readonly nameRange: Ranged;
  readonly statics: readonly StaticParam[];
  readonly params: readonly Param[];
  readonly result: TypeExpr;
  readonly body: readonly Stmt[];
  readonly doc: string;
  readonly start: number;
  readonly end: number;
}

/** `export name<args> for v in list, w in list`: the instances to generate. */
export interface ExportDecl {
  readonly kind: "export";
  readonly name: string;
  readonly nameRange: Ranged;
  readonly statics: readonly Expr[];
  readonly loops: readonly { readonly variable: string; readonly values: Expr }[];
  readonly start: number;
  readonly end: number;
}

export interface TriplFile {
  readonly protos: readonly ProtoDecl[];
  readonly exports: readonly ExportDecl[];
}
