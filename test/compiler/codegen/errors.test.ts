/**
 * Runtime errors carry the source span of the failing construct from the line
 * table: `MESSAGE at FILE:(line,col)(endLine,endCol)`, 1-based, the end just past the
 * construct (statements include their `;`).
 */
import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

describe("runtime error positions", () => {
  it("points at an out-of-bounds index expression", async () => {
    const r = await run(`void main() {
  int[[1]] v = {1, 2};
  uint i = 2;
  int x = v[i];
}`);
    expect(r.error).toBe("Index out of bounds at prog.sc:(4,11)(4,15)");
  });

  it("points at a failed assert statement", async () => {
    const r = await run(`void main() {
  int x = 1;
  assert(x == 2);
}`);
    expect(r.error).toBe("assert failed at prog.sc:(3,3)(3,18)");
  });

  it("points at an integer division by zero", async () => {
    const r = await run(`void main() {
  int x = 0;
  print(7 / x);
}`);
    expect(r.error).toBe("Division by zero at prog.sc:(3,9)(3,14)");
  });

  it("keeps output printed before the error", async () => {
    const r = await run(`void main() {
  print("before");
  uint8[[1]] v(2);
  v[5] = 1;
}`);
    expect(r.output).toEqual(["before"]);
    expect(r.error).toBe("Index out of bounds at prog.sc:(4,3)(4,11)");
  });
});
