/**
 * `secrun --args-stream` / `--results-stream`: program I/O in the record stream
 * format (four fields, each prefixed by its little-endian u64 length: name, domain,
 * type, data) from and to a file, standard input/output and a Unix socket. The
 * records are built and read here with a hand-written encoder, independently of
 * runtime/io/record-stream.ts.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundle, workspace } from "./helpers.js";

const program = `import stdlib;
import shared3p;
domain pd_shared3p shared3p;
void main() {
    uint32 x = argument("x");
    pd_shared3p uint32[[1]] v = argument("v");
    print("got ", size(v), " values");
    publish("scaled", v * x);
    publish("next", x + 1);
}
`;

function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

function record(name: string, domain: string, type: string, data: Buffer): Buffer {
  const fields = [Buffer.from(name), Buffer.from(domain), Buffer.from(type), data];
  return Buffer.concat(fields.flatMap((f) => [u64(f.length), f]));
}

function uint32s(...xs: number[]): Buffer {
  const b = Buffer.alloc(4 * xs.length);
  xs.forEach((x, i) => b.writeUInt32LE(x, 4 * i));
  return b;
}

/** Splits a record stream into [name, domain, type, uint32 values]. */
function readUint32Records(bytes: Buffer): Array<[string, string, string, number[]]> {
  const out: Array<[string, string, string, number[]]> = [];
  let pos = 0;
  const field = (): Buffer => {
    const len = Number(bytes.readBigUInt64LE(pos));
    const f = bytes.subarray(pos + 8, pos + 8 + len);
    pos += 8 + len;
    return f;
  };
  while (pos < bytes.length) {
    const [name, domain, type, data] = [field(), field(), field(), field()];
    const values = Array.from({ length: data.length / 4 }, (_, i) => data.readUInt32LE(4 * i));
    out.push([name.toString(), domain.toString(), type.toString(), values]);
  }
  return out;
}

const input = Buffer.concat([record("x", "", "uint32", uint32s(3)), record("v", "pd_shared3p", "uint32", uint32s(1, 2, 4294967295))]);
const expected: Array<[string, string, string, number[]]> = [
  ["scaled", "pd_shared3p", "uint32", [3, 6, 4294967293]],
  ["next", "", "uint32", [4]],
];

async function secrun(args: string[], cwd: string, stdin?: Buffer): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  const file = join(await bundle(), "bin", "secrun.mjs");
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [file, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout: Buffer.concat(out), stderr }));
    child.stdin.end(stdin ?? Buffer.alloc(0));
  });
}

describe("secrun record streams", { timeout: 120_000 }, () => {
  it("reads argument records from a file and writes result records to a file", async () => {
    const dir = workspace({ "p.sc": program, "in.bin": input });
    const r = await secrun(["p.sc", "--emulate", "--args-stream", "in.bin", "--results-stream", "out.bin"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe("got 3 values\nscaled = {3, 6, 4294967293}\nnext = 4\n");
    expect(readUint32Records(readFileSync(join(dir, "out.bin")))).toEqual(expected);
  });

  it("uses standard input and output, moving text lines to standard error", async () => {
    const dir = workspace({ "p.sc": program });
    const r = await secrun(["p.sc", "--emulate", "--args-stream", "-", "--results-stream", "-"], dir, input);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("got 3 values\n");
    expect(readUint32Records(r.stdout)).toEqual(expected);
  });

  it("talks to Unix sockets, and --arg wins over a stream record of the same name", async () => {
    const dir = workspace({ "p.sc": program });
    const inPath = join(dir, "in.sock");
    const outPath = join(dir, "out.sock");
    const serveInput = createServer((s) => s.end(input));
    const received: Buffer[] = [];
    const gotAll = new Promise<void>((resolve) => {
      const collect = createServer((s) => {
        s.on("data", (d: Buffer) => received.push(d));
        s.on("end", () => resolve());
      });
      collect.listen(outPath);
      serveInput.on("close", () => collect.close());
    });
    await new Promise<void>((resolve) => serveInput.listen(inPath, resolve));
    try {
      const r = await secrun(["p.sc", "--emulate", "--args-stream", `unix:${inPath}`, "--results-stream", `unix:${outPath}`, "--arg", "x=10"], dir);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      await gotAll;
      expect(readUint32Records(Buffer.concat(received))).toEqual([
        ["scaled", "pd_shared3p", "uint32", [10, 20, 4294967286]],
        ["next", "", "uint32", [11]],
      ]);
    } finally {
      serveInput.close();
    }
  });

  it("refuses records that do not fit the program, naming them (exit 2)", async () => {
    const wrongType = Buffer.concat([record("x", "", "uint64", Buffer.alloc(8)), record("v", "pd_shared3p", "uint32", uint32s(1))]);
    const dir = workspace({ "p.sc": program, "bad.bin": wrongType, "cut.bin": input.subarray(0, input.length - 3) });
    const r1 = await secrun(["p.sc", "--emulate", "--args-stream", "bad.bin"], dir);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('--args-stream record 1 ("x"): the program reads it as public uint32, the record holds public uint64');
    const r2 = await secrun(["p.sc", "--emulate", "--args-stream", "cut.bin"], dir);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/--args-stream cut\.bin: .*record stream/);
  });
});
