import { describe, expect, it } from "vitest";
import { checkPrivacy } from "../../../compiler/protocol/privacy.js";
import { compileShipped, compileWithStdlib, instance } from "./support.js";

function check(src: string, name: string) {
  const c = compileWithStdlib(src);
  expect(c.diagnostics.map((d) => d.message)).toEqual([]);
  const i = instance(c, name);
  return checkPrivacy(i.program, i.schedule).map((d) => ({ code: d.code, message: d.message }));
}

describe("privacy checker: shipped protocols", () => {
  const shipped = compileShipped();
  const names = shipped.flatMap((f) => f.instances.map((i) => i.program.instance)).filter((n) => /_(1|8)(_P\d)?$/.test(n) || /^(shr|sra)_8_\d+$/.test(n) || /^(mul|open|and|b2a|eq|reshare)_32$|^(upcast_8_16|sext_8_16|truncp_64_16|fixmul64)$/.test(n));

  it("covers every protocol", () => {
    const protos = new Set(shipped.flatMap((f) => f.instances.map((i) => i.program.proto)));
    const checked = new Set(names.map((n) => instance(shipped, n).program.proto));
    expect([...protos].filter((p) => !checked.has(p))).toEqual([]);
  });

  it.each(names)("accepts %s", (name) => {
    const i = instance(shipped, name);
    expect(checkPrivacy(i.program, i.schedule).map((d) => d.message)).toEqual([]);
  });
});

describe("privacy checker: rejects broken protocols", () => {
  it("a multiplication without the output re-share", () => {
    const src = `
proto badmul<n>(u: A<n>, v: A<n>) -> A<n> {
  each i {
    let a = u + zs<n>
    let b = v + zs<n>
    return a * b + a * b@prev + a@prev * b
  }
}
export badmul<n> for n in [8]`;
    expect(check(src, "badmul_8")).toEqual([{ code: "SC8502", message: "badmul<8>: output 1 at P1 does not end in a fresh zero-share" }]);
  });

  it("a mask used twice towards the same party", () => {
    const src = `
proto reuse<n>(u: A<n>, v: A<n>) -> Z<n> @ P3 {
  let r = rnd<n>{P1, P2}
  at P1 { let a = u + r }
  at P2 { let b = v + r }
  at P3 { let s = a@P1 - b@P2 }
  return s
}
export reuse<n> for n in [8]`;
    const d = check(src, "reuse_8");
    expect(d).toHaveLength(1);
    expect(d[0]!.code).toBe("SC8501");
    expect(d[0]!.message).toMatch(/^reuse<8>: message (a@P1 \(P1 → P3\)|b@P2 \(P2 → P3\)) received by P3 is not masked: it still depends on .*(u@P1|u@P2)/);
  });

  it("a mask narrower than the value", () => {
    const src = `
proto narrow(u: A<32>) -> Z<32> @ P3 {
  let r = rnd<8>{P1, P2}
  at P1 { let a = u + lift<32>(r) }
  at P3 { let s = a@P1 }
  return s
}
export narrow`;
    const d = check(src, "narrow");
    expect(d.map((x) => x.code)).toEqual(["SC8501"]);
    expect(d[0]!.message).toContain("message a@P1 (P1 → P3) received by P3 is not masked: it still depends on u@P1");
  });

  it("an even multiple of a mask, and a shifted mask", () => {
    for (const mask of ["2 * r", "r << 1"]) {
      const src = `
proto even(u: A<16>) -> Z<16> @ P3 {
  let r = rnd<16>{P1, P2}
  at P1 { let a = u + ${mask} }
  at P3 { let s = a@P1 }
  return s
}
export even`;
      const d = check(src, "even");
      expect(d.map((x) => x.code)).toEqual(["SC8501"]);
      expect(d[0]!.message).toContain("message a@P1 (P1 → P3) received by P3 is not masked: it still depends on u@P1");
    }
  });

  it("randomness the receiver holds, and r & e", () => {
    for (const [holders, expr] of [["P1, P3", "u + r"], ["P1, P2", "u ^ (r & u)"]] as const) {
      const src = `
proto held(u: A<16>) -> Z<16> @ P3 {
  let r = rnd<16>{${holders}}
  at P1 { let a = ${expr} }
  at P3 { let s = a@P1 }
  return s
}
export held`;
      const d = check(src, "held");
      expect(d.map((x) => x.code)).toEqual(["SC8501"]);
      expect(d[0]!.message).toContain("u@P1");
    }
  });

  it("accepts the same shapes with a proper mask", () => {
    const src = `
proto good(u: A<16>) -> Z<16> @ P3 {
  let r = rnd<16>{P1, P2}
  at P1 { let a = u + 3 * r }
  at P3 { let s = a@P1 }
  return s
}
export good`;
    expect(check(src, "good")).toEqual([]);
  });
});
