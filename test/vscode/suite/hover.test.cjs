'use strict';
const path = require('node:path');
const { assert, vscode, GOLDEN, open, ours, codeOf, waitFor, hoverText } = require('./helpers.cjs');

/** Position of the first occurrence of `word` in `doc`. */
function positionOf(doc, word) {
  const offset = doc.getText().indexOf(word);
  assert.ok(offset >= 0, `${word} not in ${doc.fileName}`);
  return doc.positionAt(offset + 1);
}

suite('hover', () => {
  test('hovering a flagged value explains each finding there', async () => {
    const doc = await open(path.join(GOLDEN, 'risky.scope.yaml'));
    const pos = positionOf(doc, 'TBD');
    const flagged = await waitFor(
      () => {
        const ds = ours(doc.uri).filter((d) => d.range.contains(pos));
        return ds.length > 0 && ds;
      },
      { what: 'a diagnostic on TBD' },
    );
    const text = await waitFor(
      async () => {
        const t = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos));
        return flagged.every((d) => t.includes(codeOf(d))) && t;
      },
      { what: 'a hover naming the findings on TBD' },
    );
    assert.match(text, /Learn more/);
    assert.match(text, /\]\(https?:\/\//, 'the hover links to the rule documentation');
  });

  test('hovering a key shows its schema documentation', async () => {
    const doc = await open(path.join(GOLDEN, 'risky.scope.yaml'));
    const pos = positionOf(doc, 'pricing_model');
    const text = await waitFor(async () => hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, pos)), {
      what: 'a hover on pricing_model',
    });
    assert.match(text, /pricing_model/);
  });

  test('hovering plain, unflagged text shows nothing from the extension', async () => {
    const doc = await open(path.join(GOLDEN, 'full.scope.yaml'));
    await waitFor(() => ours(doc.uri).length === 0, { what: 'full.scope.yaml to be clean' });
    // The value of scope_version: never flagged in the clean golden file, and not a key.
    const at = doc.positionAt(doc.getText().indexOf('scope_version: ') + 'scope_version: '.length);
    assert.ok(/\S/.test(doc.lineAt(at.line).text.slice(at.character)), 'scope_version has a value');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, at);
    assert.doesNotMatch(hoverText(hovers), /Learn more/);
  });
});
