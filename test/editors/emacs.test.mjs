// Emacs (Debian 12: 28.2) with eglot (elpa-eglot 1.9), in batch mode, running the docs/editors.md
// snippet word for word against the real server: the findings Flymake shows (rule id and line),
// settings from `eglot-workspace-configuration`, and defaults for a client without workspace/configuration.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createWorkspace, editorsDir, engineRows, requireEditor, riskyFile, runEditor, snippet } from './support.mjs';

const vagueOff = { 'cost-vague-language': 'off' };

/** Flymake has three types; eglot maps LSP's info and hint both to a note. */
const flymakeType = { error: 'eglot-error', warning: 'eglot-warning', info: 'eglot-note', hint: 'eglot-note' };

/** What Emacs shows, as `<line> <flymake type> <rule id>` rows. */
const shown = (result) => result.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`).sort();

/** The engine's rows in Flymake's terms. */
const expected = (rules) =>
  engineRows(riskyFile, rules)
    .map((row) => {
      const [line, severity, code] = row.split(' ');
      return `${line} ${flymakeType[severity]} ${code}`;
    })
    .sort();

describe('Emacs eglot with the docs/editors.md snippet', () => {
  let workspace;
  let config;
  before(() => {
    requireEditor('emacs');
    workspace = createWorkspace('emacs');
    config = workspace.write('config.el', snippet('emacs'));
  });
  after(() => workspace?.remove());

  // Not -Q: Debian's site-start is what puts elpa-eglot on the load path, as in a user's Emacs.
  const emacs = (env = {}) =>
    runEditor(workspace, 'emacs', ['--batch', '-l', join(editorsDir, 'emacs', 'driver.el')], { SCOPE_CONFIG: config, ...env });

  it('manages risky.scope.yaml and shows every finding of the engine, on its line, with the rule id', async () => {
    const result = await emacs();
    assert.deepEqual(result.buffer, { kind: 'buffer', mode: 'scope-yaml-mode', managed: true, server: 'scope-language-server' });
    assert.equal(result.diagnostics.length, engineRows(riskyFile).length);
    assert.deepEqual(shown(result), expected());
    assert.deepEqual(result.logs, []);
  });

  it('applies eglot-workspace-configuration through workspace/configuration: cost-vague-language off', async () => {
    const result = await emacs({ SCOPE_SETTINGS: JSON.stringify({ scope: { rules: vagueOff } }) });
    assert.equal(result.diagnostics.filter((d) => d.code === 'cost-vague-language').length, 0);
    assert.deepEqual(shown(result), expected(vagueOff));
    assert.deepEqual(result.logs, []);
  });

  it('gives a client that does not announce workspace/configuration the defaults', async () => {
    const result = await emacs({ SCOPE_SETTINGS: JSON.stringify({ scope: { rules: vagueOff } }), SCOPE_NO_CONFIGURATION: '1' });
    assert.equal(result.diagnostics.filter((d) => d.code === 'cost-vague-language').length, 5);
    assert.deepEqual(shown(result), expected());
    assert.deepEqual(result.logs, []);
  });
});
