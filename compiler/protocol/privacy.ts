/**
 * The static privacy checker (protocols.md §4.6).
 *
 * For each party P the view is every message P receives (one element per word or bit
 * plane), next to the public outputs, which P may learn. Each element is a polynomial
 * over Z_2^w (GF(2) for bits) in atoms. Elements are removed to a fixpoint by
 *  - the mask rule: e = rest + c·r where r is a uniform draw P does not hold, c is odd
 *    (a unit; for bits c = 1), r is at least as wide as e, r occurs in no other
 *    monomial of e and in no other remaining element (counting occurrences inside
 *    opaque atoms), so e is uniform given the rest;
 *  - the derivable rule: e is a combination of the other remaining elements and the
 *    public outputs, up to terms P can compute itself.
 * P's view is simulatable if every remaining element only involves atoms P knows.
 * This encodes the pitfalls: 2r is not a mask (even), r << k is not (even), lift of a
 * narrow draw is opaque (not a mask), a reused mask occurs twice, a draw P holds is
 * not a mask, and r & e is a product (the mask occurs in a larger monomial).
 *
 * Output rule: every component of a shared output (A or X) must contain a linear draw
 * shared with a neighbour that occurs in no message and in no other component than its
 * holders' — i.e. outputs end in a fresh zero-share, so they compose.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { Protocol } from "../diagnostics/messages/protocol.js";
import type { Program } from "./elaborate.js";
import type { Node, Party } from "./ir.js";
import { PARTIES, mask } from "./ir.js";
import type { Schedule } from "./schedule.js";
import { Algebra, type Atom, type Poly, inverseOdd, lin, monoAtoms } from "./symbolic.js";
import { PARTY_NAMES } from "./values.js";

interface Element {
  readonly poly: Poly;
  readonly m: bigint;
  readonly width: number;
  readonly label: string;
}

export function buildAlgebra(program: Program): Algebra {
  const base = new Map<string, Atom>();
  const alg: Algebra = new Algebra(program.ir.nodes, (n: Node) => {
    const key = n.op === "rnd" ? `r${n.imm2}.${n.imm}` : n.op === "perm" ? `p${n.imm2}.${n.value}` : `i${n.imm2}.${n.party}.${n.imm}`;
    let a = base.get(key);
    if (a === undefined) {
      if (n.op === "perm") {
        const tag = Number(n.value);
        const pair = [Math.floor(tag / 3), tag % 3] as Party[];
        a = alg.newAtom({ kind: "input", holders: new Set(pair), support: new Set(), width: 0, name: `perm{${pair.map((p) => PARTY_NAMES[p]).join(",")}}` });
      } else if (n.op === "rnd") {
        const d = program.ir.draws[n.imm2];
        if (d === undefined) return undefined;
        a = alg.newAtom({ kind: "rnd", holders: new Set(d.holders), support: new Set(), width: d.width, name: `rnd#${d.id}{${d.holders.map((p) => PARTY_NAMES[p]).join(",")}}${d.planes > 1 ? `[${n.imm}]` : ""}` });
      } else {
        const param = program.params[n.imm2];
        const holders = param?.kind === "Pub" ? new Set<Party>(PARTIES) : new Set<Party>([n.party]);
        a = alg.newAtom({ kind: "input", holders, support: new Set(), width: 0, name: `${param?.name ?? "?"}@${PARTY_NAMES[n.party]}${n.repr === "bit" && (param?.width ?? 1) > 1 ? `[${n.imm}]` : ""}` });
      }
      (a.support as Set<number>).add(a.id);
      base.set(key, a);
    }
    return a;
  });
  return alg;
}

/** Whether a word polynomial went through word-level XOR/AND/OR (an XOR-shared word). */
function bitwise(alg: Algebra, p: Poly): boolean {
  for (const k of p.keys()) for (const a of monoAtoms(k)) if (/^(xor|and|or)#/.test((alg.atoms[a] as Atom).name)) return true;
  return false;
}

/** View elements of a received node: one element, or one per bit for XOR-shared words. */
function viewElements(alg: Algebra, n: Node): Element[] {
  const label = n.label ?? `node ${n.id}`;
  if (n.repr === "bit") return [{ poly: alg.poly(n.id), m: 1n, width: 1, label }];
  const poly = alg.poly(n.id);
  if (!bitwise(alg, poly)) return [{ poly, m: mask(n.width), width: n.width, label }];
  return Array.from({ length: n.width }, (_, k) => ({ poly: alg.bitPoly(n.id, k), m: 1n, width: 1, label: `${label} bit ${k}` }));
}

const atomCache = new WeakMap<Poly, Map<number, number>>();

/** Base atoms of a polynomial (through opaque supports), with the number of monomials each occurs in. */
function occurrences(alg: Algebra, p: Poly): Map<number, number> {
  const hit = atomCache.get(p);
  if (hit !== undefined) return hit;
  const out = new Map<number, number>();
  for (const k of p.keys()) {
    const seen = new Set<number>();
    for (const a of monoAtoms(k)) for (const s of (alg.atoms[a] as Atom).support) seen.add(s);
    for (const s of seen) out.set(s, (out.get(s) ?? 0) + 1);
  }
  atomCache.set(p, out);
  return out;
}

function atomsOf(alg: Algebra, p: Poly): Set<number> {
  return new Set(occurrences(alg, p).keys());
}

function known(alg: Algebra, atom: number, party: Party): boolean {
  return (alg.atoms[atom] as Atom).holders.has(party);
}

/** Finds an atom of `e` that masks it for `party`, given occurrence counts of the view. */
function findMask(alg: Algebra, e: Element, party: Party, counts: Map<number, number>): number | undefined {
  for (const [k, c] of e.poly) {
    const atoms = monoAtoms(k);
    if (atoms.length !== 1) continue;
    const r = atoms[0] as number;
    const atom = alg.atoms[r] as Atom;
    if (atom.kind !== "rnd" || atom.holders.has(party)) continue;
    if ((c & 1n) === 0n || atom.width < e.width) continue;
    if ((counts.get(r) ?? 0) !== 1) continue;
    // Bits of one random word are independent of each other but not of the word.
    if (atom.parent !== undefined && (counts.get(atom.parent) ?? 0) > 0) continue;
    if ((alg.children.get(r) ?? []).some((c) => (counts.get(c) ?? 0) > 0)) continue;
    if (occurrences(alg, e.poly).get(r) === 1) return r;
  }
  return undefined;
}

/** Drops monomials made only of atoms `party` knows. */
function unknownPart(alg: Algebra, p: Poly, party: Party): Poly {
  const out: Poly = new Map();
  for (const [k, v] of p) if (!monoAtoms(k).every((a) => [...(alg.atoms[a] as Atom).support].every((s) => known(alg, s, party)))) out.set(k, v);
  return out;
}

/** Whether `target` is in the span (odd pivots only) of `rows`, modulo what `party` knows. */
function derivable(alg: Algebra, target: Element, rows: readonly Element[], party: Party): boolean {
  const m = target.m;
  const basis: { pivot: string; poly: Poly }[] = [];
  const reduce = (p: Poly): Poly => {
    let cur = p;
    for (const b of basis) {
      const c = cur.get(b.pivot);
      if (c !== undefined) cur = lin([[cur, 1n], [b.poly, (m + 1n - c) & m]], m);
    }
    return cur;
  };
  for (const r of rows) {
    if (r.m !== m) continue;
    const p = reduce(unknownPart(alg, r.poly, party));
    const pivot = [...p.entries()].find(([, c]) => (c & 1n) === 1n);
    if (pivot === undefined) continue;
    const inv = inverseOdd(pivot[1], m);
    basis.push({ pivot: pivot[0], poly: lin([[p, inv]], m) });
  }
  return reduce(unknownPart(alg, target.poly, party)).size === 0;
}

/** Runs the checker; returns diagnostics naming the leaking message or the stale output. */
export function checkPrivacy(program: Program, s: Schedule): Diagnostic[] {
  const alg = buildAlgebra(program);
  const nodes = program.ir.nodes;
  const out: Diagnostic[] = [];
  const name = `${program.proto}<${program.statics.map((x) => (typeof x === "bigint" ? `${x}` : PARTY_NAMES[x])).join(",")}>`;
  const messageAtoms = new Set<number>();
  for (const party of PARTIES) {
    const view: Element[] = [];
    for (const n of nodes) {
      if (!s.live[n.id] || n.party !== party || n.op !== "recv") continue;
      for (const e of viewElements(alg, n)) {
        for (const a of atomsOf(alg, e.poly)) messageAtoms.add(a);
        view.push(e);
      }
    }
    const allowed: Element[] = [];
    for (const o of program.outputs) {
      if (o.kind !== "Pub") continue;
      for (const id of o.comps[party] ?? []) allowed.push(...viewElements(alg, nodes[id] as Node));
    }
    const leak = simulate(alg, view, allowed, party);
    if (leak !== undefined) {
      const unknown = [...atomsOf(alg, leak.poly)].filter((a) => !known(alg, a, party)).map((a) => (alg.atoms[a] as Atom).name);
      out.push(Protocol.privacyLeak.at(undefined, name, `${leak.label} received by ${PARTY_NAMES[party]}`, unknown.join(", ")));
      return out;
    }
  }
  out.push(...checkOutputs(program, alg, messageAtoms, name));
  return out;
}

function simulate(alg: Algebra, view: Element[], allowed: readonly Element[], party: Party): Element | undefined {
  let rest = view.map((e) => ({ e, atoms: atomsOf(alg, e.poly) }));
  const counts = new Map<number, number>();
  for (const x of [...rest, ...allowed.map((e) => ({ e, atoms: atomsOf(alg, e.poly) }))]) for (const a of x.atoms) counts.set(a, (counts.get(a) ?? 0) + 1);
  const knownAll = (x: { atoms: Set<number> }) => {
    for (const a of x.atoms) if (!known(alg, a, party)) return false;
    return true;
  };
  const drop = (x: { atoms: Set<number> }) => {
    for (const a of x.atoms) counts.set(a, (counts.get(a) ?? 1) - 1);
  };
  for (;;) {
    // Mask rule, as many as possible in one pass (counts updated as elements go).
    let progress = false;
    const kept: typeof rest = [];
    for (const x of rest) {
      if (knownAll(x) || findMask(alg, x.e, party, counts) !== undefined) {
        drop(x);
        progress = true;
      } else kept.push(x);
    }
    rest = kept;
    if (rest.length === 0) return undefined;
    if (progress) continue;
    // Derivable rule (only when masks are stuck).
    const i = rest.findIndex((x, j) => derivable(alg, x.e, [...rest.filter((_, k) => k !== j).map((y) => y.e), ...allowed], party));
    if (i < 0) return (rest[0] as { e: Element }).e;
    drop(rest[i] as { atoms: Set<number> });
    rest = rest.filter((_, k) => k !== i);
    if (rest.length === 0) return undefined;
  }
}

function checkOutputs(program: Program, alg: Algebra, messageAtoms: ReadonlySet<number>, name: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  program.outputs.forEach((o, index) => {
    if (o.kind !== "A" && o.kind !== "X") return;
    const wordXor = o.kind === "X" && o.repr === "word" && o.width > 1;
    const elements = wordXor ? o.width : (o.comps[0] ?? []).length;
    for (let j = 0; j < elements; j++) {
      const polys = PARTIES.map((p) => {
        const ids = o.comps[p] as readonly number[];
        return wordXor ? alg.bitPoly(ids[0] as number, j) : alg.poly(ids[j] as number);
      });
      for (const party of PARTIES) {
        const fresh = [...(polys[party] as Poly).entries()].some(([k, c]) => {
          const atoms = monoAtoms(k);
          if (atoms.length !== 1 || (c & 1n) === 0n) return false;
          const atom = alg.atoms[atoms[0] as number] as Atom;
          if (atom.kind !== "rnd" || atom.holders.size !== 2 || !atom.holders.has(party) || messageAtoms.has(atom.id)) return false;
          return PARTIES.every((q) => atom.holders.has(q) || !atomsOf(alg, polys[q] as Poly).has(atom.id));
        });
        if (!fresh) {
          const what = `${index + 1}${elements > 1 ? ` (element ${j})` : ""} at ${PARTY_NAMES[party]}`;
          out.push(Protocol.outputNotFresh.at(undefined, name, what));
          return;
        }
      }
    }
  });
  return out;
}
