// The extension's commands, as a table: id -> handler.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'scope.restartServer': async () => {
      await client.restart();
      void vscode.window.setStatusBarMessage('Scope YAML language server restarted', 3000);
    },
    'scope.showOutput': () => client.outputChannel.show(true),
  };
  for (const [id, handler] of Object.entries(table)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
