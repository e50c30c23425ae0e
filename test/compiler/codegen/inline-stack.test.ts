/**
 * Runtime errors inside inlined procedures: the optimiser inlines small procedures,
 * and the bytecode's inline sites let the VM print the call stack the program has
 * without inlining. Each program fails inside one or two nested inlined procedures;
 * the message and the stack (innermost first, `PROC at FILE:(l,c)(l,c)`) are compared
 * with hand-written expectations, with the optimiser on and at -O0.
 */
import { describe, expect, it } from "vitest";
import { nodeHost } from "../../../compiler/cli/node-host.js";
import { compile, SourceFile } from "../../../compiler/index.js";
import { defaultStdlibPath } from "../../../compiler/stdlib-path.js";
import { runEmulated } from "../../../runtime/cli/run-emulated.js";
import { encode, type Module } from "../../../vm/bytecode.js";
import { disasm } from "../../../vm/disasm.js";
import { PROGRAM_PATH } from "./helpers.js";

function compileAt(text: string, optimize: boolean): Module {
  const r = compile(new SourceFile(PROGRAM_PATH, text), { host: nodeHost, stdlibPath: defaultStdlibPath(), optimize });
  expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return r.module!;
}

/** Names of the procedures a procedure of the module still calls. */
function callees(m: Module, name: string): string[] {
  const p = m.procedures.find((x) => x.name === name)!;
  return p.code.filter((i) => i.op === "call").map((i) => m.procedures[i.args[0] as number]!.name);
}

interface Failure {
  readonly error: string | undefined;
  readonly stack: readonly string[];
}

async function failure(m: Module): Promise<Failure> {
  const out = await runEmulated(m, []);
  return { error: out.error, stack: out.trace ?? [] };
}

/** Runs the program optimised and at -O0; both must stop with `expected`. */
async function expectBoth(text: string, expected: Failure): Promise<{ optimised: Module; plain: Module }> {
  const optimised = compileAt(text, true);
  const plain = compileAt(text, false);
  expect(await failure(optimised)).toEqual(expected);
  expect(await failure(plain)).toEqual(expected);
  expect(plain.inlineSites).toBeUndefined();
  return { optimised, plain };
}

const ASSERT_ONCE = `void check(int x) {
  assert(x < 5);
}

void main() {
  int a = 3;
  check(a);
  a = 7;
  check(a);
}
`;

const DIVIDE_TWICE_NESTED = `int divide(int a, int b) {
  return a / b;
}

int middle(int a, int b) {
  return divide(a, b) + 1;
}

void main() {
  int z = 0;
  print(middle(6, z));
}
`;

const INDEX_UNDER_RECURSION = `int get(int[[1]] v, uint i) {
  return v[i];
}

int pick(int[[1]] v, uint i) {
  return get(v, i) * 2;
}

int walk(uint n, uint i) {
  int[[1]] v(3);
  if (n == 0) return pick(v, i);
  uint m = n - 1;
  return walk(m, i);
}

void main() {
  uint n = 2;
  uint i = 3;
  print(walk(n, i));
}
`;

const SHAPES = `int[[1]] plus(int[[1]] a, int[[1]] b) {
  return a + b;
}

void main() {
  int[[1]] x(2);
  int[[1]] y(3);
  int[[1]] s = plus(x, y);
  print(size(s));
}
`;

describe("call stacks of errors in inlined procedures", () => {
  it("a failed assert in one inlined procedure names it and the call that failed (the second of two)", async () => {
    const { optimised, plain } = await expectBoth(ASSERT_ONCE, {
      error: "assert failed at prog.sc:(2,3)(2,17)",
      stack: ["check(int64) at prog.sc:(2,3)(2,17)", "main() at prog.sc:(9,3)(9,11)"],
    });
    expect(callees(optimised, "main()")).toEqual([]);
    expect(callees(plain, "main()")).toEqual(["check(int64)", "check(int64)"]);
  });

  it("a division by zero two inlined procedures deep shows both", async () => {
    const { optimised } = await expectBoth(DIVIDE_TWICE_NESTED, {
      error: "Division by zero at prog.sc:(2,10)(2,15)",
      stack: [
        "divide(int64, int64) at prog.sc:(2,10)(2,15)",
        "middle(int64, int64) at prog.sc:(6,10)(6,22)",
        "main() at prog.sc:(11,9)(11,21)",
      ],
    });
    expect(callees(optimised, "main()")).toEqual([]);
    expect(optimised.inlineSites?.map((s) => s.procedure)).toContain("divide(int64, int64)");
  });

  it("an index out of bounds in nested inlined code under real recursive frames keeps every frame", async () => {
    const { optimised } = await expectBoth(INDEX_UNDER_RECURSION, {
      error: "Index out of bounds at prog.sc:(2,10)(2,14)",
      stack: [
        "get(int64[[1]], uint64) at prog.sc:(2,10)(2,14)",
        "pick(int64[[1]], uint64) at prog.sc:(6,10)(6,19)",
        "walk(uint64, uint64) at prog.sc:(11,22)(11,32)",
        "walk(uint64, uint64) at prog.sc:(13,10)(13,20)",
        "walk(uint64, uint64) at prog.sc:(13,10)(13,20)",
        "main() at prog.sc:(19,9)(19,19)",
      ],
    });
    // pick and get were inlined into walk, which calls only itself
    expect(callees(optimised, "walk(uint64, uint64)")).toEqual(["walk(uint64, uint64)"]);
  });

  it("a shape mismatch in an inlined array operator procedure", async () => {
    const { optimised } = await expectBoth(SHAPES, {
      error: "Mismatching shapes in arithmetic expression at prog.sc:(2,10)(2,15)",
      stack: ["plus(int64[[1]], int64[[1]]) at prog.sc:(2,10)(2,15)", "main() at prog.sc:(8,16)(8,26)"],
    });
    expect(callees(optimised, "main()")).toEqual([]);
  });

  it("the optimised bytecode records the nested sites: the inner one's parent is the outer one", () => {
    const m = compileAt(DIVIDE_TWICE_NESTED, true);
    const sites = m.inlineSites ?? [];
    const divide = sites.find((s) => s.procedure === "divide(int64, int64)")!;
    const parent = sites[divide.parent]!;
    expect(parent.procedure).toBe("middle(int64, int64)");
    expect(parent.parent).toBe(-1);
    const where = (span: number): string => {
      const s = m.spans[span]!;
      return `${m.files[s.file]}:(${s.line},${s.column})(${s.endLine},${s.endColumn})`;
    };
    expect(where(divide.call)).toBe("prog.sc:(6,10)(6,22)");
    expect(where(parent.call)).toBe("prog.sc:(11,9)(11,21)");
  });

  it("the disassembly lists the sites and marks inlined instructions; the bytes are deterministic", () => {
    const m = compileAt(DIVIDE_TWICE_NESTED, true);
    const text = disasm(m);
    expect(text).toContain("inline 0 middle(int64, int64) called at prog.sc:(11,9)(11,21)\n");
    expect(text).toContain("inline 1 divide(int64, int64) called at prog.sc:(6,10)(6,22) in inline 0\n");
    expect(text).toMatch(/binop +div, int64, r\d+, r\d+, r\d+ +; prog\.sc:\(2,10\)\(2,15\) inlined divide\(int64, int64\) <- middle\(int64, int64\)\n/);
    expect(encode(compileAt(DIVIDE_TWICE_NESTED, true))).toEqual(encode(m));
    expect(disasm(compileAt(DIVIDE_TWICE_NESTED, false))).not.toContain("inline");
  });

  describe("chains of 1 to 4 inlined procedures, each error kind: stacks from the program's layout", () => {
    /** The innermost body, its error message and the failing span (relative line, columns). */
    const kinds = [
      { body: ["  return a / b;"], message: "Division by zero", line: 1, from: 10, to: 15 },
      { body: ["  assert(a < b);", "  return a;"], message: "assert failed", line: 1, from: 3, to: 17 },
      { body: ["  int[[1]] v(2);", "  uint i = 5;", "  return v[i];"], message: "Index out of bounds", line: 3, from: 10, to: 14 },
    ];
    for (const kind of kinds) {
      for (let depth = 1; depth <= 4; depth++) {
        it(`${kind.message}, ${depth} deep`, async () => {
          // p{depth} fails; p{j} returns p{j+1}(a, b) + 1; main prints p1(6, z) with z = 0
          const lines: string[] = [];
          const stack: string[] = [];
          const sig = "(int64, int64)";
          lines.push(`int p${depth}(int a, int b) {`, ...kind.body, "}");
          const where = `prog.sc:(${kind.line + 1},${kind.from})(${kind.line + 1},${kind.to})`;
          stack.push(`p${depth}${sig} at ${where}`);
          for (let j = depth - 1; j >= 1; j--) {
            lines.push(`int p${j}(int a, int b) {`);
            const call = `p${j + 1}(a, b)`;
            lines.push(`  return ${call} + 1;`);
            stack.push(`p${j}${sig} at prog.sc:(${lines.length},10)(${lines.length},${10 + call.length})`);
            lines.push("}");
          }
          lines.push("void main() {", "  int z = 0;", "  print(p1(6, z));", "}");
          const mainLine = lines.length - 1;
          stack.push(`main() at prog.sc:(${mainLine},9)(${mainLine},${9 + "p1(6, z)".length})`);
          const { optimised } = await expectBoth(lines.join("\n") + "\n", { error: `${kind.message} at ${where}`, stack });
          expect(callees(optimised, "main()")).toEqual([]);
        });
      }
    }
  });
});
