/**
 * The whole party stack in one process over loopback TCP: three runParty calls and
 * the client role. Results equal a plain model, print lines and publishes keep
 * their order, statistics name the protocols, and a client holding another program
 * is refused by every party.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RunFailure, runClient } from "../../../runtime/client/client.js";
import { argumentRecords, parseArgOptions } from "../../../runtime/cli/arguments.js";
import { loadProgram } from "../../../runtime/cli/load-program.js";
import { formatStats } from "../../../runtime/cli/three-party-stats.js";
import { replay } from "../../../runtime/cli/three-party.js";
import { decodeValues } from "../../../runtime/io/record-stream.js";
import type { PartyId } from "../../../runtime/net/transport.js";
import { runParty, type PartyOutcome } from "../../../runtime/party/party.js";
import { encode, moduleHash, type Module } from "../../../vm/bytecode.js";
import type { DataRecord } from "../../../vm/host.js";

function listen(): Promise<Server> {
  return new Promise((r) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => r(s));
  });
}
const portOf = (s: Server): number => (s.address() as { port: number }).port;

function compile(source: string): Module {
  const dir = mkdtempSync(join(tmpdir(), "secc-party-"));
  writeFileSync(join(dir, "p.sc"), source);
  const loaded = loadProgram(join(dir, "p.sc"), { include: [], stdlib: true });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded));
  return loaded.module;
}

/** Starts three parties in this process; returns their client addresses and outcomes. */
async function startParties(bytecode: Uint8Array, timeoutMs = 5000): Promise<{ clients: { host: string; port: number }[]; outcomes: Promise<PartyOutcome[]> }> {
  const peerServers = await Promise.all([listen(), listen(), listen()]);
  const clientServers = await Promise.all([listen(), listen(), listen()]);
  const peers = peerServers.map((s) => ({ host: "127.0.0.1", port: portOf(s) }));
  const outcomes = Promise.all(
    ([0, 1, 2] as PartyId[]).map((id) =>
      runParty({ id, bytecode, peers, peerServer: peerServers[id]!, clientServer: clientServers[id]!, connectTimeoutMs: timeoutMs }).finally(() => {
        peerServers[id]!.close();
        clientServers[id]!.close();
      }),
    ),
  );
  return { clients: clientServers.map((s) => ({ host: "127.0.0.1", port: portOf(s) })), outcomes };
}

const PROGRAM = `
import shared3p;
import stdlib;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint64[[1]] a = argument("a");
    pd_shared3p bool[[1]] f = argument("f");
    uint k = argument("k");
    publish("sq", a * a);
    print("between");
    publish("flags", f & !f);
    publish("k", k + 1);
}
`;

describe("party processes in one process", () => {
  it("computes, keeps print/publish order and reports statistics", async () => {
    const module = compile(PROGRAM);
    const bytecode = encode(module);
    const { clients, outcomes } = await startParties(bytecode);
    const records = argumentRecords(module, parseArgOptions(["a=3,18446744073709551615", "f=true,false,true", "k=41"]));
    const r = await runClient({ addresses: clients, programHash: moduleHash(bytecode), records, connectTimeoutMs: 5000 });
    expect((await outcomes).map((o) => o.ok)).toEqual([true, true, true]);
    const values = (x: DataRecord): unknown[] => decodeValues(x.type === "bool" ? "bool" : "uint64", x.data);
    expect(r.results.map((x) => [x.name, x.domain, x.type])).toEqual([
      ["sq", "pd_shared3p", "uint64"],
      ["flags", "pd_shared3p", "bool"],
      ["k", "", "uint64"],
    ]);
    expect(values(r.results[0]!)).toEqual([9n, 1n]);
    expect(values(r.results[1]!)).toEqual([false, false, false]);
    expect(values(r.results[2]!)).toEqual([42n]);
    const order: string[] = [];
    replay({ ...r }, (line) => order.push(`print ${line}`), (x) => order.push(`result ${x.name}`));
    expect(order).toEqual(["result sq", "print between", "result flags", "result k"]);
    // published shares are re-randomised before they leave a party (reshare, xreshare)
    const used = ["and<1>", "mul<64>", "reshare<64>", "xreshare<1>"];
    expect(r.stats.map((s) => Object.keys(s.protocols).sort())).toEqual([used, used, used]);
    const text = formatStats(r.stats);
    expect(text).toMatch(/^party 0: /);
    expect(text).toMatch(/\n {2}mul<64> +1 +2 +1 /);
  });

  it("every party refuses a client that holds another program and stops at once", async () => {
    const module = compile(PROGRAM);
    const bytecode = encode(module);
    const hash = moduleHash(bytecode);
    // the deadline is far beyond the test's bound: the parties must not wait for it
    const { clients, outcomes } = await startParties(bytecode, 60_000);
    const wrong = "0".repeat(64);
    const run = runClient({ addresses: clients, programHash: wrong, records: [], connectTimeoutMs: 5000 });
    const e = await run.then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(RunFailure);
    expect((e as RunFailure).message).toBe(`party 0: program mismatch: the client runs program ${wrong}, party 0 runs program ${hash}`);
    const done = await outcomes;
    expect(done.map((o) => (o.ok ? "ok" : [o.failure.party, o.failure.cause, o.failure.message]))).toEqual(
      [0, 1, 2].map((p) => [p, "client", `program mismatch: the client runs program ${wrong}, party ${p} runs program ${hash}`]),
    );
  }, 20_000);

  it("keeps waiting past a connection that sends no start message, and counts it at the deadline", async () => {
    const module = compile(PROGRAM);
    const { clients, outcomes } = await startParties(encode(module), 1500);
    const stray = connect(clients[1]!.port, clients[1]!.host);
    await new Promise((r) => stray.once("connect", r));
    stray.end(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    const done = await outcomes;
    expect(done.map((o) => (o.ok ? "ok" : o.failure.message))).toEqual([
      "no client connected within 2 s",
      "no client connected within 2 s (dropped 1 connection that sent no valid start message)",
      "no client connected within 2 s",
    ]);
  }, 20_000);
});
