// Extension entry point: activate and deactivate only.
import type { ExtensionContext } from 'vscode';
import { startClient, stopClient } from './client';
import { registerCommands } from './commands';

export async function activate(context: ExtensionContext): Promise<void> {
  const client = await startClient(context);
  registerCommands(context, client);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
