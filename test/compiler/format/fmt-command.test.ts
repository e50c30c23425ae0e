/**
 * `secc fmt`: printing, `--check` (lists unformatted files, exit 1), `--write`
 * (rewrites in place), syntax errors reported with their code and position (exit
 * 1, file untouched) — through `runFmt` in process — and, as a user runs it, the
 * command registered in `secc` (printing a file; `--check --write` refused, exit 2).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runFmt } from "../../../compiler/cli/fmt-command.js";

const root = join(import.meta.dirname, "..", "..", "..");

function secc(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "compiler/cli/secc.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "secc-fmt-"));
const messy = join(dir, "messy.sc");
const clean = join(dir, "clean.sc");
const broken = join(dir, "broken.sc");
const messyText = "void main(){int x=1;\nprint(x);}\n";
const cleanText = "void main() {\n    int x = 1;\n    print(x);\n}\n";
writeFileSync(messy, messyText);
writeFileSync(clean, cleanText);
writeFileSync(broken, "void main() {\n    int x = ;\n}\n");

let stdout = "";
let stderr = "";
beforeEach(() => {
  stdout = "";
  stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("secc fmt", () => {
  it("prints the formatted text, checks, and rewrites", async () => {
    expect(await runFmt([messy], {})).toBe(0);
    expect(stdout).toBe(cleanText);
    expect(readFileSync(messy, "utf8")).toBe(messyText);

    stdout = "";
    expect(await runFmt([messy, clean], { check: true })).toBe(1);
    expect(stdout).toBe(`${messy}\n`);

    stdout = "";
    expect(await runFmt([messy, clean], { write: true })).toBe(0);
    expect(stdout).toBe(`${messy}\n`);
    expect(readFileSync(messy, "utf8")).toBe(cleanText);
    expect(await runFmt([messy, clean], { check: true })).toBe(0);
  });

  it("reports syntax errors with code and position and leaves the file alone", async () => {
    expect(await runFmt([broken], { write: true })).toBe(1);
    expect(stderr).toContain("error[SC1101]");
    expect(stderr).toContain(`${broken}:2:13`);
    expect(readFileSync(broken, "utf8")).toBe("void main() {\n    int x = ;\n}\n");
  });

  it("reports a missing file and goes on with the others", async () => {
    expect(await runFmt([join(dir, "absent.sc"), clean], { check: true })).toBe(1);
    expect(stderr).toContain("error[SC9001]");
    expect(stdout).toBe("");
  });

  it("is registered in secc: prints a file, refuses --check with --write", () => {
    vi.restoreAllMocks();
    const printed = secc("fmt", clean);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(cleanText);
    expect(secc("fmt", "--check", "--write", clean).code).toBe(2);
  }, 120_000);
});
