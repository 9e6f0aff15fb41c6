'use strict';
const path = require('node:path');
const { assert, vscode, GOLDEN, OWN_FIXTURES, open, ours, codeOf, waitFor } = require('./helpers.cjs');

suite('code actions', () => {
  test('a finding with a fix offers it as a quick fix that removes the finding', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'scope-yaml',
      content: require('node:fs').readFileSync(path.join(GOLDEN, 'risky.scope.yaml'), 'utf8'),
    });
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf('etc.') + 1);
    const vague = () => ours(doc.uri).filter((d) => codeOf(d) === 'cost-vague-language' && d.range.contains(at));
    await waitFor(() => vague().length === 1, { what: 'cost-vague-language on "etc."' });
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(at, at),
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => /^Remove "etc\."/.test(a.title));
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit, 'the quick fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(!doc.getText().includes('etc.'));
    await waitFor(() => vague().length === 0, { what: 'the finding to go away' });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('source.fixAll.scope applies the safe fixes', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'scope-yaml',
      content: require('node:fs').readFileSync(path.join(OWN_FIXTURES, 'fix-all.scope.yaml'), 'utf8'),
    });
    await vscode.window.showTextDocument(doc);
    await waitFor(() => ours(doc.uri).length === 2, { what: 'the two fixable findings' });
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.scope',
    );
    const fixAll = actions.find((a) => a.kind && a.kind.value === 'source.fixAll.scope');
    assert.ok(fixAll && fixAll.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.match(doc.getText(), /^ {2}total: 240000$/m);
    assert.match(doc.getText(), /^ {4}unit: "%"$/m);
    await waitFor(() => ours(doc.uri).length === 0, { what: 'all findings to clear' });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
