/**
 * A Boolean circuit built gate by gate (XOR, AND, constants, inputs), the form every
 * private float operation takes before it runs on XOR shares. Nodes are numbers in
 * creation order (so creation order is a topological order); node 0 is the constant
 * 0 and node 1 the constant 1. Building folds constants, drops x⊕x and x∧x, and
 * shares identical gates (hash-consing), so circuits written naively over constant
 * bits stay small.
 *
 * Each node is public (known to all three parties: constants, public operands) or
 * secret (XOR-shared). A gate is interactive only when it is an AND of two secret
 * nodes; its AND-depth (number of interactive ANDs on the longest path from the
 * inputs) is what evaluate.ts turns into protocol rounds.
 */

/** A node of the circuit. */
export type Bit = number;

export const ZERO: Bit = 0;
export const ONE: Bit = 1;

export type GateKind = "const" | "input" | "xor" | "and";

const KIND_CODE: Record<GateKind, number> = { const: 0, input: 1, xor: 2, and: 3 };
const CODE_KIND: readonly GateKind[] = ["const", "input", "xor", "and"];

export class Circuit {
  private kinds: number[] = [0, 0];
  private left: number[] = [0, 0];
  private right: number[] = [0, 0];
  private publicFlag: boolean[] = [true, true];
  private depths: number[] = [0, 0];
  private readonly cache = new Map<number, Bit>();
  /** Input nodes in creation order. */
  readonly inputs: Bit[] = [];

  get size(): number {
    return this.kinds.length;
  }

  kind(n: Bit): GateKind {
    return CODE_KIND[this.kinds[n] as number] as GateKind;
  }

  operands(n: Bit): [Bit, Bit] {
    return [this.left[n] as number, this.right[n] as number];
  }

  isPublic(n: Bit): boolean {
    return this.publicFlag[n] as boolean;
  }

  /** AND-depth: interactive ANDs on the longest path from the inputs. */
  depth(n: Bit): number {
    return this.depths[n] as number;
  }

  /** True for an AND of two secret nodes (one protocol lane). */
  interactive(n: Bit): boolean {
    return this.kinds[n] === 3 && !this.publicFlag[this.left[n] as number] && !this.publicFlag[this.right[n] as number];
  }

  /** A new input node: a public operand or a secret-shared one. */
  input(isPublic: boolean): Bit {
    const n = this.push(KIND_CODE.input, 0, 0, isPublic, 0);
    this.inputs.push(n);
    return n;
  }

  xor(a: Bit, b: Bit): Bit {
    if (a === ZERO) return b;
    if (b === ZERO) return a;
    if (a === b) return ZERO;
    if (a === ONE && b === ONE) return ZERO;
    return this.gate(KIND_CODE.xor, a, b);
  }

  and(a: Bit, b: Bit): Bit {
    if (a === ZERO || b === ZERO) return ZERO;
    if (a === ONE) return b;
    if (b === ONE) return a;
    if (a === b) return a;
    return this.gate(KIND_CODE.and, a, b);
  }

  not(a: Bit): Bit {
    return this.xor(a, ONE);
  }

  /** a ∨ b = a ⊕ b ⊕ (a ∧ b). */
  or(a: Bit, b: Bit): Bit {
    if (a === ONE || b === ONE) return ONE;
    return this.xor(this.xor(a, b), this.and(a, b));
  }

  /** s ? a : b, one AND. */
  mux(s: Bit, a: Bit, b: Bit): Bit {
    return this.xor(b, this.and(s, this.xor(a, b)));
  }

  private gate(kind: number, a: Bit, b: Bit): Bit {
    if (a > b) [a, b] = [b, a];
    const key = (kind * 2 ** 24 + a) * 2 ** 24 + b;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const pub = (this.publicFlag[a] as boolean) && (this.publicFlag[b] as boolean);
    const da = this.depths[a] as number;
    const db = this.depths[b] as number;
    const secretBoth = !(this.publicFlag[a] as boolean) && !(this.publicFlag[b] as boolean);
    const d = Math.max(da, db) + (kind === KIND_CODE.and && secretBoth ? 1 : 0);
    const n = this.push(kind, a, b, pub, d);
    this.cache.set(key, n);
    return n;
  }

  private push(kind: number, a: number, b: number, pub: boolean, depth: number): Bit {
    const n = this.kinds.length;
    if (n >= 2 ** 24) throw new Error("circuit too large");
    this.kinds.push(kind);
    this.left.push(a);
    this.right.push(b);
    this.publicFlag.push(pub);
    this.depths.push(depth);
    return n;
  }
}
