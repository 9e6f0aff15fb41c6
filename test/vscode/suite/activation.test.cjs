'use strict';
const path = require('node:path');
const { assert, vscode, EXTENSION_ID, LANGUAGE_ID, GOLDEN, open, waitFor } = require('./helpers.cjs');

suite('activation', () => {
  test('the extension is installed under development', () => {
    assert.ok(vscode.version, 'vscode.version');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} not found`);
  });

  test('opening a *.scope.yaml file gives it the scope-yaml language and activates the extension', async () => {
    const doc = await open(path.join(GOLDEN, 'risky.scope.yaml'));
    assert.equal(doc.languageId, LANGUAGE_ID);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    await waitFor(() => ext.isActive, { what: `${EXTENSION_ID} to activate` });
  });

  test('the extension contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['scope.restartServer', 'scope.showOutput']) assert.ok(commands.includes(c), `missing command ${c}`);
  });
});
