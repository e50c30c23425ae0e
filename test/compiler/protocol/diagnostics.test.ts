import { describe, expect, it } from "vitest";
import { compileWithStdlib, where } from "./support.js";

/** Compiles `src` and returns `code line:column` of each diagnostic. */
function diags(src: string): string[] {
  return compileWithStdlib(src).diagnostics.map((d) => `${d.code} ${where(d)}`);
}

describe("Tripl diagnostics", () => {
  it("reports a bad character and a syntax error with positions", () => {
    expect(diags("proto f(x: A<8>) -> A<8> {\n  return x $ x\n}")).toEqual(["SC8001 2:12", "SC8002 2:14"]);
    expect(diags("proto f(x: A<8>) -> A<8> {\n  let = x\n}\nexport f")).toEqual(["SC8002 2:7"]);
  });

  it("reports an unterminated comment", () => {
    expect(diags("/* open\nproto f() -> A<8> {}")).toEqual(["SC8003 1:1"]);
  });

  it("rejects a cross-party use without @", () => {
    const src = "proto f(x: A<8>) -> Z<8> @ P2 {\n  at P1 { let a = x }\n  at P2 { let b = a }\n  return b\n}\nexport f";
    const d = compileWithStdlib(src).diagnostics;
    expect(d.map((x) => `${x.code} ${where(x)}`)).toEqual(["SC8201 3:19"]);
    expect(d[0]!.message).toBe("'a' is not held by P2 (held by P1); transfer it explicitly with 'a@…'");
  });

  it("rejects sending a value from a party that does not hold it", () => {
    const src = "proto f(x: A<8>) -> Z<8> @ P2 {\n  at P1 { let a = x }\n  at P2 { let b = a@P3 }\n  return b\n}\nexport f";
    expect(diags(src)).toEqual(["SC8202 3:19"]);
  });

  it("rejects width disagreement and non-local operations", () => {
    expect(diags("proto f(x: A<8>, y: A<16>) -> A<8> {\n  return x + y\n}\nexport f")).toEqual(["SC8301 2:10"]);
    expect(diags("proto f(x: A<8>, y: A<8>) -> A<8> {\n  return x * y\n}\nexport f")).toEqual(["SC8303 2:10"]);
  });

  it("rejects unknown names and protocols, and wrong arity", () => {
    expect(diags("proto f(x: A<8>) -> A<8> {\n  return x + zz\n}\nexport f")).toEqual(["SC8101 2:14"]);
    expect(diags("proto f(x: A<8>) -> A<8> {\n  return nosuch(x)\n}\nexport f")).toEqual(["SC8102 2:10"]);
    expect(diags("proto f(x: A<8>) -> A<8> {\n  return mul<8>(x)\n}\nexport f")).toEqual(["SC8104 2:10"]);
  });

  it("rejects a result of the wrong type and a missing return", () => {
    expect(diags("proto f(x: A<8>) -> X<8> {\n  return x\n}\nexport f")).toEqual(["SC8304 1:21"]);
    expect(diags("proto f(x: A<8>) -> A<8> {\n  let y = x\n}\nexport f")).toEqual(["SC8107 1:7"]);
  });

  it("rejects randomness drawn by a non-holder and zero-shares outside each", () => {
    expect(diags("proto f(x: A<8>) -> Z<8> @ P3 {\n  at P3 { let r = rnd<8>{P1, P2} }\n  return r\n}\nexport f")).toEqual(["SC8205 2:19"]);
    expect(diags("proto f(x: A<8>) -> A<8> {\n  return x + zs<8>\n}\nexport f")).toEqual(["SC8203 2:14"]);
  });

  it("rejects recursion and a bad width", () => {
    expect(diags("proto f<n>(x: A<n>) -> A<n> {\n  return f<n>(x)\n}\nexport f<8>")).toEqual(["SC8108 1:7"]);
    expect(diags("proto f<n>(x: A<n>) -> A<n> {\n  return x\n}\nexport f<65>")).toEqual(["SC8111 1:17"]);
  });
});
