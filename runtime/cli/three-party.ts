/**
 * Local three-party runs (`secrun FILE` without --emulate): checks the program
 * against the runtime, starts three party processes on this machine (each listens
 * on ports the OS picks and reports them over IPC; the parent hands out the peer
 * list), acts as the client over TCP (runtime/client/client.ts), and returns the
 * results in the emulator's layout, so `showResult` and `resultsJson` print them
 * exactly as the --emulate mode does. Every failure ends all three children and
 * comes back as a RunFailure naming the party and the reason.
 *
 * Children: from source (this file is .ts) `node --import tsx
 * runtime/party/child-main.ts`; from the bundle `node dist/secrun.mjs
 * --party-child` (secrun must call partyChildMain for that flag).
 */
import { fork, type ChildProcess } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { encode, moduleHash, type Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";
import { loadModule } from "../../vm/verify.js";
import { RunFailure, runClient } from "../client/client.js";
import type { ChildMessage, StartMessage } from "../party/child.js";
import type { PartyStats } from "../party/party.js";
import type { PartyFailure } from "../party/wire.js";
import { checkProgram } from "../shared3p/availability.js";

export { RunFailure } from "../client/client.js";

/** How to start one party child process. */
export interface ChildCommand {
  readonly entry: string;
  readonly args: readonly string[];
  readonly execArgv: readonly string[];
  readonly cwd?: string;
}

export interface ThreePartyOptions {
  /** Bound for the parties to start, connect and receive the client (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** How long a party waits for a silent peer before the run fails (default 60 s). */
  readonly idleTimeoutMs?: number;
  /** Called for each `print` line (party 0's) as it arrives. */
  readonly onOutput?: (line: string) => void;
  /** Overrides how children start (default: see the file header). */
  readonly child?: ChildCommand;
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
export function replay(r: ThreePartyResult, onPrint: (line: string) => void, onResult: (record: DataRecord) => void): void {
  let o = 0;
  let k = 0;
  for (const e of r.events) {
    if (e === "output") onPrint(r.output[o++] as string);
    else onResult(r.results[k++] as DataRecord);
  }
  while (o < r.output.length) onPrint(r.output[o++] as string);
  while (k < r.results.length) onResult(r.results[k++] as DataRecord);
}

const here = dirname(fileURLToPath(import.meta.url));

/** The default child command for this build (source or bundle). */
export function defaultChildCommand(): ChildCommand {
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith(".ts")) {
    const root = resolve(here, "..", "..");
    return { entry: join(root, "runtime", "party", "child-main.ts"), args: [], execArgv: ["--import", "tsx"], cwd: root };
  }
  return { entry: self, args: ["--party-child"], execArgv: [] };
}

/** Runs a program on three local party processes; rejects with RunFailure. */
export async function runThreeParty(program: Module | Uint8Array, records: readonly DataRecord[], options: ThreePartyOptions = {}): Promise<ThreePartyResult> {
  const bytecode = program instanceof Uint8Array ? program : encode(program);
  const module = program instanceof Uint8Array ? loadModule(program) : program;
  const problems = checkProgram(module);
  if (problems.length > 0) throw new RunFailure(problems.map((message) => ({ party: -1, cause: "program", message })));
  // Generous: three processes loading the bundle on a busy machine can take many seconds;
  // a child that dies is reported at once through its exit, not by this timeout.
  const timeout = options.connectTimeoutMs ?? 30_000;
  const cmd = options.child ?? defaultChildCommand();
  const children: ChildProcess[] = [];
  const exits: (string | undefined)[] = [undefined, undefined, undefined];
  const stderr: string[] = ["", "", ""];
  const killAll = (): void => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  };
  process.once("exit", killAll);
  try {
    for (let p = 0; p < 3; p++) {
      const child = fork(cmd.entry, [...cmd.args], { execArgv: [...cmd.execArgv], cwd: cmd.cwd, stdio: ["ignore", "ignore", "pipe", "ipc"] });
      child.stderr?.on("data", (d: Buffer) => (stderr[p] = (stderr[p] + d.toString()).slice(-4000)));
      child.on("exit", (code, signal) => (exits[p] = signal !== null ? `killed by ${signal}` : `exited with code ${code}`));
      child.on("error", () => undefined);
      children.push(child);
    }
    const ports = await Promise.all(
      children.map((c, p) => startChild(c, p, options.programFor?.(p) ?? bytecode, timeout, options.idleTimeoutMs, () => exits[p], () => stderr[p] ?? "")),
    );
    for (const c of children) c.send({ type: "peers", peerPorts: ports.map((x) => x.peerPort) });
    options.onStarted?.(children);
    const result = await runClient({
      addresses: ports.map((x) => ({ host: "127.0.0.1", port: x.clientPort })),
      programHash: moduleHash(bytecode),
      records,
      connectTimeoutMs: timeout,
      onOutput: options.onOutput,
      explainLoss: (p) => exits[p] ?? lastLine(stderr[p] ?? ""),
    });
    await waitForExit(children, 3000);
    return result;
  } catch (e) {
    // let the parties that saw the failure exit by themselves before the rest is killed
    await waitForExit(children, 2000);
    if (!(e instanceof RunFailure)) throw e;
    const explained = e.failures.map((f) => (f.cause === "lost" && exits[f.party] !== undefined ? { ...f, message: `stopped without a result (${exits[f.party]})` } : f));
    throw new RunFailure(explained, e.output);
  } finally {
    killAll();
    process.off("exit", killAll);
  }
}

function lastLine(s: string): string | undefined {
  const lines = s.trim().split("\n");
  return lines.length > 0 && lines[0] !== "" ? lines[lines.length - 1] : undefined;
}

/** Sends `start` and waits for the child's ports. */
function startChild(
  child: ChildProcess,
  party: number,
  bytecode: Uint8Array,
  timeoutMs: number,
  idleTimeoutMs: number | undefined,
  exit: () => string | undefined,
  stderr: () => string,
): Promise<{ peerPort: number; clientPort: number }> {
  return new Promise((resolvePorts, reject) => {
    const fail = (message: string): void => {
      clearTimeout(timer);
      reject(new RunFailure([{ party, cause: "connection", message } satisfies PartyFailure]));
    };
    const timer = setTimeout(() => fail(`did not start within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    child.on("message", (m: ChildMessage) => {
      if (m.type === "listening") {
        clearTimeout(timer);
        resolvePorts({ peerPort: m.peerPort, clientPort: m.clientPort });
      }
    });
    child.once("exit", () => {
      const tail = lastLine(stderr());
      fail(`${exit() ?? "exited"} while starting${tail ? `: ${tail}` : ""}`);
    });
    const start: StartMessage = { type: "start", id: party as 0 | 1 | 2, program: Buffer.from(bytecode).toString("base64"), connectTimeoutMs: timeoutMs, idleTimeoutMs };
    child.send(start);
  });
}

function waitForExit(children: readonly ChildProcess[], ms: number): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    let left = children.filter((c) => c.exitCode === null && c.signalCode === null).length;
    if (left === 0) {
      clearTimeout(timer);
      done();
      return;
    }
    for (const c of children) {
      if (c.exitCode !== null || c.signalCode !== null) continue;
      c.once("exit", () => {
        if (--left === 0) {
          clearTimeout(timer);
          done();
        }
      });
    }
  });
}
