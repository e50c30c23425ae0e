/**
 * Static (compile-time) evaluation for Tripl: arithmetic and comparisons on naturals,
 * party arithmetic (P3 + 1 = P1), booleans, and the static builtins pow2s, range,
 * log2 and ones.
 */
import type { Party } from "./ir.js";
import { type Val, describe } from "./values.js";

/** Evaluates a binary (or, with a dummy left operand, unary `-`/`~`/`!`) static operation. */
export function evalStaticBinary(op: string, l: Val, r: Val, fail: (msg: string) => never): Val {
  if (op === "!") {
    if (r.k !== "bool") fail("boolean");
    return { k: "bool", v: !r.v };
  }
  if (op === "~") fail("number (no '~' on static values)");
  if (l.k === "bool" && r.k === "bool") {
    if (op === "&&") return { k: "bool", v: l.v && r.v };
    if (op === "||") return { k: "bool", v: l.v || r.v };
    if (op === "==") return { k: "bool", v: l.v === r.v };
    if (op === "!=") return { k: "bool", v: l.v !== r.v };
    fail("operands");
  }
  if (l.k === "party" && r.k === "nat" && (op === "+" || op === "-")) {
    const d = Number(r.v % 3n);
    return { k: "party", v: ((l.v + (op === "+" ? d : 3 - d)) % 3) as Party };
  }
  if (l.k === "party" && r.k === "party" && (op === "==" || op === "!=")) return { k: "bool", v: (l.v === r.v) === (op === "==") };
  if (l.k !== "nat" || r.k !== "nat") return fail("operands");
  const a = l.v;
  const b = r.v;
  switch (op) {
    case "+":
      return { k: "nat", v: a + b };
    case "-":
      return { k: "nat", v: a - b };
    case "*":
      return { k: "nat", v: a * b };
    case "/":
      if (b === 0n) fail("div0");
      return { k: "nat", v: a / b };
    case "%":
      if (b === 0n) fail("div0");
      return { k: "nat", v: a % b };
    case "<<":
      return { k: "nat", v: a << b };
    case ">>":
      return { k: "nat", v: a >> b };
    case "&":
      return { k: "nat", v: a & b };
    case "|":
      return { k: "nat", v: a | b };
    case "^":
      return { k: "nat", v: a ^ b };
    case "==":
      return { k: "bool", v: a === b };
    case "!=":
      return { k: "bool", v: a !== b };
    case "<":
      return { k: "bool", v: a < b };
    case "<=":
      return { k: "bool", v: a <= b };
    case ">":
      return { k: "bool", v: a > b };
    case ">=":
      return { k: "bool", v: a >= b };
    default:
      return fail("operands");
  }
}

function nat(v: Val | undefined, fail: (what: string, got: string) => never): bigint {
  if (v === undefined || v.k !== "nat") return fail("number", v === undefined ? "nothing" : describe(v));
  return v.v;
}

/**
 * pow2s(a, b): powers of two from a to b inclusive, in that direction;
 * range(a, b): a, a+1, …, b-1; log2(n): floor of log2; ones(k): 2^k - 1.
 */
export function staticBuiltin(name: string, args: readonly Val[], fail: (what: string, got: string) => never): Val {
  switch (name) {
    case "pow2s": {
      const a = nat(args[0], fail);
      const b = nat(args[1], fail);
      const items: Val[] = [];
      if (a <= b) for (let x = a; x <= b && x > 0n; x *= 2n) items.push({ k: "nat", v: x });
      else for (let x = a; x >= b && x > 0n; x /= 2n) items.push({ k: "nat", v: x });
      return { k: "list", items };
    }
    case "range": {
      const a = nat(args[0], fail);
      const b = nat(args[1], fail);
      const items: Val[] = [];
      for (let x = a; x < b; x++) items.push({ k: "nat", v: x });
      return { k: "list", items };
    }
    case "log2": {
      let n = nat(args[0], fail);
      let k = 0n;
      while (n > 1n) {
        n >>= 1n;
        k++;
      }
      return { k: "nat", v: k };
    }
    case "ones":
      return { k: "nat", v: (1n << nat(args[args.length - 1], fail)) - 1n };
    default:
      return fail("builtin", name);
  }
}
