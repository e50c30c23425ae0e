import { describe, expect, it } from "vitest";
import { SourceFile } from "../../../compiler/source/source-file.js";
import { defineMessage, allMessages } from "../../../compiler/diagnostics/messages/define.js";
import { renderDiagnostic, toJson, renderSummary } from "../../../compiler/diagnostics/render.js";
import "../../../compiler/diagnostics/index.js";

const sample = defineMessage("SC0901", "error", (name: string) => `cannot use '${name}' here`);

describe("source positions", () => {
  it("maps offsets to 1-based lines and columns across LF and CRLF", () => {
    const f = new SourceFile("a.sc", "ab\r\ncd\nef");
    expect(f.lineStarts).toEqual([0, 4, 7]);
    expect(f.lineColumn(0)).toEqual({ line: 1, column: 1 });
    expect(f.lineColumn(5)).toEqual({ line: 2, column: 2 });
    expect(f.lineColumn(9)).toEqual({ line: 3, column: 3 });
    expect(f.lineText(0)).toBe("ab");
    expect(f.offsetAt(2, 1)).toBe(8);
  });
});

describe("diagnostic rendering", () => {
  const file = new SourceFile("prog.sc", "void main() {\n    x = 1;\n}\n");
  const d = sample.with({ file, start: 18, end: 19 }, { label: "not declared", help: ["declare it first"] }, "x");

  it("renders a rustc-style excerpt without colour", () => {
    expect(renderDiagnostic(d, { color: false })).toBe(
      [
        "error[SC0901]: cannot use 'x' here",
        " --> prog.sc:2:5",
        "  |",
        "2 |     x = 1;",
        "  |     ^ not declared",
        "  = help: declare it first",
        "",
      ].join("\n"),
    );
    expect(renderSummary([d], { color: false })).toBe("error: 1 error emitted\n");
  });

  it("gives 1-based JSON positions", () => {
    const j = toJson(d);
    expect([j.code, j.file, j.line, j.column, j.endLine, j.endColumn]).toEqual(["SC0901", "prog.sc", 2, 5, 2, 6]);
  });

  it("refuses duplicate codes", () => {
    expect(() => defineMessage("SC0901", "error", () => "again")).toThrow(/duplicate/);
    expect(allMessages().get("SC9001")?.severity).toBe("error");
  });
});
