/**
 * SC4xxx: security types and the information-flow rules of secrec-reference.md §3.4
 * (semantic/flow.ts and the expression checkers).
 */
import { defineMessage } from "./define.js";

export const Security = {
  secretCondition: defineMessage("SC4001", "error", (what: string, domain: string) => `the condition of ${what} is private (domain \`${domain}\`); conditions must be public`),
  secretIndex: defineMessage("SC4002", "error", (domain: string) => `an index or slice bound is private (domain \`${domain}\`); indices must be public`),
  secretShape: defineMessage("SC4003", "error", (what: string) => `${what} must be public`),
  secretOutput: defineMessage("SC4004", "error", (what: string, domain: string) => `${what} cannot show a private value (domain \`${domain}\`); declassify it first`),
  secretSyscallRef: defineMessage("SC4005", "error", (mode: string) => `\`${mode}\` syscall arguments must be public`),
  declassifyPublic: defineMessage("SC4006", "error", (found: string) => `\`declassify\` needs a private value, found public \`${found}\``),
  privateToPublic: defineMessage("SC4007", "error", (from: string, to: string) => `a private value of type \`${from}\` cannot flow into public \`${to}\``),
  domainMismatch: defineMessage("SC4008", "error", (a: string, b: string) => `protection domains \`${a}\` and \`${b}\` cannot be mixed`),
  noPrivateOperator: defineMessage("SC4009", "error", (op: string, types: string) => `no definition of operator \`${op}\` for ${types}`),
  logicalOnPrivate: defineMessage("SC4010", "error", (op: string) => `\`${op}\` works on public bools only; private values need \`&\`/\`|\` definitions`),
  domainidPublic: defineMessage("SC4011", "error", () => "`__domainid` needs a protection domain, not `public`"),
  cannotClassify: defineMessage("SC4012", "error", (from: string, to: string) => `\`${from}\` cannot be classified to \`${to}\``),
  noPrivateCast: defineMessage("SC4013", "error", (from: string, to: string) => `no cast definition converts \`${from}\` to \`${to}\``),
};
