/**
 * The hint of a secret condition: it advises `choose` and, for shared3p, names the
 * cost of an oblivious select from the protocol cost table.
 */
import { describe, expect, it } from "vitest";
import { checkSource } from "./harness.js";

describe("secret condition hint", () => {
  it("advises choose and names its shared3p cost from the protocol cost table", async () => {
    const { PROTOCOL_COSTS } = await import("../../../vm/protocol-costs.js");
    const cost = PROTOCOL_COSTS["choose<32>"]!;
    const src = "import shared3p;\ndomain pd_shared3p shared3p;\nvoid main() { pd_shared3p bool b = true; if (b) { } }";
    const { diagnostics } = checkSource(src);
    expect(diagnostics.map((d) => d.code)).toEqual(["SC4001"]);
    const help = diagnostics[0]!.help.join(" ");
    expect(help).toContain("choose(cond, a, b)");
    expect(help).toContain(`${cost.rounds} communication round`);
  });
});
