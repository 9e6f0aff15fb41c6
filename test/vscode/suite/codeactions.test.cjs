'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { assert, vscode, GOLDEN, OWN_FIXTURES, scratch, ours, codeOf, waitFor } = require('./helpers.cjs');

suite('code actions', () => {
  test('a finding with a fix offers it as a quick fix that removes the finding', async () => {
    const doc = await scratch('quick-fix.scope.yaml', fs.readFileSync(path.join(GOLDEN, 'risky.scope.yaml'), 'utf8'));
    const at = doc.positionAt(doc.getText().indexOf('etc.') + 1);
    const vague = () => ours(doc.uri).filter((d) => codeOf(d) === 'cost-vague-language' && d.range.contains(at));
    await waitFor(() => vague().length === 1, { what: 'cost-vague-language on "etc."' });
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(at, at),
      vscode.CodeActionKind.QuickFix.value,
      // Resolve the actions as the light bulb does: the server fills in a fix's edit through codeAction/resolve.
      50,
    );
    const fix = actions.find((a) => /^Remove "etc\."/.test(a.title));
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit, 'the quick fix carries its edit once resolved');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(!doc.getText().includes('etc.'));
    await waitFor(() => vague().length === 0, { what: 'the finding to go away' });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('source.fixAll.scope applies the safe fixes', async () => {
    const doc = await scratch('fix-all.scope.yaml', fs.readFileSync(path.join(OWN_FIXTURES, 'fix-all.scope.yaml'), 'utf8'));
    const fixable = ['cost-amount-not-numeric', 'expertise-measure-not-quantified'];
    await waitFor(() => fixable.every((c) => ours(doc.uri).some((d) => codeOf(d) === c)), {
      what: `the fixable findings ${fixable.join(', ')} (have: ${ours(doc.uri).map(codeOf).join(', ')})`,
    });
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
    await waitFor(() => !ours(doc.uri).some((d) => fixable.includes(codeOf(d))), { what: 'the fixed findings to clear' });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
