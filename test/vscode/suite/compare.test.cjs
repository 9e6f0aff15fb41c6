'use strict';
// "Scope: Compare with Previous Version" in the real workbench: a file in a Git repository with a
// committed previous version, read through VS Code's Git extension; the findings appear in the
// editor on the changed line and stay until "Scope: Clear Comparison".
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { assert, vscode, REPO_ROOT, open, codeOf, waitFor } = require('./helpers.cjs');

const source = 'Scope YAML (changes since the last commit)';
const comparisonOf = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);

suite('compare with the previous version', () => {
  let dir;
  suiteSetup(() => {
    // Inside the workspace folder, as a user's repository is: VS Code's Git extension does not open
    // a repository outside the workspace folders unless asked to by a setting.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir();
    dir = fs.mkdtempSync(path.join(folder, 'compare-repo-'));
    const git = (...args) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
        cwd: dir,
      });
    git('init', '-q');
    const example = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'portal-rebuild.scope.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'plan.scope.yaml'), example);
    git('add', '.');
    git('commit', '-q', '-m', 'as signed');
    // The working copy: the price up by 12,000 EUR with no change request.
    fs.writeFileSync(path.join(dir, 'plan.scope.yaml'), example.replace('  total: 240000\n', '  total: 252000\n'));
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a price rise with no approved change request is shown on the total line, until cleared', async () => {
    const doc = await open(path.join(dir, 'plan.scope.yaml'));
    const line = doc.getText().split('\n').indexOf('  total: 252000');
    assert.ok(line > 0);
    const compared = await vscode.commands.executeCommand('scope.compareWithPrevious', doc.uri);
    assert.equal(compared, true, 'the command could not read the previous version');
    const ds = await waitFor(
      () => {
        const found = comparisonOf(doc.uri);
        return found.length > 0 ? found : undefined;
      },
      { what: 'the comparison findings' },
    );
    assert.deepEqual(
      ds.map((d) => [codeOf(d), d.severity, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
      [
        [
          'compare/scope-creep',
          vscode.DiagnosticSeverity.Error,
          line,
          9,
          15,
          'The price rose by 12,000 EUR (+5%) and no approved change request accounts for it.',
        ],
      ],
    );
    // Its quick fix adds a proposed change request pre-filled with the measured impact.
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, ds[0].range);
    const add = actions.find((a) => a.title === 'Add change request CR4 for this change (fill in who approved it)');
    assert.ok(add, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    assert.match(
      doc.getText(),
      /\n {2}- id: CR4\n {4}raised: \d{4}-\d{2}-\d{2}\n {4}summary: "TODO: why the price rose by 12,000 EUR"\n {4}status: proposed\n {4}cost_impact: 12000\n {4}schedule_impact_days: 0\n$/,
    );
    // A proposed request accounts for nothing: the finding stays until it is approved.
    await waitFor(() => comparisonOf(doc.uri).length === 1 && comparisonOf(doc.uri)[0] !== ds[0], {
      what: 'the comparison of the edited text',
    });
    await vscode.commands.executeCommand('scope.clearComparison', doc.uri);
    await waitFor(() => comparisonOf(doc.uri).length === 0, { what: 'the comparison to be cleared' });
    // Leave no unsaved editor behind for the suites that follow.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
