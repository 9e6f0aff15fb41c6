// Extension entry point: activate and deactivate only.
import type { ExtensionContext } from 'vscode';
import { startClient, stopClient } from './client';
import { registerCommands } from './commands';
import { RiskReport } from './report/riskReport';

export async function activate(context: ExtensionContext): Promise<void> {
  const client = await startClient(context);
  registerCommands(context, client);
  context.subscriptions.push(new RiskReport(context, client));
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
