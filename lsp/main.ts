#!/usr/bin/env node
/**
 * `secc-lsp`: the SecreC language server. Editors start it as
 * `secc-lsp --stdio` (or `--node-ipc`, `--socket=N`, `--pipe=NAME`); the
 * transport is chosen from the command line by vscode-languageserver.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.js";

const transports = ["--stdio", "--node-ipc", "--socket=", "--pipe=", "--clientProcessId"];
if (process.argv.includes("--help") || !process.argv.slice(2).some((a) => transports.some((t) => a.startsWith(t)))) {
  process.stderr.write("usage: secc-lsp --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n\nThe SecreC language server; editors start it (see lsp/README.md).\n");
  process.exit(process.argv.includes("--help") ? 0 : 2);
}

startServer(createConnection(ProposedFeatures.all));
