/**
 * A party as a child process of a local three-party run (secrun without --emulate).
 * The parent talks to it over the IPC channel of `child_process.fork`:
 *
 *   parent → child  {type: "start", id, program (base64 bytecode), connectTimeoutMs}
 *   child → parent  {type: "listening", peerPort, clientPort}   (ports chosen by the OS)
 *   parent → child  {type: "peers", peerPorts: [p0, p1, p2]}
 *   child → parent  {type: "finished", ok, failure?}             then the child exits
 *
 * Everything else (arguments, results, output) goes over the TCP client connection
 * exactly as in a deployment. The child exits 0 after a successful run, 1 otherwise,
 * and at once (code 1) if the parent goes away.
 */
import { createServer, type Server } from "node:net";
import type { PartyId } from "../net/transport.js";
import { runParty } from "./party.js";
import type { PartyFailure } from "./wire.js";

export interface StartMessage {
  readonly type: "start";
  readonly id: PartyId;
  readonly program: string;
  readonly connectTimeoutMs: number;
  readonly idleTimeoutMs?: number;
}

export interface PeersMessage {
  readonly type: "peers";
  readonly peerPorts: readonly number[];
}

export type ChildMessage =
  | { readonly type: "listening"; readonly peerPort: number; readonly clientPort: number }
  | { readonly type: "finished"; readonly ok: boolean; readonly failure?: PartyFailure };

function listen(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
}

function next<T>(type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type?: string }): void => {
      if (m?.type !== type) return;
      process.off("message", on);
      resolve(m as T);
    };
    process.on("message", on);
  });
}

function send(m: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined || !process.connected) return resolve();
    process.send(m, undefined, {}, () => resolve());
  });
}

/** The child's whole life; call it from the entry when started with `--party-child`. */
export async function partyChildMain(): Promise<void> {
  if (process.send === undefined) {
    process.stderr.write("error: this is a party process of secrun (internal): secrun starts it with an IPC channel\n");
    process.exitCode = 2;
    return;
  }
  process.on("disconnect", () => process.exit(1));
  const start = await next<StartMessage>("start");
  const [peerServer, clientServer] = await Promise.all([listen(), listen()]);
  const port = (s: Server): number => (s.address() as { port: number }).port;
  const peersP = next<PeersMessage>("peers");
  await send({ type: "listening", peerPort: port(peerServer), clientPort: port(clientServer) });
  const peers = await peersP;
  const outcome = await runParty({
    id: start.id,
    bytecode: new Uint8Array(Buffer.from(start.program, "base64")),
    peers: peers.peerPorts.map((p) => ({ host: "127.0.0.1", port: p })),
    peerServer,
    clientServer,
    connectTimeoutMs: start.connectTimeoutMs,
    idleTimeoutMs: start.idleTimeoutMs,
  });
  peerServer.close();
  clientServer.close();
  await send(outcome.ok ? { type: "finished", ok: true } : { type: "finished", ok: false, failure: outcome.failure });
  process.exitCode = outcome.ok ? 0 : 1;
  process.removeAllListeners("disconnect");
  process.disconnect();
  // sockets still flushing keep the process alive briefly; never longer than this
  setTimeout(() => process.exit(process.exitCode ?? 1), 3000).unref();
}
