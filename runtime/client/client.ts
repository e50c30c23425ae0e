/**
 * The client role against a running deployment: connect to the three parties'
 * client-facing addresses (retrying while they start, within a deadline), send each
 * its `start` message with its argument records (shares of private arguments), then
 * collect `print` lines (from party 0), published shares, and each party's `done`
 * statistics. Results are returned only when all three parties finished; otherwise
 * the run fails with a RunFailure naming the party and the reason that most likely
 * caused it (its own program or input error before a lost connection before a
 * peer's report), after waiting briefly for the other parties' reports.
 */
import { connect, type Socket } from "node:net";
import { FramedConnection } from "../net/tcp.js";
import type { DataRecord } from "../../vm/host.js";
import { formatAddress, type Address } from "../party/mesh.js";
import type { PartyStats } from "../party/party.js";
import {
  ClientMessage,
  PROTOCOL_VERSION,
  decodeJson,
  decodeResult,
  decodeText,
  encodeStart,
  type FailureCause,
  type PartyFailure,
} from "../party/wire.js";
import { ClientDataError, reconstructRecords, shareRecords } from "./shares.js";

export interface ClientOptions {
  /** Client-facing addresses of parties 0, 1, 2. */
  readonly addresses: readonly Address[];
  readonly programHash: string;
  /** Plaintext argument records (the client shares the private ones). */
  readonly records: readonly DataRecord[];
  /** Deadline for reaching all three parties, milliseconds. */
  readonly connectTimeoutMs: number;
  /** After the first failure, how long to wait for the other parties' reports. */
  readonly graceMs?: number;
  /** Gives up when the whole run (connecting included) takes longer, milliseconds. */
  readonly timeLimitMs?: number;
  /** Called for each `print` line as it arrives. */
  readonly onOutput?: (line: string) => void;
  /** Extra facts about a party that disappeared (e.g. its exit signal), for messages. */
  readonly explainLoss?: (party: number) => string | undefined;
  readonly maxPayload?: number;
}

export interface ClientResult {
  readonly results: DataRecord[];
  readonly output: string[];
  /** The order in which the program printed ("output") and published ("result"). */
  readonly events: ("output" | "result")[];
  readonly stats: PartyStats[];
}

/** A run that did not complete: the primary failure first, then the others. */
export class RunFailure extends Error {
  constructor(
    readonly failures: readonly PartyFailure[],
    /** `print` lines party 0 sent before the run failed. */
    readonly output: readonly string[] = [],
    /** Results every party published before the run failed, reconstructed. */
    readonly results: readonly DataRecord[] = [],
    /** The order of those prints and results (party 0's), as in ClientResult. */
    readonly events: readonly ("output" | "result")[] = [],
  ) {
    super(failures.length === 0 ? "the run failed" : describeFailure(failures[0] as PartyFailure));
    this.name = "RunFailure";
  }
}

export function describeFailure(f: PartyFailure): string {
  return f.party >= 0 ? `party ${f.party}: ${f.message}` : f.message;
}

const RANK: Record<FailureCause, number> = { program: 0, input: 0, client: 1, handshake: 1, lost: 2, connection: 3, peer: 4 };

/** Orders failures so that the most likely root cause comes first. */
export function rankFailures(fs: readonly PartyFailure[]): PartyFailure[] {
  return [...fs].sort((a, b) => RANK[a.cause] - RANK[b.cause]);
}

/**
 * The results all three parties published before a failure (the longest common
 * prefix), reconstructed; none when their shares do not reconstruct.
 */
function publishedBefore(states: readonly PartyState[]): DataRecord[] {
  const k = Math.min(...states.map((s) => s.results.length));
  if (k === 0) return [];
  try {
    return reconstructRecords(states.map((s) => s.results.slice(0, k)) as [DataRecord[], DataRecord[], DataRecord[]]);
  } catch {
    return [];
  }
}

interface PartyState {
  results: DataRecord[];
  stats: PartyStats | null;
  failure: PartyFailure | null;
}

/** Runs the client role; see the file header. */
export async function runClient(o: ClientOptions): Promise<ClientResult> {
  const started = Date.now();
  let shares: [DataRecord[], DataRecord[], DataRecord[]];
  try {
    shares = shareRecords(o.records);
  } catch (e) {
    if (e instanceof ClientDataError) throw new RunFailure([{ party: -1, cause: "input", message: e.message }]);
    throw e;
  }
  const deadline = Date.now() + Math.min(o.connectTimeoutMs, o.timeLimitMs ?? Infinity);
  const sockets = await Promise.allSettled([0, 1, 2].map((p) => dialWithRetry(o.addresses[p] as Address, deadline)));
  const unreachable = sockets.flatMap((s, p) =>
    s.status === "rejected" ? [{ party: p, cause: "connection" as const, message: `unreachable at ${formatAddress(o.addresses[p] as Address)} (${(s.reason as Error).message})` }] : [],
  );
  if (unreachable.length > 0) {
    for (const s of sockets) if (s.status === "fulfilled") s.value.destroy();
    throw new RunFailure(unreachable);
  }
  const output: string[] = [];
  const events: ("output" | "result")[] = [];
  const states: PartyState[] = [0, 1, 2].map(() => ({ results: [], stats: null, failure: null }));
  const conns: FramedConnection[] = [];
  let closing = false;
  let overTime = false;
  let graceTimer: NodeJS.Timeout | undefined;
  let limitTimer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    if (o.timeLimitMs !== undefined) {
      limitTimer = setTimeout(
        () => {
          overTime = true;
          resolve();
        },
        Math.max(0, o.timeLimitMs - (Date.now() - started)),
      );
    }
    const settle = (): void => {
      const finished = states.every((s) => s.stats !== null || s.failure !== null);
      const anyFailed = states.some((s) => s.failure !== null);
      if (finished) resolve();
      else if (anyFailed && graceTimer === undefined) graceTimer = setTimeout(resolve, o.graceMs ?? 1500);
    };
    sockets.forEach((s, p) => {
      const socket = (s as PromiseFulfilledResult<Socket>).value;
      const conn = new FramedConnection(socket, { peer: `party ${p}`, maxPayload: o.maxPayload });
      conns.push(conn);
      const st = states[p] as PartyState;
      const failWith = (f: PartyFailure): void => {
        if (st.failure === null && st.stats === null) st.failure = f;
        settle();
      };
      conn.onFrames((type, _round, payload) => {
        try {
          switch (type) {
            case ClientMessage.output:
              if (p === 0) {
                const line = decodeText(payload);
                output.push(line);
                events.push("output");
                o.onOutput?.(line);
              }
              return;
            case ClientMessage.result:
              st.results.push(decodeResult(payload));
              if (p === 0) events.push("result");
              return;
            case ClientMessage.done:
              st.stats = decodeJson<PartyStats>(payload);
              settle();
              return;
            case ClientMessage.error:
              failWith(decodeJson<PartyFailure>(payload));
              return;
            default:
              failWith({ party: p, cause: "connection", message: `sent an unknown message type ${type}` });
          }
        } catch (e) {
          failWith({ party: p, cause: "connection", message: `sent a malformed message: ${(e as Error).message}` });
        }
      });
      conn.onEnd((end) => {
        if (st.stats !== null || st.failure !== null || closing) return;
        failWith({ party: p, cause: "lost", message: `stopped without a result (${end.error?.message ?? "it closed the connection"})` });
      });
      conn.send(ClientMessage.start, 0, encodeStart({ version: PROTOCOL_VERSION, party: p, programHash: o.programHash }, shares[p] as DataRecord[]));
    });
  });
  // whichever ended the wait, no timer may keep the process alive
  clearTimeout(graceTimer);
  clearTimeout(limitTimer);
  closing = true;
  for (const c of conns) c.destroy();
  if (overTime) {
    const limit = `${(o.timeLimitMs as number) / 1000} s`;
    throw new RunFailure([{ party: -1, cause: "client", message: `the run did not finish within the time limit of ${limit} (--time-limit)` }], output, publishedBefore(states), events);
  }
  const explain = (f: PartyFailure): PartyFailure => {
    const extra = f.cause === "lost" ? o.explainLoss?.(f.party) : undefined;
    return extra === undefined ? f : { ...f, message: `stopped without a result (${extra})` };
  };
  const failures = states.flatMap((s, p) =>
    s.failure !== null ? [explain(s.failure)] : s.stats === null ? [{ party: p, cause: "connection" as const, message: "did not finish in time after another party failed" }] : [],
  );
  if (failures.length > 0) throw new RunFailure(rankFailures(failures), output, publishedBefore(states), events);
  try {
    const results = reconstructRecords(states.map((s) => s.results) as [DataRecord[], DataRecord[], DataRecord[]]);
    return { results, output, events, stats: states.map((s) => s.stats as PartyStats) };
  } catch (e) {
    if (e instanceof ClientDataError) throw new RunFailure([{ party: -1, cause: "connection", message: e.message }]);
    throw e;
  }
}

/** Connects, retrying refused connections every 100 ms until the deadline. */
function dialWithRetry(a: Address, deadline: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const s = connect(a.port, a.host);
      s.once("connect", () => {
        s.removeAllListeners("error");
        resolve(s);
      });
      s.once("error", (e: NodeJS.ErrnoException) => {
        s.destroy();
        if (Date.now() + 100 > deadline) reject(new Error(e.code ?? e.message));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}
