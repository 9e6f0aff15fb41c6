// Builds and starts the LanguageClient for the bundled server (dist/server.js).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const languageId = 'scope-yaml';
let client: LanguageClient | undefined;

export function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme: untitled files and virtual workspaces get checked too (content comes over LSP).
    documentSelector: [{ language: languageId }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.scope-lint.{yaml,yml}') },
    outputChannel,
    traceOutputChannel: outputChannel,
  };
  return new LanguageClient('scope', 'Scope YAML Language Server', serverOptions, clientOptions);
}

export async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const outputChannel = vscode.window.createOutputChannel('Scope YAML', { log: true });
  context.subscriptions.push(outputChannel);
  client = createClient(context, outputChannel);
  await client.start();
  console.log('[scope-yaml] language client started');
  return client;
}

export async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current?.isRunning()) await current.stop();
}
