/**
 * `secrun client --config FILE PROGRAM [--arg ...]`: the client of a deployment.
 * Shares the private arguments among the three parties named in the configuration
 * (each receives only its share), sends public arguments to all, and reconstructs
 * the published results; the result object is the same as a local run's
 * (runtime/cli/three-party.ts), so secrun prints it as --emulate would. The
 * parties must run the same program: its hash is checked by each of them.
 */
import { encode, moduleHash, type Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";
import { runClient, type ClientResult } from "../client/client.js";
import { loadConfig, type DeploymentConfig } from "../config.js";

export interface ClientCommandOptions {
  readonly config: string | DeploymentConfig;
  readonly program: Module | Uint8Array;
  readonly records: readonly DataRecord[];
  readonly onOutput?: (line: string) => void;
  /** Gives up when the run takes longer, milliseconds (--time-limit). */
  readonly timeLimitMs?: number;
}

/** Runs the client role; rejects with RunFailure (or ConfigError for a bad configuration). */
export function clientCommand(o: ClientCommandOptions): Promise<ClientResult> {
  const config = typeof o.config === "string" ? loadConfig(o.config) : o.config;
  const bytecode = o.program instanceof Uint8Array ? o.program : encode(o.program);
  return runClient({
    addresses: config.parties.map((p) => p.clientAddress),
    programHash: moduleHash(bytecode),
    records: o.records,
    connectTimeoutMs: config.connectTimeoutMs,
    onOutput: o.onOutput,
    timeLimitMs: o.timeLimitMs,
  });
}
