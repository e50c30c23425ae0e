/**
 * Deployment configuration of a three-party installation (JSON), shared by the
 * three `secrun party` processes and the client:
 *
 *   {
 *     "parties": [                                   // exactly three, party 0, 1, 2
 *       { "name": "alpha",                           // optional label
 *         "address": "10.0.0.1:7000",                // peer-facing host:port
 *         "clientAddress": "10.0.0.1:7100",          // client-facing host:port
 *         "listen": "0.0.0.0",                       // optional bind host (default: the address's host)
 *         "certificate": "certs/alpha.crt",          // TLS (optional until "tls" is on)
 *         "key": "certs/alpha.key" }, ...
 *     ],
 *     "connectTimeoutMs": 10000,                     // optional, default 10000
 *     "idleTimeoutMs": 60000,                        // optional: a silent peer fails the run
 *     "tls": { "enabled": false, "ca": "certs/ca.crt",
 *              "clientCertificate": "certs/client.crt", "clientKey": "certs/client.key" }
 *   }
 *
 * TLS with mutual authentication is part of the schema (paths resolved against the
 * configuration's directory and checked to exist when TLS is enabled), but the
 * transport does not implement it yet: enabling it is refused with a clear message
 * rather than silently running in plain TCP. Errors name the file and the field.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import type { Address } from "./party/mesh.js";

export interface PartyConfig {
  readonly name: string;
  readonly address: Address;
  readonly clientAddress: Address;
  /** Host the servers bind to. */
  readonly listenHost: string;
  readonly certificate: string | undefined;
  readonly key: string | undefined;
}

export interface TlsConfig {
  readonly enabled: boolean;
  readonly ca: string | undefined;
  readonly clientCertificate: string | undefined;
  readonly clientKey: string | undefined;
}

export interface DeploymentConfig {
  readonly parties: readonly [PartyConfig, PartyConfig, PartyConfig];
  readonly connectTimeoutMs: number;
  /** How long a waited-for peer may stay silent before the run fails. */
  readonly idleTimeoutMs: number;
  readonly tls: TlsConfig;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Reads and validates a configuration file. */
export function loadConfig(path: string): DeploymentConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigError(`cannot read configuration '${path}': ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path}: not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(json, path, dirname(resolve(path)));
}

/** Validates a parsed configuration; `where` names it in messages, paths resolve against `baseDir`. */
export function parseConfig(json: unknown, where: string, baseDir: string): DeploymentConfig {
  const fail = (field: string, message: string): never => {
    throw new ConfigError(`${where}: ${field}: ${message}`);
  };
  if (!isObject(json)) return fail("(top level)", "expected an object");
  const parties = json["parties"];
  if (!Array.isArray(parties) || parties.length !== 3) return fail("parties", "expected an array of exactly three parties");
  const tlsRaw = json["tls"] ?? {};
  if (!isObject(tlsRaw)) return fail("tls", "expected an object");
  const path = (field: string, v: unknown): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== "string" || v === "") return fail(field, "expected a file path");
    return isAbsolute(v) ? v : resolve(baseDir, v);
  };
  const enabled = tlsRaw["enabled"] ?? false;
  if (typeof enabled !== "boolean") return fail("tls.enabled", "expected true or false");
  const tls: TlsConfig = {
    enabled,
    ca: path("tls.ca", tlsRaw["ca"]),
    clientCertificate: path("tls.clientCertificate", tlsRaw["clientCertificate"]),
    clientKey: path("tls.clientKey", tlsRaw["clientKey"]),
  };
  const list = parties.map((p: unknown, i: number): PartyConfig => {
    const f = `parties[${i}]`;
    if (!isObject(p)) return fail(f, "expected an object");
    const name = p["name"] ?? `party ${i}`;
    if (typeof name !== "string") return fail(`${f}.name`, "expected a string");
    const address = parseAddress(p["address"], `${f}.address`, fail);
    const clientAddress = parseAddress(p["clientAddress"], `${f}.clientAddress`, fail);
    const listen = p["listen"] ?? address.host;
    if (typeof listen !== "string" || listen === "") return fail(`${f}.listen`, "expected a host name or IP address");
    return { name, address, clientAddress, listenHost: listen, certificate: path(`${f}.certificate`, p["certificate"]), key: path(`${f}.key`, p["key"]) };
  });
  const timeout = json["connectTimeoutMs"] ?? 10_000;
  if (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout <= 0) return fail("connectTimeoutMs", "expected a positive integer (milliseconds)");
  const idle = json["idleTimeoutMs"] ?? 60_000;
  if (typeof idle !== "number" || !Number.isInteger(idle) || idle <= 0) return fail("idleTimeoutMs", "expected a positive integer (milliseconds)");
  if (tls.enabled) {
    const needed: [string, string | undefined][] = [
      ["tls.ca", tls.ca],
      ...list.flatMap((p, i): [string, string | undefined][] => [
        [`parties[${i}].certificate`, p.certificate],
        [`parties[${i}].key`, p.key],
      ]),
    ];
    for (const [field, file] of needed) {
      if (file === undefined) fail(field, "required when tls.enabled is true");
      else if (!existsSync(file)) fail(field, `no such file '${file}'`);
    }
    fail("tls.enabled", "TLS with mutual authentication is not implemented in this runtime yet; set it to false to run over plain TCP on a trusted network");
  }
  return { parties: list as unknown as [PartyConfig, PartyConfig, PartyConfig], connectTimeoutMs: timeout, idleTimeoutMs: idle, tls };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** "host:port" or "[v6]:port" into an Address. */
function parseAddress(v: unknown, field: string, fail: (field: string, message: string) => never): Address {
  if (typeof v !== "string") return fail(field, 'expected "host:port"');
  const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d+)$/.exec(v);
  if (m === null) return fail(field, `expected "host:port", got "${v}"`);
  const port = Number(m[3]);
  if (port < 1 || port > 65535) return fail(field, `port ${port} is out of range 1..65535`);
  return { host: (m[1] ?? m[2]) as string, port };
}
