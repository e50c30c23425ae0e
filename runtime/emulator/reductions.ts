/**
 * Reductions and scans in the clear: sum, product, vecmin, vecmax (over the whole
 * vector, or over k equal chunks when the output has k elements), sum of bools as
 * a count, prefix_sum and inv_prefix_sum (out[i] = a[i] - a[i-1]), and choose
 * (out[i] = cond[i] ? a[i] : b[i]). Ring results wrap through typed-array stores.
 */
import type { Call } from "./call.js";
import { orderKey, type Rep } from "./representation.js";

type Num = number | bigint;

function combine(op: string, r: Rep): ((acc: Num, x: Num) => Num) | undefined {
  // exact order keys: elements themselves, or signed raw integers for fix (never Number() of a 64-bit value)
  const key = orderKey(r);
  switch (op) {
    case "sum":
    case "sum_sub":
      return (acc, x) => (typeof acc === "bigint" ? acc + BigInt(x) : acc + Number(x));
    case "product":
      return r.big
        ? (acc, x) => (acc as bigint) * (x as bigint)
        : r.cls === "float"
          ? (acc, x) => (acc as number) * (x as number)
          : (acc, x) => Math.imul(acc as number, x as number);
    case "vecmin":
      return (acc, x) => (key(x) < key(acc) ? x : acc);
    case "vecmax":
      return (acc, x) => (key(x) > key(acc) ? x : acc);
    default:
      return undefined;
  }
}

export function isReduction(op: string, r: Rep): boolean {
  return combine(op, r) !== undefined;
}

/** (pd, a, out): out has k elements, each reducing one of k equal chunks of a. */
export function runReduction(c: Call): void {
  const f = combine(c.parsed.op, c.type)!;
  const a = c.operand(0);
  const o = c.output();
  const k = o.length;
  if (k === 0 || a.length % k !== 0) c.fail(`cannot split ${a.length} elements into ${k} chunks`);
  const chunk = a.length / k;
  const outBig = o instanceof BigInt64Array || o instanceof BigUint64Array;
  const isMinMax = c.parsed.op === "vecmin" || c.parsed.op === "vecmax";
  for (let j = 0; j < k; j++) {
    if (isMinMax) {
      if (chunk === 0) continue;
      let acc: Num = a[j * chunk]!;
      for (let i = 1; i < chunk; i++) acc = f(acc, a[j * chunk + i]!);
      o[j] = acc;
      continue;
    }
    // accumulate through a one-element vector of the output type, so rings wrap at every step
    const cell = o.subarray(j, j + 1);
    cell[0] = c.parsed.op === "product" ? (outBig ? 1n : 1) : outBig ? 0n : 0;
    for (let i = 0; i < chunk; i++) {
      const x = a[j * chunk + i]!;
      const y = outBig ? (typeof x === "bigint" ? x : BigInt(x)) : typeof x === "bigint" ? Number(BigInt.asIntN(64, x) & 0xffffffffn) : x;
      cell[0] = f(cell[0]!, y);
    }
  }
}

/** (pd, a, out): running sums, or their inverse. */
export function runScan(c: Call): void {
  const a = c.operand(0);
  const o = c.output();
  if (a.length !== o.length) c.fail("input and output lengths differ");
  const inverse = c.parsed.op === "inv_prefix_sum";
  if (o instanceof BigInt64Array || o instanceof BigUint64Array) {
    let prev = 0n;
    for (let i = 0; i < o.length; i++) {
      const x = a[i] as bigint;
      o[i] = inverse ? x - prev : prev + x;
      prev = inverse ? x : o[i]!;
    }
    return;
  }
  let prev = 0;
  for (let i = 0; i < o.length; i++) {
    const x = a[i] as number;
    o[i] = inverse ? x - prev : prev + x;
    prev = inverse ? x : o[i]!;
  }
}

/** (pd, cond, a, b, out): oblivious select. */
export function runChoose(c: Call): void {
  const cond = c.operand(0, { ...c.type, cls: "bool", storage: "bool", bits: 1, big: false, publicType: "bool", name: "bool", frac: 0 });
  const a = c.operand(1);
  const b = c.operand(2);
  const o = c.output();
  const sc = cond.length === 1 ? 0 : 1;
  const sa = a.length === 1 ? 0 : 1;
  const sb = b.length === 1 ? 0 : 1;
  for (let i = 0; i < o.length; i++) o[i] = cond[i * sc] ? a[i * sa]! : b[i * sb]!;
}
