/**
 * Entry of a local party child process (see child.ts): `node --import tsx
 * runtime/party/child-main.ts` from source, and the build entry of the light party
 * bundle dist/secrun-party.mjs, which secrun forks when it exists (it holds the VM
 * and the protocols but no compiler, so three children start faster than with
 * `dist/secrun.mjs --party-child`, which calls the same partyChildMain).
 * An unexpected exception is an internal error: exit code 70, as secrun's.
 */
import { partyChildMain } from "./child.js";

partyChildMain().catch((e: unknown) => {
  process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(70);
});
