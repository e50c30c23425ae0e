/**
 * The shared3p protocol suite: every generated protocol instance with its name, widths,
 * parameter and output kinds and cost (generated/catalog.ts), the local operations
 * (local.ts), share helpers (shares.ts), the party context and the warm-up.
 *
 * Naming of instances: `<protocol>_<width>` (e.g. `mul_32`, `eq_64`, `and_1` for bool),
 * `input_<width>_P<k>` for sharing a value of party k. Parameters: the lane count L,
 * then one typed array per argument (bool: bit-sliced Uint32Array of ⌈L/32⌉ words;
 * Key: a number obtained from `ctx.newInstance()` at every party, in program order).
 *
 * Mapping notes for the backend: gt(u, v) = lt(v, u); lte(u, v) = NOT lt(v, u);
 * gte(u, v) = NOT lt(u, v) (NOT on a bool is local: `notShares`); uintN → bool is
 * NOT eq(x, classifyPublic(0)); publish to a client = `reshare`, then each party sends
 * its share to the client, which adds them; int and uint share the same protocols
 * except the signed comparison `lts`. Integer protocols (integer.tripl): exact shifts
 * by a public amount `shr<n,k>`/`sra<n,k>`, fixed-point product `fixmul<n>` and
 * fix-to-int `fixint<n>` (f = n/2), `sign`/`abs`, shifts by private amounts
 * `shlv`/`shrv`; division is composed from `divstep`, `topzeros` and `divout` by
 * division.ts.
 */
import { PROTOCOLS } from "./generated/catalog.js";
import type { ProtocolEntry } from "./catalog-types.js";
import { localCluster, runParties } from "./local-cluster.js";
import { allocWords, type Width } from "./shares.js";

export { PROTOCOLS } from "./generated/catalog.js";
export type { ProtocolEntry, ProtocolKind, ProtocolParam } from "./catalog-types.js";
export { PartyContext } from "./context.js";
export * from "./local.js";
export * from "./shares.js";
export { divide, divisionKeys, type Divisor, type RunProtocol } from "./division.js";

const byKey = new Map(PROTOCOLS.map((p) => [p.key, p]));
const byInstance = new Map(PROTOCOLS.map((p) => [p.instance, p]));

/** A protocol by cost key (`mul<32>`) or instance name (`mul_32`). */
export function protocol(name: string): ProtocolEntry | undefined {
  return byKey.get(name) ?? byInstance.get(name);
}

function dummyArg(p: ProtocolEntry["params"][number], lanes: number): unknown {
  if (p.kind === "Key") return 0;
  if (p.kind === "X" && p.width === 1) return new Uint32Array((lanes + 31) >>> 5);
  return allocWords(p.width as Width, lanes);
}

/**
 * Runs every protocol whose width is in `widths` a few times on a small vector in an
 * in-process cluster, so the JIT optimises the generated kernels before real use —
 * 64-bit BigInt kernels run about 80× slower until TurboFan has compiled them.
 */
export async function warmUpProtocols(options: { widths?: readonly number[]; names?: readonly string[]; lanes?: number; rounds?: number } = {}): Promise<void> {
  const { widths = [64], names, lanes = 4096, rounds = 3 } = options;
  const cluster = localCluster("warm-up");
  const keys = cluster.parties.map((c) => c.newInstance());
  for (const entry of PROTOCOLS) {
    if (!widths.includes(entry.params[0]?.width ?? 0)) continue;
    if (names !== undefined && !names.includes(entry.name)) continue;
    for (let r = 0; r < rounds; r++) {
      await runParties(cluster, (ctx, party) => {
        const args = entry.params.map((p) => (p.kind === "Key" ? keys[party] : p.holders.includes(party) ? dummyArg(p, lanes) : undefined));
        return (entry.fn as (...a: unknown[]) => unknown)(ctx, lanes, ...args);
      });
    }
  }
}
