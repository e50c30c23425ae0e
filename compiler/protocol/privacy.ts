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
    const key = n.op === "rnd" ? `r${n.imm2}.${n.imm}` : `i${n.imm2}.${n.party}.${n.imm}`;
    let a = base.get(key);
    if (a === undefined) {
      if (n.op === "rnd") {
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

function atomsOf(alg: Algebra, p: Poly): Set<number> {
  const out = new Set<number>();
  for (const k of p.keys()) for (const a of monoAtoms(k)) for (const s of (alg.atoms[a] as Atom).support) out.add(s);
  return out;
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
    let elsewhere = false;
    for (const k2 of e.poly.keys()) {
      if (k2 === k) continue;
      for (const a of monoAtoms(k2)) if ((alg.atoms[a] as Atom).support.has(r)) elsewhere = true;
    }
    if (!elsewhere) return r;
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
      const w = n.repr === "bit" ? 1 : n.width;
      const poly = alg.poly(n.id);
      for (const a of atomsOf(alg, poly)) messageAtoms.add(a);
      view.push({ poly, m: mask(w), width: w, label: n.label ?? `node ${n.id}` });
    }
    const allowed: Element[] = [];
    for (const o of program.outputs) {
      if (o.kind !== "Pub") continue;
      for (const id of o.comps[party] ?? []) {
        const n = nodes[id] as Node;
        const w = n.repr === "bit" ? 1 : n.width;
        allowed.push({ poly: alg.poly(id), m: mask(w), width: w, label: "output" });
      }
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
  let rest = [...view];
  for (;;) {
    const counts = new Map<number, number>();
    for (const e of [...rest, ...allowed]) for (const a of atomsOf(alg, e.poly)) counts.set(a, (counts.get(a) ?? 0) + 1);
    let removed = -1;
    for (let i = 0; i < rest.length && removed < 0; i++) if (findMask(alg, rest[i] as Element, party, counts) !== undefined) removed = i;
    if (removed < 0) {
      for (let i = 0; i < rest.length && removed < 0; i++) {
        const e = rest[i] as Element;
        if (unknownPart(alg, e.poly, party).size === 0 || derivable(alg, e, [...rest.filter((_, j) => j !== i), ...allowed], party)) removed = i;
      }
    }
    if (removed < 0) return rest[0];
    rest = rest.filter((_, j) => j !== removed);
    if (rest.length === 0) return undefined;
  }
}

function checkOutputs(program: Program, alg: Algebra, messageAtoms: ReadonlySet<number>, name: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  program.outputs.forEach((o, index) => {
    if (o.kind !== "A" && o.kind !== "X") return;
    const elements = (o.comps[0] ?? []).length;
    for (let j = 0; j < elements; j++) {
      const polys = PARTIES.map((p) => alg.poly((o.comps[p] as readonly number[])[j] as number));
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
