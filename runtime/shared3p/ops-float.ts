/**
 * The shared3p handlers for private float32/float64 values (and conversions to or
 * from them). A private float is the XOR sharing of its IEEE-754 bit pattern, so
 * classify, declassify and share import/export are the XOR-word paths, negation and
 * abs are local, choose is `xchoose<n>`, and arithmetic (division and square root
 * included), comparisons, min/max, floor/ceiling, conversions and exp/ln/sin/erf (the
 * algorithms of vm/transcendental.ts as sequences of IEEE operations,
 * float/transcendental.ts) run exact IEEE circuits (runtime/shared3p/float/) whose
 * interactive ANDs go through `and<1>`, one call per AND-depth level. Results equal the
 * emulator's float arithmetic bit for bit, NaN bit patterns aside (see
 * float/format.ts). Data exchange (handler.ts EXCHANGE_HANDLERS) and data movement
 * (shuffles, gather/scatter, randomize: ops-movement.ts, through the XOR-word paths)
 * are the shared handlers.
 */
import { allOnes, broadcast, xorShares } from "./local-ops.js";
import { EXCHANGE_HANDLERS, fail, key, output, privates, publicWords, shareOperand, store, type Call, type Handler, type PartyOps } from "./handler.js";
import { FLOAT_MOVEMENT_HANDLERS } from "./ops-movement.js";
import { allocShares, shareTypeOf, type ShareType, type ShareVector } from "./share-types.js";
import { arithCircuit, compareCircuit, integralCircuit, inverseCircuit, minMaxCircuit, negligibleCircuit, sqrtCircuit, transcendentalCircuit, type ArithOp, type CompareOp } from "./float/catalogue.js";
import { floatConversion } from "./float/conversions.js";
import { extremeOfChunks, foldChunks } from "./float/reduce.js";
import { protocolParty, runCircuit, type CompiledCircuit } from "./float/run.js";

const AND = "and<1>";
const width = (t: ShareType): 32 | 64 => t.width as 32 | 64;
const BOOL = shareTypeOf("bool") as ShareType;

/** Operand i as a circuit input: a private share vector, or a public plaintext vector of `lanes` lanes. */
function operand(p: PartyOps, c: Call, i: number, lanes: number): { v: ShareVector; isPublic: boolean } {
  const a = c.args[i];
  if (a === undefined) fail(c, `missing argument ${i + 2}`);
  if (a.tag === "private") return { v: shareOperand(p, c, i, c.type, lanes), isPublic: false };
  const words = publicWords(c, a, c.type);
  return { v: broadcast(c.type.width, words, words.length === 1 && lanes !== 1 ? 1 : lanes, lanes), isPublic: true };
}

/** A two-operand circuit handler (the circuit chosen by which operands are public). */
function binaryCircuit(pick: (w: 32 | 64, pubA: boolean, pubB: boolean) => CompiledCircuit, outType: (t: ShareType) => ShareType): Handler {
  return {
    needs: () => [AND],
    run: async (p, c) => {
      const o = output(c);
      const a = operand(p, c, 0, o.lanes);
      const b = operand(p, c, 1, o.lanes);
      if (a.isPublic && b.isPublic) fail(c, "expects a private operand");
      const [r] = await runCircuit(pick(width(c.type), a.isPublic, b.isPublic), protocolParty(p.runner), o.lanes, [a.v, b.v]);
      store(outType(c.type), o.handle, o.lanes, r as ShareVector);
    },
  };
}

const arith = (op: ArithOp): Handler => binaryCircuit((w, pa, pb) => arithCircuit(op, w, pa, pb), (t) => t);
const compare = (op: CompareOp): Handler => binaryCircuit((w, pa, pb) => compareCircuit(op, w, pa, pb), () => BOOL);
const minMax = (min: boolean): Handler => binaryCircuit((w, pa, pb) => minMaxCircuit(min, w, pa, pb), (t) => t);

/** A one-operand circuit handler. */
function unaryCircuit(pick: (w: 32 | 64) => CompiledCircuit, outType: (t: ShareType) => ShareType): Handler {
  return {
    needs: () => [AND],
    run: async (p, c) => {
      const o = output(c);
      const [r] = await runCircuit(pick(width(c.type)), protocolParty(p.runner), o.lanes, [shareOperand(p, c, 0, c.type, o.lanes)]);
      store(outType(c.type), o.handle, o.lanes, r as ShareVector);
    },
  };
}

/** The top (sign) bit of every lane. */
function signMask(t: ShareType, lanes: number): ShareVector {
  const m = allocShares(t.width, lanes);
  if (m instanceof BigUint64Array) m.fill(1n << 63n);
  else (m as Uint32Array).fill(0x80000000);
  return m;
}

/** A local unary handler on this party's share. */
function localUnary(f: (p: PartyOps, t: ShareType, a: ShareVector, lanes: number) => ShareVector): Handler {
  return {
    needs: () => [],
    run: (p, c) => {
      const o = output(c);
      store(c.type, o.handle, o.lanes, f(p, c.type, shareOperand(p, c, 0, c.type, o.lanes), o.lanes));
    },
  };
}

function reduction(run: (p: PartyOps, t: ShareType, v: ShareVector, lanes: number, k: number) => Promise<ShareVector>): Handler {
  return {
    needs: () => [AND],
    run: async (p, c) => {
      const [a] = privates(c);
      const o = output(c);
      const k = o.lanes;
      if (a === undefined || k === 0 || a.lanes % k !== 0) fail(c, "cannot split the input into the output's chunks");
      store(c.type, o.handle, k, await run(p, c.type, a.handle, a.lanes, k));
    },
  };
}


const conversion: Handler = {
  needs: (t, to) => {
    if (to === undefined) return "no target type";
    const plan = floatConversion(t, to);
    return typeof plan === "string" ? plan : plan.needs;
  },
  run: async (p, c) => {
    const to = c.to as ShareType;
    const [a] = privates(c);
    const o = output(c);
    if (a === undefined || a.lanes !== o.lanes) fail(c, "input and output lengths differ");
    const plan = floatConversion(c.type, to);
    if (typeof plan === "string") fail(c, plan);
    store(to, o.handle, o.lanes, await plan.run(p, a.handle, o.lanes));
  },
};

export const FLOAT_HANDLERS: Record<string, Handler> = {
  add: arith("add"),
  sub: arith("sub"),
  mul: arith("mul"),
  mulc: arith("mul"),
  div: arith("div"),
  divc: arith("div"),
  inv: unaryCircuit((w) => inverseCircuit(w), (t) => t),
  sqrt: unaryCircuit((w) => sqrtCircuit(w), (t) => t),
  // the algorithms of vm/transcendental.ts as circuits (float/transcendental.ts)
  exp: unaryCircuit((w) => transcendentalCircuit("exp", w), (t) => t),
  ln: unaryCircuit((w) => transcendentalCircuit("ln", w), (t) => t),
  sin: unaryCircuit((w) => transcendentalCircuit("sin", w), (t) => t),
  erf: unaryCircuit((w) => transcendentalCircuit("erf", w), (t) => t),
  eq: compare("eq"),
  lt: compare("lt"),
  gt: compare("gt"),
  lte: compare("lte"),
  gte: compare("gte"),
  min: minMax(true),
  max: minMax(false),
  vecmin: reduction((p, t, v, lanes, k) => extremeOfChunks(protocolParty(p.runner), width(t), v, lanes, k, true)),
  vecmax: reduction((p, t, v, lanes, k) => extremeOfChunks(protocolParty(p.runner), width(t), v, lanes, k, false)),
  sum: reduction((p, t, v, lanes, k) => foldChunks(protocolParty(p.runner), width(t), "add", v, lanes, k)),
  product: reduction((p, t, v, lanes, k) => foldChunks(protocolParty(p.runner), width(t), "mul", v, lanes, k)),
  // −x flips the sign bit (party 0), |x| clears it (every party): local on XOR shares
  neg: localUnary((p, t, a, lanes) => {
    const out = allocShares(t.width, lanes);
    xorShares(t.width, a, p.party === 0 ? signMask(t, lanes) : allocShares(t.width, lanes), out, lanes);
    return out;
  }),
  abs: localUnary((_p, t, a, lanes) => {
    const out = allocShares(t.width, lanes);
    const keep = allOnes(t.width, lanes);
    xorShares(t.width, keep, signMask(t, lanes), keep, lanes);
    andWords(t, a, keep, out, lanes);
    return out;
  }),
  // the emulator's thresholds: |x| < 1e-5 (float32), 1e-12 (float64)
  isnegligible: unaryCircuit((w) => negligibleCircuit(w, w === 32 ? 1e-5 : 1e-12), () => BOOL),
  floor: unaryCircuit((w) => integralCircuit(false, w), (t) => t),
  ceiling: unaryCircuit((w) => integralCircuit(true, w), (t) => t),
  choose: {
    needs: (t) => [key("xchoose", t)],
    run: async (p, c) => {
      const o = output(c);
      const cond = c.args[0];
      if (cond?.tag !== "private" || cond.type.name !== "bool") fail(c, "the condition must be a private bool vector");
      const args = [broadcast(1, cond.handle as ShareVector, cond.length, o.lanes), shareOperand(p, c, 1, c.type, o.lanes), shareOperand(p, c, 2, c.type, o.lanes)];
      store(c.type, o.handle, o.lanes, (await p.runner.run(key("xchoose", c.type), o.lanes, args)) as ShareVector);
    },
  },
  conv: conversion,
  reshare: conversion,
  ...EXCHANGE_HANDLERS,
  ...FLOAT_MOVEMENT_HANDLERS,
};

/** out = a & mask lane-wise (a local operation on XOR shares when the mask is public). */
function andWords(t: ShareType, a: ShareVector, mask: ShareVector, out: ShareVector, lanes: number): void {
  if (t.width === 64) {
    const x = a as BigUint64Array;
    const m = mask as BigUint64Array;
    const o = out as BigUint64Array;
    for (let i = 0; i < lanes; i++) o[i] = (x[i] as bigint) & (m[i] as bigint);
    return;
  }
  const x = a as Uint32Array;
  const m = mask as Uint32Array;
  const o = out as Uint32Array;
  for (let i = 0; i < lanes; i++) o[i] = ((x[i] as number) & (m[i] as number)) >>> 0;
}

