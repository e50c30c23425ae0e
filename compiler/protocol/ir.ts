/**
 * The per-party dataflow IR of an elaborated protocol instance.
 *
 * A protocol instance is one global straight-line DAG. Every node lives at one party
 * and computes one lane-wise vector: a `word` node holds one n-bit ring element per
 * lane (n = width, 1..64); a `bit` node is one bit plane, one bit per lane, stored
 * bit-sliced (32 lanes per Uint32 word). XOR-shared words are carried as n bit planes,
 * so bit shifts are renamings and known-zero planes fold away. Communication is the
 * `recv` node: it lives at the receiver and names the sender's node. Randomness is a
 * `rnd` node naming a draw (one draw is known to its holders; each holder has its own
 * node for it).
 *
 * The builder hash-conses pure nodes (common subexpressions, including identical
 * messages to the same party) and folds constants and algebraic identities as nodes
 * are created.
 */

export type Party = 0 | 1 | 2;
export const PARTIES: readonly Party[] = [0, 1, 2];
export type Repr = "word" | "bit";

export type NodeOp =
  | "const"
  | "input"
  | "rnd"
  | "recv"
  | "add"
  | "sub"
  | "neg"
  | "mul"
  | "and"
  | "or"
  | "xor"
  | "not"
  | "shl"
  | "shr"
  /** bit plane → word 0/1 of `width` bits. */
  | "lift"
  /** word → narrower word (mod 2^width). */
  | "trunc"
  /** word → wider word, zero-extended. */
  | "zext"
  /** word → bit plane `imm`. */
  | "bitof"
  /** A lane permutation of the two parties in `value` (pair tag) from key parameter `imm2`. */
  | "perm"
  /** Lanes of args[1] permuted by the permutation args[0] (imm = 1: the inverse). */
  | "apply";

export interface Node {
  readonly id: number;
  readonly party: Party;
  readonly op: NodeOp;
  readonly repr: Repr;
  /** Word width in bits; 1 for bit planes. */
  readonly width: number;
  readonly args: readonly number[];
  /** Shift amount (shl, shr), plane index (bitof, rnd, input), parameter index (input). */
  readonly imm: number;
  /** Second immediate: parameter index of inputs, draw id of rnd nodes. */
  readonly imm2: number;
  /** Constant value (const): the word value, or 0/1 for a plane (all lanes equal). */
  readonly value: bigint;
  /** For recv nodes: a description of the transfer in the source (e.g. `a@prev`). */
  readonly label?: string;
}

/** One draw of randomness: `planes` planes (bit) or one word of `width` bits, known to `holders`. */
export interface Draw {
  readonly id: number;
  readonly holders: readonly Party[];
  readonly repr: Repr;
  readonly width: number;
  readonly planes: number;
}

export function mask(width: number): bigint {
  return (1n << BigInt(width)) - 1n;
}

const COMMUTATIVE = new Set<NodeOp>(["add", "mul", "and", "or", "xor"]);

export class IrBuilder {
  readonly nodes: Node[] = [];
  readonly draws: Draw[] = [];
  private readonly cse = new Map<string, number>();

  node(id: number): Node {
    return this.nodes[id] as Node;
  }

  private make(party: Party, op: NodeOp, repr: Repr, width: number, args: number[], imm = 0, imm2 = 0, value = 0n, label?: string): number {
    if (COMMUTATIVE.has(op) && args.length === 2 && (args[0] as number) > (args[1] as number)) args = [args[1] as number, args[0] as number];
    const pure = op !== "rnd" && op !== "input";
    const key = pure ? `${op}|${party}|${repr}|${width}|${args.join(",")}|${imm}|${imm2}|${value}` : "";
    if (pure) {
      const hit = this.cse.get(key);
      if (hit !== undefined) return hit;
    }
    const id = this.nodes.length;
    const n: Node = label === undefined ? { id, party, op, repr, width, args, imm, imm2, value } : { id, party, op, repr, width, args, imm, imm2, value, label };
    this.nodes.push(n);
    if (pure) this.cse.set(key, id);
    return id;
  }

  private constOf(id: number): bigint | undefined {
    const n = this.node(id);
    return n.op === "const" ? n.value : undefined;
  }

  constant(party: Party, repr: Repr, width: number, value: bigint): number {
    const v = repr === "bit" ? (value & 1n) : value & mask(width);
    return this.make(party, "const", repr, repr === "bit" ? 1 : width, [], 0, 0, v);
  }

  input(party: Party, repr: Repr, width: number, param: number, plane: number): number {
    return this.make(party, "input", repr, repr === "bit" ? 1 : width, [], plane, param);
  }

  newDraw(holders: readonly Party[], repr: Repr, width: number): Draw {
    const d: Draw = { id: this.draws.length, holders: [...holders].sort(), repr, width: repr === "bit" ? 1 : width, planes: repr === "bit" ? width : 1 };
    this.draws.push(d);
    return d;
  }

  /** Party `party`'s node for plane `plane` of draw `draw`; one node per (draw, party, plane). */
  rnd(party: Party, draw: Draw, plane: number): number {
    const key = `rnd|${party}|${draw.id}|${plane}`;
    const hit = this.cse.get(key);
    if (hit !== undefined) return hit;
    const id = this.make(party, "rnd", draw.repr, draw.width, [], plane, draw.id);
    this.cse.set(key, id);
    return id;
  }

  /** A transfer of `src` (at its party) to `to`; identical transfers are sent once. */
  recv(to: Party, src: number, label: string): number {
    const s = this.node(src);
    if (s.party === to) return src;
    if (s.op === "const") return this.constant(to, s.repr, s.width, s.value);
    const key = `recv|${to}|${src}`;
    const hit = this.cse.get(key);
    if (hit !== undefined) return hit;
    const id = this.make(to, "recv", s.repr, s.width, [src], 0, 0, 0n, label);
    this.cse.set(key, id);
    return id;
  }

  /** Lane-wise binary operation with folding; operands must agree in party, repr and width. */
  binary(op: "add" | "sub" | "mul" | "and" | "or" | "xor", a: number, b: number): number {
    const na = this.node(a);
    const nb = this.node(b);
    const { party, repr, width } = na;
    const m = repr === "bit" ? 1n : mask(width);
    const ca = this.constOf(a);
    const cb = this.constOf(b);
    if (ca !== undefined && cb !== undefined) {
      const v = op === "add" ? ca + cb : op === "sub" ? ca - cb : op === "mul" ? ca * cb : op === "and" ? ca & cb : op === "or" ? ca | cb : ca ^ cb;
      return this.constant(party, repr, width, BigInt.asUintN(64, v) & m);
    }
    switch (op) {
      case "add":
        if (ca === 0n) return b;
        if (cb === 0n) return a;
        if (nb.op === "neg") return this.binary("sub", a, nb.args[0] as number);
        break;
      case "sub":
        if (cb === 0n) return a;
        if (a === b) return this.constant(party, repr, width, 0n);
        if (ca === 0n) return this.unary("neg", b);
        break;
      case "mul":
        if (ca === 0n || cb === 0n) return this.constant(party, repr, width, 0n);
        if (ca === 1n) return b;
        if (cb === 1n) return a;
        break;
      case "xor":
        if (ca === 0n) return b;
        if (cb === 0n) return a;
        if (a === b) return this.constant(party, repr, width, 0n);
        if (ca === m) return this.unary("not", b);
        if (cb === m) return this.unary("not", a);
        break;
      case "and":
        if (ca === 0n || cb === 0n) return this.constant(party, repr, width, 0n);
        if (ca === m) return b;
        if (cb === m) return a;
        if (a === b) return a;
        break;
      case "or":
        if (ca === m || cb === m) return this.constant(party, repr, width, m);
        if (ca === 0n) return b;
        if (cb === 0n) return a;
        if (a === b) return a;
        break;
    }
    if (nb.party !== party || nb.repr !== repr || nb.width !== width) throw new Error(`internal: ${op} on mismatched nodes ${a}, ${b}`);
    return this.make(party, op, repr, width, [a, b]);
  }

  unary(op: "neg" | "not", a: number): number {
    const na = this.node(a);
    const c = this.constOf(a);
    const m = na.repr === "bit" ? 1n : mask(na.width);
    if (c !== undefined) return this.constant(na.party, na.repr, na.width, op === "neg" ? (-c) & m : ~c & m);
    if (na.op === op) return na.args[0] as number;
    return this.make(na.party, op, na.repr, na.width, [a]);
  }

  shift(op: "shl" | "shr", a: number, k: number): number {
    const na = this.node(a);
    if (k === 0) return a;
    if (k >= na.width) return this.constant(na.party, na.repr, na.width, 0n);
    const c = this.constOf(a);
    if (c !== undefined) return this.constant(na.party, na.repr, na.width, op === "shl" ? c << BigInt(k) : c >> BigInt(k));
    return this.make(na.party, op, na.repr, na.width, [a], k);
  }

  lift(a: number, width: number): number {
    const na = this.node(a);
    const c = this.constOf(a);
    if (c !== undefined) return this.constant(na.party, "word", width, c);
    return this.make(na.party, "lift", "word", width, [a]);
  }

  trunc(a: number, width: number): number {
    const na = this.node(a);
    if (width === na.width) return a;
    const c = this.constOf(a);
    if (c !== undefined) return this.constant(na.party, "word", width, c);
    if (na.op === "trunc" || (na.op === "zext" && this.node(na.args[0] as number).width >= width)) return this.trunc(na.args[0] as number, width);
    return this.make(na.party, "trunc", "word", width, [a]);
  }

  zext(a: number, width: number): number {
    const na = this.node(a);
    if (width === na.width) return a;
    const c = this.constOf(a);
    if (c !== undefined) return this.constant(na.party, "word", width, c);
    return this.make(na.party, "zext", "word", width, [a]);
  }

  perm(party: Party, pairTag: number, keyParam: number): number {
    return this.make(party, "perm", "word", 32, [], 0, keyParam, BigInt(pairTag));
  }

  apply(perm: number, v: number, inverse: boolean): number {
    const nv = this.node(v);
    return this.make(nv.party, "apply", "word", nv.width, [perm, v], inverse ? 1 : 0);
  }

  bitof(a: number, k: number): number {
    const na = this.node(a);
    const c = this.constOf(a);
    if (c !== undefined) return this.constant(na.party, "bit", 1, (c >> BigInt(k)) & 1n);
    if (na.op === "lift") return k === 0 ? (na.args[0] as number) : this.constant(na.party, "bit", 1, 0n);
    return this.make(na.party, "bitof", "bit", 1, [a], k);
  }
}
