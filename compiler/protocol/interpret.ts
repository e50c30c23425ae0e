/**
 * Reference interpreter of the IR for one lane: every node's value as a BigInt
 * (a word mod 2^width, or 0/1 for a bit plane), given the input components and a value
 * per (draw, plane). Works for any width 1..64, so protocols can be instantiated on
 * tiny rings (n = 2..4) for the exhaustive view-distribution check.
 */
import type { Program } from "./elaborate.js";
import type { Node } from "./ir.js";
import { mask } from "./ir.js";

export interface InterpretInputs {
  /** Value of parameter `param` at `party` (plane k of bit inputs is bit k). */
  input(param: number, party: number): bigint;
  /** Value of plane `plane` of draw `draw` (for word draws plane = 0). */
  draw(draw: number, plane: number): bigint;
}

/** Values of all nodes (undefined for nodes not needed by `wanted`, if given). */
export function interpret(program: Program, inputs: InterpretInputs): bigint[] {
  const nodes = program.ir.nodes;
  const v: bigint[] = new Array(nodes.length);
  for (const n of nodes) v[n.id] = evalNode(n, v, inputs, nodes);
  return v;
}

function evalNode(n: Node, v: readonly bigint[], inputs: InterpretInputs, nodes: readonly Node[]): bigint {
  const m = n.repr === "bit" ? 1n : mask(n.width);
  const a = v[n.args[0] as number] as bigint;
  const b = v[n.args[1] as number] as bigint;
  switch (n.op) {
    case "const":
      return n.value;
    case "input": {
      const x = inputs.input(n.imm2, n.party);
      return n.repr === "bit" ? (x >> BigInt(n.imm)) & 1n : x & m;
    }
    case "rnd":
      return inputs.draw(n.imm2, n.imm) & m;
    case "recv":
      return a;
    case "add":
      return (a + b) & m;
    case "sub":
      return (a - b) & m;
    case "neg":
      return -a & m;
    case "mul":
      return (a * b) & m;
    case "and":
      return a & b;
    case "or":
      return a | b;
    case "xor":
      return a ^ b;
    case "not":
      return ~a & m;
    case "shl":
      return (a << BigInt(n.imm)) & m;
    case "shr":
      return a >> BigInt(n.imm);
    case "lift":
      return a;
    case "trunc":
      return a & m;
    case "zext":
      return a;
    case "bitof":
      return (a >> BigInt(n.imm)) & 1n;
    case "perm":
      return 0n;
    case "apply":
      return b;
  }
  void nodes;
}
