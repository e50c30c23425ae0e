/**
 * One computing party running one program for one client (task-as-process):
 *
 *   load + verify the bytecode and check it against the runtime (load time), then
 *   concurrently accept the client (its `start` message must name this program) and
 *   connect the mesh to both peers (handshake, pair keys), then run the VM with the
 *   shared3p backend, streaming `print` lines (party 0 only) and published shares to
 *   the client, and finish with `done` (statistics) or `error`.
 *
 * A client that does not fit (another program: client-channel.ts) ends the task at
 * once, and the peers are told. Before the program runs, the client's arguments
 * are checked against the program and compared with the peers' (inputs.ts). A
 * party reports success only after both peers finished too (transport `finish`).
 *
 * Failures end the run at once and are reported to the client as a PartyFailure:
 * an error of this party's program (failed assert, index out of bounds) or input is
 * also sent to both peers as an abort, so they stop within a round trip; a peer's
 * abort or a lost peer connection is reported as the peer's failure. `runParty`
 * resolves to the outcome and never rejects.
 */
import type { Server } from "node:net";
import type { DataRecord } from "../../vm/host.js";
import { Machine } from "../../vm/interpreter.js";
import { moduleHash, type Module } from "../../vm/bytecode.js";
import { loadModule } from "../../vm/verify.js";
import { TransportError } from "../net/tcp.js";
import type { PartyId } from "../net/transport.js";
import { createPartyPrgs } from "../prg.js";
import { PartyContext } from "../protocols/context.js";
import { checkProgram } from "../shared3p/availability.js";
import { Shared3pBackend } from "../shared3p/backend.js";
import type { ProtocolStats } from "../shared3p/protocol-runner.js";
import { checkArguments, compareSummaries, summarizeArguments } from "./inputs.js";
import { ClientRefused, acceptClient, type ClientChannel } from "./client-channel.js";
import { MeshError, type Address } from "./mesh.js";
import { PartyHost } from "./party-host.js";
import { PeerAbort, openSession, type Session } from "./session.js";
import { decodeJson, encodeJson, type PartyFailure } from "./wire.js";
import { formatFrame, VmError } from "../../vm/errors.js";

export interface PartyOptions {
  readonly id: PartyId;
  readonly bytecode: Uint8Array;
  /** Peer-facing addresses of the three parties. */
  readonly peers: readonly Address[];
  /** Listening servers: peer-facing and client-facing. */
  readonly peerServer: Server;
  readonly clientServer: Server;
  /** Bound for connecting the mesh and for the client to arrive, milliseconds. */
  readonly connectTimeoutMs: number;
  /** A peer this party waits for may stay silent this long (default 60 s); then the run fails. */
  readonly idleTimeoutMs?: number;
  readonly maxPayload?: number;
}

/** Statistics one party reports with `done`. */
export interface PartyStats {
  readonly party: number;
  readonly milliseconds: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
  readonly protocols: Readonly<Record<string, ProtocolStats>>;
  /** The sections the program profiled at this party, when it profiled any. */
  readonly sections?: readonly { readonly name: string; readonly typeId: number; readonly elements: number; readonly microseconds: number }[];
}

export type PartyOutcome = { readonly ok: true; readonly stats: PartyStats } | { readonly ok: false; readonly failure: PartyFailure };

/** Runs the party to completion; see the file header. */
export async function runParty(o: PartyOptions): Promise<PartyOutcome> {
  let module: Module;
  let hash: string;
  try {
    module = loadModule(o.bytecode);
    hash = moduleHash(o.bytecode);
  } catch (e) {
    return { ok: false, failure: { party: o.id, cause: "program", message: `cannot load the program: ${(e as Error).message}` } };
  }
  const clientP = acceptClient(o.clientServer, { party: o.id, programHash: hash, timeoutMs: o.connectTimeoutMs, maxPayload: o.maxPayload });
  // a refused client ends the task: stop connecting and tell the peers why
  const stopMesh = new AbortController();
  clientP.catch((e: unknown) => {
    if (e instanceof ClientRefused) stopMesh.abort(clientFailure(o.id, e));
  });
  const problems = checkProgram(module);
  if (problems.length > 0) {
    const failure: PartyFailure = { party: o.id, cause: "program", message: problems.join("; ") };
    await clientP.then((c) => c.error(failure)).catch(() => undefined);
    return { ok: false, failure };
  }
  const sessionP = openSession({
    self: o.id,
    peers: o.peers,
    server: o.peerServer,
    programHash: hash,
    timeoutMs: o.connectTimeoutMs,
    maxPayload: o.maxPayload,
    signal: stopMesh.signal,
  });
  const [client, session] = await Promise.allSettled([clientP, sessionP]);
  if (session.status === "rejected") {
    const refused = client.status === "rejected" && client.reason instanceof ClientRefused;
    const failure = refused ? clientFailure(o.id, client.reason) : setupFailure(o.id, session.reason);
    if (client.status === "fulfilled") client.value.error(failure);
    return { ok: false, failure };
  }
  if (client.status === "rejected") {
    const failure = clientFailure(o.id, client.reason);
    session.value.abort(failure);
    session.value.transport.close();
    return { ok: false, failure };
  }
  const idleMs = o.idleTimeoutMs ?? 60_000;
  session.value.transport.watchdog(idleMs);
  const bad = await checkInputs(o.id, module, session.value, client.value.args, idleMs);
  if (bad !== undefined) {
    if (bad.party === o.id) session.value.abort(bad);
    client.value.error(bad);
    session.value.transport.closeSoon(1000);
    return { ok: false, failure: bad };
  }
  return execute(o.id, module, session.value, client.value, idleMs);
}

/** The arguments against the program and against the peers' (inputs.ts); a failure, or undefined when they fit. */
async function checkInputs(id: PartyId, module: Module, session: Session, args: readonly DataRecord[], ms: number): Promise<PartyFailure | undefined> {
  const problem = checkArguments(module, args);
  if (problem !== undefined) return { party: id, cause: "input", message: problem };
  const mine = summarizeArguments(args);
  let theirs: Map<PartyId, Uint8Array>;
  try {
    theirs = await session.exchangeInputs(encodeJson(mine), ms);
  } catch (e) {
    return runFailure(id, session.transport.failed ?? e);
  }
  for (const p of [...theirs.keys()].sort()) {
    let summary: unknown;
    try {
      summary = decodeJson(theirs.get(p) as Uint8Array);
    } catch {
      summary = undefined;
    }
    const differs = compareSummaries(id, mine, p, summary);
    if (differs !== undefined) return { party: id, cause: "input", message: differs };
  }
  return undefined;
}

function clientFailure(party: PartyId, e: unknown): PartyFailure {
  return { party, cause: "client", message: e instanceof Error ? e.message : String(e) };
}

function setupFailure(party: PartyId, e: unknown): PartyFailure {
  if (e instanceof MeshError) return e.peerFailure ?? { party, cause: e.cause, message: e.message };
  if (e instanceof PeerAbort) return e.failure;
  if (e instanceof TransportError) return { party, cause: "connection", message: e.message };
  return { party, cause: "connection", message: (e as Error).message };
}

async function execute(id: PartyId, module: Module, session: Session, client: ClientChannel, finishMs: number): Promise<PartyOutcome> {
  const transport = session.transport;
  const ctx = new PartyContext(id, transport, createPartyPrgs(session.keys));
  const total = (): { sent: number; received: number } => {
    let sent = 0;
    for (const c of transport.counters()) sent += c.bytesSent;
    return { sent, received: transport.bytesConsumed };
  };
  const backend = new Shared3pBackend(ctx, { traffic: total });
  const host = new PartyHost(client.args, {
    publish: (r) => client.result(r),
    print: (line) => {
      if (id === 0) client.output(line);
    },
  });
  const failed = new Promise<never>((_, reject) => {
    transport.onFailure(reject);
    client.conn.onEnd((end) => {
      if (!end.clean || end.error !== null) reject(new ClientGone(end.error?.message ?? "the client disconnected"));
    });
  });
  failed.catch(() => undefined);
  const t0 = performance.now();
  let ms = 0;
  try {
    const machine = new Machine(module, { host, backends: [backend] });
    await Promise.race([machine.run(), failed]);
    ms = performance.now() - t0;
    // success only when every party finished (a peer may still fail after this one's last step)
    await transport.finish(finishMs);
  } catch (e) {
    const failure = runFailure(id, transport.failed ?? e);
    if (failure.party === id) session.abort(failure);
    client.error(failure);
    transport.closeSoon(1000);
    return { ok: false, failure };
  }
  const links = transport.counters();
  const stats: PartyStats = {
    party: id,
    milliseconds: ms,
    bytesSent: links.reduce((n, c) => n + c.bytesSent, 0),
    bytesReceived: links.reduce((n, c) => n + c.bytesReceived, 0),
    protocols: Object.fromEntries(backend.runner.stats),
    ...(host.sections.length > 0
      ? { sections: host.sections.map((s) => ({ name: s.name, typeId: s.typeId, elements: Number(s.elements), microseconds: Number(s.microseconds) })) }
      : {}),
  };
  client.done(stats);
  return { ok: true, stats };
}

class ClientGone extends Error {}

function runFailure(id: PartyId, e: unknown): PartyFailure {
  if (e instanceof PeerAbort) return e.failure;
  if (e instanceof TransportError) return { party: id, cause: "connection", message: e.message };
  if (e instanceof ClientGone) return { party: id, cause: "client", message: e.message };
  if (e instanceof VmError && e.callStack.length > 0) return { party: id, cause: "program", message: e.message, trace: e.callStack.map(formatFrame) };
  return { party: id, cause: "program", message: e instanceof Error ? e.message : String(e) };
}
