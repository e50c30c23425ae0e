/**
 * Private values after lowering, run under the emulator: operator definitions
 * applied to scalars and matrices (flattened to vectors and reshaped back),
 * scalar broadcasting, shape checks, private indexing, slices and slice
 * assignment, compound assignment, casts of matrices, classify/declassify, and a
 * user-defined kind whose operators are written with declassify.
 */
import { describe, expect, it } from "vitest";
import { output, run } from "./helpers.js";

const header = `import stdlib;\nimport shared3p;\ndomain pd_shared3p shared3p;\n`;

describe("private values", () => {
  it("applies vector operator definitions to scalars and broadcasts scalars", async () => {
    const out = await output(`${header}
      void main() {
        pd_shared3p uint32 a = 7;
        pd_shared3p uint32 b = a * 6;
        pd_shared3p uint32[[1]] v = {1, 2, 3};
        pd_shared3p uint32[[1]] w = v + a;
        print(declassify(b), " ", declassify(w[2]), " ", size(w));
      }`);
    expect(out).toEqual(["42 10 3"]);
  });

  it("reshapes matrix results back and casts matrices", async () => {
    const out = await output(`${header}
      void main() {
        pd_shared3p int32[[2]] m = reshape({1, -2, 3, -4, 5, -6}, 2, 3);
        pd_shared3p int32[[2]] n = m * m - 1;
        int32[[2]] open = declassify(n);
        pd_shared3p bool[[2]] pos = m > 0;
        pd_shared3p uint8[[2]] ones = (uint8) pos;
        uint8[[2]] o = declassify(ones);
        print(shape(open)[0], "x", shape(open)[1], " ", open[0, 1], " ", open[1, 2], " ", o[0, 0], o[0, 1], o[1, 1]);
      }`);
    expect(out).toEqual(["2x3 3 35 101"]);
  });

  it("stops with a shape error when array operands differ", async () => {
    const r = await run(`${header}
      void main() {
        pd_shared3p uint32[[2]] a = reshape(0, 2, 3);
        pd_shared3p uint32[[2]] b = reshape(0, 3, 2);
        pd_shared3p uint32[[2]] c = a + b;
      }`);
    expect(r.error).toMatch(/^Mismatching shapes in arithmetic expression at prog\.sc:\(8,37\)\(8,42\)/);
  });

  it("indexes, slices and assigns into private arrays", async () => {
    const out = await output(`${header}
      void main() {
        pd_shared3p uint64[[1]] v = {5, 6, 7, 8};
        v[1] = 60;
        v[2:4] = 0;
        pd_shared3p uint64[[1]] head = v[0:2];
        v[0] += 1;
        uint64[[1]] open = declassify(v);
        print(open[0], " ", open[1], " ", open[2], " ", open[3], " ", declassify(head[1]), " ", size(head));
      }`);
    expect(out).toEqual(["6 60 0 0 60 2"]);
  });

  it("concatenates and reshapes private arrays and reads argument-free declassified sums", async () => {
    const out = await output(`${header}
      void main() {
        pd_shared3p int64[[1]] a = {1, 2};
        pd_shared3p int64[[1]] b = {3};
        pd_shared3p int64[[1]] c = cat(a, b);
        pd_shared3p int64[[2]] m = reshape(cat(c, c), 2, 3);
        print(declassify(sum(c)), " ", declassify(m[1, 0]), " ", shape(m)[1]);
      }`);
    expect(out).toEqual(["6 1 3"]);
  });

  it("runs a user-defined kind whose operators use declassify", async () => {
    const out = await output(`
      kind toy { type int64; }
      domain d toy;
      template <domain D : toy>
      D int64[[1]] operator + (D int64[[1]] a, D int64[[1]] b) {
        int64[[1]] x = declassify(a) + declassify(b);
        D int64[[1]] r = x;
        return r;
      }
      void main() {
        d int64 a = 40;
        d int64 b = a + 2;
        print(declassify(b));
      }`);
    expect(out).toEqual(["42"]);
  });
});
