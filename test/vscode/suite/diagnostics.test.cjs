'use strict';
const path = require('node:path');
const { assert, vscode, GOLDEN, OWN_FIXTURES, SEVERITY, open, scratch, ours, codeOf, waitFor, engineFindings } = require('./helpers.cjs');

const key = (p) => `${p.line}:${p.column} ${p.severity} ${p.code}`;

/** Wait until the diagnostics of `doc` satisfy `predicate`; returns them. */
async function diagnosticsOf(doc, predicate = (ds) => ds.length > 0, what = `diagnostics of ${doc.fileName}`) {
  let last = [];
  try {
    await waitFor(() => predicate((last = ours(doc.uri))), { what });
  } catch (e) {
    e.message += `\nhave:\n${last.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`).join('\n')}`;
    throw e;
  }
  return last;
}

suite('diagnostics', () => {
  test('risky.scope.yaml: the editor shows exactly what the engine reports, at the same positions', async () => {
    const file = path.join(GOLDEN, 'risky.scope.yaml');
    const expected = await engineFindings(file);
    assert.ok(expected.length > 0);
    const doc = await open(file);
    const ds = await diagnosticsOf(doc, (d) => d.length === expected.length);
    const got = ds.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: SEVERITY[d.severity],
      code: codeOf(d),
      message: d.message,
    }));
    assert.deepEqual(got.map(key).sort(), expected.map(key).sort());
    for (const d of ds) assert.ok(!d.range.isEmpty || d.range.start.line >= doc.lineCount - 1, `empty range for ${codeOf(d)}`);
  });

  test('a YAML syntax error is an error on the offending line', async () => {
    const doc = await open(path.join(OWN_FIXTURES, 'syntax-error.scope.yaml'));
    const ds = await diagnosticsOf(doc, (d) => d.some((x) => codeOf(x) === 'yaml/syntax'));
    const syntax = ds.filter((d) => codeOf(d) === 'yaml/syntax');
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(syntax[0].range.start.line, 6); // " bad: indentation" (0-based)
  });

  test('an unknown key is flagged on exactly the key', async () => {
    const doc = await open(path.join(OWN_FIXTURES, 'unknown-key.scope.yaml'));
    const ds = await diagnosticsOf(doc, (d) => d.some((x) => codeOf(x) === 'schema/additional-property'));
    const unknown = ds.filter((d) => codeOf(d) === 'schema/additional-property');
    assert.equal(unknown.length, 1);
    assert.equal(doc.getText(unknown[0].range), 'colour');
    assert.equal(unknown[0].range.start.line, 3);
  });

  test('diagnostics follow edits and clear when the problem is fixed', async () => {
    const doc = await scratch('edited.scope.yaml', 'scope_version: 1\nproject:\n  name: Edited\n  colour: blue\n');
    await diagnosticsOf(
      doc,
      (d) => d.some((x) => codeOf(x) === 'schema/additional-property'),
      'unknown-key diagnostic on an edited document',
    );
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, new vscode.Range(3, 0, 4, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await diagnosticsOf(doc, (d) => !d.some((x) => codeOf(x) === 'schema/additional-property'), 'the unknown-key diagnostic to clear');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
