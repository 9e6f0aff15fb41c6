// Builds and starts the LanguageClient for the bundled server (dist/server.js).
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ErrorCodes,
  LanguageClient,
  ResponseError,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { languageId, workspaceTrustedNotification, type InitializationOptions } from '../../shared/protocol';
import { walkthroughMiddleware } from './walkthrough';

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
    // The server registers its own watcher for .scope-lint.yaml (dynamic registration), as it does in every client.
    outputChannel,
    traceOutputChannel: outputChannel,
    // The library's own messages go to the log: the handlers below tell the user once, instead of
    // one notification per failed restart, write or request.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new CrashHandler(outputChannel),
    initializationFailedHandler: (error: unknown) => {
      // A server that died while starting closes the connection too, and CrashHandler reports that.
      const died =
        error instanceof ResponseError &&
        (error.code === ErrorCodes.PendingResponseRejected || error.code === ErrorCodes.ConnectionInactive);
      if (!died) showError(`The Scope YAML language server failed to start: ${errorText(error)}`, outputChannel);
      return false;
    },
    // Ticks off the walkthrough's "hover a finding" and "apply a fix" steps.
    middleware: walkthroughMiddleware(),
    // Re-read on every (re)start. In an untrusted workspace the server ignores .scope-lint.yaml.
    // VS Code shows a diagnostic's message above the hover, so the server leaves it out of its hover.
    initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted, diagnosticsInHover: true }),
  };
  return new QuietLanguageClient('scope', 'Scope YAML Language Server', serverOptions, clientOptions);
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
    showError(message, this.outputChannel);
    return { action: CloseAction.DoNotRestart, message, handled: true };
  }
}

/** Never pops a notification itself (see revealOutputChannelOn); forced ones, such as a failed restart, go to the log too. */
class QuietLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    super.error(message, data, showNotification === 'force' ? false : showNotification);
  }
}

function showError(message: string, outputChannel: vscode.LogOutputChannel): void {
  void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
    if (choice) outputChannel.show(true);
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const outputChannel = vscode.window.createOutputChannel('Scope YAML', { log: true });
  context.subscriptions.push(outputChannel);
  const extension = context.extension.packageJSON as { version?: string };
  outputChannel.info(
    `Scope YAML ${extension.version ?? ''} starting in ${vscode.env.appName} ${vscode.version} (${vscode.env.appHost}); workspace ${vscode.workspace.isTrusted ? 'trusted' : 'not trusted'}.`,
  );
  client = createClient(context, outputChannel);
  // Trust is granted once per window and never revoked without a reload.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(workspaceTrustedNotification)));
  try {
    await client.start();
  } catch (error) {
    // Already reported (CrashHandler, initializationFailedHandler). Activation must succeed all the
    // same, so that "Scope: Restart Language Server" and "Scope: Show Output" exist.
    outputChannel.error(`Starting the language server failed: ${errorText(error)}`);
    return client;
  }
  console.log('[scope-yaml] language client started');
  return client;
}

export async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (current?.isRunning()) await current.stop();
}
