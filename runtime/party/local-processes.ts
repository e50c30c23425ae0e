/**
 * The parent's side of a local three-party run's party processes (the child's side
 * is child.ts, with the IPC messages described there). `startLocalParties` forks the
 * three processes at once, before the program is known, so they load the runtime
 * while the parent is still compiling; `start` then hands each its program and
 * resolves to the ports the children listen on.
 *
 * Until `start`, the children and their pipes do not keep the parent's event loop
 * alive: a parent that never uses them (a compile error) simply exits, and the
 * children follow when their IPC channel closes.
 *
 * Which file a child runs (`defaultChildCommand`): from source (this file is .ts)
 * `node --import tsx runtime/party/child-main.ts`; from a bundle, the light party
 * bundle `secrun-party.mjs` beside it when the build produced one (it holds no
 * compiler), otherwise the bundle itself with `--party-child`.
 */
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import type { Socket } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PartyId } from "../net/transport.js";
import type { ChildMessage, StartMessage } from "./child.js";
import type { PartyFailure } from "./wire.js";

/** How to start one party child process. */
export interface ChildCommand {
  readonly entry: string;
  readonly args: readonly string[];
  readonly execArgv: readonly string[];
  readonly cwd?: string;
}

/** File name of the light party bundle, beside the secrun bundle. */
export const PARTY_BUNDLE = "secrun-party.mjs";

/** The default child command for this build (source or bundle); see the file header. */
export function defaultChildCommand(): ChildCommand {
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith(".ts")) {
    const root = resolve(dirname(self), "..", "..");
    return { entry: join(root, "runtime", "party", "child-main.ts"), args: [], execArgv: ["--import", "tsx"], cwd: root };
  }
  const light = join(dirname(self), PARTY_BUNDLE);
  if (light !== self && existsSync(light)) return { entry: light, args: [], execArgv: [] };
  return { entry: self, args: ["--party-child"], execArgv: [] };
}

/** Ports a started child listens on. */
export interface ChildPorts {
  readonly peerPort: number;
  readonly clientPort: number;
}

/** A failure to start, thrown by `start` (the caller wraps it for its users). */
export class StartFailure extends Error {
  constructor(readonly failure: PartyFailure) {
    super(failure.message);
    this.name = "StartFailure";
  }
}

/** Three forked party processes; see the file header. */
export class LocalParties {
  readonly children: readonly ChildProcess[];
  private readonly exits: (string | undefined)[] = [undefined, undefined, undefined];
  private readonly stderr: string[] = ["", "", ""];
  private readonly killAll = (): void => this.kill();
  private used = false;

  constructor(cmd: ChildCommand = defaultChildCommand()) {
    const children: ChildProcess[] = [];
    for (let p = 0; p < 3; p++) {
      const child = fork(cmd.entry, [...cmd.args], { execArgv: [...cmd.execArgv], cwd: cmd.cwd, stdio: ["ignore", "ignore", "pipe", "ipc"] });
      child.stderr?.on("data", (d: Buffer) => (this.stderr[p] = (this.stderr[p] + d.toString()).slice(-4000)));
      child.on("exit", (code, signal) => (this.exits[p] = signal !== null ? `killed by ${signal}` : `exited with code ${code}`));
      child.on("error", () => undefined);
      children.push(child);
    }
    this.children = children;
    this.setRef(false);
    process.once("exit", this.killAll);
  }

  /** How party `p`'s process ended, or undefined while it runs. */
  exit(p: number): string | undefined {
    return this.exits[p];
  }

  /** The last line party `p` wrote to stderr, if any. */
  lastStderrLine(p: number): string | undefined {
    const lines = (this.stderr[p] ?? "").trim().split("\n");
    return lines.length > 0 && lines[0] !== "" ? lines[lines.length - 1] : undefined;
  }

  /**
   * Sends each child its program and waits for its ports; rejects with a
   * StartFailure when a child dies first or does not answer within `timeoutMs`.
   * Only once: the processes serve one run.
   */
  start(program: (party: PartyId) => Uint8Array, timeoutMs: number, idleTimeoutMs: number | undefined): Promise<ChildPorts[]> {
    if (this.used) throw new Error("these party processes already served a run");
    this.used = true;
    this.setRef(true);
    return Promise.all(this.children.map((c, p) => this.startChild(c, p as PartyId, program(p as PartyId), timeoutMs, idleTimeoutMs)));
  }

  /** Tells every child the peer-facing ports of all three. */
  sendPeers(ports: readonly ChildPorts[]): void {
    for (const c of this.children) if (c.connected) c.send({ type: "peers", peerPorts: ports.map((x) => x.peerPort) });
  }

  /** Resolves when every child has exited, or after `ms`. */
  waitForExit(ms: number): Promise<void> {
    const running = this.children.filter((c) => c.exitCode === null && c.signalCode === null);
    if (running.length === 0) return Promise.resolve();
    return new Promise((done) => {
      const timer = setTimeout(done, ms);
      let left = running.length;
      for (const c of running) {
        c.once("exit", () => {
          if (--left > 0) return;
          clearTimeout(timer);
          done();
        });
      }
    });
  }

  /** Kills the children that still run (SIGKILL). */
  kill(): void {
    for (const c of this.children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    process.off("exit", this.killAll);
  }

  private setRef(on: boolean): void {
    for (const c of this.children) {
      if (on) {
        c.ref();
        c.channel?.ref();
        (c.stderr as Socket | null)?.ref();
      } else {
        c.unref();
        c.channel?.unref();
        (c.stderr as Socket | null)?.unref();
      }
    }
  }

  private startChild(child: ChildProcess, party: PartyId, bytecode: Uint8Array, timeoutMs: number, idleTimeoutMs: number | undefined): Promise<ChildPorts> {
    return new Promise((resolvePorts, reject) => {
      const fail = (message: string): void => {
        clearTimeout(timer);
        reject(new StartFailure({ party, cause: "connection", message }));
      };
      const timer = setTimeout(() => fail(`did not start within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
      child.on("message", (m: ChildMessage) => {
        if (m.type !== "listening") return;
        clearTimeout(timer);
        resolvePorts({ peerPort: m.peerPort, clientPort: m.clientPort });
      });
      const onExit = (): void => {
        const tail = this.lastStderrLine(party);
        fail(`${this.exit(party) ?? "exited"} while starting${tail ? `: ${tail}` : ""}`);
      };
      if (child.exitCode !== null || child.signalCode !== null) return onExit();
      // "close" (not "exit"): by then the child's last stderr line has been read
      child.once("close", onExit);
      const start: StartMessage = { type: "start", id: party, program: Buffer.from(bytecode).toString("base64"), connectTimeoutMs: timeoutMs, idleTimeoutMs };
      child.send(start, (e) => {
        if (e !== null && e !== undefined) fail(`could not be given its program: ${e.message}`);
      });
    });
  }
}

/** Forks the three party processes now; pass them to runThreeParty once the program is ready. */
export function startLocalParties(cmd?: ChildCommand): LocalParties {
  return new LocalParties(cmd);
}
