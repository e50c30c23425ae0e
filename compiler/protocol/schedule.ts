/**
 * Dead-code elimination and round scheduling of an elaborated program.
 *
 * round(node) = max over its arguments (ASAP); a `recv` is one round after its source.
 * Messages are grouped into one frame per (round, sender, receiver). A draw of
 * randomness is placed in the earliest round in which any holder uses it, and all
 * draws of one stream in one round form one keystream call; the layout (order and
 * alignment of parts inside frames and keystream blocks) is computed once, globally,
 * so sender and receiver, and both holders of a pair stream, agree by construction.
 *
 * Sizes are linear in the lane count L: a word part takes L·n/8 bytes, a bit-plane part
 * 4·⌈L/32⌉ bytes. Parts are ordered by decreasing alignment so every typed-array view
 * starts at a multiple of its element size.
 */
import type { Program } from "./elaborate.js";
import type { Draw, Node, Party } from "./ir.js";
import { PARTIES } from "./ir.js";

/** Size of one part per lane: `wordBytes` bytes per lane, or one bit plane per lane group of 32. */
export interface PartSize {
  readonly wordBytes: number;
  readonly planes: number;
}

export interface FramePart {
  readonly node: number;
  readonly size: PartSize;
}

export interface Frame {
  readonly step: number;
  readonly from: Party;
  readonly to: Party;
  readonly parts: readonly FramePart[];
}

export type StreamName = "next" | "prev" | "own";

export interface DrawPart {
  readonly draw: Draw;
  readonly size: PartSize;
}

/** The draws one party takes from one of its streams in one round. */
export interface KeyBlock {
  readonly party: Party;
  readonly round: number;
  readonly stream: StreamName;
  readonly parts: readonly DrawPart[];
}

export interface Schedule {
  readonly program: Program;
  readonly live: readonly boolean[];
  readonly round: readonly number[];
  readonly rounds: number;
  readonly frames: readonly Frame[];
  readonly keyBlocks: readonly KeyBlock[];
  /** Consumers of each node (live only). */
  readonly users: readonly number[][];
}

export function containerBytes(width: number): number {
  if (width <= 8) return 1;
  if (width <= 16) return 2;
  if (width <= 32) return 4;
  return 8;
}

export function partSize(n: Node | Draw): PartSize {
  const planes = "planes" in n ? n.planes : 1;
  return n.repr === "bit" ? { wordBytes: 0, planes } : { wordBytes: containerBytes(n.width), planes: 0 };
}

function alignment(s: PartSize): number {
  return s.planes > 0 ? 4 : s.wordBytes;
}

function byAlignment<T extends { size: PartSize }>(parts: T[], key: (t: T) => number): T[] {
  return parts.sort((a, b) => alignment(b.size) - alignment(a.size) || key(a) - key(b));
}

/** The stream a party uses for a draw. */
export function streamOf(party: Party, draw: Draw): StreamName {
  if (draw.holders.length === 1) return "own";
  const other = draw.holders[0] === party ? (draw.holders[1] as Party) : (draw.holders[0] as Party);
  return other === (party + 1) % 3 ? "next" : "prev";
}

export function schedule(program: Program): Schedule {
  const nodes = program.ir.nodes;
  const live = nodes.map(() => false);
  const stack: number[] = [];
  for (const o of program.outputs) for (const c of o.comps) if (c) stack.push(...c);
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (live[id]) continue;
    live[id] = true;
    stack.push(...(nodes[id] as Node).args);
  }
  const users: number[][] = nodes.map(() => []);
  for (const n of nodes) if (live[n.id]) for (const a of n.args) (users[a] as number[]).push(n.id);
  const round = nodes.map(() => 0);
  for (const n of nodes) {
    if (!live[n.id]) continue;
    let r = 0;
    for (const a of n.args) r = Math.max(r, (round[a] as number) + (n.op === "recv" ? 1 : 0));
    round[n.id] = r;
  }
  // As late as possible without adding rounds: a value is computed in the round of its
  // first use (or the round before its first transfer), so precomputable work such as
  // masks of later rounds is not materialised early. Transfers stay one round after
  // their source.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i] as Node;
    if (!live[n.id] || n.op === "input" || n.op === "const" || n.op === "rnd") continue;
    const us = users[n.id] as number[];
    if (us.length === 0) continue;
    let r = Infinity;
    for (const u of us) r = Math.min(r, (nodes[u] as Node).op === "recv" ? (round[u] as number) - 1 : (round[u] as number));
    round[n.id] = Math.max(round[n.id] as number, r);
  }
  for (const n of nodes) if (live[n.id] && n.op === "recv") round[n.id] = (round[n.args[0] as number] as number) + 1;
  // Randomness: the earliest round in which any holder uses the draw.
  const drawRound = new Map<number, number>();
  for (const n of nodes) {
    if (!live[n.id] || n.op !== "rnd") continue;
    const us = users[n.id] as number[];
    // A draw that is itself an output (no users) is taken in round 0.
    const first = us.length === 0 ? 0 : Math.min(...us.map((u) => round[u] as number));
    drawRound.set(n.imm2, Math.min(drawRound.get(n.imm2) ?? Infinity, first));
  }
  for (const n of nodes) if (live[n.id] && n.op === "rnd") round[n.id] = drawRound.get(n.imm2) as number;
  const rounds = Math.max(0, ...nodes.filter((n) => live[n.id]).map((n) => round[n.id] as number));

  const frameMap = new Map<string, FramePart[]>();
  for (const n of nodes) {
    if (!live[n.id] || n.op !== "recv") continue;
    const src = nodes[n.args[0] as number] as Node;
    const key = `${round[n.id]}|${src.party}|${n.party}`;
    let parts = frameMap.get(key);
    if (parts === undefined) frameMap.set(key, (parts = []));
    if (!parts.some((p) => p.node === src.id)) parts.push({ node: src.id, size: partSize(src) });
  }
  const frames: Frame[] = [...frameMap.entries()].map(([k, parts]) => {
    const [step, from, to] = k.split("|").map(Number) as [number, Party, Party];
    return { step, from, to, parts: byAlignment(parts, (p) => p.node) };
  });
  frames.sort((a, b) => a.step - b.step || a.from - b.from || a.to - b.to);

  const blockMap = new Map<string, DrawPart[]>();
  for (const draw of program.ir.draws) {
    const r = drawRound.get(draw.id);
    if (r === undefined) continue;
    for (const party of draw.holders) {
      const key = `${party}|${r}|${streamOf(party, draw)}`;
      let parts = blockMap.get(key);
      if (parts === undefined) blockMap.set(key, (parts = []));
      parts.push({ draw, size: partSize(draw) });
    }
  }
  const keyBlocks: KeyBlock[] = [];
  for (const party of PARTIES) {
    for (let r = 0; r <= rounds; r++) {
      for (const stream of ["next", "prev", "own"] as const) {
        const parts = blockMap.get(`${party}|${r}|${stream}`);
        if (parts !== undefined) keyBlocks.push({ party, round: r, stream, parts: byAlignment(parts, (p) => p.draw.id) });
      }
    }
  }
  return { program, live, round, rounds, frames, keyBlocks, users };
}

/** Cost of an instance: rounds, and bytes sent per lane by each party (bit planes count 1/8 byte per lane). */
export interface Cost {
  readonly rounds: number;
  /** Bytes sent per lane, per party. */
  readonly bytesPerParty: readonly [number, number, number];
}

export function costOf(s: Schedule): Cost {
  const bytes: [number, number, number] = [0, 0, 0];
  for (const f of s.frames) for (const p of f.parts) bytes[f.from] += p.size.wordBytes + p.size.planes / 8;
  return { rounds: s.frames.length === 0 ? 0 : Math.max(...s.frames.map((f) => f.step)), bytesPerParty: bytes };
}
