/**
 * Local three-party runs (`secrun FILE` without --emulate): checks the program
 * against the runtime, starts three party processes on this machine (each listens
 * on ports the OS picks and reports them over IPC; the parent hands out the peer
 * list), acts as the client over TCP (runtime/client/client.ts), and returns the
 * results in the emulator's layout, so `showResult` and `resultsJson` print them
 * exactly as the --emulate mode does. Every failure ends all three children and
 * comes back as a RunFailure naming the party and the reason.
 *
 * The three processes are forked by runtime/party/local-processes.ts, either here or
 * earlier by the caller (`startLocalParties`, so they load while the program
 * compiles; pass them as `options.processes`).
 */
import type { ChildProcess } from "node:child_process";
import { encode, moduleHash, type Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";
import { loadModule } from "../../vm/verify.js";
import { RunFailure, runClient } from "../client/client.js";
import { LocalParties, StartFailure, type ChildCommand } from "../party/local-processes.js";
import type { PartyStats } from "../party/party.js";
import { checkProgram } from "../shared3p/availability.js";

export { RunFailure } from "../client/client.js";
export { defaultChildCommand, startLocalParties, type ChildCommand, type LocalParties } from "../party/local-processes.js";

export interface ThreePartyOptions {
  /** Bound for the parties to start, connect and receive the client (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** How long a party waits for a silent peer before the run fails (default 60 s). */
  readonly idleTimeoutMs?: number;
  /** Called for each `print` line (party 0's) as it arrives. */
  readonly onOutput?: (line: string) => void;
  /** Ends the run (and the parties) when it takes longer once the parties are up, milliseconds. */
  readonly timeLimitMs?: number;
  /** Overrides how children start (default: defaultChildCommand). */
  readonly child?: ChildCommand;
  /** Party processes forked in advance (startLocalParties); this run uses and ends them. */
  readonly processes?: LocalParties;
  /** Test hook: bytecode given to one party instead of the program (hash mismatch tests). */
  readonly programFor?: (party: number) => Uint8Array | undefined;
  /** Test hook: called with the child processes once they listen. */
  readonly onStarted?: (children: readonly ChildProcess[]) => void;
}

export interface ThreePartyResult {
  /** Published results in publish order, data in the emulator's layout (plaintext). */
  readonly results: DataRecord[];
  /** `print` lines (party 0's), in order. */
  readonly output: string[];
  /** The order in which the program printed and published (see `replay`). */
  readonly events: readonly ("output" | "result")[];
  /** Per-party statistics (rounds, bytes, time per protocol). */
  readonly stats: PartyStats[];
}

/**
 * Hands lines and results to the callbacks in the order the program produced them,
 * so text output matches the --emulate mode's line for line.
 */
export function replay(
  r: { readonly results: readonly DataRecord[]; readonly output: readonly string[]; readonly events: readonly ("output" | "result")[] },
  onPrint: (line: string) => void,
  onResult: (record: DataRecord) => void,
): void {
  let o = 0;
  let k = 0;
  for (const e of r.events) {
    if (e === "output" && o < r.output.length) onPrint(r.output[o++] as string);
    else if (e === "result" && k < r.results.length) onResult(r.results[k++] as DataRecord);
  }
  while (o < r.output.length) onPrint(r.output[o++] as string);
  while (k < r.results.length) onResult(r.results[k++] as DataRecord);
}

/** Runs a program on three local party processes; rejects with RunFailure. */
export async function runThreeParty(program: Module | Uint8Array, records: readonly DataRecord[], options: ThreePartyOptions = {}): Promise<ThreePartyResult> {
  const bytecode = program instanceof Uint8Array ? program : encode(program);
  const processes = options.processes;
  let module: Module;
  try {
    module = program instanceof Uint8Array ? loadModule(program) : program;
  } catch (e) {
    processes?.kill();
    throw e;
  }
  const problems = checkProgram(module);
  if (problems.length > 0) {
    processes?.kill();
    throw new RunFailure(problems.map((message) => ({ party: -1, cause: "program", message })));
  }
  // Generous: three processes loading the bundle on a busy machine can take many seconds;
  // a child that dies is reported at once through its exit, not by this timeout.
  const timeout = options.connectTimeoutMs ?? 30_000;
  const parties = processes ?? new LocalParties(options.child);
  try {
    const ports = await parties.start((p) => options.programFor?.(p) ?? bytecode, timeout, options.idleTimeoutMs);
    parties.sendPeers(ports);
    options.onStarted?.(parties.children);
    const result = await runClient({
      addresses: ports.map((x) => ({ host: "127.0.0.1", port: x.clientPort })),
      programHash: moduleHash(bytecode),
      records,
      connectTimeoutMs: timeout,
      onOutput: options.onOutput,
      timeLimitMs: options.timeLimitMs,
      explainLoss: (p) => parties.exit(p) ?? parties.lastStderrLine(p),
    });
    await parties.waitForExit(3000);
    return result;
  } catch (e) {
    // let the parties that saw the failure exit by themselves before the rest is killed
    await parties.waitForExit(2000);
    if (e instanceof StartFailure) throw new RunFailure([e.failure]);
    if (!(e instanceof RunFailure)) throw e;
    const explained = e.failures.map((f) => {
      const exit = f.cause === "lost" ? parties.exit(f.party) : undefined;
      return exit !== undefined ? { ...f, message: `stopped without a result (${exit})` } : f;
    });
    throw new RunFailure(explained, e.output, e.results, e.events);
  } finally {
    parties.kill();
  }
}
