/**
 * The disassembler behind `secc disasm`: readable assembly of a Module with its
 * declarations (kinds, domains, structs, globals, the program interface) and every
 * procedure's instructions, each line annotated with its source position from the
 * line table; inlined code also gets `inlined NAME <- NAME ...` (the inlined procedures,
 * innermost first), and the inline sites are listed after the declarations as
 * `inline K NAME called at POS [in inline P]`. Driven by the instruction table: operand
 * kinds decide the notation (r3 registers, #k constants shown with their value, @12 jump
 * targets, [i, lo:hi, :] index lists, (push r1, cref r2, return r3:uint64) syscall
 * arguments).
 */
import type { Constant, Instruction, Module, Operand, Procedure, SliceItem, SysArg } from "./bytecode.js";
import { BINARY_OPS, BROADCAST_MODES, DATA_TYPES, INSTRUCTION_BY_NAME, UNARY_OPS, type OperandKind } from "./isa.js";

export interface DisasmOptions {
  /** Hex SHA-256 to print in the header (from moduleHash). */
  readonly hash?: string;
}

/** Disassembles a module to text. */
export function disasm(m: Module, options: DisasmOptions = {}): string {
  const out: string[] = [];
  out.push(`; secc bytecode${options.hash === undefined ? "" : ` sha256 ${options.hash}`}`);
  for (const k of m.kinds) {
    const types = k.types.map((t) => (t.publicType === null || t.publicType === t.name ? t.name : `${t.name}(public ${t.publicType})`));
    out.push(`kind ${k.name} { ${types.join(", ")} }`);
  }
  m.domains.forEach((d, i) => out.push(`domain ${d.name} : ${m.kinds[d.kind]?.name ?? "?"}   ; id ${i}`));
  m.structs.forEach((s, i) => out.push(`struct ${s.name} { ${s.fields.join(", ")} }   ; layout ${i}`));
  m.globals.forEach((g, i) => out.push(`global g${i} ${g.name}`));
  for (const e of m.interface) {
    out.push(`${e.role} "${e.name}" : ${e.domain === "" ? "public" : e.domain} ${e.type}[[${e.dims}]]`);
  }
  (m.inlineSites ?? []).forEach((site, i) => {
    const parent = site.parent < 0 ? "" : ` in inline ${site.parent}`;
    out.push(`inline ${i} ${site.procedure} called at ${spanText(m, site.call)}${parent}`);
  });
  m.procedures.forEach((p, i) => {
    out.push("");
    const tag = i === m.main ? "  ; main" : i === m.init ? "  ; init" : "";
    out.push(`proc ${i} ${p.name} (params ${p.params}, registers ${p.registers})${tag}`);
    out.push(...procedureLines(m, p));
  });
  return out.join("\n") + "\n";
}

function procedureLines(m: Module, p: Procedure): string[] {
  const lines: string[] = [];
  const width = String(Math.max(p.code.length - 1, 0)).length;
  let li = -1;
  let last = "";
  p.code.forEach((ins, pc) => {
    while (li + 1 < p.lines.length && p.lines[li + 1]!.start <= pc) li++;
    const entry = li >= 0 ? p.lines[li] : undefined;
    const span = entry?.span ?? -1;
    const inline = entry?.inline ?? -1;
    const text = `  ${String(pc).padStart(width)}  ${instructionText(m, ins)}`;
    const note = [span < 0 ? "" : spanText(m, span), inline < 0 ? "" : inlineText(m, inline)].filter((x) => x !== "").join(" ");
    if (note !== last && note !== "") lines.push(`${text.padEnd(56)} ; ${note}`);
    else lines.push(text);
    last = note;
  });
  return lines;
}

function spanText(m: Module, span: number): string {
  const s = m.spans[span];
  return s === undefined ? "?" : `${m.files[s.file] ?? "?"}:(${s.line},${s.column})(${s.endLine},${s.endColumn})`;
}

/** `inlined f <- g`: the procedures whose code this is, innermost first (bounded: sites may be unverified). */
function inlineText(m: Module, inline: number): string {
  const sites = m.inlineSites ?? [];
  const names: string[] = [];
  for (let k = inline; k >= 0 && names.length <= sites.length; k = sites[k]?.parent ?? -1) names.push(sites[k]?.procedure ?? "?");
  return `inlined ${names.join(" <- ")}`;
}

/** One instruction as text: `name operand, operand, ...`. */
export function instructionText(m: Module, ins: Instruction): string {
  const d = INSTRUCTION_BY_NAME.get(ins.op);
  if (d === undefined) return `${ins.op} ?`;
  const ops = d.operands.map((k, i) => operandText(m, k, ins.args[i]!));
  return ops.length === 0 ? ins.op : `${ins.op.padEnd(10)} ${ops.join(", ")}`;
}

function constantText(c: Constant | undefined): string {
  if (c === undefined) return "?";
  switch (c.kind) {
    case "int":
      return String(c.value);
    case "float":
      return Object.is(c.value, -0) ? "-0.0" : Number.isInteger(c.value) ? `${c.value}.0` : String(c.value);
    case "string":
      return JSON.stringify(c.value);
    default: {
      const never: never = c;
      return never;
    }
  }
}

function reg(r: number): string {
  return r < 0 ? "-" : `r${r}`;
}

function operandText(m: Module, kind: OperandKind, v: Operand): string {
  const n = v as number;
  switch (kind) {
    case "reg":
    case "optreg":
      return reg(n);
    case "regs":
      return `[${(v as readonly number[]).map(reg).join(", ")}]`;
    case "dtype":
      return DATA_TYPES[n] ?? "?";
    case "binop":
      return BINARY_OPS[n] ?? "?";
    case "unop":
      return UNARY_OPS[n] ?? "?";
    case "mode":
      return BROADCAST_MODES[n] ?? "?";
    case "const":
      return `#${n}(${constantText(m.constants[n])})`;
    case "target":
      return `@${n}`;
    case "proc":
      return `${m.procedures[n]?.name ?? "?"}#${n}`;
    case "global":
      return `g${n}(${m.globals[n]?.name ?? "?"})`;
    case "domain":
      return m.domains[n]?.name ?? `domain#${n}`;
    case "layout":
      return m.structs[n]?.name ?? `layout#${n}`;
    case "imm":
      return String(n);
    case "slices":
      return `[${(v as readonly SliceItem[]).map((it) => (it.kind === "index" ? reg(it.reg) : `${it.lo < 0 ? "" : reg(it.lo)}:${it.hi < 0 ? "" : reg(it.hi)}`)).join(", ")}]`;
    case "sysargs":
      return `(${(v as readonly SysArg[]).map((a) => `${a.mode} ${reg(a.reg)}${a.type === null ? "" : `:${a.type}`}`).join(", ")})`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}
