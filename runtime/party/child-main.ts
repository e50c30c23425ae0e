/**
 * Entry of a party child process when running from source
 * (`node --import tsx runtime/party/child-main.ts`); the bundle uses
 * `dist/secrun.mjs --party-child`, which calls the same partyChildMain.
 */
import { partyChildMain } from "./child.js";

await partyChildMain();
