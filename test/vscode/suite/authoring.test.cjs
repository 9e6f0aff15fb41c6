// Authoring features through VS Code's own commands, as the editor calls them: rename of an id,
// completion of keys and ids, the outline, and re-validation when the user changes settings.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { assert, vscode, REPO_ROOT, GOLDEN, activateExtension, open, scratch, ours, codeOf, waitFor } = require('./helpers.cjs');

const FULL = fs.readFileSync(path.join(GOLDEN, 'full.scope.yaml'), 'utf8');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'scope.schema.json'), 'utf8'));

/** Position just after the first occurrence of `before` in `doc`. */
function after(doc, before) {
  const offset = doc.getText().indexOf(before);
  assert.ok(offset >= 0, `${JSON.stringify(before)} not in ${doc.fileName}`);
  return doc.positionAt(offset + before.length);
}

/** Completion items of our server at `position` (snippets from package.json come from VS Code, not the server). */
async function completionsAt(doc, position, kind) {
  // The first request can arrive before the server has the document: poll until it answers.
  return waitFor(
    async () => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position);
      const items = list.items.filter((i) => i.kind === kind);
      return items.length > 0 && items;
    },
    { what: `completions at ${position.line + 1}:${position.character + 1}` },
  );
}

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
const insertedText = (item) => {
  const text = item.insertText ?? labelOf(item);
  return typeof text === 'string' ? text : text.value;
};

suite('authoring', () => {
  // Providers exist once the client has started: a request before that gets no answer at all.
  suiteSetup(() => activateExtension());

  test('renaming D1 to D9 changes its definition and every reference, and nothing else', async () => {
    const doc = await scratch('rename.scope.yaml', FULL);
    const at = after(doc, '- id: ');
    assert.equal(doc.getText(new vscode.Range(at, at.translate(0, 2))), 'D1');
    const edit = await waitFor(
      async () => {
        const e = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, at, 'D9');
        return e.size > 0 && e;
      },
      { what: 'a rename edit for D1' },
    );
    const edits = edit.get(doc.uri);
    // The definition, SM2's `deliverables: [D1]` and M1's `deliverables: [D1]`.
    const lineOf = (text) => FULL.slice(0, FULL.indexOf(text)).split('\n').length - 1;
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, doc.getText(e.range), e.newText]).sort((a, b) => a[0] - b[0]),
      [
        [lineOf('- id: D1'), 'D1', 'D9'],
        [lineOf('measured_by: Moderated usability test') + 1, 'D1', 'D9'],
        [lineOf('{ id: M1,'), 'D1', 'D9'],
      ],
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    const expected = FULL.replace('- id: D1\n', '- id: D9\n')
      .replace('with 5 participants\n    deliverables: [D1]\n', 'with 5 participants\n    deliverables: [D9]\n')
      .replace('date: 2027-04-09, deliverables: [D1] }', 'date: 2027-04-09, deliverables: [D9] }');
    assert.notEqual(expected, FULL);
    assert.equal(doc.getText(), expected);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('renaming an id to one already in use is refused with the reason', async () => {
    const doc = await scratch('rename-taken.scope.yaml', FULL);
    const at = after(doc, '- id: ');
    // Wait for the server to answer at all (a valid rename), then ask for the clash.
    await waitFor(() => vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, at, 'D1'), {
      what: 'the server to answer rename requests',
    });
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, at, 'D2')),
      /`?D2`? is already the id of a deliverable \(line \d+\)/,
    );
    assert.equal(doc.getText(), FULL);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('completion under budget: offers the budget keys not yet written', async () => {
    const text = FULL.replace('  contingency_percent: 15\n', '').replace('  total: 240000\n', '  total: 240000\n  \n');
    const doc = await scratch('complete-keys.scope.yaml', text);
    const at = after(doc, '  total: 240000\n  ');
    const present = ['currency', 'pricing_model', 'total', 'payment_terms', 'payments'];
    const expected = Object.keys(SCHEMA.properties.budget.properties).filter((k) => !present.includes(k));
    assert.ok(expected.includes('contingency_percent'), 'the schema lost budget.contingency_percent');
    const items = await completionsAt(doc, at, vscode.CompletionItemKind.Property);
    assert.deepEqual(items.map(labelOf).sort(), expected.sort());
    const contingency = items.find((i) => labelOf(i) === 'contingency_percent');
    assert.match(insertedText(contingency), /^contingency_percent: /);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('completion in a milestone’s deliverables: [ offers the deliverable ids', async () => {
    // A milestone being typed: the flow list is still open, so the YAML does not parse yet.
    const typing = '    - id: M5\n      name: Extra reports\n      date: 2027-10-29\n      deliverables: [';
    const text = FULL.replace('    - { id: M4, name: Warranty closed, date: 2027-10-29 }\n', (m) => `${m}${typing}\n`);
    assert.notEqual(text, FULL);
    const doc = await scratch('complete-ids.scope.yaml', text);
    const at = after(doc, typing);
    const items = await completionsAt(doc, at, vscode.CompletionItemKind.Reference);
    assert.deepEqual(items.map(labelOf), ['D1', 'D2', 'D3']);
    assert.deepEqual(items.map(insertedText), ['D1', 'D2', 'D3']);
    // Each id says what it names.
    assert.match(items[0].detail ?? '', /Discovery report and clickable prototype/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the outline lists the sections, the deliverables D1..D3 and the milestones M0..M4', async () => {
    const doc = await open(path.join(GOLDEN, 'full.scope.yaml'));
    const symbols = await waitFor(
      async () => {
        const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
        return s && s.length > 0 && s;
      },
      { what: 'document symbols of full.scope.yaml' },
    );
    const top = (name) => symbols.find((s) => s.name === name);
    const topLevelKeys = FULL.split('\n')
      .map((l) => /^([a-z_]+):/.exec(l)?.[1])
      .filter(Boolean);
    assert.deepEqual(
      symbols.map((s) => s.name),
      topLevelKeys,
    );
    const children = (name) => (top(name)?.children ?? []).map((c) => c.name);
    assert.deepEqual(children('deliverables'), ['D1', 'D2', 'D3']);
    assert.deepEqual(children('success_measures'), ['SM1', 'SM2', 'SM3']);
    assert.deepEqual(children('timeline'), ['M0', 'M1', 'M2', 'M3', 'M4']);
    // Choosing D2 in the outline selects its id on its `- id: D2` line.
    const d2 = top('deliverables').children[1];
    assert.equal(doc.getText(d2.selectionRange), 'D2');
    assert.equal(doc.lineAt(d2.selectionRange.start.line).text, '  - id: D2');
  });

  test('turning a rule off in the settings re-validates open documents, and turning it back on restores its findings', async () => {
    const doc = await open(path.join(GOLDEN, 'risky.scope.yaml'));
    const vague = () => ours(doc.uri).filter((d) => codeOf(d) === 'cost-vague-language');
    const before = await waitFor(() => vague().length > 0 && vague(), { what: 'cost-vague-language findings in risky.scope.yaml' });
    const others = ours(doc.uri).length - before.length;
    const config = () => vscode.workspace.getConfiguration('scope');
    const original = config().inspect('rules')?.globalValue;
    try {
      await config().update('rules', { 'cost-vague-language': 'off' }, vscode.ConfigurationTarget.Global);
      await waitFor(() => vague().length === 0 && ours(doc.uri).length === others, {
        what: `cost-vague-language to disappear, the ${others} other findings to stay (have ${ours(doc.uri).map(codeOf).join(', ')})`,
      });
    } finally {
      await config().update('rules', original, vscode.ConfigurationTarget.Global);
    }
    const key = (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
    await waitFor(() => vague().map(key).sort().join('\n') === before.map(key).sort().join('\n'), {
      what: `the ${before.length} cost-vague-language findings to come back (have ${vague().length})`,
    });
  });
});
