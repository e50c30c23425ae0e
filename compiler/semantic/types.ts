/**
 * The semantic type model of SecreC 2 (secrec-reference.md §3): a full type is a
 * security type, a data type and a dimensionality.
 *
 * Everything here is concrete: template quantifiers never appear in checked code
 * because every template body is checked per instantiation with its quantifiers
 * substituted (see templates.ts; signatures with quantifiers use the patterns of
 * patterns.ts). Types are compared structurally with `sameType`; primitive data
 * types, user data types and struct instances are interned, so data types compare
 * by identity.
 *
 * Invariants: a struct data type is always public and scalar; a user data type
 * (`xor_uint32`, `fix32`) never appears with the public security type.
 */
import type { DomainSymbol, StructInstance } from "./symbols.js";

// ---------------------------------------------------------------------------
// Security types

export interface PublicSec {
  readonly tag: "public";
}

export interface DomainSec {
  readonly tag: "domain";
  readonly domain: DomainSymbol;
}

export type SecType = PublicSec | DomainSec;

export const PUBLIC: PublicSec = { tag: "public" };

const domainSecs = new WeakMap<DomainSymbol, DomainSec>();

/** The (interned) security type of a protection domain. */
export function domainSec(domain: DomainSymbol): DomainSec {
  let s = domainSecs.get(domain);
  if (!s) {
    s = { tag: "domain", domain };
    domainSecs.set(domain, s);
  }
  return s;
}

export function sameSec(a: SecType, b: SecType): boolean {
  return a === b || (a.tag === "domain" && b.tag === "domain" && a.domain === b.domain);
}

export function secName(s: SecType): string {
  return s.tag === "public" ? "public" : s.domain.name;
}

// ---------------------------------------------------------------------------
// Data types

export type PrimName =
  | "bool"
  | "int8" | "int16" | "int32" | "int64"
  | "uint8" | "uint16" | "uint32" | "uint64"
  | "float32" | "float64"
  | "string";

export interface PrimData {
  readonly tag: "prim";
  readonly name: PrimName;
}

/** A data type declared inside a kind with a non-built-in name (`xor_uint32`, `fix32`), identified by its name. */
export interface UserData {
  readonly tag: "user";
  readonly name: string;
}

export interface StructData {
  readonly tag: "struct";
  readonly instance: StructInstance;
}

/** The data type of an expression whose type could not be determined; never reported on again. */
export interface ErrorData {
  readonly tag: "error";
}

/** The "data type" of a call to a void procedure. */
export interface VoidData {
  readonly tag: "void";
}

export type DataType = PrimData | UserData | StructData | ErrorData | VoidData;

const primTable = new Map<PrimName, PrimData>();
for (const n of [
  "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "string",
] as const) {
  primTable.set(n, { tag: "prim", name: n });
}

/** The interned primitive data type of that name. */
export function prim(name: PrimName): PrimData {
  return primTable.get(name) as PrimData;
}

const userTable = new Map<string, UserData>();

/** The interned user data type of that name. */
export function userData(name: string): UserData {
  let u = userTable.get(name);
  if (!u) {
    u = { tag: "user", name };
    userTable.set(name, u);
  }
  return u;
}

export const ERROR_DATA: ErrorData = { tag: "error" };
export const VOID_DATA: VoidData = { tag: "void" };

/** Maps the aliases `int`, `uint`, `float` of the surface syntax to their primitive types. */
export function primFromKeyword(name: string): PrimName | undefined {
  switch (name) {
    case "int":
      return "int64";
    case "uint":
      return "uint64";
    case "float":
      return "float32";
    default:
      return primTable.has(name as PrimName) ? (name as PrimName) : undefined;
  }
}

export function dataName(d: DataType): string {
  switch (d.tag) {
    case "prim":
    case "user":
      return d.name;
    case "struct":
      return d.instance.displayName;
    case "error":
      return "<error>";
    case "void":
      return "void";
    default: {
      const never: never = d;
      return never;
    }
  }
}

export function isSignedInt(d: DataType): boolean {
  return d.tag === "prim" && (d.name === "int8" || d.name === "int16" || d.name === "int32" || d.name === "int64");
}

export function isUnsignedInt(d: DataType): boolean {
  return d.tag === "prim" && (d.name === "uint8" || d.name === "uint16" || d.name === "uint32" || d.name === "uint64");
}

export function isInteger(d: DataType): boolean {
  return isSignedInt(d) || isUnsignedInt(d);
}

export function isFloat(d: DataType): boolean {
  return d.tag === "prim" && (d.name === "float32" || d.name === "float64");
}

export function isNumeric(d: DataType): boolean {
  return isInteger(d) || isFloat(d);
}

export function isBool(d: DataType): boolean {
  return d.tag === "prim" && d.name === "bool";
}

export function isString(d: DataType): boolean {
  return d.tag === "prim" && d.name === "string";
}

/** Bit width of an integer type. */
export function intBits(d: PrimData): number {
  return Number(d.name.replace(/^u?int/, ""));
}

/** The inclusive value range of an integer primitive type. */
export function intRange(d: PrimData): { min: bigint; max: bigint } {
  const bits = BigInt(intBits(d));
  if (isSignedInt(d)) return { min: -(1n << (bits - 1n)), max: (1n << (bits - 1n)) - 1n };
  return { min: 0n, max: (1n << bits) - 1n };
}

// ---------------------------------------------------------------------------
// Full types

export interface Type {
  readonly sec: SecType;
  readonly data: DataType;
  readonly dim: number;
}

export function mkType(sec: SecType, data: DataType, dim = 0): Type {
  return { sec, data, dim };
}

export const ERROR_TYPE: Type = { sec: PUBLIC, data: ERROR_DATA, dim: 0 };
export const VOID_TYPE: Type = { sec: PUBLIC, data: VOID_DATA, dim: 0 };

export function isError(t: Type): boolean {
  return t.data.tag === "error";
}

export function isVoid(t: Type): boolean {
  return t.data.tag === "void";
}

export function isPublic(t: Type): boolean {
  return t.sec.tag === "public";
}

export function isPrivate(t: Type): boolean {
  return t.sec.tag === "domain";
}

export function sameType(a: Type, b: Type): boolean {
  return a.data === b.data && a.dim === b.dim && sameSec(a.sec, b.sec);
}

export const PUB_BOOL: Type = mkType(PUBLIC, prim("bool"));
export const PUB_UINT: Type = mkType(PUBLIC, prim("uint64"));
export const PUB_STRING: Type = mkType(PUBLIC, prim("string"));

/** `pd_shared3p uint32[[1]]`, `int64`, `pair<public,int64>` as written in SecreC. */
export function typeName(t: Type): string {
  if (t.data.tag === "void") return "void";
  if (t.data.tag === "error") return "<error>";
  const sec = t.sec.tag === "public" ? "" : `${t.sec.domain.name} `;
  const dim = t.dim === 0 ? "" : `[[${t.dim}]]`;
  return `${sec}${dataName(t.data)}${dim}`;
}

/**
 * What the context expects of an expression (declaration type, assignment target,
 * `::` annotation, return type, other operand): any of the three parts may be
 * unknown. Used for literal typing and return-type overloading.
 */
export interface Expected {
  readonly sec?: SecType | undefined;
  readonly data?: DataType | undefined;
  readonly dim?: number | undefined;
}

export function expectedOf(t: Type | undefined): Expected | undefined {
  if (!t || isError(t) || isVoid(t)) return undefined;
  return { sec: t.sec, data: t.data, dim: t.dim };
}
