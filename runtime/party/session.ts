/**
 * A party's session with its two peers: the mesh (runtime/party/mesh.ts), then the
 * pairwise PRG keys (protocols.md §1.3: party i draws a fresh 128-bit key, sends it
 * to party i+1 and receives party i−1's; its own key never leaves it), and the
 * routing of control frames: an `abort` from a peer fails the transport with a
 * PeerAbort carrying the peer's reason, so every pending protocol step stops;
 * `inputs` frames (one per peer) answer `exchangeInputs`; anything else fails the
 * transport as malformed.
 */
import { randomBytes } from "node:crypto";
import { Control, TransportError, type TcpTransport } from "../net/tcp.js";
import type { PartyId } from "../net/transport.js";
import type { PartyKeys } from "../prg.js";
import { MeshError, connectMesh, type MeshOptions } from "./mesh.js";
import { decodeJson, encodeJson, type PartyFailure } from "./wire.js";

/** A peer told us it stopped. */
export class PeerAbort extends TransportError {
  constructor(readonly failure: PartyFailure) {
    super(`party ${failure.party} stopped: ${failure.message}`, `party ${failure.party}`);
    this.name = "PeerAbort";
  }
}

export interface Session {
  readonly transport: TcpTransport;
  readonly keys: PartyKeys;
  /** Tells both peers that this party stops, and why (best effort). */
  abort(failure: PartyFailure): void;
  /**
   * Sends `summary` to both peers and resolves with theirs (by party id); rejects
   * with the transport's failure, or when a peer sends none within `timeoutMs`.
   */
  exchangeInputs(summary: Uint8Array, timeoutMs: number): Promise<Map<PartyId, Uint8Array>>;
}

/** Connects the mesh and sets up the pair keys within `o.timeoutMs`. */
export async function openSession(o: MeshOptions): Promise<Session> {
  const start = Date.now();
  const transport = await connectMesh(o);
  const self = o.self;
  const next = ((self + 1) % 3) as PartyId;
  const prev = ((self + 2) % 3) as PartyId;
  const nextKey = new Uint8Array(randomBytes(16));
  let gotPrev: (k: Uint8Array) => void = () => undefined;
  let badSeed: (e: Error) => void = () => undefined;
  const prevKey = new Promise<Uint8Array>((resolve, reject) => {
    gotPrev = resolve;
    badSeed = reject;
  });
  const inputs = new Map<PartyId, Uint8Array>();
  let inputsArrived: () => void = () => undefined;
  transport.onControl((from, type, payload) => {
    if (type === Control.seed && from === prev && payload.length === 16) gotPrev(new Uint8Array(payload));
    else if (type === Control.inputs && !inputs.has(from)) {
      inputs.set(from, payload);
      inputsArrived();
    } else if (type === Control.abort) transport.fail(new PeerAbort(abortPayload(from, payload)));
    else transport.fail(new TransportError(`malformed control frame (type ${type}, ${payload.length} bytes) from party ${from}`, `party ${from}`));
  });
  transport.onFailure((e) => badSeed(e));
  transport.sendControl(next, Control.seed, nextKey);
  const left = Math.max(1, o.timeoutMs - (Date.now() - start));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MeshError(`party ${prev} did not send its pair key within ${o.timeoutMs} ms`, "connection")), left);
  });
  try {
    const key = await Promise.race([prevKey, timeout]);
    return {
      transport,
      keys: { next: nextKey, prev: key, own: new Uint8Array(randomBytes(16)) },
      exchangeInputs: (summary, ms) => {
        for (const p of [next, prev]) transport.sendControl(p, Control.inputs, summary);
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            const missing = [next, prev].filter((p) => !inputs.has(p)).sort();
            reject(new TransportError(`party ${missing.join(" and party ")} sent no argument summary within ${(ms / 1000).toFixed(1)} s`, `party ${missing[0]}`));
          }, ms);
          const check = (): void => {
            if (inputs.size < 2) return;
            clearTimeout(timer);
            resolve(inputs);
          };
          transport.onFailure((e) => {
            clearTimeout(timer);
            reject(e);
          });
          inputsArrived = check;
          check();
        });
      },
      abort: (failure) => {
        for (const p of [next, prev]) {
          try {
            transport.sendControl(p, Control.abort, encodeJson(failure));
          } catch {
            // the link is already gone
          }
        }
      },
    };
  } catch (e) {
    transport.destroy();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

function abortPayload(from: PartyId, payload: Uint8Array): PartyFailure {
  try {
    const f = decodeJson<PartyFailure>(payload);
    if (typeof f.message === "string" && typeof f.cause === "string") return { party: from, cause: f.cause, message: f.message };
  } catch {
    // fall through
  }
  return { party: from, cause: "peer", message: "aborted (unreadable reason)" };
}
