/**
 * The loop lints: codes and positions stated inline in the programs (//~ SCxxxx@col),
 * written by hand; rules turned off by option and by comment.
 */
import { describe, expect, it } from "vitest";
import { lintProgram } from "../../../compiler/lint/index.js";
import { checkSource, stdlibDir } from "../semantic/harness.js";
import { compareExpectations, expectationsOf } from "../../support/expectations.js";

function lint(text: string, allow: string[] = []) {
  const checked = checkSource(text);
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return lintProgram(checked.program, { stdlibPath: stdlibDir, allow });
}

const PROGRAM = `import shared3p;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a(10);
    pd_shared3p uint32[[1]] b(10);
    pd_shared3p uint32 acc = 0;
    for (uint i = 0; i < 10; ++i) {
        acc = acc + a[i] * b[i];                //~ SC7001@21
        uint32 x = declassify(a[i]);            //~ SC7002@20
        pd_shared3p bool c = a[i] < b[i];       //~ SC7001@30
    }
    pd_shared3p uint32[[1]] v = a * b;
    uint32 y = declassify(acc);
    while (y > 0) {
        pd_shared3p uint32[[1]] w = a * b;
        pd_shared3p uint32 s = acc + acc;
        y = y - 1;
    }
}
`;

describe("loop lints", () => {
  it("warns on scalar private protocols and declassify in loops, not on vectors or local operations", () => {
    const ds = lint(PROGRAM);
    expect(compareExpectations(expectationsOf(PROGRAM), ds)).toEqual([]);
    expect(ds.map((d) => [d.severity, d.rule])).toEqual([
      ["warning", "scalar-private-in-loop"],
      ["warning", "declassify-in-loop"],
      ["warning", "scalar-private-in-loop"],
    ]);
    for (const d of ds) expect(d.help.some((h) => h.includes(`--allow ${d.rule}`))).toBe(true);
  });

  it("--allow turns a rule off", () => {
    const ds = lint(PROGRAM, ["scalar-private-in-loop"]);
    expect(ds.map((d) => d.code)).toEqual(["SC7002"]);
  });

  it("a secc-allow comment turns a rule off on its line or, alone on a line, on the next", () => {
    const text = `import shared3p;
domain pd_shared3p shared3p;
void main() {
    pd_shared3p uint32[[1]] a(4);
    for (uint i = 0; i < 4; ++i) {
        // secc-allow: declassify-in-loop
        uint32 x = declassify(a[i]);
        uint32 z = declassify(a[i]); // secc-allow: scalar-private-in-loop, declassify-in-loop
        uint32 y = declassify(a[i]); //~ SC7002@20
        do {
            pd_shared3p uint32 m = a[0] * a[1]; //~ SC7001@36
        } while (false);
    }
}
`;
    expect(compareExpectations(expectationsOf(text), lint(text))).toEqual([]);
  });

  it("follows user procedures that communicate", () => {
    const text = `import shared3p;
domain pd_shared3p shared3p;
pd_shared3p uint32 sq(pd_shared3p uint32 x) { return x * x; }
int64 twice(int64 x) { return x + x; }
void main() {
    pd_shared3p uint32 s = 3;
    for (uint i = 0; i < 4; ++i) {
        s = sq(s);              //~ SC7001@13
        int64 t = twice(2);
    }
}
`;
    expect(compareExpectations(expectationsOf(text), lint(text))).toEqual([]);
  });
});
