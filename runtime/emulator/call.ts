/**
 * One decoded emulator syscall: the operation and type(s) parsed from the name
 * (`shared3p::add_uint32_vec` -> op "add", type uint32; `conv_S_to_T_vec`,
 * `get_type_size_T`, `sum_T_sub_vec` forms too), and helpers to read its arguments:
 * the leading protection-domain id is skipped; private handles are the emulator's
 * typed vectors; public operands (`__cref` vectors, pushed scalars) are converted
 * into the operation's representation.
 */
import type { SyscallArg } from "../../vm/backend.js";
import { VmError } from "../../vm/errors.js";
import type { TypedVector } from "../../vm/values.js";
import { KNOWN_TYPES, fromPublic, newStorage, repByName, repOf, type Rep } from "./representation.js";

export interface ParsedName {
  readonly op: string;
  readonly type: Rep;
  /** Target type of conv/reshare. */
  readonly to: Rep | undefined;
}

const TYPE_RE = KNOWN_TYPES.join("|");
const CONV_RE = new RegExp(`^(conv|reshare)_(${TYPE_RE})_to_(${TYPE_RE})_vec$`);
const SIZE_RE = new RegExp(`^get_type_size_(${TYPE_RE})$`);
const OP_RE = new RegExp(`^(\\w+?)_(${TYPE_RE})(_sub)?_vec$`);

/** Parses the part after `kind::`; undefined when it is not of a known form. */
export function parseSyscallName(bare: string): ParsedName | undefined {
  let m = CONV_RE.exec(bare);
  if (m !== null) return { op: m[1]!, type: repByName(m[2]!)!, to: repByName(m[3]!)! };
  m = SIZE_RE.exec(bare);
  if (m !== null) return { op: "get_type_size", type: repByName(m[1]!)!, to: undefined };
  m = OP_RE.exec(bare);
  if (m !== null) return { op: m[3] === undefined ? m[1]! : `${m[1]}_sub`, type: repByName(m[2]!)!, to: undefined };
  return undefined;
}

export class Call {
  /** Arguments after the protection-domain id. */
  readonly args: readonly SyscallArg[];

  constructor(
    readonly name: string,
    readonly parsed: ParsedName,
    all: readonly SyscallArg[],
  ) {
    const first = all[0];
    this.args = first !== undefined && first.tag === "scalar" ? all.slice(1) : all;
  }

  get type(): Rep {
    return this.parsed.type;
  }

  fail(message: string): never {
    throw new VmError(`syscall ${this.name}: ${message}`);
  }

  /** The private arguments in order (their handles are typed vectors). */
  privates(): { data: TypedVector; rep: Rep }[] {
    const out: { data: TypedVector; rep: Rep }[] = [];
    for (const a of this.args) if (a.tag === "private") out.push({ data: a.handle as TypedVector, rep: repOf(a.type) });
    return out;
  }

  /** The last private argument: the output of most operations. */
  output(): TypedVector {
    const p = this.privates();
    if (p.length === 0) this.fail("expects a private output vector");
    return p[p.length - 1]!.data;
  }

  /** The public (non-private) arguments in order. */
  publics(): SyscallArg[] {
    return this.args.filter((a) => a.tag !== "private");
  }

  /** Argument i (after pd) as a vector in representation `rep` (public operands are converted). */
  operand(i: number, rep: Rep = this.type): TypedVector {
    const a = this.args[i];
    if (a === undefined) this.fail(`missing argument ${i + 2}`);
    if (a.tag === "private") return a.handle as TypedVector;
    if (a.tag === "scalar") {
      const v = newStorage(repByName(rep.publicType)!, 1);
      v[0] = typeof a.value === "boolean" ? (a.value ? 1 : 0) : (a.value as never);
      return fromPublic(rep, v);
    }
    return fromPublic(rep, a.data);
  }

  /** A public integer argument (pushed or by reference) as a number. */
  publicInt(i: number): number {
    const a = this.args[i];
    if (a === undefined) this.fail(`missing argument ${i + 2}`);
    if (a.tag === "scalar") return Number(a.value);
    if (a.tag !== "private" && a.data.length > 0) return Number(a.data[0]);
    return this.fail(`argument ${i + 2} must be a public integer`);
  }
}
