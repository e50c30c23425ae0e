/**
 * Encoding of a Module into the bytecode format of vm/bytecode.ts: sections in id
 * order, LEB128 integers, operands as the instruction table says, and the SHA-256
 * of the contents in the header. Deterministic: a pure function of the Module (an
 * absent inline-site list or line-entry site is written as an empty list or "none").
 */
import { createHash } from "node:crypto";
import { Writer } from "./binary.js";
import {
  FORMAT_VERSION,
  HEADER_SIZE,
  MAGIC,
  type Module,
  type Operand,
  type Procedure,
  type Instruction,
  type SliceItem,
  type SysArg,
} from "./bytecode.js";
import { DATA_TYPES, INSTRUCTION_BY_NAME, SYSARG_MODES, type OperandKind } from "./isa.js";

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
    encodeInlineSites(m),
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

/** The procedure names once each (first-use order), then per site: name index, call span, parent. */
function encodeInlineSites(m: Module): Uint8Array {
  const sites = m.inlineSites ?? [];
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  for (const site of sites) {
    if (!nameIndex.has(site.procedure)) {
      nameIndex.set(site.procedure, names.length);
      names.push(site.procedure);
    }
  }
  const w = new Writer();
  w.uleb(names.length);
  for (const n of names) w.str(n);
  w.uleb(sites.length);
  for (const site of sites) {
    w.uleb(nameIndex.get(site.procedure)!);
    w.uleb(site.call + 1);
    w.uleb(site.parent + 1);
  }
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
    w.uleb((l.inline ?? -1) + 1);
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


function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(bytes).digest());
}
