// The extension's commands, as a table: id -> handler.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { applyAllFixesCommand, languageId } from '../../shared/protocol';
import { newScopeFile } from './newScopeFile';
import { openExampleScope } from './openExample';
import { openWalkthrough } from './walkthrough';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'scope.restartServer': () => restartServer(client),
    'scope.showOutput': () => client.outputChannel.show(true),
    'scope.newFile': (resource) => newScopeFile(resource),
    'scope.openExample': () => openExampleScope(),
    'scope.getStarted': () => openWalkthrough(),
    // The server computes and applies the same edit as the `source.fixAll.scope` code action.
    'scope.fixAll': async () => {
      // The active editor, else a visible scope file (the walkthrough's button runs with the walkthrough in front).
      const document = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find(
        (editor) => editor?.document.languageId === languageId,
      )?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Open a .scope.yaml file to fix its problems.');
        return;
      }
      await client.sendRequest(ExecuteCommandRequest.type, {
        command: applyAllFixesCommand,
        arguments: [client.code2ProtocolConverter.asUri(document.uri)],
      });
    },
  };
  for (const [id, handler] of Object.entries(table)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}

/** Restarts the server with visible progress, and says in the log and the status bar that it worked (or why not). */
async function restartServer(client: LanguageClient): Promise<void> {
  const log = client.outputChannel;
  log.info('Restarting the language server ("Scope: Restart Language Server").');
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Restarting the Scope YAML language server' },
      async () => {
        // After repeated crashes the client is stopped, or failed to start: restart() only stops a running one.
        if (client.needsStop()) await client.restart();
        else await client.start();
      },
    );
  } catch (error) {
    log.error(`Restarting the language server failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const info = client.initializeResult?.serverInfo;
  const server = info ? `${info.name} ${info.version ?? ''}`.trim() : 'the language server';
  log.info(`Restarted: ${server} is running; open scope files are checked again.`);
  void vscode.window.setStatusBarMessage(`$(check) Scope YAML language server restarted`, 5000);
}
