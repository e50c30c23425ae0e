/**
 * Decoding of the bytecode format of vm/bytecode.ts into a Module, and the header
 * hash. Every read is bounds-checked and every count is checked against the bytes
 * left, so truncated or hostile input is a BytecodeError with the byte offset, never
 * a crash or a hang. Operand ranges are checked afterwards by vm/verify.ts.
 */
import { createHash } from "node:crypto";
import { Reader } from "./binary.js";
import {
  FORMAT_VERSION,
  HEADER_SIZE,
  MAGIC,
  SECTION_NAMES,
  type Constant,
  type InlineSite,
  type Instruction,
  type InterfaceEntry,
  type LineEntry,
  type KindDecl,
  type Module,
  type Operand,
  type Procedure,
  type SliceItem,
  type SysArg,
} from "./bytecode.js";
import { BytecodeError } from "./errors.js";
import { DATA_TYPES, INSTRUCTION_BY_OPCODE, SYSARG_MODES, type DataTypeName, type OperandKind } from "./isa.js";

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
    kinds: section(s(4), "kinds", decodeKind),
    domains: section(s(5), "domains", (rd) => ({ name: rd.str("domain name"), kind: rd.uleb() })),
    structs: section(s(6), "structs", (rd) => ({
      name: rd.str("struct name"),
      fields: list(rd, (x) => x.str("field name")),
    })),
    globals: section(s(7), "globals", (rd) => ({ name: rd.str("global name") })),
    procedures: section(s(8), "procedures", decodeProcedure),
    interface: section(s(9), "interface", decodeInterfaceEntry),
    ...decodeEntry(s(10)),
  };
  const inlineSites = decodeInlineSites(s(3));
  return inlineSites.length === 0 ? m : { ...m, inlineSites };
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

/** The "inlines" section: procedure names, then sites naming them by index. */
function decodeInlineSites(r: Reader): InlineSite[] {
  const names = list(r, (x) => x.str("inlined procedure name"));
  const sites = list(r, (x): InlineSite => {
    const at = x.pos;
    const name = x.uleb("inlined procedure name index");
    const procedure = names[name];
    if (procedure === undefined) throw new BytecodeError(`inline site names procedure name ${name}, but there are ${names.length}`, at);
    return { procedure, call: x.uleb("call span") - 1, parent: x.uleb("parent inline site") - 1 };
  });
  if (!r.atEnd) throw new BytecodeError("trailing bytes in section inlines", r.pos);
  return sites;
}

/** A line entry; `inline` is present only for inlined code (as the encoder's input has it). */
function decodeLineEntry(r: Reader): LineEntry {
  const start = r.uleb("line entry start");
  const span = r.uleb("line entry span") - 1;
  const inline = r.uleb("line entry inline site") - 1;
  return inline < 0 ? { start, span } : { start, span, inline };
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
  const lines = list(r, decodeLineEntry);
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
