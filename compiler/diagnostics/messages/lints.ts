/**
 * SC7xxx: lints, warnings that teach how to write cheaper MPC programs. Each has a
 * rule name (compiler/lint/rules.ts) that turns it off with `--allow RULE` or a
 * `// secc-allow: RULE` comment on the line or the line above.
 */
import { defineMessage } from "./define.js";

export const Lints = {
  scalarPrivateInLoop: defineMessage(
    "SC7001",
    "warning",
    (what: string) => `${what} runs a private protocol on scalars once per loop iteration`,
    "scalar-private-in-loop",
  ),
  declassifyInLoop: defineMessage("SC7002", "warning", () => "`declassify` inside a loop opens a value (one round) every iteration", "declassify-in-loop"),
};
