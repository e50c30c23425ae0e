/**
 * Control flow and statements after lowering: loops with break/continue, do-while,
 * short-circuit operators, the ternary, global initialisation order, print and
 * string interpolation. Expected outputs are worked out by hand from the language
 * reference.
 */
import { describe, expect, it } from "vitest";
import { output } from "./helpers.js";

describe("control flow", () => {
  it("runs for loops with continue (the step still runs) and break", async () => {
    const out = await output(`
      void main() {
        uint s = 0;
        for (uint i = 0; i < 10; ++i) {
          if (i % 2 == 0) continue;
          if (i > 7) break;
          s += i;
        }
        print(s);
      }`);
    // 1 + 3 + 5 + 7
    expect(out).toEqual(["16"]);
  });

  it("runs a do-while body once even when the condition is false, and while loops", async () => {
    const out = await output(`
      void main() {
        int n = 0;
        do { n = n + 1; } while (false);
        int k = 5;
        while (k > 0) { k -= 2; }
        print(n, " ", k);
      }`);
    expect(out).toEqual(["1 -1"]);
  });

  it("continues a do-while at its condition", async () => {
    const out = await output(`
      void main() {
        int i = 0;
        int odd = 0;
        do {
          i++;
          if (i % 2 == 0) continue;
          odd++;
        } while (i < 5);
        print(i, " ", odd);
      }`);
    expect(out).toEqual(["5 3"]);
  });

  it("short-circuits && and || on scalars", async () => {
    const out = await output(`
      bool loud(bool b) { print("evaluated"); return b; }
      void main() {
        bool a = false && loud(true);
        bool b = true || loud(false);
        bool c = true && loud(false);
        print(a, " ", b, " ", c);
      }`);
    expect(out).toEqual(["evaluated", "false true false"]);
  });

  it("evaluates only the chosen branch of ?:", async () => {
    const out = await output(`
      int loud(int x) { print("branch ", x); return x; }
      void main() {
        int r = 3 > 2 ? loud(1) : loud(2);
        print(r);
      }`);
    expect(out).toEqual(["branch 1", "1"]);
  });

  it("returns from nested loops", async () => {
    const out = await output(`
      uint find(uint[[1]] v, uint x) {
        for (uint i = 0; i < size(v); ++i) {
          while (true) {
            if (v[i] == x) return i;
            break;
          }
        }
        return 99;
      }
      void main() {
        uint[[1]] v = {4, 5, 6};
        print(find(v, 6 :: uint), " ", find(v, 7 :: uint));
      }`);
    expect(out).toEqual(["2 99"]);
  });
});

describe("globals", () => {
  it("initialises globals in order before main, and procedures see updates", async () => {
    const out = await output(`
      int a = 2;
      int b = a * 10;
      int[[1]] v(3) = b;
      void bump() { a += 1; v[0] = a; }
      void main() {
        bump();
        bump();
        print(a, " ", b, " ", v[0], " ", v[1]);
      }`);
    expect(out).toEqual(["4 20 4 20"]);
  });
});

describe("print and strings", () => {
  it("prints nothing but an empty line for print() of an empty string and interpolates values", async () => {
    const out = await output(`
      void main() {
        print("");
        int64 n = -5;
        bool t = true;
        float64 f = 0.5;
        print("n=$n t=$t f=$f");
      }`);
    expect(out).toEqual(["", "n=-5 t=true f=0.5"]);
  });
});
