/**
 * Program I/O in the record stream format (language.md §4) for `secrun`:
 * `--args-stream SOURCE` reads argument records and `--results-stream DEST` writes
 * the published results as records. SOURCE and DEST are a file path, `-` for
 * standard input/output, or `unix:PATH` for a Unix domain socket (secrun connects,
 * reads until the peer closes, resp. writes and closes).
 *
 * Records hold plain values: public data as is, private data as the value's bytes
 * in the kind's plain representation (what the emulator holds; secrun shares them
 * among the parties in three-party runs). Each argument record is checked against
 * the program interface (name, domain, type, whole elements) so a bad stream is a
 * usage error naming the record, never a wrong run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import type { InterfaceEntry, Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";
import { DATA_TYPE_SIZE } from "../../vm/isa.js";
import { decodeRecords, encodeRecords, RecordStreamError } from "../io/record-stream.js";
import { ArgumentError } from "./arguments.js";
import { publicTypeFor } from "./values.js";

const unixPrefix = "unix:";

/** All bytes of a source: a file, `-` (standard input) or `unix:PATH`. */
async function readSource(spec: string): Promise<Uint8Array> {
  if (spec === "-") return readStream(process.stdin);
  if (spec.startsWith(unixPrefix)) {
    const socket = connect(spec.slice(unixPrefix.length));
    return new Promise((resolve, reject) => {
      socket.once("error", (e) => reject(new ArgumentError(`--args-stream ${spec}: ${e.message}`)));
      socket.once("connect", () => {
        socket.removeAllListeners("error");
        readStream(socket).then(resolve, (e: Error) => reject(new ArgumentError(`--args-stream ${spec}: ${e.message}`)));
      });
    });
  }
  try {
    return readFileSync(spec);
  } catch (e) {
    throw new ArgumentError(`--args-stream ${spec}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

function describe(e: InterfaceEntry): string {
  return `${e.domain === "" ? "public" : e.domain} ${e.type}${e.dims === 0 ? "" : `[[${e.dims}]]`}`;
}

/** Checks one argument record against the program interface. */
function checkRecord(module: Module, r: DataRecord, index: number): void {
  const where = `--args-stream record ${index + 1} ("${r.name}")`;
  const params = module.interface.filter((e) => e.role === "argument" && e.name === r.name);
  if (params.length === 0) throw new ArgumentError(`${where}: the program has no argument of that name`);
  const entry = params.find((e) => e.domain === r.domain && e.type === r.type);
  if (entry === undefined) {
    const want = params.map(describe).join(" or ");
    throw new ArgumentError(`${where}: the program reads it as ${want}, the record holds ${r.domain === "" ? "public" : r.domain} ${r.type}`);
  }
  const pub = publicTypeFor(module, r.domain, r.type);
  const size = pub === undefined ? 0 : DATA_TYPE_SIZE[pub];
  if (size > 0 && r.data.length % size !== 0) throw new ArgumentError(`${where}: ${r.data.length} bytes are not whole ${size}-byte elements`);
  if (size > 0 && entry.dims === 0 && r.data.length !== size) throw new ArgumentError(`${where}: a scalar needs exactly ${size} bytes, the record has ${r.data.length}`);
}

/** The argument records of a stream, checked against the program's interface. */
export async function readArgumentStream(module: Module, spec: string): Promise<DataRecord[]> {
  let records: DataRecord[];
  try {
    records = decodeRecords(await readSource(spec));
  } catch (e) {
    if (e instanceof RecordStreamError) throw new ArgumentError(`--args-stream ${spec}: ${e.message}`);
    throw e;
  }
  records.forEach((r, i) => checkRecord(module, r, i));
  return records;
}

/** Writes result records to a file, `-` (standard output) or `unix:PATH`. */
export async function writeResultStream(spec: string, records: readonly DataRecord[]): Promise<void> {
  const bytes = encodeRecords(records);
  if (spec === "-") {
    await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve())));
    return;
  }
  if (spec.startsWith(unixPrefix)) {
    const socket = connect(spec.slice(unixPrefix.length));
    await new Promise<void>((resolve, reject) => {
      socket.once("error", (e) => reject(new ArgumentError(`--results-stream ${spec}: ${e.message}`)));
      socket.once("connect", () => socket.end(bytes, () => resolve()));
    });
    return;
  }
  try {
    writeFileSync(spec, bytes);
  } catch (e) {
    throw new ArgumentError(`--results-stream ${spec}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** Stream records first, then the command-line arguments, which win for the same name. */
export function mergeArguments(stream: readonly DataRecord[], commandLine: readonly DataRecord[]): DataRecord[] {
  const named = new Set(commandLine.map((r) => r.name));
  return [...stream.filter((r) => !named.has(r.name)), ...commandLine];
}
