/**
 * Published results as secrun shows them. A result record's value is a scalar when
 * the program interface says the result is a scalar (dimension 0), otherwise an
 * array; without an interface entry (a name computed at run time) a single element
 * counts as a scalar. Text form: `name = value` (`{1, 2, 3}` for arrays); JSON
 * form: `{ "name", "domain", "type", "value" }`.
 */
import type { Module } from "../../vm/bytecode.js";
import type { DataRecord } from "../../vm/host.js";
import type { PublicElement } from "../io/record-stream.js";
import { decodeFromEmulator, jsonValue, publicTypeFor, valueText, type JsonValue } from "./values.js";

export interface ShownResult {
  readonly name: string;
  readonly domain: string;
  readonly type: string;
  readonly value: JsonValue;
  readonly text: string;
}

/** Decodes a published record (emulator share bytes for private results). */
export function showResult(module: Module, r: DataRecord): ShownResult {
  const pub = publicTypeFor(module, r.domain, r.type);
  if (pub === undefined) {
    const hex = Buffer.from(r.data).toString("hex");
    return { name: r.name, domain: r.domain, type: r.type, value: hex, text: `${r.name} = 0x${hex}` };
  }
  const values = decodeFromEmulator(r.domain, r.type, pub, r.data);
  const entry = module.interface.find((e) => e.role === "result" && e.name === r.name && e.domain === r.domain && e.type === r.type);
  const scalar = pub === "string" || (entry !== undefined ? entry.dims === 0 : values.length === 1);
  const value: PublicElement | PublicElement[] = scalar ? (values[0] ?? "") : values;
  return { name: r.name, domain: r.domain, type: r.type, value: jsonValue(value), text: `${r.name} = ${valueText(pub, value)}` };
}

/** The JSON object secrun --json prints. */
export function resultsJson(results: readonly ShownResult[], output: readonly string[]): string {
  const json = {
    results: results.map((r) => ({ name: r.name, domain: r.domain, type: r.type, value: r.value })),
    output,
  };
  return JSON.stringify(json, null, 2);
}
