/**
 * The lint rules, by name. A rule is turned off for a whole run with `--allow RULE`
 * (check and compile; `LintOptions.allow` in the API) or for one place with a
 * comment `// secc-allow: RULE` (several names separated by commas or spaces) on the
 * flagged line or the line above it.
 *
 * - `scalar-private-in-loop` (SC7001): inside a loop body, an operator, cast or
 *   procedure call whose operands are all scalars and which runs a communicating
 *   protocol (rounds > 0 in vm/protocol-costs.ts). Each iteration pays the protocol's
 *   rounds; one vector operation over all iterations' operands pays them once.
 * - `declassify-in-loop` (SC7002): `declassify` inside a loop body: one open (one
 *   round) per iteration, and every opened value is a disclosure to review.
 */

export type LintRule = "scalar-private-in-loop" | "declassify-in-loop";

export const LINT_RULES: readonly LintRule[] = ["scalar-private-in-loop", "declassify-in-loop"];

export function isLintRule(name: string): name is LintRule {
  return (LINT_RULES as readonly string[]).includes(name);
}

export interface LintOptions {
  /** Rules turned off for the whole run. */
  readonly allow?: readonly string[];
}
