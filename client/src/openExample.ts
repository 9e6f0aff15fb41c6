// "Scope: Open Example Scope": a copy of the bundled risky example (examples/crm-integration.scope.yaml,
// bundled as text) in an untitled editor, so a first look never edits a file on disk or the
// extension's own copy.
import * as vscode from 'vscode';
import example from '../../examples/crm-integration.scope.yaml';
import { openUntitledScope } from './newScopeFile';

export const exampleFileName = 'crm-integration.scope.yaml';

export async function openExampleScope(): Promise<void> {
  // From the walkthrough (a webview-like editor, not a text editor), open beside it, so the steps stay in view.
  const active = vscode.window.tabGroups.activeTabGroup.activeTab;
  const beside = active !== undefined && !(active.input instanceof vscode.TabInputText);
  await openUntitledScope(exampleFileName, example, beside ? { viewColumn: vscode.ViewColumn.Beside } : undefined);
}
