/**
 * The VS Code extension's entry point: starts the SecreC language server for
 * `.sc` files and stops it on deactivation. By default it runs the server bundled
 * into the extension (server/secc-lsp.mjs, over Node IPC, with a debug variant
 * that opens an inspector on port 6009); the setting `secrec.server.path` selects
 * another `secc-lsp` executable, started with `--stdio`.
 */
import * as path from "node:path";
import { workspace, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function serverOptions(context: ExtensionContext): ServerOptions {
  const custom = workspace.getConfiguration("secrec").get<string>("server.path", "");
  if (custom) return { command: custom, args: ["--stdio"] };
  const module = context.asAbsolutePath(path.join("server", "secc-lsp.mjs"));
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
}

export async function activate(context: ExtensionContext): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "secrec" },
      { scheme: "untitled", language: "secrec" },
    ],
  };
  client = new LanguageClient("secrec", "SecreC language server", serverOptions(context), clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
