/**
 * The typed abstract syntax tree of SecreC 2 (secrec-reference.md §1–§5).
 *
 * Every node has a string-literal `kind` and the half-open UTF-16 offset range
 * [start, end) of its source text in the module's file. Trees are immutable after
 * parsing: analyses (scopes, types, resolved callees) live in side tables keyed by
 * node identity, never in the tree. The tree keeps what the formatter needs to
 * reprint a program without changing it: parentheses (`Paren`), raw literal text,
 * and the module's comments.
 *
 * Error recovery produces `ErrorExpr`/`ErrorStmt`/`ErrorDecl` placeholders carrying a
 * range, so later phases never see `undefined` where a node is expected; they skip
 * them without reporting cascading errors.
 */

export interface NodeBase {
  readonly start: number;
  readonly end: number;
}

/** A name as written; also used for keyword-named kind types such as `type bool;`. */
export interface Identifier extends NodeBase {
  readonly kind: "Identifier";
  readonly name: string;
}

export interface Comment extends NodeBase {
  readonly kind: "LineComment" | "BlockComment";
  /** The full text including `//` or `/* *\/`. */
  readonly text: string;
}

// ---------------------------------------------------------------------------
// Modules and top-level declarations

/** module := [ 'module' ID ';' ] import* global_decl* */
export interface Module extends NodeBase {
  readonly kind: "Module";
  readonly name: Identifier | undefined;
  readonly imports: readonly ImportDecl[];
  readonly decls: readonly TopDecl[];
  readonly comments: readonly Comment[];
}

/** import := 'import' ID ';' */
export interface ImportDecl extends NodeBase {
  readonly kind: "Import";
  readonly name: Identifier;
}

export type TopDecl = VarDecl | DomainDecl | KindDecl | ProcDecl | StructDecl | ErrorDecl;

/** 'domain' ID ID ';' — a protection domain of a kind: `domain pd_shared3p shared3p;` */
export interface DomainDecl extends NodeBase {
  readonly kind: "DomainDecl";
  readonly name: Identifier;
  readonly kindName: Identifier;
}

/** 'kind' ID '{' kind_type* '}' | 'kind' ID ';' (no type list: every built-in type) */
export interface KindDecl extends NodeBase {
  readonly kind: "KindDecl";
  readonly name: Identifier;
  readonly types: readonly KindTypeDecl[];
}

/** 'type' NAME ';' | 'type' NAME '{' 'public' '=' PRIM '}' ';' (NAME may be a primitive type keyword) */
export interface KindTypeDecl extends NodeBase {
  readonly kind: "KindTypeDecl";
  readonly name: Identifier;
  readonly publicType: PrimitiveType | undefined;
}

/** template_header := 'template' '<' quant (',' quant)* '>' */
export interface TemplateHeader extends NodeBase {
  readonly kind: "TemplateHeader";
  readonly params: readonly TemplateParam[];
}

/** quant := 'domain' ID [':' KIND] | 'type' ID | 'dim' ID */
export interface TemplateParam extends NodeBase {
  readonly kind: "TemplateParam";
  readonly paramKind: "domain" | "type" | "dim";
  readonly name: Identifier;
  /** For `domain D : shared3p`, the kind restriction. */
  readonly kindName: Identifier | undefined;
}

/** '@' ID [ '(' STRING ')' ] — only `@deprecated` is meaningful. */
export interface Annotation extends NodeBase {
  readonly kind: "Annotation";
  readonly name: Identifier;
  readonly argument: StringLiteral | undefined;
}

export type OperatorSymbol =
  | "+" | "-" | "*" | "/" | "%"
  | "&" | "|" | "^" | "<<" | ">>"
  | "==" | "!=" | "<" | ">" | "<=" | ">="
  | "&&" | "||" | "!" | "~";

/**
 * A procedure, operator definition or cast definition, optionally templated:
 *   [template_header] [annotation] ret_type ID '(' params ')' block
 *   [template_header] ret_type 'operator' OP '(' params ')' block
 *   [template_header] ret_type 'cast' '(' param ')' block
 */
export interface ProcDecl extends NodeBase {
  readonly kind: "ProcDecl";
  readonly form: "procedure" | "operator" | "cast";
  readonly template: TemplateHeader | undefined;
  readonly annotations: readonly Annotation[];
  readonly returnType: TypeExpr | VoidType;
  /** The procedure name; for operators and casts, the `operator`/`cast` keyword range with name "operator+" / "cast". */
  readonly name: Identifier;
  /** For operator definitions: the operator and its range. */
  readonly operator: { readonly symbol: OperatorSymbol; readonly start: number; readonly end: number } | undefined;
  readonly params: readonly Param[];
  readonly body: Block;
}

export interface Param extends NodeBase {
  readonly kind: "Param";
  readonly type: TypeExpr;
  readonly name: Identifier;
}

/** [template_header] 'struct' ID '{' (type ID ';')* '}' — no ';' after '}'. */
export interface StructDecl extends NodeBase {
  readonly kind: "StructDecl";
  readonly template: TemplateHeader | undefined;
  readonly name: Identifier;
  readonly fields: readonly StructField[];
}

export interface StructField extends NodeBase {
  readonly kind: "StructField";
  readonly type: TypeExpr;
  readonly name: Identifier;
}

export interface ErrorDecl extends NodeBase {
  readonly kind: "ErrorDecl";
}

// ---------------------------------------------------------------------------
// Types

export type PrimitiveTypeName =
  | "bool"
  | "int" | "int8" | "int16" | "int32" | "int64"
  | "uint" | "uint8" | "uint16" | "uint32" | "uint64"
  | "float" | "float32" | "float64"
  | "string";

/** type := [ 'public' | ID ] datatype [ '[[' (INT | ID) ']]' ] */
export interface TypeExpr extends NodeBase {
  readonly kind: "TypeExpr";
  /** Absent means public. */
  readonly security: SecurityExpr | undefined;
  readonly data: DataTypeExpr;
  /** Absent means scalar ([[0]]). */
  readonly dim: DimExpr | undefined;
}

export interface VoidType extends NodeBase {
  readonly kind: "VoidType";
}

export type SecurityExpr = PublicSecurity | DomainSecurity;

export interface PublicSecurity extends NodeBase {
  readonly kind: "PublicSecurity";
}

/** A domain name or a domain type variable. */
export interface DomainSecurity extends NodeBase {
  readonly kind: "DomainSecurity";
  readonly name: Identifier;
}

export type DataTypeExpr = PrimitiveType | NamedType;

/** A built-in data type keyword as written (`int`, `uint`, `float` are aliases resolved later). */
export interface PrimitiveType extends NodeBase {
  readonly kind: "PrimitiveType";
  readonly name: PrimitiveTypeName;
}

/**
 * A data type named by an identifier: a kind-declared type (`xor_uint32`, `fix32`),
 * a struct (`pair<pd_shared3p, uint32>`), or a type variable `T`.
 */
export interface NamedType extends NodeBase {
  readonly kind: "NamedType";
  readonly name: Identifier;
  readonly typeArgs: readonly TypeArg[] | undefined;
}

/** A struct type argument: a domain (or `public`), a data type, or a dimension literal. */
export type TypeArg = PublicSecurity | PrimitiveType | NamedType | IntLiteral;

export type DimExpr = DimLiteral | DimVar;

export interface DimLiteral extends NodeBase {
  readonly kind: "DimLiteral";
  readonly value: number;
}

export interface DimVar extends NodeBase {
  readonly kind: "DimVar";
  readonly name: Identifier;
}

/** The type after `::` — any of security, data type and dimension, in that order. */
export interface TypeAnnotation extends NodeBase {
  readonly kind: "TypeAnnotation";
  readonly security: SecurityExpr | undefined;
  readonly data: DataTypeExpr | undefined;
  readonly dim: DimExpr | undefined;
}

// ---------------------------------------------------------------------------
// Statements

export type Stmt =
  | Block
  | VarDecl
  | IfStmt
  | WhileStmt
  | DoWhileStmt
  | ForStmt
  | BreakStmt
  | ContinueStmt
  | ReturnStmt
  | AssertStmt
  | PrintStmt
  | SyscallStmt
  | ExprStmt
  | EmptyStmt
  | ErrorStmt;

export interface Block extends NodeBase {
  readonly kind: "Block";
  readonly stmts: readonly Stmt[];
}

/** type declarator (',' declarator)* ';' — also a global declaration and a `for` initialiser. */
export interface VarDecl extends NodeBase {
  readonly kind: "VarDecl";
  readonly type: TypeExpr;
  readonly declarators: readonly Declarator[];
}

/** ID [ '(' shape_exprs ')' ] [ '=' expr ] */
export interface Declarator extends NodeBase {
  readonly kind: "Declarator";
  readonly name: Identifier;
  readonly shape: readonly Expr[] | undefined;
  readonly init: Expr | undefined;
}

export interface IfStmt extends NodeBase {
  readonly kind: "If";
  readonly cond: Expr;
  readonly then: Stmt;
  readonly else: Stmt | undefined;
}

export interface WhileStmt extends NodeBase {
  readonly kind: "While";
  readonly cond: Expr;
  readonly body: Stmt;
}

export interface DoWhileStmt extends NodeBase {
  readonly kind: "DoWhile";
  readonly body: Stmt;
  readonly cond: Expr;
}

export interface ForStmt extends NodeBase {
  readonly kind: "For";
  readonly init: VarDecl | Expr | undefined;
  readonly cond: Expr | undefined;
  readonly step: Expr | undefined;
  readonly body: Stmt;
}

export interface BreakStmt extends NodeBase {
  readonly kind: "Break";
}

export interface ContinueStmt extends NodeBase {
  readonly kind: "Continue";
}

export interface ReturnStmt extends NodeBase {
  readonly kind: "Return";
  readonly value: Expr | undefined;
}

export interface AssertStmt extends NodeBase {
  readonly kind: "Assert";
  readonly cond: Expr;
}

export interface PrintStmt extends NodeBase {
  readonly kind: "Print";
  readonly args: readonly Expr[];
}

/** `__syscall("name", args...);` */
export interface SyscallStmt extends NodeBase {
  readonly kind: "Syscall";
  readonly name: StringLiteral;
  readonly args: readonly SyscallArg[];
}

/** A syscall argument: pushed value, `__return x`, `__ref x`, `__cref e` or `__readonly e`. */
export interface SyscallArg extends NodeBase {
  readonly kind: "SyscallArg";
  readonly mode: "push" | "return" | "ref" | "cref" | "readonly";
  readonly expr: Expr;
}

export interface ExprStmt extends NodeBase {
  readonly kind: "ExprStmt";
  readonly expr: Expr;
}

export interface EmptyStmt extends NodeBase {
  readonly kind: "Empty";
}

export interface ErrorStmt extends NodeBase {
  readonly kind: "ErrorStmt";
}

// ---------------------------------------------------------------------------
// Expressions

export type Expr =
  | IntLiteral
  | FloatLiteral
  | BoolLiteral
  | StringLiteral
  | NameExpr
  | ParenExpr
  | ArrayLiteral
  | UnaryExpr
  | IncDecExpr
  | CastExpr
  | BinaryExpr
  | TernaryExpr
  | AssignExpr
  | CommaExpr
  | AnnotatedExpr
  | CallExpr
  | IndexExpr
  | MemberExpr
  | BuiltinExpr
  | ErrorExpr;

export type IntSuffix = "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64";
export type FloatSuffix = "f32" | "f64";

/** Decimal, 0b, 0o or 0x integer, optionally suffixed. `value` is exact (no truncation). */
export interface IntLiteral extends NodeBase {
  readonly kind: "IntLiteral";
  readonly raw: string;
  readonly value: bigint;
  readonly suffix: IntSuffix | undefined;
}

/** `1.5`, `1.`, `1.5e-3`, `2e10`, and decimal integers with an `f32`/`f64` suffix. */
export interface FloatLiteral extends NodeBase {
  readonly kind: "FloatLiteral";
  readonly raw: string;
  readonly value: number;
  readonly suffix: FloatSuffix | undefined;
}

export interface BoolLiteral extends NodeBase {
  readonly kind: "BoolLiteral";
  readonly value: boolean;
}

/** A piece of a string literal: literal text (escapes resolved) or `$name`. */
export type StringPart =
  | { readonly kind: "Text"; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: "Interpolation"; readonly name: Identifier };

export interface StringLiteral extends NodeBase {
  readonly kind: "StringLiteral";
  /** Source text including the quotes. */
  readonly raw: string;
  readonly parts: readonly StringPart[];
}

export interface NameExpr extends NodeBase {
  readonly kind: "Name";
  readonly name: string;
}

export interface ParenExpr extends NodeBase {
  readonly kind: "Paren";
  readonly expr: Expr;
}

/** `{e1, e2, ...}` */
export interface ArrayLiteral extends NodeBase {
  readonly kind: "ArrayLiteral";
  readonly elements: readonly Expr[];
}

export interface UnaryExpr extends NodeBase {
  readonly kind: "Unary";
  readonly op: "-" | "!" | "~";
  readonly operand: Expr;
}

/** `++x`, `--x`, `x++`, `x--` */
export interface IncDecExpr extends NodeBase {
  readonly kind: "IncDec";
  readonly op: "++" | "--";
  readonly prefix: boolean;
  readonly operand: Expr;
}

/** C-style cast `(T) e`: changes the data type only. */
export interface CastExpr extends NodeBase {
  readonly kind: "Cast";
  readonly type: DataTypeExpr;
  readonly operand: Expr;
}

export type BinaryOp =
  | "*" | "/" | "%"
  | "+" | "-"
  | "<<" | ">>"
  | "<" | ">" | "<=" | ">="
  | "==" | "!="
  | "&" | "^" | "|"
  | "&&" | "||";

export interface BinaryExpr extends NodeBase {
  readonly kind: "Binary";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface TernaryExpr extends NodeBase {
  readonly kind: "Ternary";
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
}

export type AssignOp = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "&=" | "|=" | "^=";

export interface AssignExpr extends NodeBase {
  readonly kind: "Assign";
  readonly op: AssignOp;
  readonly target: Expr;
  readonly value: Expr;
}

/** `e1, e2` — evaluates both, yields e2. */
export interface CommaExpr extends NodeBase {
  readonly kind: "Comma";
  readonly left: Expr;
  readonly right: Expr;
}

/** `e :: T` */
export interface AnnotatedExpr extends NodeBase {
  readonly kind: "Annotated";
  readonly expr: Expr;
  readonly type: TypeAnnotation;
}

export interface CallExpr extends NodeBase {
  readonly kind: "Call";
  readonly callee: Identifier;
  readonly args: readonly Expr[];
}

/** `lo:hi`, `lo:`, `:hi`, `:` inside an index. */
export interface Slice extends NodeBase {
  readonly kind: "Slice";
  readonly lo: Expr | undefined;
  readonly hi: Expr | undefined;
}

/** `a[i, j:k, :]` — one index or slice per dimension. */
export interface IndexExpr extends NodeBase {
  readonly kind: "Index";
  readonly target: Expr;
  readonly indices: readonly (Expr | Slice)[];
}

export interface MemberExpr extends NodeBase {
  readonly kind: "Member";
  readonly target: Expr;
  readonly field: Identifier;
}

export type BuiltinName =
  | "size"
  | "shape"
  | "reshape"
  | "cat"
  | "declassify"
  | "tostring"
  | "strlen"
  | "__domainid"
  | "__bytes_from_string"
  | "__string_from_bytes"
  | "__fpu_state"
  | "__set_fpu_state";

/**
 * A built-in expression. `__domainid(D)` has one `Name` argument naming a domain;
 * `__fpu_state` has no arguments and no parentheses.
 */
export interface BuiltinExpr extends NodeBase {
  readonly kind: "Builtin";
  readonly name: BuiltinName;
  readonly args: readonly Expr[];
}

export interface ErrorExpr extends NodeBase {
  readonly kind: "ErrorExpr";
}

/** Every node kind of the tree. */
export type Node =
  | Module
  | ImportDecl
  | TopDecl
  | KindTypeDecl
  | TemplateHeader
  | TemplateParam
  | Annotation
  | Param
  | StructField
  | TypeExpr
  | VoidType
  | SecurityExpr
  | DataTypeExpr
  | DimExpr
  | TypeAnnotation
  | Stmt
  | Declarator
  | SyscallArg
  | Expr
  | Slice
  | Identifier;
