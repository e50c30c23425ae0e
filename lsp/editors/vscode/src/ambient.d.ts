/**
 * Just enough of the `vscode` and `vscode-languageclient/node` APIs for the
 * repository's `tsc --noEmit` to check src/extension.ts without installing the
 * extension's own dependencies (they are declared in this folder's package.json
 * and used by its build, which does not type-check). Keep in step with what
 * extension.ts uses.
 */
declare module "vscode" {
  export interface ExtensionContext {
    asAbsolutePath(relativePath: string): string;
  }
  export interface WorkspaceConfiguration {
    get<T>(section: string, defaultValue: T): T;
  }
  export const workspace: { getConfiguration(section: string): WorkspaceConfiguration };
}

declare module "vscode-languageclient/node" {
  export enum TransportKind {
    stdio = 0,
    ipc = 1,
  }
  export interface NodeModule {
    module: string;
    transport?: TransportKind;
    options?: { execArgv?: string[] };
  }
  export interface Executable {
    command: string;
    args?: string[];
  }
  export type ServerOptions = Executable | { run: NodeModule; debug: NodeModule };
  export interface LanguageClientOptions {
    documentSelector: Array<{ scheme: string; language: string }>;
  }
  export class LanguageClient {
    constructor(id: string, name: string, server: ServerOptions, client: LanguageClientOptions);
    start(): Promise<void>;
    stop(): Promise<void>;
  }
}
