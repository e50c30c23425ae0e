/**
 * The shared3p handlers for integer operations beyond the core: division and modulo
 * of unsigned values by a private or public divisor (runtime/protocols/division.ts),
 * shifts by private amounts (shlv, shrv), sign and abs of signed values, and
 * fixed-point multiplication (fixmul, exact: floor(a·b / 2^f) like the emulator).
 *
 * Because this table is merged after the core one, its `mul` replaces the core `mul`:
 * fix32/fix64 run fixmul<n>, every other additive type does exactly what the core
 * does (mul/square of two private operands, local product with a public operand).
 */
import { divide, divisionKeys, type Divisor } from "../protocols/division.js";
import { fail, key, output, protocolBinary, publicWords, shareOperand, store, type Call, type Handler, type PartyOps } from "./handler.js";
import { mulPublic } from "./local-ops.js";
import type { ShareType, ShareVector } from "./share-types.js";

const unsignedOnly = (extra: (t: ShareType) => readonly string[]) => (t: ShareType): readonly string[] | string =>
  t.sharing !== "additive" ? `${t.name} is not additively shared` : t.signed ? `${t.name} is signed; only unsigned values have this operation` : extra(t);

const signedOnly = (extra: (t: ShareType) => readonly string[]) => (t: ShareType): readonly string[] | string =>
  t.sharing !== "additive" || !t.signed || t.rep.cls === "fix" ? `${t.name} is not a signed integer type` : extra(t);

/** Division or modulo; `pub`: the divisor is the public second operand. */
function divisionHandler(result: "quotient" | "remainder", pub: boolean): Handler {
  return {
    needs: unsignedOnly((t) => divisionKeys(t.width as 8 | 16 | 32 | 64, pub ? "public" : "private")),
    run: async (p, c) => {
      const o = output(c);
      const t = c.type;
      const x = shareOperand(p, c, 0, t, o.lanes);
      const d = divisorOf(p, c, t, o.lanes);
      const r = await divide((k, lanes, args) => p.runner.run(k, lanes, args), p.party, t.width as 8 | 16 | 32 | 64, x, d, o.lanes, { quotient: result === "quotient", remainder: result === "remainder" });
      store(t, o.handle, o.lanes, r[result] as ShareVector);
    },
  };
}

/** The divisor: a private operand, or public words (a scalar or __cref vector). */
function divisorOf(p: PartyOps, c: Call, t: ShareType, lanes: number): Divisor {
  const a = c.args[1];
  if (a === undefined) fail(c, "missing the divisor");
  if (a.tag === "private") return { kind: "private", share: shareOperand(p, c, 1, t, lanes) };
  const words = publicWords(c, a, t);
  if (words.length !== 1 && words.length !== lanes) fail(c, `a divisor of ${words.length} elements where ${lanes} are needed`);
  return { kind: "public", words };
}

/** A protocol of two operands, both always passed (x << x is not a square). */
function binaryProtocol(name: string): Handler["run"] {
  return async (p, c) => {
    const o = output(c);
    const args = [shareOperand(p, c, 0, c.type, o.lanes), shareOperand(p, c, 1, c.type, o.lanes)];
    store(c.type, o.handle, o.lanes, (await p.runner.run(key(name, c.type), o.lanes, args)) as ShareVector);
  };
}

/** A protocol of one operand (sign, abs). */
function unaryProtocol(name: string): Handler["run"] {
  return async (p, c) => {
    const o = output(c);
    const a = shareOperand(p, c, 0, c.type, o.lanes);
    store(c.type, o.handle, o.lanes, (await p.runner.run(key(name, c.type), o.lanes, [a])) as ShareVector);
  };
}

const mulHandler: Handler = {
  needs: (t) => (t.sharing !== "additive" ? `${t.name} is not additively shared` : t.rep.cls === "fix" ? [key("fixmul", t)] : [key("mul", t), key("square", t)]),
  run: (p, c) => {
    if (c.type.rep.cls === "fix") return binaryProtocol("fixmul")(p, c);
    const [x, y] = c.args;
    if (x?.tag === "private" && y?.tag === "private") return protocolBinary((t, same) => key(same ? "square" : "mul", t))(p, c);
    const o = output(c);
    const priv = x?.tag === "private" ? 0 : 1;
    const pub = c.args[1 - priv];
    if (pub === undefined || pub.tag === "private") return fail(c, "expects a private and a public operand");
    mulPublic(c.type.width, shareOperand(p, c, priv, c.type, o.lanes), publicWords(c, pub, c.type), o.handle, o.lanes);
    return undefined;
  },
};

export const INTEGER_HANDLERS: Record<string, Handler> = {
  div: divisionHandler("quotient", false),
  mod: divisionHandler("remainder", false),
  divc: divisionHandler("quotient", true),
  modc: divisionHandler("remainder", true),
  shift_left: { needs: unsignedOnly((t) => [key("shlv", t)]), run: binaryProtocol("shlv") },
  shift_right: { needs: unsignedOnly((t) => [key("shrv", t)]), run: binaryProtocol("shrv") },
  sign: { needs: signedOnly((t) => [key("sign", t)]), run: unaryProtocol("sign") },
  abs: { needs: signedOnly((t) => [key("abs", t)]), run: unaryProtocol("abs") },
  mul: mulHandler,
};
