/**
 * `secc fmt` as a user runs it: printing, `--check` (lists unformatted files,
 * exit 1), `--write` (rewrites in place), syntax errors reported with their code
 * and position (exit 1, file untouched), and `--check --write` refused (exit 2).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

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

describe("secc fmt", () => {
  it("prints the formatted text, checks, and rewrites", () => {
    const printed = secc("fmt", messy);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(cleanText);
    expect(readFileSync(messy, "utf8")).toBe(messyText);

    const checked = secc("fmt", "--check", messy, clean);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toBe(`${messy}\n`);

    const written = secc("fmt", "--write", messy, clean);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`${messy}\n`);
    expect(readFileSync(messy, "utf8")).toBe(cleanText);
    expect(secc("fmt", "--check", messy, clean).code).toBe(0);
  }, 60_000);

  it("reports syntax errors with code and position and leaves the file alone", () => {
    const r = secc("fmt", "--write", broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[SC1101]");
    expect(r.stderr).toContain(`${broken}:2:13`);
    expect(readFileSync(broken, "utf8")).toBe("void main() {\n    int x = ;\n}\n");
  }, 60_000);

  it("refuses --check together with --write", () => {
    expect(secc("fmt", "--check", "--write", clean).code).toBe(2);
  }, 60_000);
});
