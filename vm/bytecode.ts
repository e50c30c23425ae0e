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
 * Encoding is deterministic (a pure function of the Module), so the same program
 * gives the same bytes and hash. `decode` checks framing (magic, version, hash,
 * lengths, opcodes, truncation) and throws BytecodeError; vm/verify.ts checks that
 * operands are in range.
 */
import { createHash } from "node:crypto";
import { Reader, Writer } from "./binary.js";
import { BytecodeError } from "./errors.js";
import {
  DATA_TYPES,
  INSTRUCTION_BY_NAME,
  INSTRUCTION_BY_OPCODE,
  SYSARG_MODES,
  type DataTypeName,
  type OperandKind,
  type SysArgMode,
} from "./isa.js";

export const MAGIC = "SECB";
export const FORMAT_VERSION = 1;
const HEADER_SIZE = 40;

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

/** From instruction `start` on (until the next entry), code maps to span `span` (-1: none). */
export interface LineEntry {
  readonly start: number;
  readonly span: number;
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
  "kinds",
  "domains",
  "structs",
  "globals",
  "procedures",
  "interface",
  "entry",
] as const;

// ---------------------------------------------------------------- encoding

/** Encodes a module to bytes (deterministic; the hash is filled in). */
export function encode(m: Module): Uint8Array {
  const payloads = [
    encodeConstants(m),
    encodeList(m.files, (w, f) => w.str(f)),
    encodeList(m.spans, (w, s) => {
      w.uleb(s.file);
      w.uleb(s.line);
      w.uleb(s.column);
      w.uleb(s.endLine);
      w.uleb(s.endColumn);
    }),
    encodeList(m.kinds, (w, k) => {
      w.str(k.name);
      w.uleb(k.types.length);
      for (const t of k.types) {
        w.str(t.name);
        w.u8(t.publicType === null ? 255 : DATA_TYPES.indexOf(t.publicType));
      }
    }),
    encodeList(m.domains, (w, d) => {
      w.str(d.name);
      w.uleb(d.kind);
    }),
    encodeList(m.structs, (w, s) => {
      w.str(s.name);
      w.uleb(s.fields.length);
      for (const f of s.fields) w.str(f);
    }),
    encodeList(m.globals, (w, g) => w.str(g.name)),
    encodeList(m.procedures, encodeProcedure),
    encodeList(m.interface, (w, e) => {
      w.u8(e.role === "argument" ? 0 : 1);
      w.str(e.name);
      w.str(e.domain);
      w.str(e.type);
      w.uleb(e.dims);
    }),
    (() => {
      const w = new Writer();
      w.uleb(m.main);
      w.uleb(m.init + 1);
      return w.finish();
    })(),
  ];
  const body = new Writer();
  body.u32(payloads.length);
  payloads.forEach((p, i) => {
    body.u8(i + 1);
    body.u32(p.length);
    body.bytes(p);
  });
  const bodyBytes = body.finish();
  const out = new Uint8Array(HEADER_SIZE + bodyBytes.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, FORMAT_VERSION, true);
  out.set(sha256(bodyBytes), 8);
  out.set(bodyBytes, HEADER_SIZE);
  return out;
}

function encodeList<T>(items: readonly T[], each: (w: Writer, item: T) => void): Uint8Array {
  const w = new Writer();
  w.uleb(items.length);
  for (const item of items) each(w, item);
  return w.finish();
}

function encodeConstants(m: Module): Uint8Array {
  return encodeList(m.constants, (w, c) => {
    switch (c.kind) {
      case "int":
        w.u8(0);
        w.i64(c.value);
        break;
      case "float":
        w.u8(1);
        w.f64(c.value);
        break;
      case "string":
        w.u8(2);
        w.str(c.value);
        break;
      default: {
        const never: never = c;
        throw new Error(`unknown constant ${String(never)}`);
      }
    }
  });
}

function encodeProcedure(w: Writer, p: Procedure): void {
  w.str(p.name);
  w.uleb(p.params);
  w.uleb(p.registers);
  w.uleb(p.code.length);
  for (const ins of p.code) encodeInstruction(w, ins);
  w.uleb(p.lines.length);
  for (const l of p.lines) {
    w.uleb(l.start);
    w.uleb(l.span + 1);
  }
}

function encodeInstruction(w: Writer, ins: Instruction): void {
  const d = INSTRUCTION_BY_NAME.get(ins.op);
  if (d === undefined) throw new Error(`unknown instruction ${ins.op}`);
  if (ins.args.length !== d.operands.length) {
    throw new Error(`${ins.op}: expected ${d.operands.length} operands, got ${ins.args.length}`);
  }
  w.u8(d.opcode);
  d.operands.forEach((kind, i) => encodeOperand(w, kind, ins.args[i]!));
}

function encodeOperand(w: Writer, kind: OperandKind, v: Operand): void {
  switch (kind) {
    case "reg":
    case "const":
    case "target":
    case "proc":
    case "global":
    case "domain":
    case "layout":
    case "imm":
      w.uleb(v as number);
      return;
    case "optreg":
      w.uleb((v as number) + 1);
      return;
    case "dtype":
    case "binop":
    case "unop":
    case "mode":
      w.u8(v as number);
      return;
    case "regs": {
      const regs = v as readonly number[];
      w.uleb(regs.length);
      for (const r of regs) w.uleb(r);
      return;
    }
    case "slices": {
      const items = v as readonly SliceItem[];
      w.uleb(items.length);
      for (const it of items) {
        if (it.kind === "index") {
          w.u8(0);
          w.uleb(it.reg);
        } else {
          w.u8(1);
          w.uleb(it.lo + 1);
          w.uleb(it.hi + 1);
        }
      }
      return;
    }
    case "sysargs": {
      const args = v as readonly SysArg[];
      w.uleb(args.length);
      for (const a of args) {
        w.u8(SYSARG_MODES.indexOf(a.mode));
        w.uleb(a.reg);
        w.u8(a.type === null ? 255 : DATA_TYPES.indexOf(a.type));
      }
      return;
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown operand kind ${String(never)}`);
    }
  }
}

// ---------------------------------------------------------------- hashing

function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(bytes).digest());
}

/** The SHA-256 (hex) of a module's contents, as stored in its header. */
export function moduleHash(bytes: Uint8Array): string {
  if (bytes.length < HEADER_SIZE) throw new BytecodeError("truncated header", bytes.length);
  return Buffer.from(bytes.subarray(8, 40)).toString("hex");
}

/** Computes the SHA-256 (hex) of the contents of an encoded module (bytes after the header). */
export function computeHash(bytes: Uint8Array): string {
  if (bytes.length < HEADER_SIZE) throw new BytecodeError("truncated header", bytes.length);
  return Buffer.from(sha256(bytes.subarray(HEADER_SIZE))).toString("hex");
}

// ---------------------------------------------------------------- decoding

/** Decodes bytes into a Module; throws BytecodeError on any framing problem. */
export function decode(bytes: Uint8Array): Module {
  if (bytes.length < HEADER_SIZE) throw new BytecodeError("truncated header: not a secc bytecode file", 0);
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MAGIC) throw new BytecodeError(`bad magic "${escapeMagic(magic)}": not a secc bytecode file`, 0);
  const version = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  if (version !== FORMAT_VERSION) {
    throw new BytecodeError(`unsupported bytecode version ${version} (this VM reads version ${FORMAT_VERSION})`, 4);
  }
  if (computeHash(bytes) !== moduleHash(bytes)) {
    throw new BytecodeError("hash mismatch: the contents do not match the SHA-256 in the header", 8);
  }
  const r = new Reader(bytes, HEADER_SIZE);
  const count = r.u32("section count");
  if (count !== SECTION_NAMES.length) {
    throw new BytecodeError(`expected ${SECTION_NAMES.length} sections, found ${count}`, HEADER_SIZE);
  }
  const sections: Reader[] = [];
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    const id = r.u8("section id");
    if (id !== i + 1) throw new BytecodeError(`expected section ${i + 1} (${SECTION_NAMES[i]}), found id ${id}`, at);
    const len = r.u32("section length");
    if (r.pos + len > r.end) throw new BytecodeError(`section ${SECTION_NAMES[i]} is longer than the file`, at);
    sections.push(new Reader(bytes, r.pos, r.pos + len));
    r.pos += len;
  }
  if (!r.atEnd) throw new BytecodeError("trailing bytes after the last section", r.pos);
  const s = (i: number): Reader => sections[i]!;
  const m: Module = {
    constants: section(s(0), "constants", decodeConstant),
    files: section(s(1), "files", (rd) => rd.str("file name")),
    spans: section(s(2), "spans", (rd) => ({
      file: rd.uleb(),
      line: rd.uleb(),
      column: rd.uleb(),
      endLine: rd.uleb(),
      endColumn: rd.uleb(),
    })),
    kinds: section(s(3), "kinds", decodeKind),
    domains: section(s(4), "domains", (rd) => ({ name: rd.str("domain name"), kind: rd.uleb() })),
    structs: section(s(5), "structs", (rd) => ({
      name: rd.str("struct name"),
      fields: list(rd, (x) => x.str("field name")),
    })),
    globals: section(s(6), "globals", (rd) => ({ name: rd.str("global name") })),
    procedures: section(s(7), "procedures", decodeProcedure),
    interface: section(s(8), "interface", decodeInterfaceEntry),
    ...decodeEntry(s(9)),
  };
  return m;
}

function escapeMagic(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, "?");
}

/** A count-prefixed list; the count is sanity-checked against the remaining bytes. */
function list<T>(r: Reader, item: (r: Reader) => T): T[] {
  const at = r.pos;
  const n = r.uleb("count");
  if (n > r.end - r.pos) throw new BytecodeError(`list of ${n} items cannot fit in the remaining bytes`, at);
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(item(r));
  return out;
}

function section<T>(r: Reader, name: string, item: (r: Reader) => T): T[] {
  const out = list(r, item);
  if (!r.atEnd) throw new BytecodeError(`trailing bytes in section ${name}`, r.pos);
  return out;
}

function decodeConstant(r: Reader): Constant {
  const at = r.pos;
  const tag = r.u8("constant tag");
  switch (tag) {
    case 0:
      return { kind: "int", value: r.i64() };
    case 1:
      return { kind: "float", value: r.f64() };
    case 2:
      return { kind: "string", value: r.str("string constant") };
    default:
      throw new BytecodeError(`unknown constant tag ${tag}`, at);
  }
}

function decodeDataType(r: Reader, allowNone: boolean): DataTypeName | null {
  const at = r.pos;
  const b = r.u8("data type");
  if (b === 255 && allowNone) return null;
  const t = DATA_TYPES[b];
  if (t === undefined) throw new BytecodeError(`unknown data type ${b}`, at);
  return t;
}

function decodeKind(r: Reader): KindDecl {
  const name = r.str("kind name");
  const types = list(r, (x) => ({ name: x.str("type name"), publicType: decodeDataType(x, true) }));
  return { name, types };
}

function decodeInterfaceEntry(r: Reader): InterfaceEntry {
  const at = r.pos;
  const role = r.u8("interface role");
  if (role > 1) throw new BytecodeError(`unknown interface role ${role}`, at);
  return {
    role: role === 0 ? "argument" : "result",
    name: r.str("interface name"),
    domain: r.str("interface domain"),
    type: r.str("interface type"),
    dims: r.uleb(),
  };
}

function decodeEntry(r: Reader): { main: number; init: number } {
  const main = r.uleb("main index");
  const init = r.uleb("init index") - 1;
  if (!r.atEnd) throw new BytecodeError("trailing bytes in section entry", r.pos);
  return { main, init };
}

function decodeProcedure(r: Reader): Procedure {
  const name = r.str("procedure name");
  const params = r.uleb();
  const registers = r.uleb();
  const code = list(r, decodeInstruction);
  const lines = list(r, (x) => ({ start: x.uleb(), span: x.uleb() - 1 }));
  return { name, params, registers, code, lines };
}

function decodeInstruction(r: Reader): Instruction {
  const at = r.pos;
  const opcode = r.u8("opcode");
  const d = INSTRUCTION_BY_OPCODE[opcode];
  if (d === undefined) throw new BytecodeError(`unknown opcode ${opcode}`, at);
  const args: Operand[] = d.operands.map((k) => decodeOperand(r, k));
  return { op: d.name, args };
}

function decodeOperand(r: Reader, kind: OperandKind): Operand {
  switch (kind) {
    case "reg":
    case "const":
    case "target":
    case "proc":
    case "global":
    case "domain":
    case "layout":
    case "imm":
      return r.uleb(kind);
    case "optreg":
      return r.uleb(kind) - 1;
    case "dtype":
    case "binop":
    case "unop":
    case "mode":
      return r.u8(kind);
    case "regs":
      return list(r, (x) => x.uleb("register"));
    case "slices":
      return list(r, (x): SliceItem => {
        const at = x.pos;
        const tag = x.u8("slice tag");
        if (tag === 0) return { kind: "index", reg: x.uleb("register") };
        if (tag === 1) return { kind: "slice", lo: x.uleb("register") - 1, hi: x.uleb("register") - 1 };
        throw new BytecodeError(`unknown slice tag ${tag}`, at);
      });
    case "sysargs":
      return list(r, (x): SysArg => {
        const at = x.pos;
        const mode = SYSARG_MODES[x.u8("syscall argument mode")];
        if (mode === undefined) throw new BytecodeError("unknown syscall argument mode", at);
        return { mode, reg: x.uleb("register"), type: decodeDataType(x, true) };
      });
    default: {
      const never: never = kind;
      throw new Error(`unknown operand kind ${String(never)}`);
    }
  }
}
