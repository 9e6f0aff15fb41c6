// The editor tests compare what each editor shows with the engine's findings from the CLI; this pins
// that oracle to the spec, so an editor test cannot pass against a wrong engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { engineRows, requireBuild, riskyFile, snippet, specRows } from './support.mjs';

describe('editor test oracle', () => {
  it('the CLI reports the spec example findings for risky.scope.yaml (severity and rule id, as many as the expectation file lists)', () => {
    requireBuild();
    const rows = engineRows(riskyFile);
    assert.equal(rows.length, specRows('risky').length);
    assert.ok(rows.length > 30, 'the risky example is full of findings');
    assert.deepEqual(rows.map((row) => row.split(' ').slice(1).join(' ')).sort(), specRows('risky'));
  });

  it('docs/editors.md marks the snippets that the editor tests run', () => {
    assert.match(snippet('neovim'), /vim\.lsp\.start_client/);
    assert.match(snippet('emacs'), /eglot-server-programs/);
  });
});
