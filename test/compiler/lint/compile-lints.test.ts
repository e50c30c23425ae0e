/**
 * The lints come out of the public API (compiler/index.ts): `check` and `compile`
 * add them to an error-free program, `allow` turns a rule off, and a program with
 * errors gets no lints.
 */
import { describe, expect, it } from "vitest";
import { check, compile, SourceFile } from "../../../compiler/index.js";
import { fsHost, stdlibDir } from "../semantic/harness.js";
import { compareExpectations, expectationsOf } from "../../support/expectations.js";

const PROGRAM = `import shared3p;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a(3);
    uint32 t = 0;
    for (uint i = 0; i < 3; ++i) {
        t = t + declassify(a[i] * a[i]);  //~ SC7001@28 SC7002@17
    }
    print(t);
}
`;

const options = { host: fsHost, includePaths: [], stdlibPath: stdlibDir };

describe("lints through check and compile", () => {
  it("check and compile report both rules with their positions; compile still emits bytecode", () => {
    const file = new SourceFile("/virtual/main.sc", PROGRAM);
    expect(compareExpectations(expectationsOf(PROGRAM), check(file, options).diagnostics)).toEqual([]);
    const compiled = compile(file, options);
    expect(compareExpectations(expectationsOf(PROGRAM), compiled.diagnostics)).toEqual([]);
    expect(compiled.bytecode).toBeDefined();
  });

  it("allow turns rules off", () => {
    const file = new SourceFile("/virtual/main.sc", PROGRAM);
    expect(compile(file, { ...options, allow: ["declassify-in-loop"] }).diagnostics.map((d) => d.code)).toEqual(["SC7001"]);
    expect(check(file, { ...options, allow: ["declassify-in-loop", "scalar-private-in-loop"] }).diagnostics).toEqual([]);
  });

  it("a program with errors gets its errors and no lints", () => {
    const bad = PROGRAM.replace("uint32 t = 0;", 'uint32 t = "x";');
    const ds = check(new SourceFile("/virtual/main.sc", bad), options).diagnostics;
    expect(ds.some((d) => d.severity === "error")).toBe(true);
    expect(ds.filter((d) => d.code.startsWith("SC7"))).toEqual([]);
  });
});
