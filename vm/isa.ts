/**
 * The instruction set of the secc virtual machine: THE single table of instructions
 * (name, opcode, operand kinds, whether it may reach a SecretBackend, a doc line),
 * plus the public data types and operators the typed instructions are parameterised
 * by. The encoder, decoder, verifier, disassembler and interpreter are all driven by
 * this table; the compiler's emitter imports it (and vm/bytecode.ts) and nothing else
 * from vm/.
 *
 * # Machine model (what an emitter needs to know)
 *
 * A module holds procedures. Each procedure has `params` parameters and
 * `registers` registers (params <= registers); parameters arrive in registers
 * 0..params-1, every other register starts `undefined`. Registers are untyped
 * slots; instructions are typed by their operands (a `dtype` operand, or the
 * static knowledge the emitter has), so the emitter must only feed each
 * instruction values of the kinds it documents. A register holds one of:
 * - a public scalar: bool (JS boolean), int8..int32/uint8..uint32/float32/float64
 *   (JS number, always already wrapped/rounded to the type), int64/uint64 (JS
 *   bigint, already wrapped), string (JS string);
 * - a public array (data type, shape, typed-array data; never of strings);
 * - a private value (domain, kind type name, shape, backend handle); a private
 *   scalar is a private array of shape [] (one element);
 * - a struct (layout index, fields).
 * Indices, shapes, sizes and slice bounds are public uint64 (bigint) values;
 * instructions reading them also accept JS numbers.
 *
 * Value semantics. Arrays, private values and structs are mutable objects held by
 * reference. `mov` aliases, `copy` clones deeply (a private value is cloned by its
 * backend). Rules for the emitter:
 * - binding a variable (declaration with initialiser, assignment, struct field
 *   store) from an expression that denotes an existing l-value (a variable, a field)
 *   must `copy`; results of computations are fresh and may be `mov`ed;
 * - `call` clones array/private/struct arguments itself (callees may mutate their
 *   parameters), `ret` moves, `gget`/`gset` clone (globals never alias registers),
 *   `fget` yields a reference into the struct (so `s.a[i] = x` is `fget r,s,a;
 *   store r[i], x`), `fset` stores its operand by reference;
 * - `index`/`pindex`, `reshape`/`preshape`, `cat`/`pcat`, `classify`,
 *   `declassify` and every arithmetic instruction produce fresh values.
 *
 * Calling convention. `call proc, dst, args...` evaluates nothing itself: the
 * caller computes arguments into registers; the VM clones reference arguments into
 * the callee's registers 0..n-1 and runs it; `ret src` (or `ret -` for void)
 * returns to the caller, storing the value into `dst` (omitted: discarded). Falling
 * off the end of a procedure is a runtime error; emit `ret` explicitly.
 * A program runs the `init` procedure (global initialisers in declaration order,
 * may be absent) and then `main`.
 *
 * Control flow and errors. Jump targets are instruction indices in the procedure.
 * Every instruction may fail at run time (index out of bounds, mismatching shapes,
 * division by zero, failed assert...): the VM stops with the message and the source
 * span the procedure's line table gives for that instruction, rendered as
 * `MESSAGE at FILE:(line,col)(endLine,endCol)`.
 *
 * Arithmetic. `binop`/`unop` on scalars, `vbinop`/`vunop` element-wise on public
 * arrays (mode says which operands are scalars: broadcast). Integer arithmetic wraps
 * on every width; integer `/` and `%` truncate toward zero, by zero (and MIN / -1,
 * MIN % -1) are runtime errors; float `%` is the IEEE remainder; float32 results are
 * rounded to float32. `& | ^` work on every integer type and bool; shifts by an
 * amount >= the width (or negative) give 0 (`>>` of a negative signed value gives -1);
 * comparisons give bool; `+` and the comparisons also work on strings; `land`/`lor`
 * are the non-short-circuit logical operators on bool (use jumps for `&&`/`||` on
 * scalars). Private data has no arithmetic instructions: operators on private values
 * are procedures calling `syscall`.
 *
 * Private values. Built-in private operations are instructions (`pnew`, `classify`,
 * `declassify`, `pindex` (gather), `pstore` (scatter), `preshape`, `pcat`, `pfree`,
 * `copy`); kind operations are `syscall "kind::name"` (dispatched to the backend of
 * that kind). Syscall arguments: `push` (public scalar by value or private handle),
 * `ref` (writable public memory of a scalar or array register), `cref` (read-only
 * public value; strings as their UTF-8 bytes plus a NUL), `readonly` (like push),
 * `return` (a public scalar register receiving the result; at most one). Names
 * without `::` are VM/host syscalls (vm/builtin-syscalls.ts documents them).
 *
 * Emitter recipes (SecreC construct -> instructions):
 * - declarations: `T x;` -> `const T, x, 0` (scalars) / `anew T, x, -, [extents]`
 *   (arrays; no extents = all 0) / `pnew D, "T", x, -, [extents]` (private);
 *   `= e` initialisers as assignment below; struct variables `snew` + one `fset` per
 *   field with the field's default value.
 * - `a = e` (whole variable): `copy a, e` when e is an l-value, else `mov a, e`; a
 *   scalar assigned to an array variable fills it: `store a, [:, ...], x` (private:
 *   `pstore`, which also classifies a public source); `uint[[1]] a(3) = b` checks
 *   the shape the same way (`store a, [:], b` reports "Mismatching shapes").
 * - `a[i, j:k] = e` -> `store`/`pstore`; `a[i, j:k]` -> `index`/`pindex`.
 * - `print(e1, ..., en)` -> `tostring` each non-string, `binop add string` to
 *   concatenate, one `print`.
 * - `assert(c)` -> `assert c` with the assert statement's span current.
 * - operators on public scalars/arrays -> `binop`/`vbinop` (mode from which operands
 *   are scalars), casts -> `cast`/`vcast`; `&&`/`||` on scalars -> `jf`/`jt`.
 * - operators and casts on private values -> `call` of the operator definition.
 * - `size`, `shape`, `reshape`/`preshape`, `cat`/`pcat`, `declassify`, `strlen`,
 *   `tostring`, `__bytes_from_string` (`strbytes`), `__string_from_bytes`
 *   (`bytesstr`), `__domainid` (`domainid`), `__fpu_state` (`fpuget`/`fpuset`).
 * - `__syscall("n", args)` -> `syscall "n", (push|ref|cref|readonly|return reg:type)`;
 *   a pushed literal goes through a `const` register; give public scalar arguments
 *   their dtype (a pushed `__domainid` is uint64).
 * - the line table: call ProcBuilder.at(span) before the instructions of each
 *   statement/expression, so runtime errors point at the construct that failed.
 * - the interface section: one entry per `argument("x")`/`publish("x", ...)` whose
 *   name is a constant.
 *
 * Encoding of operands (vm/bytecode.ts): `reg`, `const`, `target`, `proc`,
 * `global`, `domain`, `layout`, `imm` are unsigned LEB128; `optreg` is LEB128 of
 * reg+1 (0 = none); `dtype`, `binop`, `unop`, `mode` are one byte; `regs` is a count
 * and that many regs; `slices` is a count and per dimension a tag byte (0 = index
 * reg, 1 = slice with optreg lo, optreg hi); `sysargs` is a count and per argument a
 * mode byte, a reg and a dtype byte (255 = not a public scalar).
 */

/** Public data types, in opcode-operand order (the byte is the index). */
export const DATA_TYPES = [
  "bool",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "float32",
  "float64",
  "string",
] as const;
export type DataTypeName = (typeof DATA_TYPES)[number];

/** Byte size of one element of a public type (strings: 0, they are variable). */
export const DATA_TYPE_SIZE: Readonly<Record<DataTypeName, number>> = {
  bool: 1,
  int8: 1,
  int16: 2,
  int32: 4,
  int64: 8,
  uint8: 1,
  uint16: 2,
  uint32: 4,
  uint64: 8,
  float32: 4,
  float64: 8,
  string: 0,
};

/** Binary operators of `binop`/`vbinop`, in byte order. */
export const BINARY_OPS = [
  "add",
  "sub",
  "mul",
  "div",
  "mod",
  "band",
  "bor",
  "bxor",
  "shl",
  "shr",
  "eq",
  "ne",
  "lt",
  "le",
  "gt",
  "ge",
  "land",
  "lor",
] as const;
export type BinaryOp = (typeof BINARY_OPS)[number];

/** Unary operators of `unop`/`vunop`: `neg` (-x), `not` (!b), `bnot` (~x; on bool: not). */
export const UNARY_OPS = ["neg", "not", "bnot"] as const;
export type UnaryOp = (typeof UNARY_OPS)[number];

/** Broadcast modes of `vbinop`: both arrays, array op scalar, scalar op array. */
export const BROADCAST_MODES = ["aa", "as", "sa"] as const;
export type BroadcastMode = (typeof BROADCAST_MODES)[number];

/** Syscall argument modes (SecreC's push, `__ref`, `__cref`, `__readonly`, `__return`). */
export const SYSARG_MODES = ["push", "ref", "cref", "readonly", "return"] as const;
export type SysArgMode = (typeof SYSARG_MODES)[number];

export type OperandKind =
  | "reg"
  | "optreg"
  | "regs"
  | "dtype"
  | "binop"
  | "unop"
  | "mode"
  | "const"
  | "target"
  | "proc"
  | "global"
  | "domain"
  | "layout"
  | "imm"
  | "slices"
  | "sysargs";

export interface InstructionDef {
  readonly name: string;
  readonly opcode: number;
  readonly operands: readonly OperandKind[];
  /** Operand names, for the builder's and disassembler's documentation. */
  readonly names: readonly string[];
  /** True when executing it may call a SecretBackend method (and so may await). */
  readonly backend: boolean;
  readonly doc: string;
}

function def(
  name: string,
  opcode: number,
  spec: string,
  backend: boolean,
  doc: string,
): InstructionDef {
  const operands: OperandKind[] = [];
  const names: string[] = [];
  for (const part of spec.split(" ").filter((p) => p.length > 0)) {
    const [n, k] = part.split(":") as [string, OperandKind];
    names.push(n);
    operands.push(k);
  }
  return { name, opcode, operands, names, backend, doc };
}

/** The instruction table. Opcodes are stable once released (bytecode version 1). */
export const INSTRUCTIONS: readonly InstructionDef[] = [
  // control
  def("nop", 0, "", false, "do nothing"),
  def("jmp", 1, "to:target", false, "jump to instruction `to`"),
  def("jt", 2, "cond:reg to:target", false, "jump if the bool `cond` is true"),
  def("jf", 3, "cond:reg to:target", false, "jump if the bool `cond` is false"),
  def("call", 4, "proc:proc dst:optreg args:regs", true, "call `proc` with clones of `args`; its return value goes to `dst`"),
  def("ret", 5, "src:optreg", false, "return `src` (or nothing) to the caller"),
  def("assert", 6, "cond:reg", false, "stop with `assert failed at POS` when the bool `cond` is false"),
  def("error", 7, "msg:const", false, "stop with the string constant `msg` and this position"),
  // moves, constants, globals
  def("const", 8, "type:dtype dst:reg k:const", false, "load constant `k` converted to `type` (int consts wrap, float consts round)"),
  def("mov", 9, "dst:reg src:reg", false, "dst = src (aliases arrays, structs and private values)"),
  def("copy", 10, "dst:reg src:reg", true, "dst = deep clone of src"),
  def("gget", 11, "dst:reg g:global", true, "dst = clone of global `g`"),
  def("gset", 12, "g:global src:reg", true, "global `g` = clone of src"),
  // public scalars
  def("binop", 13, "op:binop type:dtype dst:reg a:reg b:reg", false, "dst = a op b on public scalars of `type` (comparisons give bool)"),
  def("unop", 14, "op:unop type:dtype dst:reg a:reg", false, "dst = op a on a public scalar of `type`"),
  def("cast", 15, "from:dtype to:dtype dst:reg src:reg", false, "dst = (to) src on public scalars (non-zero -> true, narrowing truncates)"),
  def("tostring", 16, "type:dtype dst:reg src:reg", false, "dst = tostring(src) in the reference VM's formats"),
  def("strlen", 17, "dst:reg src:reg", false, "dst = byte length (uint64) of the string src"),
  def("strbytes", 18, "dst:reg src:reg", false, "dst = __bytes_from_string(src): uint8[[1]] of its UTF-8 bytes"),
  def("bytesstr", 19, "dst:reg src:reg", false, "dst = __string_from_bytes(src): string of the uint8 vector src"),
  // public arrays
  def("anew", 20, "type:dtype dst:reg fill:optreg shape:regs", false, "dst = new array of `shape` filled with `fill` (or the default 0/false)"),
  def("alit", 21, "type:dtype dst:reg elems:regs", false, "dst = 1-D array literal of the scalars `elems`"),
  def("vbinop", 22, "op:binop type:dtype mode:mode dst:reg a:reg b:reg", false, "element-wise a op b; mode as/sa broadcasts the scalar operand"),
  def("vunop", 23, "op:unop type:dtype dst:reg a:reg", false, "element-wise op a"),
  def("vcast", 24, "from:dtype to:dtype dst:reg src:reg", false, "element-wise cast of a public array"),
  def("size", 25, "dst:reg src:reg", false, "dst = number of elements (uint64) of any value (1 for scalars)"),
  def("shape", 26, "dst:reg src:reg", false, "dst = uint64[[1]] extents of any value (empty for scalars)"),
  def("reshape", 27, "type:dtype dst:reg src:reg shape:regs", false, "dst = public src of `type` reshaped (a scalar src is replicated)"),
  def("cat", 28, "dst:reg a:reg b:reg dim:imm", false, "dst = public arrays a and b concatenated along `dim`"),
  def("index", 29, "dst:reg src:reg at:slices", false, "dst = public src[at] (a scalar if `at` has no slice)"),
  def("store", 30, "dst:reg at:slices src:reg", false, "public dst[at] = src (a scalar src fills the selection)"),
  // private values
  def("pnew", 31, "dom:domain tname:const dst:reg fill:optreg shape:regs", true, "dst = new private `tname` array of `shape` filled with public scalar `fill` (or 0)"),
  def("classify", 32, "dom:domain tname:const dst:reg src:reg", true, "dst = private `tname` copy of the public scalar or array src"),
  def("declassify", 33, "dst:reg src:reg", true, "dst = public value of the private src (the type's public counterpart)"),
  def("pindex", 34, "dst:reg src:reg at:slices", true, "dst = private src[at] (a gather)"),
  def("pstore", 35, "dst:reg at:slices src:reg", true, "private dst[at] = private src (a scatter; a private scalar src fills)"),
  def("preshape", 36, "dst:reg src:reg shape:regs", true, "dst = private src reshaped (a scalar src is replicated)"),
  def("pcat", 37, "dst:reg a:reg b:reg dim:imm", true, "dst = private a and b concatenated along `dim`"),
  def("pfree", 38, "src:reg", true, "release the backend storage of the private src (register becomes undefined)"),
  def("domainid", 39, "dst:reg dom:domain", false, "dst = runtime id (uint64) of domain `dom`"),
  // structs
  def("snew", 40, "layout:layout dst:reg", false, "dst = new struct of `layout`, every field undefined"),
  def("fget", 41, "dst:reg src:reg field:imm", false, "dst = field `field` of struct src (a reference)"),
  def("fset", 42, "dst:reg field:imm src:reg", false, "field `field` of struct dst = src (by reference)"),
  // outside world
  def("syscall", 43, "name:const args:sysargs", true, "call the syscall named by string constant `name`"),
  def("print", 44, "src:reg", false, "emit the string src as one output line (Process_logString)"),
  def("fpuget", 45, "dst:reg", false, "dst = floating point mode word (uint64, informational)"),
  def("fpuset", 46, "src:reg", false, "set the floating point mode word (no effect on arithmetic)"),
];

/** Instruction definition by name. */
export const INSTRUCTION_BY_NAME: ReadonlyMap<string, InstructionDef> = new Map(
  INSTRUCTIONS.map((d) => [d.name, d]),
);

/** Instruction definition by opcode (undefined for unknown opcodes). */
export const INSTRUCTION_BY_OPCODE: readonly (InstructionDef | undefined)[] = (() => {
  const table: (InstructionDef | undefined)[] = new Array(256).fill(undefined);
  for (const d of INSTRUCTIONS) table[d.opcode] = d;
  return table;
})();

export function isIntegerType(t: DataTypeName): boolean {
  return t !== "bool" && t !== "float32" && t !== "float64" && t !== "string";
}

export function isSignedType(t: DataTypeName): boolean {
  return t === "int8" || t === "int16" || t === "int32" || t === "int64";
}

export function isFloatType(t: DataTypeName): boolean {
  return t === "float32" || t === "float64";
}

/** True for the types whose scalars are JS bigints (int64, uint64). */
export function isBigType(t: DataTypeName): boolean {
  return t === "int64" || t === "uint64";
}

export function isDataTypeName(s: string): s is DataTypeName {
  return (DATA_TYPES as readonly string[]).includes(s);
}
