/**
 * Symbolic values for the privacy checker: polynomials over Z_2^w (w = 1: GF(2) for
 * bit planes) in atoms — input components, random draws, and opaque atoms standing for
 * non-polynomial operations (word XOR/AND, right shifts, zero-extension, bit
 * extraction, oversized products). An opaque atom remembers its support (the base
 * atoms it depends on), so "r occurs nowhere else" and "known to P" see through it.
 */
import type { Node, Party } from "./ir.js";
import { mask } from "./ir.js";

export interface Atom {
  readonly id: number;
  readonly kind: "input" | "rnd" | "opaque";
  /** Parties that know the atom's value (for opaque atoms: derived from the support). */
  readonly holders: ReadonlySet<Party>;
  /** Base atoms this atom depends on (itself for base atoms). */
  readonly support: ReadonlySet<number>;
  /** Bits of uniform randomness (rnd atoms), for mask coverage. */
  readonly width: number;
  readonly name: string;
  /** For bit k of an input or random word: the word's atom (bits of one word are independent of each other, not of the word). */
  readonly parent?: number;
}

/** Monomial key: sorted atom ids joined by '*' ("" for the constant monomial). */
export type Poly = Map<string, bigint>;

const MAX_TERMS = 128;

const monoCache = new Map<string, number[]>();

export function monoAtoms(key: string): number[] {
  let hit = monoCache.get(key);
  if (hit === undefined) {
    hit = key === "" ? [] : key.split("*").map(Number);
    if (monoCache.size > 1_000_000) monoCache.clear();
    monoCache.set(key, hit);
  }
  return hit;
}

function monoKey(atoms: number[], bits: boolean): string {
  const s = [...atoms].sort((a, b) => a - b);
  return (bits ? [...new Set(s)] : s).join("*");
}

export class Algebra {
  readonly atoms: Atom[] = [];
  /** Bit atoms derived from each word atom. */
  readonly children = new Map<number, number[]>();
  private readonly polys = new Map<number, Poly>();
  private readonly bitPolys = new Map<string, Poly>();
  private readonly bitAtoms = new Map<string, Atom>();

  constructor(
    private readonly nodes: readonly Node[],
    private readonly baseAtom: (n: Node) => Atom | undefined,
  ) {}

  newAtom(a: Omit<Atom, "id">): Atom {
    const atom = { ...a, id: this.atoms.length };
    this.atoms.push(atom);
    return atom;
  }

  private opaque(n: Node, args: readonly Poly[]): Poly {
    const support = new Set<number>();
    for (const p of args) for (const k of p.keys()) for (const a of monoAtoms(k)) for (const s of (this.atoms[a] as Atom).support) support.add(s);
    const holders = new Set<Party>([0, 1, 2]);
    for (const s of support) for (const q of [0, 1, 2] as Party[]) if (!(this.atoms[s] as Atom).holders.has(q)) holders.delete(q);
    const atom = this.newAtom({ kind: "opaque", holders, support, width: 0, name: `${n.op}#${n.id}` });
    return new Map([[`${atom.id}`, 1n]]);
  }

  /** The polynomial of a node's value. */
  poly(id: number): Poly {
    const hit = this.polys.get(id);
    if (hit !== undefined) return hit;
    const n = this.nodes[id] as Node;
    const args = n.args.map((a) => this.poly(a));
    const p = this.compute(n, args);
    this.polys.set(id, p);
    return p;
  }

  private compute(n: Node, args: Poly[]): Poly {
    const bits = n.repr === "bit";
    const m = bits ? 1n : mask(n.width);
    const [a = new Map(), b = new Map()] = args;
    switch (n.op) {
      case "const":
        return n.value === 0n ? new Map() : new Map([["", n.value & m]]);
      case "apply":
        return this.opaque(n, args);
      case "input":
      case "perm":
      case "rnd": {
        const atom = this.baseAtom(n);
        if (atom === undefined) throw new Error(`internal: no atom for node ${n.id}`);
        return new Map([[`${atom.id}`, 1n]]);
      }
      case "recv":
        return a;
      case "add":
        return lin([[a, 1n], [b, 1n]], m);
      case "sub":
        return lin([[a, 1n], [b, m]], m);
      case "neg":
        return lin([[a, m]], m);
      case "shl":
        return lin([[a, 1n << BigInt(n.imm)]], m);
      case "trunc":
        return lin([[a, 1n]], mask(n.width));
      case "xor":
        return bits ? lin([[a, 1n], [b, 1n]], 1n) : this.opaque(n, args);
      case "not":
        return bits ? lin([[a, 1n], [new Map([["", 1n]]), 1n]], 1n) : lin([[a, m], [new Map([["", m]]), 1n]], m);
      case "mul":
        return this.product(n, a, b, m, false, args);
      case "and":
        return bits ? this.product(n, a, b, 1n, true, args) : this.opaque(n, args);
      case "or": {
        if (!bits) return this.opaque(n, args);
        const ab = this.product(n, a, b, 1n, true, args);
        return lin([[a, 1n], [b, 1n], [ab, 1n]], 1n);
      }
      case "bitof":
        return this.bitPoly(n.args[0] as number, n.imm);
      case "shr":
      case "lift":
      case "zext":
        return this.opaque(n, args);
    }
  }

  private bitAtom(base: Atom, k: number): Atom {
    const key = `${base.id}.${k}`;
    let a = this.bitAtoms.get(key);
    if (a === undefined) {
      a = this.newAtom({ kind: base.kind, holders: base.holders, support: new Set(), width: 1, name: `${base.name}[${k}]`, parent: base.id });
      (a.support as Set<number>).add(a.id);
      this.bitAtoms.set(key, a);
      this.children.set(base.id, [...(this.children.get(base.id) ?? []), a.id]);
    }
    return a;
  }

  /** GF(2) polynomial of bit k of word node `id`, seeing through bit-wise operations. */
  bitPoly(id: number, k: number): Poly {
    const key = `${id}.${k}`;
    const hit = this.bitPolys.get(key);
    if (hit !== undefined) return hit;
    const p = this.computeBit(this.nodes[id] as Node, k);
    this.bitPolys.set(key, p);
    return p;
  }

  private computeBit(n: Node, k: number): Poly {
    const one: Poly = new Map([["", 1n]]);
    const a = (): Poly => this.bitPoly(n.args[0] as number, k);
    const b = (): Poly => this.bitPoly(n.args[1] as number, k);
    const low = (): Poly => lin([[this.bitPoly(n.args[0] as number, 0), 1n], [this.bitPoly(n.args[1] as number, 0), 1n]], 1n);
    switch (n.op) {
      case "const":
        return ((n.value >> BigInt(k)) & 1n) === 1n ? one : new Map();
      case "input":
      case "rnd": {
        const word = monoAtoms([...this.poly(n.id).keys()][0] as string)[0] as number;
        return new Map([[`${this.bitAtom(this.atoms[word] as Atom, k).id}`, 1n]]);
      }
      case "recv":
      case "trunc":
        return a();
      case "xor":
        return lin([[a(), 1n], [b(), 1n]], 1n);
      case "and":
        return this.product(n, a(), b(), 1n, true, [a(), b()]);
      case "or": {
        const ab = this.product(n, a(), b(), 1n, true, [a(), b()]);
        return lin([[a(), 1n], [b(), 1n], [ab, 1n]], 1n);
      }
      case "not":
        return lin([[a(), 1n], [one, 1n]], 1n);
      case "shl":
        return k >= n.imm ? this.bitPoly(n.args[0] as number, k - n.imm) : new Map();
      case "shr":
        return k + n.imm < n.width ? this.bitPoly(n.args[0] as number, k + n.imm) : new Map();
      case "zext":
        return k < (this.nodes[n.args[0] as number] as Node).width ? a() : new Map();
      case "lift":
        return k === 0 ? this.poly(n.args[0] as number) : new Map();
      case "add":
      case "sub":
        if (k === 0) return low();
        return this.opaque(n, [this.poly(n.id)]);
      case "neg":
        if (k === 0) return a();
        return this.opaque(n, [this.poly(n.id)]);
      case "mul":
        if (k === 0) {
          const x = this.bitPoly(n.args[0] as number, 0);
          const y = this.bitPoly(n.args[1] as number, 0);
          return this.product(n, x, y, 1n, true, [x, y]);
        }
        return this.opaque(n, [this.poly(n.id)]);
      case "bitof":
      case "perm":
      case "apply":
        return this.opaque(n, [this.poly(n.id)]);
    }
  }

  private product(n: Node, a: Poly, b: Poly, m: bigint, bits: boolean, args: Poly[]): Poly {
    if (a.size * b.size > MAX_TERMS) return this.opaque(n, args);
    const out: Poly = new Map();
    for (const [ka, ca] of a) {
      for (const [kb, cb] of b) {
        const key = monoKey([...monoAtoms(ka), ...monoAtoms(kb)], bits);
        const v = ((out.get(key) ?? 0n) + ca * cb) & m;
        if (v === 0n) out.delete(key);
        else out.set(key, v);
      }
    }
    return out;
  }
}

/** Σ c_i · p_i mod (m + 1). */
export function lin(terms: readonly (readonly [Poly, bigint])[], m: bigint): Poly {
  const out: Poly = new Map();
  for (const [p, c] of terms) {
    for (const [k, v] of p) {
      const x = ((out.get(k) ?? 0n) + v * c) & m;
      if (x === 0n) out.delete(k);
      else out.set(k, x);
    }
  }
  return out;
}

/** Inverse of an odd c modulo 2^w (m = 2^w − 1). */
export function inverseOdd(c: bigint, m: bigint): bigint {
  let x = 1n;
  for (let i = 0; i < 7; i++) x = (x * (2n - c * x)) & m;
  return x;
}
