/**
 * Runs float circuits on share vectors at one party. A circuit is built once per
 * shape (operation, formats, which inputs are public) and cached; each run
 * transposes the input share vectors into bit planes, evaluates (interactive ANDs
 * through the generated `and<1>` protocol, one call per AND-depth level) and
 * transposes the outputs back. Nothing is opened: every output stays XOR-shared.
 */
import { Circuit, type Bit } from "./circuit.js";
import type { Bits } from "./bitvec.js";
import { evaluate, type EvalParty } from "./evaluate.js";
import { fromPlanes, planeWords, toPlanes, type WordWidth } from "./planes.js";
import type { ProtocolRunner } from "../protocol-runner.js";
import type { ShareVector } from "../share-types.js";

/** Width 1: a bit-sliced bool vector; else a word vector of that width. */
export type VectorWidth = 1 | WordWidth;

export interface InputSpec {
  readonly width: VectorWidth;
  readonly isPublic: boolean;
}

export interface CompiledCircuit {
  readonly circuit: Circuit;
  readonly inputs: readonly Bits[];
  readonly outputs: readonly Bits[];
  readonly outputWidths: readonly VectorWidth[];
}

const CACHE = new Map<string, CompiledCircuit>();

/** The circuit `build` makes for inputs of these widths (built once per key). */
export function compile(key: string, specs: readonly InputSpec[], build: (c: Circuit, inputs: Bits[]) => Bits[]): CompiledCircuit {
  const full = `${key}|${specs.map((s) => `${s.width}${s.isPublic ? "p" : "s"}`).join(",")}`;
  let cc = CACHE.get(full);
  if (cc === undefined) {
    const circuit = new Circuit();
    const inputs = specs.map((s) => Array.from({ length: s.width }, () => circuit.input(s.isPublic)));
    const outputs = build(circuit, inputs);
    cc = { circuit, inputs, outputs, outputWidths: outputs.map((o) => o.length as VectorWidth) };
    CACHE.set(full, cc);
  }
  return cc;
}

/** The AND-depth (protocol rounds) of a compiled circuit and its interactive AND count per lane. */
export function circuitCost(cc: CompiledCircuit): { rounds: number; ands: number } {
  const c = cc.circuit;
  const seen = new Uint8Array(c.size);
  const stack: Bit[] = cc.outputs.flat();
  let rounds = 0;
  let ands = 0;
  while (stack.length > 0) {
    const x = stack.pop() as Bit;
    if (seen[x]) continue;
    seen[x] = 1;
    rounds = Math.max(rounds, c.depth(x));
    if (c.interactive(x)) ands++;
    const k = c.kind(x);
    if (k === "xor" || k === "and") stack.push(...c.operands(x));
  }
  return { rounds, ands };
}

/** The evaluation party of a protocol runner: interactive ANDs through `and<1>`. */
export function protocolParty(runner: ProtocolRunner): EvalParty {
  return {
    party: runner.ctx.party,
    and: async (u, v, count, words) => (await runner.run("and<1>", count * words * 32, [u, v])) as Uint32Array,
  };
}

/** Runs a compiled circuit on share vectors (or public plaintext vectors for public inputs) of `lanes` lanes. */
export async function runCircuit(cc: CompiledCircuit, p: EvalParty, lanes: number, vectors: readonly ShareVector[]): Promise<ShareVector[]> {
  const words = planeWords(lanes);
  if (lanes === 0) return cc.outputWidths.map((w) => (w === 1 ? new Uint32Array(0) : fromPlanes([], w, 0)));
  const planes = new Map<Bit, Uint32Array>();
  cc.inputs.forEach((bits, i) => {
    const v = vectors[i] as ShareVector;
    const ps = bits.length === 1 ? [(v as Uint32Array).subarray(0, words)] : toPlanes(v, bits.length as WordWidth, lanes);
    bits.forEach((b, j) => planes.set(b, ps[j] as Uint32Array));
  });
  const flat = cc.outputs.flat();
  const values = await evaluate(cc.circuit, planes, flat, words, p);
  const out: ShareVector[] = [];
  let at = 0;
  for (const w of cc.outputWidths) {
    const ps = values.slice(at, at + w);
    at += w;
    out.push(w === 1 ? (ps[0] as Uint32Array).slice() : fromPlanes(ps, w, lanes));
  }
  return out;
}
