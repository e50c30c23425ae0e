/**
 * Conversions between shared3p share types (`conv_A_to_B_vec`, `reshare_A_to_B_vec`):
 * for each pair of types, the protocols a conversion needs and how it runs at one
 * party, with the emulator's semantics (value conversion, sign extension of signed
 * sources, x != 0 for bool targets).
 */
import type { MaybePromise } from "../../vm/backend.js";
import { addShares, allOnes, broadcast, copyShares, mulPublic, xorShares } from "./local-ops.js";
import { fail, key, output, privates, store, type Call, type PartyOps } from "./handler.js";
import { allocShares, getBit, shareTypeOf, type ShareType, type ShareVector, type Width } from "./share-types.js";

/** A conversion between share types: the protocols it needs and how it runs at one party. */
interface ConversionPlan {
  readonly needs: readonly string[];
  run(p: PartyOps, v: ShareVector, lanes: number): MaybePromise<ShareVector>;
}

/** Local change of word width: reduction mod 2^m when narrowing, zero-extension when widening. */
function resize(fromWidth: Width, v: ShareVector, toWidth: Width, lanes: number): ShareVector {
  const out = allocShares(toWidth, lanes);
  narrowInto(fromWidth, v, toWidth, out, lanes);
  return out;
}

/** Party 0 adds the public constant c (mod 2^w); the others keep their shares. */
function addAtParty0(p: PartyOps, w: Width, v: ShareVector, c: bigint, lanes: number): ShareVector {
  const out = copyShares(w, v, lanes);
  if (p.party !== 0) return out;
  const k = allocShares(w, 1);
  if (k instanceof BigUint64Array) k[0] = BigInt.asUintN(64, c);
  else (k as Uint32Array)[0] = Number(BigInt.asUintN(w, c));
  addShares(w, out, broadcast(w, k, 1, lanes), out, lanes);
  return out;
}

/** ¬ on bit-sliced XOR shares (party 0 flips). */
function notBits(p: PartyOps, v: ShareVector, lanes: number): ShareVector {
  if (p.party === 0) xorShares(1, v, allOnes(1, lanes), v, lanes);
  return v;
}

const local = (run: ConversionPlan["run"]): ConversionPlan => ({ needs: [], run });
const viaProtocol = (k: string, after: (p: PartyOps, v: ShareVector, lanes: number) => ShareVector = (_p, v) => v): ConversionPlan => ({
  needs: [k],
  run: async (p, v, lanes) => after(p, (await p.runner.run(k, lanes, [v])) as ShareVector, lanes),
});

/**
 * How to convert `from` to `to` (the emulator's conv/reshare semantics: value
 * conversion, sign-extending signed sources, x != 0 for bool targets), or why not.
 * Additive up-casts decompose into bits (bits<n>), zero-extend the XOR words
 * locally and recombine (x2a<m>); signed sources are shifted by 2^(n-1) first and
 * back after, so the same unsigned path sign-extends them.
 */
function conversionPlan(from: ShareType, to: ShareType): ConversionPlan | string {
  const n = from.width;
  const m = to.width;
  if (from.rep.cls === "fix" || to.rep.cls === "fix") return fixPlan(from, to);
  switch (from.sharing) {
    case "bits":
      if (to.sharing === "bits") return local((_p, v, lanes) => copyShares(1, v, lanes));
      if (to.sharing === "xor") return local((_p, v, lanes) => resize(1, v, m, lanes));
      return viaProtocol(key("b2a", to));
    case "xor":
      if (to.sharing === "xor") return local((_p, v, lanes) => resize(n, v, m, lanes));
      if (to.sharing === "bits") return { needs: [key("eqx", from)], run: async (p, v, lanes) => notBits(p, (await p.runner.run(key("eqx", from), lanes, [v, allocShares(n, lanes)])) as ShareVector, lanes) };
      return { needs: [key("x2a", to)], run: async (p, v, lanes) => (await p.runner.run(key("x2a", to), lanes, [resize(n, v, m, lanes)])) as ShareVector };
    case "additive": {
      if (to.sharing === "bits") return { needs: [key("eq", from)], run: async (p, v, lanes) => notBits(p, (await p.runner.run(key("eq", from), lanes, [v, allocShares(n, lanes)])) as ShareVector, lanes) };
      const up: ConversionPlan =
        m <= n
          ? local((_p, v, lanes) => resize(n, v, m, lanes))
          : {
              needs: [key("bits", from), key("x2a", { ...to, width: m })],
              run: async (p, v, lanes) => {
                const half = 1n << BigInt(n - 1);
                const shifted = from.signed ? addAtParty0(p, n, v, half, lanes) : v;
                const x = (await p.runner.run(key("bits", from), lanes, [shifted])) as ShareVector;
                const wide = (await p.runner.run(key("x2a", to), lanes, [resize(n, x, m, lanes)])) as ShareVector;
                return from.signed ? addAtParty0(p, m, wide, -half, lanes) : wide;
              },
            };
      if (to.sharing === "additive") return up;
      // to XOR: convert the value in the additive domain first, then decompose at width m
      return {
        needs: [...up.needs, key("bits", to)],
        run: async (p, v, lanes) => (await p.runner.run(key("bits", to), lanes, [await up.run(p, v, lanes)])) as ShareVector,
      };
    }
  }
}

/** The signed integer type of width w (fix values are converted through it). */
function intOf(w: Width): ShareType {
  return shareTypeOf(`int${w}`) as ShareType;
}

/** Shares times 2^k (local). */
function shiftLeft(w: Width, v: ShareVector, k: number, lanes: number): ShareVector {
  const c = allocShares(w, 1);
  if (c instanceof BigUint64Array) c[0] = 1n << BigInt(k);
  else (c as Uint32Array)[0] = 2 ** k;
  const out = allocShares(w, lanes);
  mulPublic(w, v, broadcast(w, c, 1, lanes), out, lanes);
  return out;
}

/** Runs `first`, then `then` on its result. */
function chain(first: ConversionPlan, then: ConversionPlan): ConversionPlan {
  return { needs: [...first.needs, ...then.needs], run: async (p, v, lanes) => then.run(p, await first.run(p, v, lanes), lanes) };
}

/**
 * Conversions with fixed point (f = n/2 fractional bits), the emulator's value
 * semantics: to fix, the integer value times 2^f (through intM of the target width);
 * from fix to an integer, rounding toward zero (fixint<n>) and then the integer
 * conversion; to bool, x != 0; fix32 -> fix64 exact (sign-extend, times 2^16);
 * fix64 -> fix32 rounded half up: (x + 2^15) >> 16, exact shift, reduced mod 2^32.
 * (The emulator goes through doubles, so values beyond 2^53 in the raw ring can differ.)
 */
function fixPlan(from: ShareType, to: ShareType): ConversionPlan | string {
  const n = from.width;
  const m = to.width;
  if (from.name === to.name) return local((_p, v, lanes) => copyShares(n, v, lanes));
  if (from.rep.cls === "fix" && to.rep.cls === "fix") {
    if (n < m) return { needs: ["sext<32,64>"], run: async (p, v, lanes) => shiftLeft(64, (await p.runner.run("sext<32,64>", lanes, [v])) as ShareVector, 16, lanes) };
    return {
      needs: ["shr<64,16>"],
      run: async (p, v, lanes) => resize(64, (await p.runner.run("shr<64,16>", lanes, [addAtParty0(p, 64, v, 1n << 15n, lanes)])) as ShareVector, 32, lanes),
    };
  }
  if (to.rep.cls === "fix") {
    const toInt = conversionPlan(from, intOf(m));
    if (typeof toInt === "string") return toInt;
    return chain(toInt, local((_p, v, lanes) => shiftLeft(m, v, m / 2, lanes)));
  }
  // from fix: bool is x != 0 on the raw value; otherwise round toward zero first
  const asInt = conversionPlan(intOf(n), to);
  if (typeof asInt === "string") return asInt;
  if (to.sharing === "bits") return asInt;
  return chain(viaProtocol(key("fixint", from)), asInt);
}

export function convNeeds(t: ShareType, to: ShareType | undefined): readonly string[] | string {
  if (to === undefined) return "no target type";
  const plan = conversionPlan(t, to);
  return typeof plan === "string" ? plan : plan.needs;
}

export async function runConvert(p: PartyOps, c: Call): Promise<void> {
  const to = c.to as ShareType;
  const [a] = privates(c);
  const o = output(c);
  if (a === undefined || a.lanes !== o.lanes) fail(c, "input and output lengths differ");
  const plan = conversionPlan(c.type, to);
  if (typeof plan === "string") fail(c, plan);
  store(to, o.handle, o.lanes, await plan.run(p, a.handle, o.lanes));
}

/** Copies lanes into a vector of another width: reduced mod 2^m, zero-extended, or bit lanes into words. */
function narrowInto(fromWidth: number, a: ShareVector, toWidth: number, out: ShareVector, lanes: number): void {
  if (fromWidth === toWidth) {
    (out as Uint32Array).set((copyShares(fromWidth as Width, a, lanes) as Uint32Array).subarray(0, out.length));
    return;
  }
  if (fromWidth === 1) {
    const bits = a as Uint32Array;
    if (out instanceof BigUint64Array) for (let i = 0; i < lanes; i++) out[i] = BigInt(getBit(bits, i));
    else for (let i = 0; i < lanes; i++) (out as Uint32Array)[i] = getBit(bits, i);
    return;
  }
  if (toWidth === 64) {
    const x = a as Uint32Array;
    const o = out as BigUint64Array;
    for (let i = 0; i < lanes; i++) o[i] = BigInt(x[i] as number);
    return;
  }
  if (fromWidth === 64) {
    const x = a as BigUint64Array;
    const o = out as Uint32Array;
    for (let i = 0; i < lanes; i++) o[i] = Number((x[i] as bigint) & 0xffffffffn);
    return;
  }
  (out as Uint32Array).set((a as Uint32Array).subarray(0, lanes));
}

