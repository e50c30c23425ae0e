/**
 * The verifier: checks a decoded Module before anything runs, so malformed or
 * hostile bytecode is a BytecodeError and never a crash or a hang. It checks every
 * index (registers, constants and their kinds, jump targets, procedures and their
 * arities, globals, domains, struct layouts, spans, files), enum operands, the line
 * tables, the inline sites (indices in range, parents without cycles) and the entry
 * points. `loadModule(bytes)` = decode + verify.
 */
import { decode, type Instruction, type Module, type Procedure, type SliceItem, type SysArg } from "./bytecode.js";
import { BytecodeError } from "./errors.js";
import { BINARY_OPS, BROADCAST_MODES, DATA_TYPES, INSTRUCTION_BY_NAME, UNARY_OPS } from "./isa.js";

/** Largest register file a procedure may ask for. */
export const MAX_REGISTERS = 1 << 20;

/** Decodes and verifies bytecode. */
export function loadModule(bytes: Uint8Array): Module {
  const m = decode(bytes);
  verifyModule(m);
  return m;
}

/** Throws BytecodeError when the module is inconsistent. */
export function verifyModule(m: Module): void {
  const nprocs = m.procedures.length;
  if (m.main < 0 || m.main >= nprocs) throw new BytecodeError(`main procedure index ${m.main} is out of range`);
  if (m.procedures[m.main]!.params !== 0) throw new BytecodeError("main must not take parameters");
  if (m.init < -1 || m.init >= nprocs) throw new BytecodeError(`init procedure index ${m.init} is out of range`);
  if (m.init >= 0 && m.procedures[m.init]!.params !== 0) throw new BytecodeError("init must not take parameters");
  m.spans.forEach((s, i) => {
    if (s.file >= m.files.length) throw new BytecodeError(`span ${i} names file ${s.file}, but there are ${m.files.length} files`);
  });
  verifyInlineSites(m);
  m.domains.forEach((d, i) => {
    if (d.kind >= m.kinds.length) throw new BytecodeError(`domain ${i} (${d.name}) names kind ${d.kind}, which does not exist`);
  });
  m.procedures.forEach((p, i) => verifyProcedure(m, p, i));
}

function verifyProcedure(m: Module, p: Procedure, index: number): void {
  const where = `procedure ${index} (${p.name})`;
  if (p.registers > MAX_REGISTERS) throw new BytecodeError(`${where}: ${p.registers} registers is more than ${MAX_REGISTERS}`);
  if (p.params > p.registers) throw new BytecodeError(`${where}: ${p.params} parameters but only ${p.registers} registers`);
  p.code.forEach((ins, pc) => {
    try {
      verifyInstruction(m, p, ins);
    } catch (e) {
      if (e instanceof BytecodeError) throw new BytecodeError(`${where}, instruction ${pc} (${ins.op}): ${e.message}`);
      throw e;
    }
  });
  let last = -1;
  for (const l of p.lines) {
    if (l.start < last || l.start > p.code.length) throw new BytecodeError(`${where}: line table entries out of order or range`);
    if (l.span < -1 || l.span >= m.spans.length) throw new BytecodeError(`${where}: line table names span ${l.span}, which does not exist`);
    const sites = m.inlineSites?.length ?? 0;
    if (l.inline !== undefined && (!Number.isInteger(l.inline) || l.inline < -1 || l.inline >= sites)) {
      throw new BytecodeError(`${where}: line table names inline site ${l.inline}, but there are ${sites}`);
    }
    last = l.start;
  }
}

/** Every site names an existing span and parent, and following parents always ends. */
function verifyInlineSites(m: Module): void {
  const sites = m.inlineSites ?? [];
  sites.forEach((site, i) => {
    if (!Number.isInteger(site.call) || site.call < -1 || site.call >= m.spans.length) {
      throw new BytecodeError(`inline site ${i} (${site.procedure}) names call span ${site.call}, but there are ${m.spans.length} spans`);
    }
    if (!Number.isInteger(site.parent) || site.parent < -1 || site.parent >= sites.length) {
      throw new BytecodeError(`inline site ${i} (${site.procedure}) names parent site ${site.parent}, but there are ${sites.length}`);
    }
  });
  // 0: not visited, 1: on the current chain, 2: known to end
  const state = new Uint8Array(sites.length);
  for (let i = 0; i < sites.length; i++) {
    const chain: number[] = [];
    let k = i;
    while (k >= 0 && state[k] === 0) {
      state[k] = 1;
      chain.push(k);
      k = sites[k]!.parent;
    }
    if (k >= 0 && state[k] === 1) {
      const cycle = chain.slice(chain.indexOf(k));
      throw new BytecodeError(`inline sites form a cycle: ${[...cycle, k].join(" -> ")}`);
    }
    for (const c of chain) state[c] = 2;
  }
}

function verifyInstruction(m: Module, p: Procedure, ins: Instruction): void {
  const d = INSTRUCTION_BY_NAME.get(ins.op);
  if (d === undefined) throw new BytecodeError("unknown instruction");
  if (ins.args.length !== d.operands.length) throw new BytecodeError(`expected ${d.operands.length} operands`);
  const reg = (r: number): void => {
    if (!Number.isInteger(r) || r < 0 || r >= p.registers) throw new BytecodeError(`register ${r} is out of range (${p.registers} registers)`);
  };
  const optreg = (r: number): void => {
    if (r !== -1) reg(r);
  };
  const below = (v: number, n: number, what: string): void => {
    if (!Number.isInteger(v) || v < 0 || v >= n) throw new BytecodeError(`${what} ${v} is out of range (${n})`);
  };
  d.operands.forEach((kind, i) => {
    const v = ins.args[i]!;
    switch (kind) {
      case "reg":
        return reg(v as number);
      case "optreg":
        return optreg(v as number);
      case "regs":
        return (v as readonly number[]).forEach(reg);
      case "dtype":
        return below(v as number, DATA_TYPES.length, "data type");
      case "binop":
        return below(v as number, BINARY_OPS.length, "binary operator");
      case "unop":
        return below(v as number, UNARY_OPS.length, "unary operator");
      case "mode":
        return below(v as number, BROADCAST_MODES.length, "broadcast mode");
      case "const":
        return below(v as number, m.constants.length, "constant");
      case "target":
        return below(v as number, p.code.length, "jump target");
      case "proc":
        return below(v as number, m.procedures.length, "procedure");
      case "global":
        return below(v as number, m.globals.length, "global");
      case "domain":
        return below(v as number, m.domains.length, "domain");
      case "layout":
        return below(v as number, m.structs.length, "struct layout");
      case "imm":
        return below(v as number, 2 ** 31, "immediate");
      case "slices":
        for (const it of v as readonly SliceItem[]) {
          if (it.kind === "index") reg(it.reg);
          else {
            optreg(it.lo);
            optreg(it.hi);
          }
        }
        return;
      case "sysargs":
        for (const a of v as readonly SysArg[]) {
          reg(a.reg);
          if (a.mode === "return" && a.type === null) throw new BytecodeError("__return needs a data type");
        }
        return;
      default: {
        const never: never = kind;
        return never;
      }
    }
  });
  verifySpecific(m, ins);
}

/** Checks that depend on what the operands mean. */
function verifySpecific(m: Module, ins: Instruction): void {
  const a = ins.args as readonly number[];
  const stringConst = (k: number, what: string): string => {
    const c = m.constants[k]!;
    if (c.kind !== "string") throw new BytecodeError(`${what} must be a string constant`);
    return c.value;
  };
  switch (ins.op) {
    case "call": {
      const callee = m.procedures[a[0]!]!;
      const n = (ins.args[2] as readonly number[]).length;
      if (n !== callee.params) throw new BytecodeError(`${callee.name} takes ${callee.params} arguments, not ${n}`);
      return;
    }
    case "const": {
      const isString = DATA_TYPES[a[0]!] === "string";
      if (isString !== (m.constants[a[2]!]!.kind === "string")) throw new BytecodeError("constant kind does not match the data type");
      return;
    }
    case "error":
      stringConst(a[0]!, "the message");
      return;
    case "syscall":
      stringConst(a[0]!, "the syscall name");
      return;
    case "pnew":
    case "classify": {
      const name = stringConst(a[1]!, "the private type name");
      const kind = m.kinds[m.domains[a[0]!]!.kind]!;
      if (!kind.types.some((t) => t.name === name)) throw new BytecodeError(`kind ${kind.name} has no type ${name}`);
      return;
    }
    case "fget":
    case "fset":
      return;
    default:
      return;
  }
}
