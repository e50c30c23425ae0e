/**
 * The bytecode format: the in-memory Module model and its binary encoding.
 *
 * File layout (all integers little-endian):
 *   0  magic "SECB"
 *   4  u32 format version (FORMAT_VERSION)
 *   8  32 bytes SHA-256 of bytes [40, end)
 *  40  u32 section count, then per section: u8 id, u32 byte length, payload
 * Sections appear exactly once each, in id order (SECTION_NAMES). Inside payloads
 * integers are unsigned LEB128, strings are LEB128 length + UTF-8, 64-bit integer
 * constants are 8 bytes, float constants 8-byte doubles. Instructions are an opcode
 * byte followed by the operands of vm/isa.ts, encoded as the isa header describes.
 *
 * Line-table entries may name an inline site (section "inlines"): code of a procedure
 * the compiler inlined keeps, per site, the inlined procedure's name, the span of the
 * call that was inlined, and the enclosing site when that call was itself inlined
 * code, so the VM can rebuild the call stack the program would have without inlining.
 * The section lists each procedure name once, then the sites naming them by index.
 *
 * Encoding is deterministic (a pure function of the Module), so the same program
 * gives the same bytes and hash. `decode` checks framing (magic, version, hash,
 * lengths, opcodes, truncation) and throws BytecodeError; vm/verify.ts checks that
 * operands are in range.
 */
import type { DataTypeName, SysArgMode } from "./isa.js";

export { encode } from "./encode.js";
export { computeHash, decode, moduleHash } from "./decode.js";

export const MAGIC = "SECB";
/** 2: line entries name an inline site, and the "inlines" section lists them. */
export const FORMAT_VERSION = 2;
/** Bytes before the first section: magic, version, SHA-256. */
export const HEADER_SIZE = 40;

export type Constant =
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "string"; readonly value: string };

/** A source span: file index into Module.files, 1-based lines and columns. */
export interface SpanEntry {
  readonly file: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface KindType {
  readonly name: string;
  /** The public counterpart (`xor_uint32` -> uint32); null when there is none. */
  readonly publicType: DataTypeName | null;
}

export interface KindDecl {
  readonly name: string;
  readonly types: readonly KindType[];
}

export interface DomainDecl {
  readonly name: string;
  /** Index into Module.kinds. */
  readonly kind: number;
}

export interface StructLayout {
  readonly name: string;
  readonly fields: readonly string[];
}

export interface GlobalDecl {
  readonly name: string;
}

/**
 * From instruction `start` on (until the next entry), code maps to span `span` (-1: none)
 * and, when it was inlined, to inline site `inline` (index into Module.inlineSites;
 * absent: not inlined).
 */
export interface LineEntry {
  readonly start: number;
  readonly span: number;
  readonly inline?: number;
}

/**
 * Where inlined code came from: it is the body of procedure `procedure`, inlined at the
 * call whose span is `call` (-1: unknown). When that call is itself inlined code,
 * `parent` is its site (-1: the call is code of the procedure holding the line entry).
 * Parents never form a cycle (the verifier checks).
 */
export interface InlineSite {
  readonly procedure: string;
  readonly call: number;
  readonly parent: number;
}

export type SliceItem =
  | { readonly kind: "index"; readonly reg: number }
  | { readonly kind: "slice"; readonly lo: number; readonly hi: number };

export interface SysArg {
  readonly mode: SysArgMode;
  readonly reg: number;
  /** Public scalar type of the register (push of a public scalar, ref/cref of scalars, return). */
  readonly type: DataTypeName | null;
}

/** An operand value: numbers for scalar kinds (optreg -1 = none), arrays for lists. */
export type Operand = number | readonly number[] | readonly SliceItem[] | readonly SysArg[];

export interface Instruction {
  readonly op: string;
  readonly args: readonly Operand[];
}

export interface Procedure {
  readonly name: string;
  readonly params: number;
  readonly registers: number;
  readonly code: readonly Instruction[];
  readonly lines: readonly LineEntry[];
}

/** One `argument("name")` or `publish("name", ...)` of the program. */
export interface InterfaceEntry {
  readonly role: "argument" | "result";
  readonly name: string;
  /** Protection domain name, "" for public. */
  readonly domain: string;
  /** Data type name as in records (`uint32`, `xor_uint8`, `string`...). */
  readonly type: string;
  readonly dims: number;
}

export interface Module {
  readonly constants: readonly Constant[];
  readonly files: readonly string[];
  readonly spans: readonly SpanEntry[];
  /** Inline sites named by line entries; absent when nothing was inlined. */
  readonly inlineSites?: readonly InlineSite[];
  readonly kinds: readonly KindDecl[];
  readonly domains: readonly DomainDecl[];
  readonly structs: readonly StructLayout[];
  readonly globals: readonly GlobalDecl[];
  readonly procedures: readonly Procedure[];
  readonly interface: readonly InterfaceEntry[];
  /** Index of `main`. */
  readonly main: number;
  /** Index of the global initialiser procedure, or -1. */
  readonly init: number;
}

export const SECTION_NAMES = [
  "constants",
  "files",
  "spans",
  "inlines",
  "kinds",
  "domains",
  "structs",
  "globals",
  "procedures",
  "interface",
  "entry",
] as const;
