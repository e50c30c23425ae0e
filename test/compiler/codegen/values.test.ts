/**
 * Value semantics after lowering: arrays and structs are values (copied on
 * declaration, assignment, argument passing and return), compound assignment and
 * ++/-- evaluate their target once and yield the documented value, scalars fill
 * arrays, declarations with shapes check or fill their initialiser.
 */
import { describe, expect, it } from "vitest";
import { output, run } from "./helpers.js";

describe("arrays are values", () => {
  it("copies on declaration and assignment", async () => {
    const out = await output(`
      void main() {
        int[[1]] a = {1, 2, 3};
        int[[1]] b = a;
        b[0] = 9;
        int[[1]] c;
        c = b;
        c[1] = 8;
        print(a[0], a[1], " ", b[0], b[1], " ", c[0], c[1]);
      }`);
    expect(out).toEqual(["12 92 98"]);
  });

  it("passes arrays to procedures by value", async () => {
    const out = await output(`
      void clobber(int[[1]] v) { v[0] = 100; }
      int[[1]] fresh(int[[1]] v) { v[1] = 7; return v; }
      void main() {
        int[[1]] a = {1, 2};
        clobber(a);
        int[[1]] b = fresh(a);
        print(a[0], " ", a[1], " ", b[1]);
      }`);
    expect(out).toEqual(["1 2 7"]);
  });

  it("fills an array when a scalar is assigned, and checks shapes of declarations", async () => {
    const out = await output(`
      void main() {
        uint8[[2]] m(2, 2);
        m = 5;
        uint8[[1]] v(3) = 4;
        print(m[1, 1], " ", v[2], " ", size(v));
      }`);
    expect(out).toEqual(["5 4 3"]);
    const bad = await run(`
      void main() {
        int[[1]] a = {1, 2};
        int[[1]] b(3) = a;
      }`);
    expect(bad.error).toMatch(/^Mismatching shapes.* at prog\.sc:\(4,18\)/);
  });

  it("assigns slices and evaluates index expressions once in compound assignment", async () => {
    const out = await output(`
      uint calls = 0;
      uint next() { calls++; return 1; }
      void main() {
        int[[1]] a = {10, 20, 30, 40};
        a[next()] += 5;
        a[2:4] = {7, 8};
        a[0:1] = -1;
        print(a[0], " ", a[1], " ", a[2], " ", a[3], " calls=", calls);
      }`);
    expect(out).toEqual(["-1 25 7 8 calls=1"]);
  });

  it("gives prefix and postfix ++/-- their values", async () => {
    const out = await output(`
      void main() {
        int x = 5;
        int a = x++;
        int b = ++x;
        int c = x--;
        int d = --x;
        int[[1]] v = {1, 2};
        int e = v[1]++;
        print(a, b, c, d, x, " ", e, v[1]);
      }`);
    expect(out).toEqual(["57755 23"]);
  });

  it("applies compound assignment to whole arrays", async () => {
    const out = await output(`
      void main() {
        uint16[[1]] v = {1, 2, 3};
        v *= 3;
        v += v;
        print(v[0], " ", v[1], " ", v[2]);
      }`);
    expect(out).toEqual(["6 12 18"]);
  });
});

describe("structs are values", () => {
  it("copies structs with array fields and nested structs", async () => {
    const out = await output(`
      struct inner { int[[1]] xs; }
      struct outer { inner in; int n; }
      void main() {
        outer a;
        a.in.xs = {1, 2};
        a.n = 3;
        outer b = a;
        b.in.xs[0] = 50;
        b.n = 4;
        print(a.in.xs[0], " ", a.n, " ", b.in.xs[0], " ", b.n, " ", size(a.in.xs));
      }`);
    expect(out).toEqual(["1 3 50 4 2"]);
  });

  it("gives fields their default values and works in globals", async () => {
    const out = await output(`
      struct s { bool f; int8 i; float32 x; string t; uint[[2]] m; }
      s g;
      void main() {
        g.i = -3;
        g.m = reshape(7, 1, 2);
        s local = g;
        print(local.f, " ", local.i, " ", local.x, " [", local.t, "] ", shape(local.m)[1], " ", g.m[0, 1]);
      }`);
    expect(out).toEqual(["false -3 0 [] 2 7"]);
  });

  it("assigns through chained indexing and syscall __return into fields and globals", async () => {
    const out = await output(`
      struct s { uint64 n; uint8[[1]] buf; }
      uint64 g;
      void main() {
        int[[2]] m(2, 3);
        m[1, :][2] = 5;
        s x;
        x.buf = {0, 0};
        __syscall("Process_logMicroseconds", __return x.n);
        __syscall("Process_logMicroseconds", __return g);
        print(m[1, 2], " ", m[0, 2], " ", x.n > 0, " ", g > 0, " ", size(x.buf));
      }`);
    expect(out).toEqual(["5 0 true true 2"]);
  });
});
