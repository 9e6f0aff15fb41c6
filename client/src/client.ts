// Builds and starts the LanguageClient for the bundled server (dist/server.js).
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

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
    errorHandler: new CrashHandler(outputChannel),
  };
  return new LanguageClient('scope', 'Scope YAML Language Server', serverOptions, clientOptions);
}

/** Crashes within this window count towards giving up. */
const crashWindowMs = 3 * 60 * 1000;
const maxRestartsInWindow = 4;

/**
 * Restarts a server that died (up to 4 times in 3 minutes), then gives up with one error message
 * that leads to the log. The library's default handler shows a notification for every broken
 * write as well, so one crash could pop several messages.
 */
class CrashHandler implements ErrorHandler {
  private crashes: number[] = [];

  constructor(private readonly outputChannel: vscode.LogOutputChannel) {}

  // A dead server also closes the connection, and closed() decides about restarting: shutting
  // down here on broken writes would skip that decision and leave the user with no server.
  error(error: Error): ErrorHandlerResult {
    return { action: ErrorAction.Continue, message: `Connection to the server failed: ${error.message}`, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < crashWindowMs), now];
    if (this.crashes.length <= maxRestartsInWindow) {
      return { action: CloseAction.Restart, message: 'The Scope YAML language server stopped unexpectedly; restarting it.', handled: true };
    }
    const message = `The Scope YAML language server crashed ${this.crashes.length} times in 3 minutes and was not restarted. Its log is in the output; "Scope: Restart Language Server" starts it again.`;
    void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
      if (choice) this.outputChannel.show(true);
    });
    return { action: CloseAction.DoNotRestart, message, handled: true };
  }
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
