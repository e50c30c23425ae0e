/**
 * `secrun party --id N --config FILE PROGRAM`: runs computing party N of a
 * deployment for one task (task-as-process): listens on its peer-facing and
 * client-facing addresses from the configuration, connects to the other two
 * parties, serves one client, and exits. Progress and failures go to stderr as
 * one line each; the exit code is 0 after a completed run, 1 when the run failed
 * (the message names the party and the reason), 2 for a usage or configuration
 * problem.
 */
import { createServer, type Server } from "node:net";
import { ConfigError, loadConfig, type DeploymentConfig } from "../config.js";
import { formatAddress } from "../party/mesh.js";
import { runParty } from "../party/party.js";
import type { PartyId } from "../net/transport.js";

export interface PartyCommandOptions {
  readonly id: number;
  /** Path of the configuration file, or an already loaded configuration. */
  readonly config: string | DeploymentConfig;
  /** The program's bytecode (the CLI loads or compiles the file). */
  readonly bytecode: Uint8Array;
  /** Where messages go (default stderr). */
  readonly log?: (line: string) => void;
}

function listen(host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(port, host, () => {
      s.off("error", reject);
      resolve(s);
    });
  });
}

/** Runs one party; resolves to the process exit code. */
export async function partyCommand(o: PartyCommandOptions): Promise<number> {
  const log = o.log ?? ((line: string) => process.stderr.write(line + "\n"));
  if (!Number.isInteger(o.id) || o.id < 0 || o.id > 2) {
    log(`error: --id must be 0, 1 or 2 (got ${o.id})`);
    return 2;
  }
  let config: DeploymentConfig;
  try {
    config = typeof o.config === "string" ? loadConfig(o.config) : o.config;
  } catch (e) {
    if (e instanceof ConfigError) {
      log(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const id = o.id as PartyId;
  const me = config.parties[id];
  let peerServer: Server;
  let clientServer: Server;
  try {
    peerServer = await listen(me.listenHost, me.address.port);
  } catch (e) {
    log(`error: party ${id}: cannot listen on ${me.listenHost}:${me.address.port}: ${(e as Error).message}`);
    return 1;
  }
  try {
    clientServer = await listen(me.listenHost, me.clientAddress.port);
  } catch (e) {
    peerServer.close();
    log(`error: party ${id}: cannot listen on ${me.listenHost}:${me.clientAddress.port}: ${(e as Error).message}`);
    return 1;
  }
  log(`party ${id} (${me.name}): peers on ${formatAddress(me.address)}, client on ${formatAddress(me.clientAddress)}`);
  const outcome = await runParty({
    id,
    bytecode: o.bytecode,
    peers: config.parties.map((p) => p.address),
    peerServer,
    clientServer,
    connectTimeoutMs: config.connectTimeoutMs,
    idleTimeoutMs: config.idleTimeoutMs,
  });
  peerServer.close();
  clientServer.close();
  if (outcome.ok) {
    log(`party ${id}: finished in ${outcome.stats.milliseconds.toFixed(0)} ms`);
    return 0;
  }
  const f = outcome.failure;
  log(`error: party ${id}: ${f.party === id ? f.message : `party ${f.party}: ${f.message}`}`);
  return 1;
}
