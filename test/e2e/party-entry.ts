/**
 * Test entry for one deployment party process: `node party.mjs ID CONFIG PROGRAM.sb`
 * (bundled by the e2e support), the same partyCommand `secrun party` runs.
 */
import { readFileSync } from "node:fs";
import { partyCommand } from "../../runtime/cli/party-command.js";

const [id, config, program] = process.argv.slice(2);
process.exitCode = await partyCommand({ id: Number(id), config: config as string, bytecode: new Uint8Array(readFileSync(program as string)) });
setTimeout(() => process.exit(), 3000).unref();
