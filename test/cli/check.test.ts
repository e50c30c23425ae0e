/**
 * `secc check` as a user runs it: exit codes, the JSON shape with 1-based positions,
 * and clear errors for unusable paths (missing file, directory, binary file).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;

function secc(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "compiler/cli/secc.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "secc-check-"));
const bad = join(dir, "bad.sc");
writeFileSync(
  bad,
  [
    "import shared3p;",
    "domain pd_shared3p shared3p;",
    "void main() {",
    "    pd_shared3p uint32 x = 5;",
    "    if (x > 3) { }",
    "    uint8 y = 256;",
    "}",
    "",
  ].join("\n"),
);
const good = join(dir, "good.sc");
writeFileSync(good, "void main() {\n    uint8 y = 255;\n    print(y);\n}\n");

describe("secc check", { timeout: 90_000 }, () => {
  it("exits 0 on a correct program and prints nothing", () => {
    const r = secc("check", good);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
  });

  it("reports every error as JSON with 1-based positions and exits 1", () => {
    const r = secc("check", bad, "--json");
    expect(r.code).toBe(1);
    const ds = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    const brief = ds.map((d) => [d.code, d.severity, d.file, d.line, d.column, d.endLine, d.endColumn]);
    expect(brief).toEqual([
      ["SC4001", "error", bad, 5, 9, 5, 14],
      ["SC6001", "error", bad, 6, 15, 6, 18],
    ]);
  });

  it("renders errors as text with the source line and a caret", () => {
    const r = secc("check", bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error[SC6001]: literal 256 does not fit in \`uint8\` (range 0 to 255)\n --> ${bad}:6:15\n  |\n6 |     uint8 y = 256;\n  |               ^^^`);
    expect(r.stderr.trimEnd().endsWith("error: 2 errors emitted")).toBe(true);
  });

  it("explains unusable paths without a stack trace", () => {
    const binary = join(dir, "binary.sc");
    writeFileSync(binary, Buffer.from([0x69, 0x6d, 0x00, 0xff, 0xfe]));
    const r = secc("check", join(dir, "missing.sc"), dir, binary);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error[SC9001]: cannot read '${join(dir, "missing.sc")}': no such file`);
    expect(r.stderr).toContain(`error[SC9002]: '${dir}' is a directory, not a source file`);
    expect(r.stderr).toContain(`error[SC9003]: '${binary}' is not a text file`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on usage errors", () => {
    expect(secc("check", "--no-such-option", good).code).toBe(2);
    expect(secc("check").code).toBe(2);
  });
});

describe("secc check lints", { timeout: 90_000 }, () => {
  const loop = join(dir, "loop.sc");
  writeFileSync(
    loop,
    [
      "import shared3p;",
      "domain pd_shared3p shared3p;",
      "void main() {",
      "    pd_shared3p uint32[[1]] v(4);",
      "    for (uint i = 0; i < 4; ++i) {",
      "        uint32 x = declassify(v[i]);",
      "    }",
      "}",
      "",
    ].join("\n"),
  );

  it("warns about declassify inside a loop, with its rule, and still exits 0", () => {
    const r = secc("check", loop, "--json");
    expect(r.code).toBe(0);
    const ds = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(ds.map((d) => [d.code, d.severity, d.line, d.column, d.rule])).toEqual([["SC7002", "warning", 6, 20, "declassify-in-loop"]]);
  });

  it("turns a rule off with --allow and refuses unknown rule names", () => {
    const r = secc("check", loop, "--allow", "declassify-in-loop", "--json");
    expect([r.code, JSON.parse(r.stdout)]).toEqual([0, []]);
    const bad = secc("check", loop, "--allow", "no-such-rule");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'no-such-rule' is not a lint rule");
  });
});
