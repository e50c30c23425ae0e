/**
 * The checked program: the contract between the type checker and the lowering.
 *
 * `CheckedProgram` holds the modules in initialisation order, the kinds and domains,
 * struct instances with their field layouts, global variables in initialisation
 * order (with their bound initialisers), and one fully typed, fully resolved body per
 * procedure INSTANCE: each non-template procedure has one instance (empty
 * substitution); each template has one instance per distinct substitution that the
 * program uses. Instances whose bodies failed to check have `body === undefined`;
 * lowering must not run when `diagnostics` contain errors.
 *
 * Bound trees (invariants the lowering may rely on):
 * - every expression carries its full concrete `type` (no quantifiers);
 * - literals carry their final data type and exact value (`bigint` for integers,
 *   `number` for floats, `boolean`, `string`);
 * - implicit classifications are explicit `Classify` nodes (public -> the node's
 *   domain, data type mapped to the kind's type) — and explicit `declassify` is a
 *   `Builtin` named "declassify";
 * - operator uses are `Builtin{Unary,Binary}` (public built-in operations on the
 *   operand data type) or `OperatorCall` pointing at the operator definition instance;
 *   when a definition over vectors is applied to scalars or n-D arrays, its operands
 *   are wrapped in `ToVector` (a scalar operand next to an array operand is broadcast
 *   to that array's number of elements); when the use site's dimensionality is not 1,
 *   the call has `reshapeResult` set: the result vector is reshaped back to the shape
 *   of the (first) array operand, or to a scalar when all operands are scalars;
 * - casts are `PublicCast` (built-in conversion of public values), `CastCall`
 *   (a cast definition instance, with the same ToVector/reshapeResult convention) or
 *   no node at all when the data type is unchanged;
 * - calls point to the `ProcInstance` they call;
 * - variables point to their `VarSymbol` (global, local or parameter);
 * - `x op= y`, `x++`, `--x` are `CompoundAssign`/`IncDec` nodes whose `combined`
 *   expression computes the new value with `TargetValue` standing for the current
 *   value of the target (the target is evaluated once);
 * - string literals with `$` interpolation are `Interpolation` nodes whose parts are
 *   text (types, domains and constants already spelled out) or public scalar
 *   expressions to be converted as by `tostring`; syscall names are constant strings;
 * - every node keeps its AST node in `syntax` for source positions.
 */
import type * as ast from "../syntax/ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Type } from "./types.js";
import type {
  DomainSymbol,
  KindSymbol,
  ModuleInfo,
  ProcInstance,
  StructInstance,
  VarSymbol,
} from "./symbols.js";
import type { AnySymbol } from "./symbols.js";

// ---------------------------------------------------------------------------
// Expressions

export type BoundExpr =
  | BoundLiteral
  | BoundInterpolation
  | BoundVar
  | BoundClassify
  | BoundToVector
  | BoundBuiltinUnary
  | BoundBuiltinBinary
  | BoundOperatorCall
  | BoundCall
  | BoundPublicCast
  | BoundCastCall
  | BoundTernary
  | BoundAssign
  | BoundCompoundAssign
  | BoundIncDec
  | BoundTargetValue
  | BoundComma
  | BoundIndex
  | BoundMember
  | BoundArrayLiteral
  | BoundBuiltin
  | BoundError;

interface ExprBase {
  readonly type: Type;
  readonly syntax: ast.Node;
}

export interface BoundLiteral extends ExprBase {
  readonly kind: "Literal";
  readonly value: bigint | number | boolean | string;
}

/** A string built from text and public scalar values (converted as by `tostring`). */
export interface BoundInterpolation extends ExprBase {
  readonly kind: "Interpolation";
  readonly parts: readonly (string | BoundExpr)[];
}

export interface BoundVar extends ExprBase {
  readonly kind: "Var";
  readonly symbol: VarSymbol;
}

/** Implicit classification of a public operand to the domain of `type`. */
export interface BoundClassify extends ExprBase {
  readonly kind: "Classify";
  readonly operand: BoundExpr;
}

/** Reshape of an operand to a vector for an operator/cast definition over vectors. */
export interface BoundToVector extends ExprBase {
  readonly kind: "ToVector";
  readonly operand: BoundExpr;
}

export type UnaryOp = "-" | "!" | "~";

/** A built-in operation on public values of data type `operand.type.data` (element-wise on arrays). */
export interface BoundBuiltinUnary extends ExprBase {
  readonly kind: "BuiltinUnary";
  readonly op: UnaryOp;
  readonly operand: BoundExpr;
}

/** A built-in public binary operation; `&&`/`||` short-circuit on scalars. Scalars broadcast against arrays. */
export interface BoundBuiltinBinary extends ExprBase {
  readonly kind: "BuiltinBinary";
  readonly op: ast.BinaryOp;
  readonly left: BoundExpr;
  readonly right: BoundExpr;
}

/** A use of an operator definition. */
export interface BoundOperatorCall extends ExprBase {
  readonly kind: "OperatorCall";
  readonly op: ast.OperatorSymbol;
  readonly instance: ProcInstance;
  readonly args: readonly BoundExpr[];
  /** The definition works on vectors and the use site's operands were not: reshape the result back (see header). */
  readonly reshapeResult: boolean;
}

export interface BoundCall extends ExprBase {
  readonly kind: "Call";
  readonly instance: ProcInstance;
  readonly args: readonly BoundExpr[];
}

/** Built-in conversion of public values between bool and numeric types. */
export interface BoundPublicCast extends ExprBase {
  readonly kind: "PublicCast";
  readonly operand: BoundExpr;
}

export interface BoundCastCall extends ExprBase {
  readonly kind: "CastCall";
  readonly instance: ProcInstance;
  readonly operand: BoundExpr;
  readonly reshapeResult: boolean;
}

export interface BoundTernary extends ExprBase {
  readonly kind: "Ternary";
  readonly cond: BoundExpr;
  readonly then: BoundExpr;
  readonly else: BoundExpr;
}

/** `target = value`; a scalar value assigned to an array target fills it. */
export interface BoundAssign extends ExprBase {
  readonly kind: "Assign";
  readonly target: BoundExpr;
  readonly value: BoundExpr;
}

/** `target op= value`: target = combined, where `combined` contains one TargetValue. */
export interface BoundCompoundAssign extends ExprBase {
  readonly kind: "CompoundAssign";
  readonly op: ast.AssignOp;
  readonly target: BoundExpr;
  readonly combined: BoundExpr;
}

/** `++x`, `x--`...: target = combined (target ± 1); the value is the new (prefix) or old (postfix) one. */
export interface BoundIncDec extends ExprBase {
  readonly kind: "IncDec";
  readonly op: "++" | "--";
  readonly prefix: boolean;
  readonly target: BoundExpr;
  readonly combined: BoundExpr;
}

/** The current value of the enclosing CompoundAssign/IncDec target. */
export interface BoundTargetValue extends ExprBase {
  readonly kind: "TargetValue";
}

export interface BoundComma extends ExprBase {
  readonly kind: "Comma";
  readonly left: BoundExpr;
  readonly right: BoundExpr;
}

export interface BoundSlice {
  readonly kind: "Slice";
  readonly lo: BoundExpr | undefined;
  readonly hi: BoundExpr | undefined;
  readonly syntax: ast.Slice;
}

/** Indexing with exactly one public uint64 index or slice per dimension. */
export interface BoundIndex extends ExprBase {
  readonly kind: "Index";
  readonly target: BoundExpr;
  readonly indices: readonly (BoundExpr | BoundSlice)[];
}

export interface BoundMember extends ExprBase {
  readonly kind: "Member";
  readonly target: BoundExpr;
  readonly struct: StructInstance;
  readonly fieldIndex: number;
}

export interface BoundArrayLiteral extends ExprBase {
  readonly kind: "ArrayLiteral";
  readonly elements: readonly BoundExpr[];
}

export type BuiltinKind =
  | "size"
  | "shape"
  | "reshape"
  | "cat"
  | "declassify"
  | "tostring"
  | "strlen"
  | "domainid"
  | "bytes_from_string"
  | "string_from_bytes"
  | "fpu_state"
  | "set_fpu_state";

/**
 * A built-in expression. Arguments: size/shape/declassify/tostring/strlen/
 * bytes_from_string/string_from_bytes/set_fpu_state one; reshape the array then the
 * extents; cat the two arrays (classified to a common domain) and `dimension`;
 * domainid none (`domain` is set); fpu_state none.
 */
export interface BoundBuiltin extends ExprBase {
  readonly kind: "Builtin";
  readonly name: BuiltinKind;
  readonly args: readonly BoundExpr[];
  /** cat: the dimension to concatenate along. */
  readonly dimension?: number;
  /** domainid: the domain. */
  readonly domain?: DomainSymbol;
}

export interface BoundError extends ExprBase {
  readonly kind: "Error";
}

// ---------------------------------------------------------------------------
// Statements

export type BoundStmt =
  | BoundBlock
  | BoundVarDecl
  | BoundIf
  | BoundWhile
  | BoundDoWhile
  | BoundFor
  | BoundBreak
  | BoundContinue
  | BoundReturn
  | BoundAssert
  | BoundPrint
  | BoundSyscall
  | BoundExprStmt;

export interface BoundBlock {
  readonly kind: "Block";
  readonly stmts: readonly BoundStmt[];
  readonly syntax: ast.Node;
}

export interface BoundDeclarator {
  readonly symbol: VarSymbol;
  /** Extents `(e1, ..., en)`, public uint64 scalars, one per dimension. */
  readonly shape: readonly BoundExpr[] | undefined;
  /** Already classified to the variable's security type when needed. */
  readonly init: BoundExpr | undefined;
  readonly syntax: ast.Declarator;
}

export interface BoundVarDecl {
  readonly kind: "VarDecl";
  readonly declarators: readonly BoundDeclarator[];
  readonly syntax: ast.Node;
}

export interface BoundIf {
  readonly kind: "If";
  readonly cond: BoundExpr;
  readonly then: BoundStmt;
  readonly else: BoundStmt | undefined;
  readonly syntax: ast.Node;
}

export interface BoundWhile {
  readonly kind: "While";
  readonly cond: BoundExpr;
  readonly body: BoundStmt;
  readonly syntax: ast.Node;
}

export interface BoundDoWhile {
  readonly kind: "DoWhile";
  readonly body: BoundStmt;
  readonly cond: BoundExpr;
  readonly syntax: ast.Node;
}

export interface BoundFor {
  readonly kind: "For";
  readonly init: BoundVarDecl | BoundExpr | undefined;
  readonly cond: BoundExpr | undefined;
  readonly step: BoundExpr | undefined;
  readonly body: BoundStmt;
  readonly syntax: ast.Node;
}

export interface BoundBreak {
  readonly kind: "Break";
  readonly syntax: ast.Node;
}

export interface BoundContinue {
  readonly kind: "Continue";
  readonly syntax: ast.Node;
}

export interface BoundReturn {
  readonly kind: "Return";
  /** Classified to the procedure's return type when needed. */
  readonly value: BoundExpr | undefined;
  readonly syntax: ast.Node;
}

export interface BoundAssert {
  readonly kind: "Assert";
  readonly cond: BoundExpr;
  readonly syntax: ast.Node;
}

/** Each argument is a public scalar or string, printed as by `tostring`, concatenated. */
export interface BoundPrint {
  readonly kind: "Print";
  readonly args: readonly BoundExpr[];
  readonly syntax: ast.Node;
}

export interface BoundSyscallArg {
  readonly mode: ast.SyscallArg["mode"];
  readonly expr: BoundExpr;
  readonly syntax: ast.SyscallArg;
}

export interface BoundSyscall {
  readonly kind: "Syscall";
  /** The constant name after interpolation. */
  readonly name: string;
  readonly args: readonly BoundSyscallArg[];
  readonly syntax: ast.Node;
}

export interface BoundExprStmt {
  readonly kind: "ExprStmt";
  readonly expr: BoundExpr;
  readonly syntax: ast.Node;
}

// ---------------------------------------------------------------------------
// The program

export interface BoundGlobal {
  readonly symbol: VarSymbol;
  readonly shape: readonly BoundExpr[] | undefined;
  readonly init: BoundExpr | undefined;
  readonly syntax: ast.Declarator;
}

/**
 * Analysis results for the language server, keyed by AST node identity. Entries for
 * procedure bodies are derived from the bound trees on first access (tables.ts), so
 * reading them costs nothing until an editor asks.
 */
export interface SideTables {
  /** The type of each checked expression (template bodies: from their first instantiation). */
  readonly exprTypes: Map<ast.Expr, Type>;
  /** What each name use refers to (`Name` expressions, callees, type names, domain names). */
  readonly references: Map<ast.Node, AnySymbol>;
  /** The symbol each declaration introduces (declarators, parameters, procedures, structs...). */
  readonly declarations: Map<ast.Node, AnySymbol>;
  /** The module (and so the file) each module tree belongs to. */
  readonly modules: Map<ast.Module, ModuleInfo>;
}

export interface CheckedProgram {
  /** Modules in initialisation order (imports first); the entry module is last. */
  readonly modules: readonly ModuleInfo[];
  readonly entry: ModuleInfo | undefined;
  readonly kinds: readonly KindSymbol[];
  readonly domains: readonly DomainSymbol[];
  /** Every struct instance used, with its field layout. */
  readonly structs: readonly StructInstance[];
  /** Global variables in initialisation order. */
  readonly globals: readonly BoundGlobal[];
  /** Every procedure instance that was checked, in the order they were checked. */
  readonly instances: readonly ProcInstance[];
  /** The entry module's `void main()`, when there is exactly one. */
  readonly main: ProcInstance | undefined;
  readonly tables: SideTables;
}

/** The diagnostics of a check, for callers that keep them beside the program. */
export interface CheckResult {
  readonly program: CheckedProgram;
  readonly diagnostics: readonly Diagnostic[];
}
