/**
 * Failures of a deployment (`secrun party` processes from a configuration, the
 * client in this process) end every party within seconds, far below the configured
 * connect deadline, with exit code 1 and a message naming the party and the cause:
 * a client holding another program, a peer that completes the handshake and then
 * sends a malformed frame or nothing at all, a client sending shares that do not fit
 * the program, and a failed assert. The misbehaving peer and client are played by
 * this test over raw framed connections.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RunFailure, runClient } from "../../runtime/client/client.js";
import { clientCommand } from "../../runtime/cli/client-command.js";
import { CONTROL_INSTANCE, Control, FramedConnection, encodeHeader } from "../../runtime/net/tcp.js";
import { ClientMessage, PROTOCOL_VERSION, decodeJson, encodeHello, encodeStart, type PartyFailure } from "../../runtime/party/wire.js";
import { encode, moduleHash, type Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";
import { argRecords, compileSource, freePorts, makeBundles, type Bundles } from "./support.js";

let bundles: Bundles;
beforeAll(async () => {
  bundles = await makeBundles();
});
afterAll(() => bundles?.dispose());

const HEADER = "import shared3p;\nimport stdlib;\ndomain pd_shared3p shared3p;\n";
/** Far beyond each test's bound: a party that waits for this deadline fails the test. */
const CONNECT_TIMEOUT_MS = 120_000;
/** Each failure must end every process within this bound (a loaded 2-core machine). */
const BOUND_MS = 20_000;

interface PartyProcess {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

interface Deployment {
  readonly config: string;
  /** Peer-facing and client-facing ports of parties 0, 1, 2. */
  readonly peerPorts: readonly number[];
  readonly clientPorts: readonly number[];
  readonly parties: readonly PartyProcess[];
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

/** Writes the program and a configuration, starts `ids` as party processes and waits until they listen. */
async function deploy(name: string, module: Module, ids: readonly number[], extra: Record<string, unknown> = {}): Promise<Deployment> {
  const program = join(bundles.dir, `${name}.sb`);
  writeFileSync(program, encode(module));
  const ports = await freePorts(6);
  const config = join(bundles.dir, `${name}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      ...extra,
      parties: [0, 1, 2].map((i) => ({ address: `127.0.0.1:${ports[i]}`, clientAddress: `127.0.0.1:${ports[3 + i]}` })),
    }),
  );
  const parties = ids.map((id) => {
    const child = spawn(process.execPath, [bundles.party, String(id), config, program], { stdio: ["ignore", "ignore", "pipe"] });
    started.push(child);
    let err = "";
    const listening = new Promise<void>((r) =>
      child.stderr!.on("data", (d: Buffer) => {
        err += d.toString();
        if (err.includes("client on")) r();
      }),
    );
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    return { child, stderr: () => err, exited, listening };
  });
  await Promise.all(parties.map((p) => p.listening));
  return { config, peerPorts: ports.slice(0, 3), clientPorts: ports.slice(3), parties };
}

/** Resolves with `p`'s value, or rejects when it takes longer than BOUND_MS. */
function bounded<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not end within ${BOUND_MS / 1000} s`)), BOUND_MS);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

async function failureOf(p: Promise<unknown>): Promise<RunFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RunFailure) return e;
    throw e;
  }
  throw new Error("the run succeeded but should have failed");
}

/** Exit codes of the party processes, bounded. */
function exitCodes(d: Deployment): Promise<(number | null)[]> {
  return bounded(Promise.all(d.parties.map((p) => p.exited)), "the party processes");
}

/** A connection that stays open for writing when the other side ends (as a party still working would). */
function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
    s.once("connect", () => resolve(s));
    s.once("error", reject);
  });
}

function listen(port: number, onSocket: (s: Socket) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer((socket) => {
      socket.on("error", () => undefined);
      onSocket(socket);
    });
    s.once("error", reject);
    s.listen(port, "127.0.0.1", () => resolve(s));
  });
}

/**
 * Plays party 2 of a deployment whose parties 0 and 1 are real: dials both peers,
 * says hello, sends party 0 its pair key and answers the argument summary as the
 * real party 2 would, then sends no protocol message. `clientStarted` resolves when
 * the client's start message reaches it (the real parties are then running).
 */
async function fakeParty2(d: Deployment, programHash: string): Promise<{ conns: FramedConnection[]; clientStarted: Promise<void>; close(): void }> {
  let started: () => void = () => undefined;
  const clientStarted = new Promise<void>((r) => (started = r));
  const clientServer = await listen(d.clientPorts[2]!, (socket) => socket.once("data", () => started()));
  const conns = await Promise.all(
    [0, 1].map(async (p) => {
      const conn = new FramedConnection(await dial(d.peerPorts[p]!), { peer: `party ${p}` });
      const hello = new Promise<void>((r) => conn.onFrames((i, round) => i === CONTROL_INSTANCE && round === Control.hello && r()));
      conn.send(CONTROL_INSTANCE, Control.hello, encodeHello({ version: PROTOCOL_VERSION, party: 2, programHash }));
      await hello;
      return conn;
    }),
  );
  // party i sends its key to party i+1: party 2's goes to party 0
  conns[0]!.send(CONTROL_INSTANCE, Control.seed, new Uint8Array(16).fill(7));
  // the real parties' summaries agree with each other: echo the first one to both
  let echoed = false;
  for (const c of conns) {
    c.onFrames((instance, round, payload) => {
      if (instance !== CONTROL_INSTANCE || round !== Control.inputs || echoed) return;
      echoed = true;
      for (const x of conns) x.send(CONTROL_INSTANCE, Control.inputs, payload);
    });
  }
  return {
    conns,
    clientStarted,
    close: () => {
      for (const c of conns) c.destroy();
      clientServer.close();
    },
  };
}

/** Sends each party its own argument records as a client would, and collects each party's first answer. */
async function rawClient(d: Deployment, programHash: string, perParty: readonly (readonly DataRecord[])[]): Promise<(PartyFailure | "done")[]> {
  return Promise.all(
    [0, 1, 2].map(async (p) => {
      const conn = new FramedConnection(await dial(d.clientPorts[p]!), { peer: `party ${p}` });
      const answer = new Promise<PartyFailure | "done">((resolve) => {
        conn.onFrames((type, _round, payload) => {
          if (type === ClientMessage.error) resolve(decodeJson<PartyFailure>(payload));
          else if (type === ClientMessage.done) resolve("done");
        });
        conn.onEnd(() => resolve({ party: p, cause: "lost", message: "closed without an answer" }));
      });
      conn.send(ClientMessage.start, 0, encodeStart({ version: PROTOCOL_VERSION, party: p, programHash }, perParty[p]!));
      const a = await answer;
      conn.destroy();
      return a;
    }),
  );
}

const SQUARE = HEADER + `void main() { pd_shared3p uint32 a = argument("a"); publish("a", a * a); }`;

describe("deployment failures end every party within seconds", () => {
  it("a client holding another program is refused by every party, naming both programs", async () => {
    const module = compileSource(bundles.dir, "mine.sc", SQUARE);
    const other = compileSource(bundles.dir, "theirs.sc", HEADER + `void main() { pd_shared3p uint32 a = argument("a"); publish("a", a + a); }`);
    const [mine, theirs] = [moduleHash(encode(module)), moduleHash(encode(other))];
    const d = await deploy("mismatch", module, [0, 1, 2]);
    const f = await bounded(failureOf(clientCommand({ config: d.config, program: other, records: argRecords(other, ["a=3"]) })), "the client");
    expect(f.message).toBe(`party 0: program mismatch: the client runs program ${theirs}, party 0 runs program ${mine}`);
    expect(await exitCodes(d)).toEqual([1, 1, 1]);
    d.parties.forEach((p, i) => expect(p.stderr()).toContain(`error: party ${i}: program mismatch: the client runs program ${theirs}, party ${i} runs program ${mine}\n`));
  });

  it("a malformed frame from a peer is rejected and ends the run, naming the sender", async () => {
    const module = compileSource(bundles.dir, "frame.sc", SQUARE);
    const d = await deploy("frame", module, [0, 1]);
    const fake = await fakeParty2(d, moduleHash(encode(module)));
    try {
      // while the parties run, send party 0 a frame that claims 4 GiB
      void fake.clientStarted.then(() => setTimeout(() => fake.conns[0]!.socket.write(encodeHeader(0, 1, 0xffffffff)), 300));
      const f = await bounded(failureOf(clientCommand({ config: d.config, program: module, records: argRecords(module, ["a=3"]) })), "the client");
      const rejected = "malformed frame from party 2: payload of 4294967295 bytes exceeds the limit of 2147483647 (instance 0, round 1)";
      expect(f.message).toBe(`party 0: ${rejected}`);
      // party 1 reports party 0's abort; party 2 (the fake) never answers the client
      expect(f.failures.map((x) => [x.party, x.message])).toEqual([
        [0, rejected],
        [0, rejected],
        [2, "did not finish in time after another party failed"],
      ]);
      expect(await exitCodes(d)).toEqual([1, 1]);
      expect(d.parties[0]!.stderr()).toContain(`error: party 0: ${rejected}\n`);
      expect(d.parties[1]!.stderr()).toContain(`error: party 1: party 0: ${rejected}\n`);
    } finally {
      fake.close();
    }
  });

  it("a peer that connects and then stays silent ends the run at the configured idle timeout", async () => {
    const module = compileSource(bundles.dir, "silent.sc", SQUARE);
    const d = await deploy("silent", module, [0, 1], { idleTimeoutMs: 1500 });
    const fake = await fakeParty2(d, moduleHash(encode(module)));
    try {
      const f = await bounded(failureOf(clientCommand({ config: d.config, program: module, records: argRecords(module, ["a=3"]) })), "the client");
      expect(f.message).toBe("party 0: party 2 sent nothing for 1.5 s while this party was waiting for it");
      expect(await exitCodes(d)).toEqual([1, 1]);
      expect(d.parties[0]!.stderr()).toContain("error: party 0: party 2 sent nothing for 1.5 s while this party was waiting for it\n");
    } finally {
      fake.close();
    }
  });

  it("shares that do not fit the program are refused as the client's input", async () => {
    const module = compileSource(bundles.dir, "shape.sc", HEADER + `void main() { pd_shared3p uint32[[1]] a = argument("a"); publish("s", a * a); }`);
    const hash = moduleHash(encode(module));
    const d = await deploy("shape", module, [0, 1, 2]);
    // 6 bytes is not a whole number of uint32 shares (a client that skipped the checks)
    const bad: DataRecord = { name: "a", domain: "pd_shared3p", type: "uint32", data: new Uint8Array(6) };
    const answers = (await bounded(rawClient(d, hash, [[bad], [bad], [bad]]), "the client")) as { party: number; cause: string; message: string }[];
    const refusal = { cause: "input", message: 'argument "a": 6 bytes is not a whole number of uint32 shares' };
    // every party checks its own shares, but one may hear a faster peer's refusal first,
    // or, still connecting to its peers, see the refusing party leave
    expect(answers).toHaveLength(3);
    expect(answers.some((a) => a.cause === refusal.cause && a.message === refusal.message)).toBe(true);
    for (const a of answers) {
      const relayed = a.cause === refusal.cause && a.message === refusal.message;
      const left = a.cause === "connection" && /^party [012] left before all parties were connected/.test(a.message);
      expect(relayed || left, JSON.stringify(a)).toBe(true);
    }
    expect(await exitCodes(d)).toEqual([1, 1, 1]);
    const stderr = [0, 1, 2].map((p) => d.parties[p]!.stderr()).join("");
    expect(stderr).toMatch(/error: party [012]: (party [012]: )?argument "a": 6 bytes is not a whole number of uint32 shares\n/);
  });

  it("a client that gives the parties different public values is refused before anything runs", async () => {
    const module = compileSource(bundles.dir, "public.sc", HEADER + `void main() { uint32 k = argument("k"); pd_shared3p uint32 a = argument("a"); publish("s", a * k); }`);
    const hash = moduleHash(encode(module));
    const d = await deploy("public", module, [0, 1, 2]);
    const k = (v: number): DataRecord => ({ name: "k", domain: "", type: "uint32", data: Uint8Array.of(v, 0, 0, 0) });
    const a: DataRecord = { name: "a", domain: "pd_shared3p", type: "uint32", data: new Uint8Array(4) };
    const answers = await bounded(rawClient(d, hash, [[k(1), a], [k(2), a], [k(2), a]]), "the client");
    // each party reports the difference it saw first (or a peer's report of it)
    for (const x of answers) {
      expect(x).toMatchObject({ cause: "input" });
      expect((x as PartyFailure).message).toMatch(/^argument "k": the client sent different public values to party [012] and party [012]$/);
    }
    expect(await exitCodes(d)).toEqual([1, 1, 1]);
  });

  it("a failed assert stops every party with the program's position", async () => {
    const module = compileSource(bundles.dir, "assert.sc", HEADER + `void main() {\n    uint k = argument("k");\n    pd_shared3p uint32 a = argument("a");\n    assert(k < 5);\n    publish("a", a * a);\n}`);
    const d = await deploy("assert", module, [0, 1, 2]);
    const f = await bounded(failureOf(runClientFor(d, module, ["k=10", "a=3"])), "the client");
    // every party fails the assert; a party may report a faster peer's failure instead of its own
    expect(f.message).toMatch(/^party [012]: assert failed at assert\.sc:\(7,5\)\(7,19\)$/);
    expect(f.failures).toHaveLength(3);
    for (const x of f.failures) expect([x.cause, x.message]).toEqual(["program", "assert failed at assert.sc:(7,5)(7,19)"]);
    expect(await exitCodes(d)).toEqual([1, 1, 1]);
  });
});

function runClientFor(d: Deployment, module: Module, args: readonly string[]): Promise<unknown> {
  return runClient({
    addresses: d.clientPorts.map((port) => ({ host: "127.0.0.1", port })),
    programHash: moduleHash(encode(module)),
    records: argRecords(module, args),
    connectTimeoutMs: BOUND_MS,
  });
}
