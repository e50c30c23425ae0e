/**
 * Runs float circuits on share vectors at one party. A circuit is built once per
 * shape (operation, formats, which inputs are public) and cached; each run
 * transposes the input share vectors into bit planes, evaluates (interactive ANDs
 * through the generated `and<1>` protocol, one call per AND-depth level) and
 * transposes the outputs back. Nothing is opened: every output stays XOR-shared.
 */
import { Circuit, type Bit } from "./circuit.js";
import type { Bits } from "./bitvec.js";
import { evaluatePlan, planEvaluation, type EvalParty, type EvalPlan } from "./evaluate.js";
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
  readonly plan: EvalPlan;
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
    cc = { circuit, inputs, outputs, outputWidths: outputs.map((o) => o.length as VectorWidth), plan: planEvaluation(circuit, outputs.flat()) };
    CACHE.set(full, cc);
  }
  return cc;
}

/** The AND-depth (protocol rounds of one evaluation, unsplit) of a compiled circuit and its interactive ANDs per lane. */
export function circuitCost(cc: CompiledCircuit): { rounds: number; ands: number } {
  const levels = cc.plan.levels;
  return { rounds: levels.filter((l) => l.ands.length > 0).length, ands: levels.reduce((n, l) => n + l.ands.length, 0) };
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
  const values = await evaluatePlan(cc.plan, planes, words, p);
  const out: ShareVector[] = [];
  let at = 0;
  for (const w of cc.outputWidths) {
    const ps = values.slice(at, at + w);
    at += w;
    out.push(w === 1 ? (ps[0] as Uint32Array).slice() : fromPlanes(ps, w, lanes));
  }
  return out;
}
