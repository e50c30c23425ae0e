/**
 * Symbols: what names in a program refer to. Kinds, domains, structs (and their
 * instances), procedures (plain, operator and cast definitions, templated or not,
 * and their instances) and variables (global, local, parameter).
 *
 * Symbols are created by the declaration collector (check-decl.ts) and never
 * change identity afterwards; mutable fields are filled in once, in phase order
 * (signature, then body). Every symbol keeps its declaring AST node and module so
 * diagnostics and the language server can point at it.
 */
import type * as ast from "../syntax/ast.js";
import type { SourceFile } from "../source/source-file.js";
import type { DataType, PrimData, Type } from "./types.js";
import type { Binding, Quantifier, TypePattern } from "./patterns.js";
import type { BoundBlock } from "./bound.js";

/** One loaded module: its file, tree and direct imports. */
export interface ModuleInfo {
  readonly name: string;
  readonly file: SourceFile;
  readonly ast: ast.Module;
  /** Direct imports (resolved), in source order; missing modules are left out. */
  readonly imports: ModuleInfo[];
  /** Index in initialisation order (imports before importers). */
  order: number;
  /** From the built-in library directory: bodies are parsed and checked on first use. */
  readonly library: boolean;
}

export interface KindTypeEntry {
  readonly name: string;
  readonly data: DataType;
  /** The public counterpart (declassify result, classification source); undefined when there is none. */
  readonly publicType: PrimData | undefined;
  readonly decl: ast.KindTypeDecl;
}

export interface KindSymbol {
  readonly kind: "kind";
  readonly name: string;
  readonly decl: ast.KindDecl;
  readonly module: ModuleInfo;
  readonly types: Map<string, KindTypeEntry>;
}

export interface DomainSymbol {
  readonly kind: "domain";
  readonly name: string;
  readonly decl: ast.DomainDecl;
  readonly module: ModuleInfo;
  /** Undefined when the kind name did not resolve (reported once). */
  kindSym: KindSymbol | undefined;
}

export interface StructField {
  readonly name: string;
  readonly type: Type;
  readonly decl: ast.StructField;
}

export interface StructSymbol {
  readonly kind: "struct";
  readonly name: string;
  readonly decl: ast.StructDecl;
  readonly module: ModuleInfo;
  readonly quantifiers: readonly Quantifier[];
  /** Instances by binding key ("" for a non-template struct). */
  readonly instances: Map<string, StructInstance>;
}

export interface StructInstance {
  readonly struct: StructSymbol;
  readonly args: readonly Binding[];
  readonly displayName: string;
  /** Filled when the instance is created; empty while its field types are being resolved. */
  fields: StructField[];
  /** True while resolving field types (recursion detection). */
  resolving: boolean;
}

export type ProcForm = "procedure" | "operator" | "cast";

export interface ProcSymbol {
  readonly kind: "proc";
  readonly id: number;
  /** The procedure name; `operator+` etc. for operator definitions and `cast` for casts. */
  readonly name: string;
  readonly form: ProcForm;
  readonly decl: ast.ProcDecl;
  readonly module: ModuleInfo;
  readonly quantifiers: readonly Quantifier[];
  /** Parameter types (with quantifiers for templates); filled by the signature pass. */
  params: TypePattern[];
  /** Undefined for void procedures. */
  ret: TypePattern | undefined;
  /** `@deprecated` message ("" when given without one), undefined when not deprecated. */
  deprecated: string | undefined;
  /** False when the signature had errors; such procedures never match a call. */
  signatureOk: boolean;
  /** Instances by binding key ("" for the only instance of a non-template procedure). */
  readonly instances: Map<string, ProcInstance>;
}

export interface ProcInstance {
  readonly id: number;
  readonly proc: ProcSymbol;
  /** The substitution, one binding per quantifier (empty for non-templates). */
  readonly bindings: readonly Binding[];
  readonly params: readonly Type[];
  /** VOID_TYPE for void procedures. */
  readonly ret: Type;
  /** One symbol per parameter, created when the body is checked. */
  paramSymbols: VarSymbol[];
  /** The checked body; undefined until checked (or when the instance failed). */
  body: BoundBlock | undefined;
  /** "pending" until checked; "checking" while its body is checked; "failed" when the body had errors. */
  state: "pending" | "checking" | "ok" | "failed";
  /** Display name such as `f<pd_shared3p, uint32>`. */
  readonly displayName: string;
}

export type VarStorage = "global" | "local" | "param";

export interface VarSymbol {
  readonly kind: "var";
  readonly id: number;
  readonly name: string;
  readonly storage: VarStorage;
  readonly type: Type;
  /** The declarator or parameter that declares it. */
  readonly decl: ast.Declarator | ast.Param;
  readonly module: ModuleInfo;
}

/** Anything a name can resolve to; the language server's symbol table uses this. */
export type AnySymbol = KindSymbol | DomainSymbol | StructSymbol | ProcSymbol | VarSymbol | Quantifier;

let nextId = 1;

/** A fresh id for symbols and instances (unique within the process). */
export function freshId(): number {
  return nextId++;
}
