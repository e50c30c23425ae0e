/**
 * Program arguments from the command line: `--arg NAME=VALUE` (repeatable) and
 * `--args FILE.json` (an object of NAME: value). The type, domain and dimension of
 * each argument come from the program interface recorded in the bytecode, so users
 * write plain values: scalars as `42`, `-1.5`, `true`; vectors as `1,2,3` (an
 * empty value is an empty vector); strings as given. In JSON, vectors are arrays
 * and 64-bit integers may be strings. Under the emulator a private argument is
 * given as its plain value. `--arg` wins over the same name in `--args`.
 *
 * Every mistake is an ArgumentError naming the argument (secrun exits 2).
 */
import type { InterfaceEntry, Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";
import { isFloatType, isIntegerType, isSignedType, type DataTypeName } from "../../vm/isa.js";
import type { PublicElement } from "../io/record-stream.js";
import { encodeForEmulator, publicTypeFor } from "./values.js";

export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

/** Raw values by argument name: command-line text or parsed JSON. */
export type RawArguments = Map<string, { readonly source: string; readonly value: unknown }>;

/** Splits `NAME=VALUE` options. */
export function parseArgOptions(options: readonly string[], into: RawArguments = new Map()): RawArguments {
  for (const o of options) {
    const eq = o.indexOf("=");
    if (eq <= 0) throw new ArgumentError(`--arg ${JSON.stringify(o)}: expected NAME=VALUE`);
    into.set(o.slice(0, eq), { source: "--arg", value: o.slice(eq + 1) });
  }
  return into;
}

/** The entries of a JSON arguments file's text. */
export function parseArgsJson(text: string, file: string, into: RawArguments = new Map()): RawArguments {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ArgumentError(`--args ${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new ArgumentError(`--args ${file}: expected a JSON object mapping argument names to values`);
  }
  for (const [name, value] of Object.entries(json)) if (!into.has(name)) into.set(name, { source: file, value });
  return into;
}

/** Builds the argument records of a program from raw values, typed by its interface. */
export function argumentRecords(module: Module, raw: RawArguments): DataRecord[] {
  const params = module.interface.filter((e) => e.role === "argument");
  const records: DataRecord[] = [];
  for (const [name, { source, value }] of raw) {
    const entry = params.find((e) => e.name === name);
    if (entry === undefined) {
      const known = [...new Set(params.map((e) => e.name))];
      const list = known.length === 0 ? "it reads no arguments" : `its arguments are ${known.join(", ")}`;
      throw new ArgumentError(`argument "${name}" (${source}): the program has no argument of that name; ${list}`);
    }
    records.push(recordFor(module, entry, value, source));
  }
  return records;
}

function describe(e: InterfaceEntry): string {
  const dom = e.domain === "" ? "" : `${e.domain} `;
  return `${dom}${e.type}${e.dims === 0 ? "" : `[[${e.dims}]]`}`;
}

function recordFor(module: Module, e: InterfaceEntry, value: unknown, source: string): DataRecord {
  const where = `argument "${e.name}" (${describe(e)}, ${source})`;
  const pub = publicTypeFor(module, e.domain, e.type);
  if (pub === undefined) throw new ArgumentError(`${where}: values of type ${e.type} cannot be given on the command line`);
  let items: unknown[];
  if (pub === "string") items = [typeof value === "string" ? value : JSON.stringify(value)];
  else if (e.dims === 0) items = [Array.isArray(value) && value.length === 1 ? value[0] : value];
  else if (Array.isArray(value)) items = value;
  else if (typeof value === "string") items = value.trim() === "" ? [] : value.split(",");
  else items = [value];
  if (pub !== "string" && e.dims === 0 && Array.isArray(items[0])) throw new ArgumentError(`${where}: expected one value, got a list`);
  const values = items.map((x, i) => parseElement(pub, x, `${where}${items.length > 1 ? ` element ${i + 1}` : ""}`));
  return { name: e.name, domain: e.domain, type: e.type, data: encodeForEmulator(e.domain, e.type, pub, values) };
}

const INT_RE = /^[+-]?(0x[0-9a-f]+|0b[01]+|0o[0-7]+|[0-9]+)$/i;

/** One element of type `t` from text or JSON, with range checks. */
export function parseElement(t: DataTypeName, x: unknown, where: string): PublicElement {
  const text = typeof x === "string" ? x.trim() : x;
  if (t === "string") return String(x);
  if (t === "bool") {
    if (text === true || text === "true" || text === 1 || text === "1") return true;
    if (text === false || text === "false" || text === 0 || text === "0") return false;
    throw new ArgumentError(`${where}: ${show(x)} is not a bool (true, false, 1 or 0)`);
  }
  if (isFloatType(t)) {
    const n = typeof text === "number" ? text : typeof text === "string" && text !== "" ? Number(text) : NaN;
    if (Number.isNaN(n) && !(typeof text === "string" && /^[+-]?nan$/i.test(text))) {
      throw new ArgumentError(`${where}: ${show(x)} is not a number`);
    }
    return n;
  }
  if (!isIntegerType(t)) throw new ArgumentError(`${where}: unsupported type ${t}`);
  let v: bigint;
  if (typeof text === "number" && Number.isSafeInteger(text)) v = BigInt(text);
  else if (typeof text === "string" && INT_RE.test(text)) {
    const neg = text.startsWith("-");
    const body = text.replace(/^[+-]/, "");
    v = BigInt(body) * (neg ? -1n : 1n);
  } else throw new ArgumentError(`${where}: ${show(x)} is not an integer`);
  const bits = BigInt(t.replace(/^u?int/, ""));
  const min = isSignedType(t) ? -(1n << (bits - 1n)) : 0n;
  const max = isSignedType(t) ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  if (v < min || v > max) throw new ArgumentError(`${where}: ${show(x)} is out of range for ${t} (${min} to ${max})`);
  return bits === 64n ? v : Number(v);
}

function show(x: unknown): string {
  return typeof x === "string" ? JSON.stringify(x) : String(JSON.stringify(x));
}
