/**
 * Deployment configuration: a valid three-party file, and errors that name the
 * file and the field (wrong counts, bad addresses, TLS switched on before the
 * transport supports it).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../../../runtime/config.js";

const party = (i: number): Record<string, unknown> => ({ name: `p${i}`, address: `10.0.0.${i + 1}:7000`, clientAddress: `10.0.0.${i + 1}:7100` });

describe("deployment configuration", () => {
  it("reads three parties with defaults", () => {
    const c = parseConfig({ parties: [0, 1, 2].map(party) }, "d.json", "/etc/secc");
    expect(c.parties.map((p) => [p.name, p.address, p.clientAddress, p.listenHost])).toEqual([
      ["p0", { host: "10.0.0.1", port: 7000 }, { host: "10.0.0.1", port: 7100 }, "10.0.0.1"],
      ["p1", { host: "10.0.0.2", port: 7000 }, { host: "10.0.0.2", port: 7100 }, "10.0.0.2"],
      ["p2", { host: "10.0.0.3", port: 7000 }, { host: "10.0.0.3", port: 7100 }, "10.0.0.3"],
    ]);
    expect(c.connectTimeoutMs).toBe(10000);
    expect(c.idleTimeoutMs).toBe(60000);
    expect(c.tls.enabled).toBe(false);
    const v6 = parseConfig({ parties: [{ ...party(0), address: "[::1]:9000", listen: "::", certificate: "certs/a.crt" }, party(1), party(2)] }, "d.json", "/etc/secc");
    expect(v6.parties[0].address).toEqual({ host: "::1", port: 9000 });
    expect(v6.parties[0].listenHost).toBe("::");
    expect(v6.parties[0].certificate).toBe("/etc/secc/certs/a.crt");
  });

  it("names the file and the field of a mistake", () => {
    expect(() => parseConfig({ parties: [party(0), party(1)] }, "d.json", "/")).toThrow("d.json: parties: expected an array of exactly three parties");
    expect(() => parseConfig({ parties: [party(0), { ...party(1), address: "10.0.0.2" }, party(2)] }, "d.json", "/")).toThrow(
      'd.json: parties[1].address: expected "host:port", got "10.0.0.2"',
    );
    expect(() => parseConfig({ parties: [party(0), party(1), { ...party(2), clientAddress: "h:70000" }] }, "d.json", "/")).toThrow(
      "d.json: parties[2].clientAddress: port 70000 is out of range 1..65535",
    );
    expect(() => parseConfig({ parties: [0, 1, 2].map(party), connectTimeoutMs: -1 }, "d.json", "/")).toThrow("d.json: connectTimeoutMs: expected a positive integer (milliseconds)");
    expect(() => parseConfig({ parties: [0, 1, 2].map(party), tls: { enabled: true } }, "d.json", "/")).toThrow("d.json: tls.ca: required when tls.enabled is true");
  });

  it("refuses TLS until the transport implements it, after checking the files", () => {
    const dir = mkdtempSync(join(tmpdir(), "secc-config-"));
    for (const f of ["ca.crt", "0.crt", "0.key", "1.crt", "1.key", "2.crt", "2.key"]) writeFileSync(join(dir, f), "x");
    const file = join(dir, "d.json");
    const parties = [0, 1, 2].map((i) => ({ ...party(i), certificate: `${i}.crt`, key: `${i}.key` }));
    writeFileSync(file, JSON.stringify({ parties, tls: { enabled: true, ca: "ca.crt" } }));
    expect(() => loadConfig(file)).toThrow(`${file}: tls.enabled: TLS with mutual authentication is not implemented in this runtime yet`);
    writeFileSync(file, JSON.stringify({ parties: parties.map((p, i) => (i === 1 ? { ...p, key: "missing.key" } : p)), tls: { enabled: true, ca: "ca.crt" } }));
    expect(() => loadConfig(file)).toThrow(`${file}: parties[1].key: no such file '${join(dir, "missing.key")}'`);
    writeFileSync(file, "{ parties: ");
    expect(() => loadConfig(file)).toThrow(`${file}: not valid JSON`);
    expect(() => loadConfig(join(dir, "none.json"))).toThrow(`cannot read configuration '${join(dir, "none.json")}': no such file`);
  });
});
