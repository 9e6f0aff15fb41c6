// The extension's commands, as a table: id -> handler.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { applyAllFixesCommand, languageId } from '../../shared/protocol';
import { newScopeFile } from './newScopeFile';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'scope.restartServer': async () => {
      // After repeated crashes the client is stopped, or failed to start: restart() only stops a running one.
      if (client.needsStop()) await client.restart();
      else await client.start();
      void vscode.window.setStatusBarMessage('Scope YAML language server restarted', 3000);
    },
    'scope.showOutput': () => client.outputChannel.show(true),
    'scope.newFile': (resource) => newScopeFile(resource),
    // The server computes and applies the same edit as the `source.fixAll.scope` code action.
    'scope.fixAll': async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== languageId) {
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
