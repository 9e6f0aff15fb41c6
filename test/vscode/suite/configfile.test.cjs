// .scope-lint.yaml in a real VS Code: creating, editing and deleting the file re-validates open
// documents at once (the server asks VS Code to watch it through dynamic registration).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { assert, vscode, GOLDEN, activateExtension, open, ours, codeOf, waitFor } = require('./helpers.cjs');

suite('workspace configuration file', () => {
  suiteSetup(activateExtension);

  test('a .scope-lint.yaml beside the file turns a rule off, and deleting it turns it back on', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs with a workspace folder');
    const dir = fs.mkdtempSync(path.join(folder.uri.fsPath, 'config-watch-'));
    try {
      const file = path.join(dir, 'plan.scope.yaml');
      fs.copyFileSync(path.join(GOLDEN, 'risky.scope.yaml'), file);
      const doc = await open(file);
      const vague = () => ours(doc.uri).filter((d) => codeOf(d) === 'cost-vague-language');
      const before = await waitFor(() => vague().length > 0 && vague(), { what: 'cost-vague-language findings' });
      const config = path.join(dir, '.scope-lint.yaml');
      fs.writeFileSync(config, 'rules:\n  cost-vague-language: off\n');
      await waitFor(() => vague().length === 0 && ours(doc.uri).length > 0, { what: 'the config file to silence cost-vague-language' });
      fs.rmSync(config);
      await waitFor(() => vague().length === before.length, {
        what: `the ${before.length} findings to come back after deleting the config file`,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
