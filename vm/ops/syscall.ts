/**
 * Linker for `syscall`: builds the argument list of SecreC's forms (push, `__ref`,
 * `__cref`, `__readonly`, `__return`; see vm/backend.ts SyscallArg), dispatches
 * `kind::name` to that kind's backend and other names to the VM's built-in
 * syscalls (vm/builtin-syscalls.ts), writes scalar `__ref`s back and converts the
 * result into the `__return` register's type. An unknown name is a runtime error
 * when executed (libraries may contain syscalls a program never reaches).
 */
import type { SyscallArg, SyscallResult, MaybePromise } from "../backend.js";
import type { Instruction, SysArg } from "../bytecode.js";
import { BytecodeError, VmError } from "../errors.js";
import { BUILTIN_SYSCALLS } from "../builtin-syscalls.js";
import type { Machine } from "../interpreter.js";
import { isBigType, isFloatType, type DataTypeName } from "../isa.js";
import type { LinkContext, Op } from "../link.js";
import {
  PrivValue,
  PubArray,
  bytesOf,
  fillVector,
  newVector,
  readElement,
  type PublicScalar,
  type Value,
} from "../values.js";

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8");

type Invoke = (m: Machine, args: readonly SyscallArg[]) => MaybePromise<SyscallResult>;

export function linkSyscallOp(ins: Instruction, pc: number, ctx: LinkContext): Op | null {
  if (ins.op !== "syscall") return null;
  const next = pc + 1;
  const name = ctx.string(ins.args[0] as number);
  const specs = ins.args[1] as readonly SysArg[];
  const returns = specs.filter((x) => x.mode === "return");
  if (returns.length > 1) throw new BytecodeError(`syscall ${name}: more than one __return`);
  const ret = returns[0];
  const params = specs.filter((x) => x.mode !== "return");
  const invoke = resolve(name, ctx);
  return (m, r) => {
    const writeBacks: (() => void)[] = [];
    const args = params.map((p) => buildArg(p, r, writeBacks));
    m.settle(invoke(m, args), (result) => {
      for (const w of writeBacks) w();
      if (ret !== undefined) r[ret.reg] = toScalar(ret.type!, result, name);
    });
    return next;
  };
}

function resolve(name: string, ctx: LinkContext): Invoke {
  const sep = name.indexOf("::");
  if (sep >= 0) {
    const backend = ctx.backendOfKind(name.slice(0, sep));
    if (backend !== undefined) return (m, args) => backend.syscall(name, args);
  } else {
    const builtin = BUILTIN_SYSCALLS.get(name);
    if (builtin !== undefined) return builtin;
  }
  return () => {
    throw new VmError(`unknown syscall "${name}"`);
  };
}

function buildArg(p: SysArg, r: Value[], writeBacks: (() => void)[]): SyscallArg {
  const v = r[p.reg];
  switch (p.mode) {
    case "push":
    case "readonly":
      if (v instanceof PrivValue) return { tag: "private", type: v.type, handle: v.handle, length: v.length };
      if (v instanceof PubArray || typeof v === "object") throw new VmError("internal: syscall push of a non-scalar public value");
      if (v === undefined) throw new VmError("internal: syscall argument register is empty");
      return { tag: "scalar", type: p.type ?? guessType(v), value: v };
    case "ref":
    case "cref": {
      const tag = p.mode;
      if (v instanceof PubArray) {
        return { tag, type: v.type, data: v.data, bytes: bytesOf(v.data), scalar: false, value: undefined };
      }
      if (typeof v === "string") {
        const text = utf8.encode(v);
        const bytes = new Uint8Array(text.length + (tag === "cref" ? 1 : 0));
        bytes.set(text);
        if (tag === "ref") writeBacks.push(() => (r[p.reg] = fromUtf8.decode(bytes)));
        return { tag, type: "string", data: bytes, bytes, scalar: true, value: v };
      }
      if (v === undefined || typeof v === "object") throw new VmError(`internal: syscall __${tag} of a value that is not public`);
      const type = p.type ?? guessType(v);
      const data = newVector(type, 1);
      fillVector(data, v);
      if (tag === "ref") writeBacks.push(() => (r[p.reg] = readElement(type, data, 0)));
      return { tag, type, data, bytes: bytesOf(data), scalar: true, value: v };
    }
    case "return":
      throw new VmError("internal: __return is not an argument");
    default: {
      const never: never = p.mode;
      return never;
    }
  }
}

function guessType(v: PublicScalar | undefined): DataTypeName {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "bigint") return "uint64";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int32" : "float64";
  throw new VmError("internal: syscall argument register is empty");
}

/** Converts a syscall result to a scalar of the `__return` register's type. */
function toScalar(type: DataTypeName, v: SyscallResult, name: string): PublicScalar {
  if (v === undefined) throw new VmError(`syscall ${name} returned no value for __return`);
  if (type === "string") return String(v);
  if (type === "bool") return typeof v === "bigint" ? v !== 0n : Boolean(v);
  if (isBigType(type)) {
    const b = typeof v === "bigint" ? v : BigInt(typeof v === "boolean" ? (v ? 1 : 0) : Math.trunc(Number(v)));
    return type === "int64" ? BigInt.asIntN(64, b) : BigInt.asUintN(64, b);
  }
  const n = typeof v === "boolean" ? (v ? 1 : 0) : Number(v);
  if (isFloatType(type)) return type === "float32" ? Math.fround(n) : n;
  const data = newVector(type, 1);
  fillVector(data, typeof v === "bigint" ? Number(BigInt.asIntN(32, v)) : Math.trunc(n));
  return data[0] as number;
}
